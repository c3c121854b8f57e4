import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  type ErrorBody,
  type Response,
  TestClient,
  type TestContext,
} from './testing/index.ts';

let t: TestContext;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await TestClient.loggedIn(t.app, 'admin');
});
afterAll(() => t.close());

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

function expectClearError(res: Response, label: string) {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  const body = res.body as ErrorBody;
  expect(typeof body.error?.code, label).toBe('string');
  expect(body.error.message, label).toMatch(VIETNAMESE);
  expect(Array.isArray(body.error.details), label).toBe(true);
}

const BAD_QUERIES = [
  'page=-1',
  'page=abc',
  'pageSize=100000',
  'pageSize=0',
  'page=1e99',
  'at=2024-13-45',
  'at=2025-02-30',
  'from=31/12/2024',
  'from=2025-05-01&to=2025-01-01',
  'level=huyen',
  'kind=bogus',
  `q=${'x'.repeat(5000)}`,
  'orgUnitId=abc',
  'userId=-3',
];
const BAD_IDS = ['abc', '-5', '1.5', '99999999999999999999'];
const BAD_BODIES: { label: string; raw?: string; body?: unknown; contentType?: string }[] = [
  { label: 'invalid JSON', raw: '{"name": ' },
  { label: 'JSON array', body: [1, 2, 3] },
  { label: 'JSON null', raw: 'null' },
  { label: 'JSON string', body: 'hello' },
  {
    label: 'wrong types',
    body: { code: 5, name: false, fullName: 7, username: [], password: {}, alias: 1, kind: 3 },
  },
  { label: 'unknown field', body: { notAField: 'x' } },
  {
    label: 'huge string',
    body: { name: 'x'.repeat(20000), fullName: 'x'.repeat(20000), alias: 'x'.repeat(20000) },
  },
  { label: 'text/plain', raw: 'name=x', contentType: 'text/plain' },
];

describe('bad input to every endpoint gets a clear Vietnamese error, never a 500', () => {
  it('every GET list with malformed query parameters', async () => {
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':'));
    expect(lists.length).toBeGreaterThan(5);
    for (const route of lists) {
      for (const q of BAD_QUERIES) {
        const res = await admin.get(`${route.url}?${q}`);
        // A parameter a route does not take is ignored; any error must be clear and client-side.
        if (res.status >= 400) expectClearError(res, `${route.url}?${q.slice(0, 40)}`);
        else expect(res.status, `${route.url}?${q.slice(0, 40)}`).toBe(200);
      }
    }
    // Parameters every list takes are always checked.
    for (const route of lists.filter((r) => !r.url.includes('/auth/') && !r.url.endsWith('/meta'))) {
      expectClearError(await admin.get(`${route.url}?page=abc`), `${route.url} page=abc`);
    }
  });

  it('every route with an :id parameter given a malformed id', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.includes(':id'));
    for (const route of routes) {
      for (const id of BAD_IDS) {
        const res = await admin.request(
          route.method as 'GET',
          route.url.replace(':id', id),
          route.method === 'GET' ? undefined : {},
        );
        expectClearError(res, `${route.method} ${route.url} id=${id}`);
      }
    }
  });

  it('every write route given malformed bodies; nothing is written', async () => {
    const before = await t.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM org_units) + (SELECT count(*) FROM people) + (SELECT count(*) FROM users) + (SELECT count(*) FROM org_unit_aliases) AS n',
    );
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET' && !r.url.includes('/auth/'));
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      const url = route.url.replace(':id', '1');
      for (const bad of BAD_BODIES) {
        const res = await admin.request(route.method as 'POST', url, bad.body, {
          rawBody: bad.raw,
          contentType: bad.contentType,
        });
        expectClearError(res, `${route.method} ${route.url} ${bad.label}`);
      }
    }
    const after = await t.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM org_units) + (SELECT count(*) FROM people) + (SELECT count(*) FROM users) + (SELECT count(*) FROM org_unit_aliases) AS n',
    );
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
  });

  it('well-formed input that breaks a rule gets a field-level message', async () => {
    const badParent = await admin.post<ErrorBody>('/api/v1/directory/org-units', {
      code: 'TEST-1',
      name: 'Đơn vị thử',
      kind: 'agency',
      parentId: 987654,
    });
    expect(badParent.status).toBe(400);
    expect(badParent.body.error.code).toBe('INVALID_REFERENCE');

    const badPhone = await admin.post<ErrorBody>('/api/v1/directory/people', {
      fullName: 'Lò Văn Bình',
      phone: 'gọi tôi',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details).toEqual([
      { path: 'phone', message: expect.stringMatching(/Số điện thoại/) },
    ]);

    const commune = await admin.post<ErrorBody>('/api/v1/directory/users', {
      username: 'xa.moi',
      password: 'MatKhau12345',
      displayName: 'Cán bộ xã mới',
      role: 'commune',
    });
    expect(commune.status).toBe(400);
    expect(commune.body.error.details.map((d) => d.path)).toContain('adminUnitId');

    const dup = await admin.post<ErrorBody>('/api/v1/directory/users', {
      username: 'vanphong',
      password: 'MatKhau12345',
      displayName: 'Trùng tên',
      role: 'leader',
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details).toEqual([{ path: 'username', message: 'Tên đăng nhập đã tồn tại.' }]);

    const weak = await admin.post<ErrorBody>('/api/v1/directory/users', {
      username: 'yeu',
      password: 'short',
      displayName: 'Mật khẩu yếu',
      role: 'leader',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toMatchObject({ path: 'password' });
  });

  it('unknown API paths answer 404 in the error shape', async () => {
    const res = await admin.get('/api/v1/khong-co');
    expect(res.status).toBe(404);
    expectClearError(res, '404');
  });
});
