/**
 * Data sharing with partner agencies: API clients (admin), bearer tokens and scopes, the datasets as pages,
 * exports and change feeds, what a partner may see, the per-client rate limit and the log of every call.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../enforcement/service.ts';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

interface Client {
  id: number;
  name: string;
  scopes: string[];
  tokenPrefix: string;
  partnerIsPolice: boolean;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
interface Issued {
  client: Client;
  token: string;
}
interface Call {
  method: string;
  path: string;
  query: string | null;
  status: number;
  rowsReturned: number | null;
  durationMs: number;
}
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Feed = {
  items: { op: 'upsert' | 'delete'; id: number; seq: number; data?: Record<string, unknown> }[];
  nextCursor: string;
  hasMore: boolean;
};

let t: TestContext;
let admin: TestClient;
let office: TestClient;
let binhLu = '';
const unitId: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await TestClient.loggedIn(t.app, 'admin');
  office = await TestClient.loggedIn(t.app, 'vanphong');
  const [a] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE name = 'Bình Lư' AND valid_to IS NULL`,
  );
  binhLu = a!.id;
  for (const u of await t.db.query<{ id: number; code: string }>(
    `SELECT id, code FROM org_units WHERE code IN ('CA', 'PC08', 'SYT')`,
  ))
    unitId[u.code] = u.id;
});
afterAll(() => t.close());

async function issue(body: Record<string, unknown>): Promise<Issued> {
  const res = await admin.post<Issued>('/api/v1/api-clients', { name: 'Đối tác thử', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A partner's call: the bearer token in the Authorization header, no cookie, no CSRF token. */
