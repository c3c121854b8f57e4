import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

interface AdminUnit {
  id: string;
  name: string;
  level: string;
  validTo: string | null;
  successorIds: string[];
  successorNames: string[];
  predecessorIds: string[];
}
interface OrgUnit {
  id: number;
  code: string;
  name: string;
  aliases: { alias: string; kind: string }[];
}
interface Person {
  id: number;
  fullName: string;
  orgUnitId: number | null;
  orgUnitName: string | null;
}
type Page<T> = { items: T[]; total: number };

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
});
afterAll(() => t.close());

describe('administrative units with validity dates', () => {
  it('lists districts only before the reform, and communes valid on a date', async () => {
    const districtsBefore = await office.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=district&at=2025-06-30',
    );
    const districtsAfter = await office.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=district&at=2025-07-01',
    );
    expect(districtsBefore.body.total).toBe(8);
    expect(districtsAfter.body.total).toBe(0);
    const communesBefore = await office.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=commune&at=2024-06-01&pageSize=500',
    );
    const communesAfter = await office.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=commune&at=2026-01-01&pageSize=500',
    );
    expect(communesAfter.body.total).toBeGreaterThanOrEqual(35);
    expect(communesAfter.body.total).toBeLessThanOrEqual(45);
    expect(communesBefore.body.total).toBeGreaterThan(communesAfter.body.total);
    // Nothing valid before the reform is valid after it.
    const after = new Set(communesAfter.body.items.map((u) => u.id));
    expect(communesBefore.body.items.some((u) => after.has(u.id))).toBe(false);
  });

  it('maps every old commune to a current one, and a current commune back to its predecessors', async () => {
    const old = await office.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=commune&at=2024-06-01&pageSize=500',
    );
    for (const u of old.body.items) expect(u.successorIds, u.name).toHaveLength(1);
    const sample = old.body.items[0]!;
    const successor = await office.get<AdminUnit>(`/api/v1/directory/admin-units/${sample.successorIds[0]}`);
    expect(successor.status).toBe(200);
    expect(successor.body.validTo).toBeNull();
    expect(successor.body.predecessorIds).toContain(sample.id);
  });

  it('rolls old units up to current ones in the database view', async () => {
    const rows = await t.db.query<{ id: string; current_id: string; valid_to: string | null }>(
      `SELECT r.id, r.current_id, c.valid_to::text AS valid_to
         FROM admin_unit_rollup r JOIN admin_units a ON a.id = r.id JOIN admin_units c ON c.id = r.current_id
        WHERE a.level = 'commune'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.valid_to, r.id).toBeNull();
  });
});

describe('units of the Committee', () => {
  it('finds the Department of Construction by its former name, without diacritics', async () => {
    const res = await office.get<Page<OrgUnit>>(
      `/api/v1/directory/org-units?q=${encodeURIComponent('giao thong van tai')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((o) => o.name)).toContain('Sở Xây dựng');
    const sxd = res.body.items.find((o) => o.name === 'Sở Xây dựng')!;
    expect(sxd.aliases).toContainEqual(
      expect.objectContaining({ alias: 'Sở Giao thông vận tải', kind: 'former_name' }),
    );
  });

  it('creates, edits and aliases a unit, each change audited with before and after', async () => {
    const created = await office.post<OrgUnit>('/api/v1/directory/org-units', {
      code: 'BAO-LC',
      name: 'Báo Lai Châu điện tử',
      kind: 'agency',
      isMember: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const patched = await office.patch<OrgUnit>(`/api/v1/directory/org-units/${id}`, {
      name: 'Báo điện tử Lai Châu',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Báo điện tử Lai Châu');
    const aliased = await office.post<OrgUnit>(`/api/v1/directory/org-units/${id}/aliases`, {
      alias: 'Báo LC',
      kind: 'abbreviation',
    });
    expect(aliased.status).toBe(201);
    expect(aliased.body.aliases.map((a) => a.alias)).toEqual(['Báo LC']);

    const again = await office.post<ErrorBody>(`/api/v1/directory/org-units/${id}/aliases`, {
      alias: 'báo  lc',
      kind: 'alias',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0]?.path).toBe('alias');

    const audit = await office.get<
      Page<{ action: string; entity: string; before: unknown; after: unknown; username: string }>
    >(`/api/v1/audit?entity=org_unit&entityId=${id}`);
    expect(audit.body.items.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({
      username: 'vanphong',
      before: { name: 'Báo Lai Châu điện tử' },
      after: { name: 'Báo điện tử Lai Châu' },
    });
  });

  it('refuses a duplicate code with a conflict, changing nothing', async () => {
    const res = await office.post<ErrorBody>('/api/v1/directory/org-units', {
      code: 'CA',
      name: 'Trùng mã',
      kind: 'agency',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });
});

describe('people are scoped by role and unit', () => {
  it('the office sees everyone; an agency officer sees only its own unit and divisions', async () => {
    const all = await office.get<Page<Person>>('/api/v1/directory/people?pageSize=500');
    const police = await TestClient.loggedIn(t.app, 'congan');
    const own = await police.get<Page<Person>>('/api/v1/directory/people?pageSize=500');
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.total).toBeLessThan(all.body.total);
    const [ca] = await t.db.query<{ id: number }>("SELECT id FROM org_units WHERE code = 'CA'");
    const policeUnits = new Set(
      (await t.db.query<{ id: number }>('SELECT id FROM org_unit_subtree($1)', [ca!.id])).map((r) => r.id),
    );
    for (const p of own.body.items) expect(policeUnits.has(p.orgUnitId!), p.fullName).toBe(true);
  });

  it('an agency officer may add people to its own unit but not to another', async () => {
    const police = await TestClient.loggedIn(t.app, 'congan');
    const [ca] = await t.db.query<{ id: number }>("SELECT id FROM org_units WHERE code = 'CA'");
    const [sxd] = await t.db.query<{ id: number }>("SELECT id FROM org_units WHERE code = 'SXD'");
    const ok = await police.post<Person>('/api/v1/directory/people', {
      fullName: 'Vàng A Sử',
      orgUnitId: ca!.id,
      phone: '0987 654 321',
    });
    expect(ok.status).toBe(201);
    const refused = await police.post<ErrorBody>('/api/v1/directory/people', {
      fullName: 'Lò Thị Mai',
      orgUnitId: sxd!.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/đơn vị của mình/);
    const [{ n }] = (await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE full_name = 'Lò Thị Mai'",
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('a commune officer sees only people of its commune', async () => {
    const commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
    const res = await commune.get<Page<Person>>('/api/v1/directory/people?pageSize=500');
    expect(res.status).toBe(200);
    const [me] = await t.db.query<{ admin_unit_id: string }>(
      "SELECT admin_unit_id FROM users WHERE username = 'xa.binhlu'",
    );
    const allowed = new Set(
      (
        await t.db.query<{ id: number }>('SELECT id FROM org_units WHERE admin_unit_id = $1', [
          me!.admin_unit_id,
        ])
      ).map((r) => r.id),
    );
    for (const p of res.body.items) expect(allowed.has(p.orgUnitId!), p.fullName).toBe(true);
    const all = await office.get<Page<Person>>('/api/v1/directory/people?pageSize=1');
    expect(res.body.total).toBeLessThan(all.body.total);
  });
});

describe('user accounts', () => {
  it('the admin creates a commune officer who can then sign in and sees its commune', async () => {
    const admin = await TestClient.loggedIn(t.app, 'admin');
    const communes = await admin.get<Page<AdminUnit>>(
      '/api/v1/directory/admin-units?level=commune&at=2026-01-01&pageSize=500',
    );
    const target = communes.body.items.find((c) => c.name.includes('Sìn Hồ')) ?? communes.body.items[0]!;
    const created = await admin.post<{ id: number }>('/api/v1/directory/users', {
      username: 'xa.moi',
      password: 'MatKhauManh2025',
      displayName: 'Cán bộ xã mới',
      role: 'commune',
      adminUnitId: target.id,
    });
    expect(created.status).toBe(201);
    const me = await (await TestClient.loggedIn(t.app, 'xa.moi', 'MatKhauManh2025')).get<{
      user: { adminUnit: { id: string } };
    }>('/api/v1/auth/me');
    expect(me.body.user.adminUnit.id).toBe(target.id);
    const audit = await t.db.query<{ after: Record<string, unknown> }>(
      "SELECT after FROM audit_log WHERE entity = 'user' AND action = 'create' AND entity_id = $1",
      [String(created.body.id)],
    );
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(/MatKhauManh2025|argon2/);
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = await TestClient.loggedIn(t.app, 'admin');
    const leader = await TestClient.loggedIn(t.app, 'lanhdao');
    const [u] = await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'lanhdao'");
    expect((await admin.patch(`/api/v1/directory/users/${u!.id}`, { disabled: true })).status).toBe(200);
    expect((await leader.get('/api/v1/auth/me')).status).toBe(401);
    const again = await new TestClient(t.app).post<ErrorBody>('/api/v1/auth/login', {
      username: 'lanhdao',
      password: 'ATGT@demo2025',
    });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
    await admin.patch(`/api/v1/directory/users/${u!.id}`, { disabled: false });
  });
});
