import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProvince } from '../../domain/demo/province.ts';
import { createTestApp, type TestContext } from '../platform/testing/index.ts';
import { sessionsHeld } from '../propaganda/service.ts';
import { DEMO_AS_OF } from './plan.ts';
import { loadDemoPropaganda } from './propaganda.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  // The template may already hold it (when the demo loader calls it): start from none.
  await t.db.exec('DELETE FROM propaganda_sessions; DELETE FROM school_commitments;');
});
afterAll(() => t.close());

describe('demo propaganda data', () => {
  it('loads about 150 sessions of 2025–2026 by several units, and about 20 commitments', async () => {
    const loaded = await loadDemoPropaganda(t.db, buildDemoProvince(), DEMO_AS_OF);
    expect(loaded.sessions).toBeGreaterThan(130);
    expect(loaded.sessions).toBeLessThan(170);
    expect(loaded.commitments).toBeGreaterThanOrEqual(18);
    const units = await t.db.query<{ code: string; n: number }>(
      `SELECT o.code, count(*)::int AS n FROM propaganda_sessions s JOIN org_units o ON o.id = s.org_unit_id
        GROUP BY o.code ORDER BY o.code`,
    );
    const codes = units.map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['CA', 'PC08', 'SGDDT', 'TINHDOAN']));
    const [binhLu] = await t.db.query<{ code: string }>(
      `SELECT o.code FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = 'xa.binhlu'`,
    );
    expect(codes).toContain(binhLu!.code);
    expect(codes.filter((c) => c.startsWith('BATGT-'))).toHaveLength(5);
    const [range] = await t.db.query<{ first: string; last: string; early: number }>(
      `SELECT min(held_on)::text AS first, max(held_on)::text AS last,
              count(*) FILTER (WHERE o.kind = 'commune_committee' AND s.held_on < '2025-07-01')::int AS early
         FROM propaganda_sessions s JOIN org_units o ON o.id = s.org_unit_id`,
    );
    expect(range!.first >= '2025-01-01' && range!.last <= DEMO_AS_OF).toBe(true);
    expect(range!.early).toBe(0);
    const [ca] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'CA'`);
    const police = await sessionsHeld(t.db, ca!.id, '2025-01-01', DEMO_AS_OF);
    const byCode = Object.fromEntries(units.map((u) => [u.code, u.n]));
    expect(police.sessions).toBe(byCode.CA! + byCode.PC08!);
    const [bad] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM school_commitments WHERE signed > students OR signed_on > $1`,
      [DEMO_AS_OF],
    );
    expect(bad!.n).toBe(0);
  });
});
