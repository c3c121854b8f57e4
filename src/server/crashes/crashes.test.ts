import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestContext } from '../platform/testing/index.ts';

interface CrashPage {
  items: { id: number; adminUnitId: string; currentAdminUnitId: string; occurredAt: string }[];
  total: number;
  summary: { crashes: number; deaths: number; injured: number };
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('crash list scoped by role', () => {
  it('the office sees the whole province; a commune officer only crashes that roll up to its commune', async () => {
    const office = await TestClient.loggedIn(t.app, 'vanphong');
    const commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
    const all = await office.get<CrashPage>('/api/v1/crashes?pageSize=1');
    const mine = await commune.get<CrashPage>('/api/v1/crashes?pageSize=500');
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes')) as [
      { n: number },
    ];
    expect(all.body.total).toBe(n);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(all.body.total / 5);
    const [me] = await t.db.query<{ admin_unit_id: string }>(
      "SELECT admin_unit_id FROM users WHERE username = 'xa.binhlu'",
    );
    for (const c of mine.body.items) expect(c.currentAdminUnitId).toBe(me!.admin_unit_id);
    // Crashes recorded on the old communes before the reform still count for the new commune.
    expect(mine.body.items.some((c) => c.adminUnitId !== me!.admin_unit_id)).toBe(true);
    // The commune's count equals an independent count through the succession table.
    const [expected] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes c
        WHERE c.admin_unit_id = $1
           OR c.admin_unit_id IN (SELECT old_id FROM admin_unit_successions WHERE new_id = $1 AND is_primary)`,
      [me!.admin_unit_id],
    );
    expect(mine.body.total).toBe(expected!.n);
  });

  it('a commune officer cannot widen its scope by asking for another commune', async () => {
    const commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
    const [other] = await t.db.query<{ id: string }>(
      "SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND id <> (SELECT admin_unit_id FROM users WHERE username = 'xa.binhlu') LIMIT 1",
    );
    const res = await commune.get<CrashPage>(`/api/v1/crashes?adminUnitId=${other!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('sums the three criteria over a local-date range', async () => {
    const office = await TestClient.loggedIn(t.app, 'vanphong');
    const res = await office.get<CrashPage>('/api/v1/crashes?from=2025-01-01&to=2025-12-31&pageSize=1');
    const [expected] = await t.db.query<{ crashes: number; deaths: number; injured: number }>(
      `SELECT count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(injured)::int AS injured FROM crashes
        WHERE (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'`,
    );
    expect(res.body.summary).toEqual(expected);
    expect(res.body.summary.crashes).toBeGreaterThan(1000);
  });
});
