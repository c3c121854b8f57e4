/**
 * The public transparency page's data: served without a session, equal to what the Committee's own statistics
 * say for verified records, moved by a newly verified crash and not by an unverified report, and free of
 * personal data; only black spots the Committee confirmed are shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../plans/routes.ts';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

interface Criteria {
  crashes: number;
  deaths: number;
  injured: number;
}
interface Stats {
  year: number;
  total: { current: Criteria; previous: Criteria };
  months: { month: number; current: Criteria; previous: Criteria }[];
  communes: { key: string; label: string; current: Criteria }[];
  causes: { key: string; current: Criteria }[];
  sentence: string;
}
interface Spots {
  features: { properties: { id: number; status: string; name: string } }[];
}

let t: TestContext;
let visitor: TestClient;
let office: TestClient;
const year = Number(todayInVietnam().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  visitor = new TestClient(t.app);
  office = await TestClient.loggedIn(t.app, 'vanphong');
});
afterAll(() => t.close());

const sum = (rows: { current: Criteria }[], k: keyof Criteria) => rows.reduce((s, r) => s + r.current[k], 0);

describe('public statistics', () => {
  it('are served without an account and agree with the Committee statistics of verified records', async () => {
    const res = await visitor.get<Stats>('/api/v1/public/statistics');
    expect(res.status).toBe(200);
    const own = await office.get<{ total: { current: Criteria; previous: Criteria } }>(
      `/api/v1/crash-stats?period=year:${year}&verified=true`,
    );
    expect(res.body.total.current).toEqual(own.body.total.current);
    expect(res.body.total.previous).toEqual(own.body.total.previous);
    expect(res.body.total.current.crashes).toBeGreaterThan(0);
    for (const k of ['crashes', 'deaths', 'injured'] as const) {
      expect(sum(res.body.months, k)).toBe(res.body.total.current[k]);
      expect(sum(res.body.communes, k)).toBe(res.body.total.current[k]);
    }
    expect(res.body.sentence).toMatch(/so với cùng kỳ/);
  });

  it('count a newly verified crash, not an unverified report', async () => {
    const before = (await visitor.get<Stats>('/api/v1/public/statistics')).body.total.current;
    const [commune] = await t.db.query<{ id: string }>(
      `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL ORDER BY id LIMIT 1`,
    );
    const at = new Date(Date.now() - 3_600_000).toISOString();
    await t.db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, deaths, injured, verified) VALUES ($1, $2, 1, 2, true), ($1, $2, 5, 5, false)`,
      [at, commune!.id],
    );
    const after = (await visitor.get<Stats>('/api/v1/public/statistics')).body.total.current;
    expect(after).toEqual({
      crashes: before.crashes + 1,
      deaths: before.deaths + 1,
      injured: before.injured + 2,
    });
  });

  it('hold no personal data', async () => {
    const body = JSON.stringify((await visitor.get('/api/v1/public/statistics')).body);
    const names = await t.db.query<{ full_name: string }>('SELECT full_name FROM people LIMIT 50');
    for (const n of names) expect(body).not.toContain(n.full_name);
    const plates = await t.db.query<{ plate: string }>(
      'SELECT plate_display AS plate FROM violations WHERE plate_display IS NOT NULL LIMIT 50',
    );
    for (const p of plates) expect(body).not.toContain(p.plate);
    expect(body).not.toMatch(/"(description|phone|personName|plate)"/);
  });

  it('refuse a malformed year with a Vietnamese message', async () => {
    const res = await visitor.get<ErrorBody>('/api/v1/public/statistics?year=abc');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]!.path).toBe('year');
  });
});

describe('public black spots', () => {
  it('show the confirmed ones and their state, never candidates or dismissed ones', async () => {
    await t.db.query(
      `INSERT INTO black_spots (kind, source, status, name, lat, lon) VALUES
         ('black_spot', 'manual', 'candidate', 'Điểm nghi vấn Km 3+100', 22.4, 103.4),
         ('black_spot', 'manual', 'remedied', 'Km 45+200 QL4D', 22.41, 103.41)`,
    );
    const res = await visitor.get<Spots>('/api/v1/public/black-spots');
    expect(res.status).toBe(200);
    const statuses = new Set(res.body.features.map((f) => f.properties.status));
    expect([...statuses].every((s) => !['candidate', 'dismissed'].includes(s))).toBe(true);
    const names = res.body.features.map((f) => f.properties.name);
    expect(names).toContain('Km 45+200 QL4D');
    expect(names).not.toContain('Điểm nghi vấn Km 3+100');
    const [shown] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM black_spots
        WHERE lat IS NOT NULL AND status NOT IN ('candidate', 'dismissed')`,
    );
    expect(res.body.features.length).toBe(shown!.n);
  });
});
