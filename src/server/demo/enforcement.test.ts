import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_FROM, DEMO_CAMPAIGN_TO } from '../../domain/demo/enforcement.ts';
import { buildDemoProvince } from '../../domain/demo/province.ts';
import { createTestApp, TestClient, type TestContext } from '../platform/testing/index.ts';
import { loadDemoEnforcement } from './enforcement.ts';
import { DEMO_AS_OF } from './plan.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  // The template may already hold it (when the demo loader calls it): start from none.
  await t.db.exec(
    'DELETE FROM patrol_campaign_tallies; DELETE FROM violations; DELETE FROM patrol_campaigns;',
  );
});
afterAll(() => t.close());

describe('demo enforcement data', () => {
  it('loads a few hundred 2026 violations with workplaces, and the Tết campaign', async () => {
    const loaded = await loadDemoEnforcement(t.db, buildDemoProvince(), DEMO_AS_OF);
    expect(loaded.violations).toBeGreaterThan(200);
    expect(loaded.violations).toBeLessThan(600);
    const [row] = await t.db.query<{ n: number; people: number; units: number; first: string; last: string }>(
      `SELECT count(*)::int AS n, count(person_name)::int AS people, count(DISTINCT person_org_unit_id)::int AS units,
              min(occurred_at)::date::text AS first, max(occurred_at)::date::text AS last FROM violations`,
    );
    expect(row!.n).toBe(loaded.violations);
    expect(row!.people).toBeGreaterThan(50);
    expect(row!.units).toBeGreaterThan(5);
    expect(row!.first >= '2025-12-31' && row!.last <= DEMO_AS_OF).toBe(true);

    const office = await TestClient.loggedIn(t.app, 'vanphong');
    const list = await office.get<{ items: { id: number; from: string; to: string }[] }>(
      '/api/v1/patrol-campaigns',
    );
    expect(list.body.items).toMatchObject([{ from: DEMO_CAMPAIGN_FROM, to: DEMO_CAMPAIGN_TO }]);
    const detail = await office.get<{
      results: { total: { hand: { count: number }; recorded: { count: number } } };
    }>(`/api/v1/patrol-campaigns/${list.body.items[0]!.id}`);
    expect(detail.body.results.total.hand.count).toBeGreaterThan(100);
    expect(detail.body.results.total.recorded.count).toBeGreaterThan(20);
    const notices = await office.get<{ orgUnits: unknown[] }>('/api/v1/unit-notices?month=2026-02');
    expect(notices.body.orgUnits.length).toBeGreaterThan(3);
  });
});