async function call<T = unknown>(
  token: string | null,
  url: string,
  method: 'GET' | 'POST' = 'GET',
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.inject({
    method,
    url,
    headers,
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  // The call log is written after the answer; wait for it so that the log's order is the calls' order.
  await t.app.shareCallsSettled();
  const json = String(res.headers['content-type'] ?? '').includes('application/json');
  return {
    status: res.statusCode,
    body: (json ? res.json() : res.body) as T,
    bytes: res.rawPayload,
    headers: res.headers,
  };
}

async function callsOf(id: number): Promise<Call[]> {
  await t.app.shareCallsSettled();
  const res = await admin.get<Page<Call>>(`/api/v1/api-clients/${id}/calls?pageSize=500`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Follows a feed to its end; returns the cursor after the last change. */
async function feedEnd(token: string, dataset: string): Promise<string> {
  let since = '';
  for (;;) {
    const res = await call<Feed>(
      token,
      `/api/share/v1/${dataset}/changes?limit=1000${since ? `&since=${since}` : ''}`,
    );
    expect(res.status).toBe(200);
    since = res.body.nextCursor;
    if (!res.body.hasMore) return since;
  }
}

describe('API clients (admin)', () => {
  it('are managed by the admin only', async () => {
    const res = await office.get<ErrorBody>('/api/v1/api-clients');
    expect(res.status).toBe(403);
    expect((await office.post('/api/v1/api-clients', { name: 'x', scopes: ['crashes:read'] })).status).toBe(
      403,
    );
    expect((await new TestClient(t.app).get('/api/v1/api-clients')).status).toBe(401);
  });

  it('give the token once, keep only its hash, and audit every change', async () => {
    const { client, token } = await issue({
      name: 'Sở Y tế — hệ thống cấp cứu',
      partnerOrgUnitId: unitId.SYT,
      contact: 'Phòng CNTT, 0214 3 123 456',
      scopes: ['crashes:read'],
    });
    expect(token).toMatch(/^atgt_[A-Za-z0-9_-]{43}$/);
    expect(client.tokenPrefix).toBe(token.slice(0, 12));
    expect(client.partnerIsPolice).toBe(false);
    const [row] = await t.db.query<Record<string, unknown>>('SELECT * FROM api_clients WHERE id = $1', [
      client.id,
    ]);
    expect(Object.values(row!)).not.toContain(token);
    expect(JSON.stringify((await admin.get('/api/v1/api-clients')).body)).not.toContain(token);

    const rotated = await admin.post<Issued>(`/api/v1/api-clients/${client.id}/rotate`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(token);
    expect((await admin.post(`/api/v1/api-clients/${client.id}/revoke`, {})).status).toBe(200);
    expect((await admin.post(`/api/v1/api-clients/${client.id}/revoke`, {})).status).toBe(409);
    expect((await admin.post(`/api/v1/api-clients/${client.id}/rotate`, {})).status).toBe(409);
    const audited = await t.db.query<{ action: string; after: string }>(
      `SELECT action, after::text FROM audit_log WHERE entity = 'api_client' AND entity_id = $1 ORDER BY id`,
      [String(client.id)],
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'rotate', 'revoke']);
    for (const a of audited) {
      expect(a.after).not.toContain(token);
      expect(a.after).not.toContain(rotated.body.token);
    }
  });

  it('refuse unknown scopes and units with field messages', async () => {
    const bad = await admin.post<ErrorBody>('/api/v1/api-clients', { name: 'X', scopes: ['crashes:delete'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]!.path).toMatch(/^scopes/);
    const unit = await admin.post<ErrorBody>('/api/v1/api-clients', {
      name: 'X',
      scopes: ['crashes:read'],
      partnerOrgUnitId: 987654,
    });
    expect(unit.status).toBe(400);
    expect(unit.body.error.details).toEqual([{ path: 'partnerOrgUnitId', message: expect.any(String) }]);
  });
});

describe('a partner with black_spots:read only', () => {
  it('reads black spots, is refused the rest, and every call of a known client is logged', async () => {
    // A spot of its own with coordinates, so that the collection has at least one point.
    const spot = await office.post<{ id: number }>('/api/v1/black-spots', {
      kind: 'hazard',
      hazardType: 'landslide',
      name: 'Đoạn sạt lở Km 45 QL4D',
      lat: 22.41,
      lon: 103.33,
      adminUnitId: binhLu,
    });
    expect(spot.status).toBe(201);
    const { client, token } = await issue({ name: 'Sở Xây dựng', scopes: ['black_spots:read'] });

    const page = await call<Page<Record<string, unknown>>>(token, '/api/share/v1/black-spots?pageSize=1000');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(0);
    const ids = page.body.items.map((i) => i.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b)); // stable order: by id
    const mine = page.body.items.find((i) => i.id === spot.body.id)!;
    expect(mine).toMatchObject({
      kind: 'hazard',
      name: 'Đoạn sạt lở Km 45 QL4D',
      lat: 22.41,
      lon: 103.33,
      crashes: 0,
    });
    expect(mine).toHaveProperty('criteriaId');

    const csv = await call(token, '/api/share/v1/black-spots.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['x-total-count']).toBe(String(page.body.total));
    expect(csv.headers['x-export-truncated']).toBe('false');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFid,kind,hazardType,status,name,')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(page.body.total + 1);
    expect(text).toContain('Đoạn sạt lở Km 45 QL4D');

    const geo = await call(token, '/api/share/v1/black-spots.geojson');
    expect(geo.status).toBe(200);
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = JSON.parse(geo.bytes.toString('utf8')) as {
      type: string;
      features: {
        type: string;
        geometry: { type: string; coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(page.body.total);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      if (f.geometry !== null) {
        expect(f.geometry.type).toBe('Point');
        expect(f.geometry.coordinates).toHaveLength(2);
        expect(f.geometry.coordinates.every((c) => Number.isFinite(c))).toBe(true);
      }
    }
    expect(fc.features.find((f) => f.properties.id === spot.body.id)!.geometry).toEqual({
      type: 'Point',
      coordinates: [103.33, 22.41],
    });

    const changes = await call<Feed>(token, '/api/share/v1/black-spots/changes?limit=5');
    expect(changes.status).toBe(200);
    expect(changes.body.items).toHaveLength(5);
    expect(changes.body.hasMore).toBe(true);

    for (const url of [
      '/api/share/v1/crashes',
      '/api/share/v1/crashes.csv',
      '/api/share/v1/crashes/changes',
      '/api/share/v1/violations',
      '/api/share/v1/violations.xlsx',
    ]) {
      const refused = await call<ErrorBody>(token, url);
      expect(refused.status, url).toBe(403);
      expect(refused.body.error.message).toMatch(/không được cấp quyền/);
      expect(refused.headers['www-authenticate']).toMatch(/insufficient_scope/);
    }
    const written = await call(token, '/api/share/v1/crashes', 'POST', {});
    expect(written.status).toBe(403);

    // No token, a malformed header, a token nobody was given.
    for (const [tok, header] of [
      [null, undefined],
      ['', 'Bearer'],
      ['atgt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', undefined],
    ] as const) {
      const res =
        header === undefined
          ? await call<ErrorBody>(tok, '/api/share/v1/black-spots')
          : await t.app
              .inject({ method: 'GET', url: '/api/share/v1/black-spots', headers: { authorization: header } })
              .then((r) => ({ status: r.statusCode, headers: r.headers }));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="atgt-share"/);
    }
    const none = await call<ErrorBody>(null, '/api/share/v1/black-spots');
    expect(none.body.error.message).toMatch(/Thiếu khóa truy cập/);

    // Rotated away: the old token is refused, the new one works; revoked: refused.
    const rotated = await admin.post<Issued>(`/api/v1/api-clients/${client.id}/rotate`, {});
    expect((await call(token, '/api/share/v1/black-spots')).status).toBe(401);
    expect((await call(rotated.body.token, '/api/share/v1/black-spots?pageSize=1')).status).toBe(200);
    await admin.post(`/api/v1/api-clients/${client.id}/revoke`, {});
    const revoked = await call<ErrorBody>(rotated.body.token, '/api/share/v1/black-spots');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('TOKEN_REVOKED');

    const calls = await callsOf(client.id);
    const seen = calls.map((c) => `${c.method} ${c.path} ${c.status}`).reverse();
    expect(seen).toEqual([
      'GET /api/share/v1/black-spots 200',
      'GET /api/share/v1/black-spots.csv 200',
      'GET /api/share/v1/black-spots.geojson 200',
      'GET /api/share/v1/black-spots/changes 200',
      'GET /api/share/v1/crashes 403',
      'GET /api/share/v1/crashes.csv 403',
      'GET /api/share/v1/crashes/changes 403',
      'GET /api/share/v1/violations 403',
      'GET /api/share/v1/violations.xlsx 403',
      'POST /api/share/v1/crashes 403',
      // the rotated-away token is nobody's: not logged
      'GET /api/share/v1/black-spots 200',
      'GET /api/share/v1/black-spots 401',
    ]);
    const first = calls.at(-1)!;
    expect(first).toMatchObject({ query: 'pageSize=1000', rowsReturned: page.body.total });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(calls.find((c) => c.path === '/api/share/v1/black-spots.csv')!.rowsReturned).toBe(page.body.total);
    expect(calls.find((c) => c.path === '/api/share/v1/black-spots/changes')!.rowsReturned).toBe(5);
    const listed = await admin.get<Page<Client>>('/api/v1/api-clients?status=revoked');
    const me = listed.body.items.find((c) => c.id === client.id)!;
    expect(me.lastUsedAt).not.toBeNull();
  });
});

describe('what a partner sees', () => {
  it('crashes carry no personal data; CSV and XLSX read back', async () => {
    const { token } = await issue({ scopes: ['crashes:read', 'crashes:write'] });
    const posted = await call<Record<string, unknown>>(token, '/api/share/v1/crashes', 'POST', {
      occurredAt: '2025-09-10T08:15:00+07:00',
      adminUnitId: binhLu,
      lat: 22.35,
      lon: 103.45,
      vehicles: ['motorbike'],
      causes: ['alcohol'],
      alcohol: true,
      source: 'health',
      verified: true,
      description: 'Anh Nguyễn Văn An, CCCD 012345678901, SĐT 0912345678, bị thương',
      persons: [{ role: 'driver', age: 34, sex: 'male', injury: 'serious', alcohol: 'positive' }],
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body).toMatchObject({ source: 'health', verified: false, injured: 1, adminUnitId: binhLu });
    const id = posted.body.id as number;
    const history = await t.db.query<{ username: string }>(
      `SELECT username FROM audit_log WHERE entity = 'crash' AND entity_id = $1`,
      [String(id)],
    );
    expect(history).toEqual([{ username: 'api:Đối tác thử' }]);

    const page = await call<Page<Record<string, unknown>>>(
      token,
      '/api/share/v1/crashes?from=2025-09-10&to=2025-09-10&pageSize=1000',
    );
    expect(page.status).toBe(200);
    const item = page.body.items.find((c) => c.id === id)!;
    const text = JSON.stringify(page.body);
    for (const secret of ['Nguyễn Văn An', '012345678901', '0912345678']) expect(text).not.toContain(secret);
    for (const key of ['description', 'createdBy', 'personName', 'phone', 'idNumber'])
      expect(item).not.toHaveProperty(key);
    expect(item.persons).toEqual([
      {
        role: 'driver',
        age: 34,
        sex: 'male',
        injury: 'serious',
        diedOn: null,
        student: false,
        vehicle: null,
      },
    ]);

    const csv = await call(token, '/api/share/v1/crashes.csv?from=2025-09-10&to=2025-09-10');
    expect(csv.status).toBe(200);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(page.body.total + 1);
    expect(lines[0]!.split(',')).toContain('occurredAt');
    expect(lines[0]).not.toMatch(/description/);
    expect(csv.bytes.toString('utf8')).not.toContain('0912345678');

    const xlsx = await call(token, '/api/share/v1/crashes.xlsx?from=2025-09-10&to=2025-09-10');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(page.body.total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(lines[0]!.split(','));
    const row = sheet
      .getSheetValues()
      .slice(2)
      .find((r) => (r as unknown[])[1] === id) as unknown[];
    expect(row[header.indexOf('causes') + 1]).toBe('alcohol');
    expect(row[header.indexOf('currentAdminUnitId') + 1]).toBe(binhLu);

    const invalid = await call<ErrorBody>(token, '/api/share/v1/crashes', 'POST', {
      occurredAt: 'hôm qua',
      adminUnitId: binhLu,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d) => d.path)).toContain('occurredAt');
  });

  it('violations: names masked and no id number, except for the police', async () => {
    const [v] = await t.db.query<{ id: number; day: string }>(
      `UPDATE violations SET person_name = 'Lò Văn Bình', person_id_number = '012345678901'
        WHERE id = (SELECT min(id) FROM violations)
        RETURNING id, ((occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date::text AS day`,
    );
    const url = `/api/share/v1/violations?from=${v!.day}&to=${v!.day}&pageSize=1000`;
    const other = await issue({
      name: 'Sở Tài chính',
      partnerOrgUnitId: unitId.SYT,
      scopes: ['violations:read'],
    });
    const police = await issue({
      name: 'Phòng CSGT',
      partnerOrgUnitId: unitId.PC08,
      scopes: ['violations:read'],
    });
    expect(police.client.partnerIsPolice).toBe(true);

    const masked = await call<Page<Record<string, unknown>>>(other.token, url);
    expect(masked.status).toBe(200);
    const m = masked.body.items.find((i) => i.id === Number(v!.id))!;
    expect(m).toMatchObject({
      personName: maskName('Lò Văn Bình'),
      personIdNumber: null,
      personalData: 'masked',
    });
    expect(m.plate).toBeTypeOf('string');
    expect(m).toHaveProperty('fineVnd');
    expect(JSON.stringify(masked.body)).not.toContain('012345678901');

    const full = await call<Page<Record<string, unknown>>>(police.token, url);
    const f = full.body.items.find((i) => i.id === Number(v!.id))!;
    expect(f).toMatchObject({
      personName: 'Lò Văn Bình',
      personIdNumber: '012345678901',
      personalData: 'full',
    });
    const reads = await t.db.query<{ username: string }>(
      `SELECT username FROM audit_log WHERE action = 'read_personal' AND entity = 'violation' AND username = 'api:Phòng CSGT'`,
    );
    expect(reads.length).toBe(1);

    const csv = await call(other.token, `/api/share/v1/violations.csv?from=${v!.day}&to=${v!.day}`);
    expect(csv.bytes.toString('utf8')).not.toContain('Lò Văn Bình');
    expect(csv.bytes.toString('utf8')).toContain(maskName('Lò Văn Bình'));
  });
});

describe('the change feed', () => {
  it('shows an insert, an update and a delete in order, then nothing new', async () => {
    const { token } = await issue({ scopes: ['crashes:read', 'crashes:write'] });
    let since = await feedEnd(token, 'crashes');
    const next = async () => {
      const res = await call<Feed>(token, `/api/share/v1/crashes/changes?since=${since}`);
      expect(res.status).toBe(200);
      since = res.body.nextCursor;
      return res.body;
    };

    const created = await call<{ id: number }>(token, '/api/share/v1/crashes', 'POST', {
      occurredAt: '2025-10-01T07:00:00+07:00',
      adminUnitId: binhLu,
      injured: 2,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const afterInsert = await next();
    expect(afterInsert.items.map((i) => [i.op, i.id])).toEqual([['upsert', id]]);
    expect(afterInsert.items[0]!.data).toMatchObject({ id, injured: 2 });

    expect((await office.patch(`/api/v1/crashes/${id}`, { injured: 3 })).status).toBe(200);
    const afterUpdate = await next();
    expect(afterUpdate.items.map((i) => [i.op, i.id])).toEqual([['upsert', id]]);
    expect(afterUpdate.items[0]!.data).toMatchObject({ injured: 3 });

    expect((await office.request('DELETE', `/api/v1/crashes/${id}`)).status).toBe(204);
    const afterDelete = await next();
    expect(afterDelete.items).toEqual([{ op: 'delete', id, seq: expect.any(Number) }]);

    const seqs = [afterInsert, afterUpdate, afterDelete].map((f) => f.items[0]!.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);

    const again = await next();
    expect(again).toEqual({ items: [], nextCursor: since, hasMore: false });
  });

  it('reports a crash merged into another as deleted', async () => {
    const { token } = await issue({ scopes: ['crashes:read', 'crashes:write'] });
    const since = await feedEnd(token, 'crashes');
    const body = { occurredAt: '2025-10-02T07:00:00+07:00', adminUnitId: binhLu, injured: 1 };
    const a = await call<{ id: number }>(token, '/api/share/v1/crashes', 'POST', body);
    const b = await call<{ id: number }>(token, '/api/share/v1/crashes', 'POST', body);
    expect((await office.post(`/api/v1/crashes/${b.body.id}/merge`, { intoId: a.body.id })).status).toBe(200);
    const feed = await call<Feed>(token, `/api/share/v1/crashes/changes?since=${since}`);
    expect(feed.body.items.map((i) => [i.op, i.id])).toEqual([
      ['upsert', a.body.id],
      ['delete', b.body.id],
    ]);
  });

  it('never skips a change: a writer waits for an earlier writer to commit (PostgreSQL)', async (ctx) => {
    if (t.db.kind !== 'postgres') ctx.skip(); // PGlite runs one transaction at a time anyway
    const { token } = await issue({ scopes: ['crashes:read'] });
    const since = await feedEnd(token, 'crashes');
    const insert = 'INSERT INTO crashes (occurred_at, admin_unit_id) VALUES (now(), $1) RETURNING id';
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = 0;
    const a = t.db.transaction(async (tx) => {
      first = Number((await tx.query<{ id: number }>(insert, [binhLu]))[0]!.id);
      await gate;
    });
    await new Promise((r) => setTimeout(r, 100));
    let secondDone = false;
    const b = t.db
      .transaction(async (tx) => Number((await tx.query<{ id: number }>(insert, [binhLu]))[0]!.id))
      .then((id) => {
        secondDone = true;
        return id;
      });
    await new Promise((r) => setTimeout(r, 300));
    // The second writer drew no number yet: a reader now cannot see it ahead of the first.
    expect(secondDone).toBe(false);
    expect((await call<Feed>(token, `/api/share/v1/crashes/changes?since=${since}`)).body.items).toEqual([]);
    release();
    await a;
    const second = await b;
    const feed = await call<Feed>(token, `/api/share/v1/crashes/changes?since=${since}`);
    expect(feed.body.items.map((i) => i.id)).toEqual([first, second]);
  });

  it('refuses a cursor it did not give out, in Vietnamese', async () => {
    const { token } = await issue({ scopes: ['violations:read'] });
    for (const bad of ['abc', '-1', 'NDI=', '%00']) {
      const res = await call<ErrorBody>(token, `/api/share/v1/violations/changes?since=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message).toMatch(/Con trỏ "since" không hợp lệ/);
      expect(res.body.error.details[0]!.path).toBe('since');
    }
    const unknown = await call<ErrorBody>(token, '/api/share/v1/violations/changes?cursor=x');
    expect(unknown.status).toBe(400);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client has used its calls of the minute', async () => {
    const { client, token } = await issue({ scopes: ['black_spots:read'], ratePerMinute: 2 });
    expect((await call(token, '/api/share/v1/black-spots?pageSize=1')).status).toBe(200);
    expect((await call(token, '/api/share/v1/black-spots?pageSize=1')).status).toBe(200);
    const limited = await call<ErrorBody>(token, '/api/share/v1/black-spots?pageSize=1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Another client is not affected.
    const other = await issue({ scopes: ['black_spots:read'], ratePerMinute: 2 });
    expect((await call(other.token, '/api/share/v1/black-spots?pageSize=1')).status).toBe(200);
    expect((await callsOf(client.id)).map((c) => c.status)).toEqual([429, 200, 200]);
  });
});

describe('OpenAPI', () => {
  it('documents the partner routes with the bearer scheme', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const p of [
      '/api/share/v1/crashes',
      '/api/share/v1/crashes.csv',
      '/api/share/v1/black-spots.geojson',
      '/api/share/v1/violations/changes',
      '/api/v1/api-clients/{id}/calls',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/share/v1/black-spots']!.get!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/share/v1/crashes']!.post!.security).toEqual([{ bearer: [] }]);
  });
});
