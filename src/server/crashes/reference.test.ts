/**
 * The reference set: 57 crashes built by hand in blocks, and the tables they must give, worked out by
 * hand below (not by the code under test). Runs on PGlite and, in the PostgreSQL pass, on PostgreSQL.
 *
 * Current period Q1/2025, previous Q1/2024. Communes: A = today's xã Bình Lư (old xã Bình Lư "A1" and
 * old xã Sơn Bình "A2", merged on 1/7/2025), B = today's xã Mường Mô (old xã Mường Mô "B1").
 *
 *  block  n  when (local)                 unit road  cause       vehicles          d  i  flags
 *  C1    10  2025-01-01..10 08:00          A1  QL4D speed       motorbike         1  0
 *  C2     8  2025-02-01..08 20:00          A2  QL4D alcohol     motorbike,car     0  2  alcohol
 *  C3     6  2025-03-01..06 14:00          B1  QL12 wrong_lane  truck,motorbike   2  1  commercial
 *  C4     2  2025-03-20..21 10:00          B1  —    other       boat              1  0  waterway
 *  E1     1  2025-03-31 23:30              A1  —    speed       motorbike         0  1  1 student
 *  E2     1  2025-04-01 00:30 (Q2)         A1  —    speed       motorbike         0  1
 *  E3     1  2024-12-31 23:59 (Q4/2024)    A1  —    speed       motorbike         0  1
 *  U      2  2025-01-15..16 09:00          A1  QL4D speed       motorbike         1  0  NOT verified
 *  M      1  2025-01-01 08:10 (duplicate of C1's first, merged into it)           1  0
 *  P1    12  2024-01-01..12 08:00          A1  QL4D speed       motorbike         1  1
 *  P2     5  2024-02-01..05 20:00          A2  —    alcohol     motorbike         0  1  alcohol
 *  P3     4  2024-03-01..04 14:00          B1  QL12 speed       truck             1  2  commercial
 *  P4     3  2024-03-10..12 09:00          B1  QL12 overtaking  car               0  0
 *  P5     1  2024-03-31 23:00              B1  —    wrong_lane  motorbike         1  0
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

type Criteria = { crashes: number; deaths: number; injured: number };
interface Row {
  key: string;
  label: string;
  current: Criteria;
  previous: Criteria;
  change: Record<keyof Criteria, { change: number; percent: number | null }>;
}
interface Stats {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  total: Row;
  rows: Row[];
  sentence: string;
}

let t: TestContext;
let office: TestClient;
const unit: Record<'A1' | 'A2' | 'B1' | 'A' | 'B', string> = { A1: '', A2: '', B1: '', A: '', B: '' };
const road: Record<'QL4D' | 'QL12', number> = { QL4D: 0, QL12: 0 };
let firstC1 = 0;

interface Block {
  n: number;
  first: string; // yyyy-mm-dd of the first crash; the others follow day by day
  time: string;
  unit: 'A1' | 'A2' | 'B1';
  road?: 'QL4D' | 'QL12';
  cause: string;
  vehicles: string[];
  deaths: number;
  injured: number;
  alcohol?: boolean;
  commercial?: boolean;
  students?: number;
  mode?: 'road' | 'waterway';
  verified?: boolean;
}

const BLOCKS: Record<string, Block> = {
  C1: {
    n: 10,
    first: '2025-01-01',
    time: '08:00',
    unit: 'A1',
    road: 'QL4D',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 1,
    injured: 0,
  },
  C2: {
    n: 8,
    first: '2025-02-01',
    time: '20:00',
    unit: 'A2',
    road: 'QL4D',
    cause: 'alcohol',
    vehicles: ['motorbike', 'car'],
    deaths: 0,
    injured: 2,
    alcohol: true,
  },
  C3: {
    n: 6,
    first: '2025-03-01',
    time: '14:00',
    unit: 'B1',
    road: 'QL12',
    cause: 'wrong_lane',
    vehicles: ['truck', 'motorbike'],
    deaths: 2,
    injured: 1,
    commercial: true,
  },
  C4: {
    n: 2,
    first: '2025-03-20',
    time: '10:00',
    unit: 'B1',
    cause: 'other',
    vehicles: ['boat'],
    deaths: 1,
    injured: 0,
    mode: 'waterway',
  },
  E1: {
    n: 1,
    first: '2025-03-31',
    time: '23:30',
    unit: 'A1',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 0,
    injured: 1,
    students: 1,
  },
  E2: {
    n: 1,
    first: '2025-04-01',
    time: '00:30',
    unit: 'A1',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 0,
    injured: 1,
  },
  E3: {
    n: 1,
    first: '2024-12-31',
    time: '23:59',
    unit: 'A1',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 0,
    injured: 1,
  },
  U: {
    n: 2,
    first: '2025-01-15',
    time: '09:00',
    unit: 'A1',
    road: 'QL4D',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 1,
    injured: 0,
    verified: false,
  },
  P1: {
    n: 12,
    first: '2024-01-01',
    time: '08:00',
    unit: 'A1',
    road: 'QL4D',
    cause: 'speed',
    vehicles: ['motorbike'],
    deaths: 1,
    injured: 1,
  },
  P2: {
    n: 5,
    first: '2024-02-01',
    time: '20:00',
    unit: 'A2',
    cause: 'alcohol',
    vehicles: ['motorbike'],
    deaths: 0,
    injured: 1,
    alcohol: true,
  },
  P3: {
    n: 4,
    first: '2024-03-01',
    time: '14:00',
    unit: 'B1',
    road: 'QL12',
    cause: 'speed',
    vehicles: ['truck'],
    deaths: 1,
    injured: 2,
    commercial: true,
  },
  P4: {
    n: 3,
    first: '2024-03-10',
    time: '09:00',
    unit: 'B1',
    road: 'QL12',
    cause: 'overtaking',
    vehicles: ['car'],
    deaths: 0,
    injured: 0,
  },
  P5: {
    n: 1,
    first: '2024-03-31',
    time: '23:00',
    unit: 'B1',
    cause: 'wrong_lane',
    vehicles: ['motorbike'],
    deaths: 1,
    injured: 0,
  },
};

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function bodyOf(b: Block, day: string) {
  return {
    occurredAt: `${day}T${b.time}:00+07:00`,
    adminUnitId: unit[b.unit],
    roadId: b.road ? road[b.road] : null,
    mode: b.mode ?? 'road',
    causes: [b.cause],
    vehicles: b.vehicles,
    deaths: b.deaths,
    injured: b.injured,
    alcohol: b.alcohol ?? false,
    commercial: b.commercial ?? false,
    students: b.students ?? 0,
    verified: b.verified ?? true,
    source: 'police',
  };
}

const idOf = async (sql: string, params: unknown[]) => {
  const [row] = await t.db.query<{ id: string | number }>(sql, params);
  if (!row) throw new Error(`nothing for ${sql} ${params}`);
  return row.id;
};

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  // Only the reference set: the demo crashes go (the roll-up must follow the deletes too).
  await t.db.exec('DELETE FROM health_records; DELETE FROM crashes;');
  const old = `SELECT id FROM admin_units WHERE level = 'commune' AND name = $1 AND valid_to IS NOT NULL AND parent_id = $2`;
  unit.A1 = String(await idOf(old, ['Bình Lư', 'LC-TD']));
  unit.A2 = String(await idOf(old, ['Sơn Bình', 'LC-TD']));
  unit.B1 = String(await idOf(old, ['Mường Mô', 'LC-NN']));
  unit.A = String(await idOf('SELECT current_id AS id FROM admin_unit_rollup WHERE id = $1', [unit.A1]));
  unit.B = String(await idOf('SELECT current_id AS id FROM admin_unit_rollup WHERE id = $1', [unit.B1]));
  road.QL4D = Number(await idOf('SELECT id FROM roads WHERE code = $1', ['QL4D']));
  road.QL12 = Number(await idOf('SELECT id FROM roads WHERE code = $1', ['QL12']));
  for (const [name, b] of Object.entries(BLOCKS)) {
    for (let i = 0; i < b.n; i++) {
      const res = await office.post<{ id: number }>('/api/v1/crashes', bodyOf(b, addDays(b.first, i)));
      if (res.status !== 201) throw new Error(`${name} #${i}: ${res.status} ${JSON.stringify(res.body)}`);
      if (name === 'C1' && i === 0) firstC1 = res.body.id;
    }
  }
  const dup = await office.post<{ id: number }>('/api/v1/crashes', {
    ...bodyOf(BLOCKS.C1!, '2025-01-01'),
    occurredAt: '2025-01-01T08:10:00+07:00',
  });
  const merged = await office.post(`/api/v1/crashes/${dup.body.id}/merge`, { intoId: firstC1 });
  if (merged.status !== 200) throw new Error(`merge ${merged.status} ${JSON.stringify(merged.body)}`);
}, 120_000);
afterAll(() => t.close());

const stats = async (query: string) => {
  const res = await office.get<Stats>(`/api/v1/crash-stats?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/** key → [current crashes, deaths, injured, previous crashes, deaths, injured] */
const table = (s: Stats) =>
  Object.fromEntries(
    s.rows.map((r) => [
      r.key,
      [
        r.current.crashes,
        r.current.deaths,
        r.current.injured,
        r.previous.crashes,
        r.previous.deaths,
        r.previous.injured,
      ],
    ]),
  );
const Q1 = 'period=quarter:2025-1';

describe('the reference set: the three criteria against the same period', () => {
  it('totals Q1/2025 against Q1/2024, only verified, merged duplicates and other quarters left out', async () => {
    const s = await stats(Q1);
    expect(s.period).toMatchObject({ from: '2025-01-01', to: '2025-03-31' });
    expect(s.previous).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    // 10+8+6+2+1 crashes; 10+0+12+2+0 deaths; 0+16+6+0+1 injured — against 12+5+4+3+1; 12+0+4+0+1; 12+5+8+0+0.
    expect(s.total.current).toEqual({ crashes: 27, deaths: 24, injured: 23 });
    expect(s.total.previous).toEqual({ crashes: 25, deaths: 17, injured: 25 });
    expect(s.total.change).toEqual({
      crashes: { change: 2, percent: 8 },
      deaths: { change: 7, percent: 41.2 },
      injured: { change: -2, percent: -8 },
    });
    expect(s.sentence).toBe(
      'Từ ngày 1/1/2025 đến ngày 31/3/2025, toàn tỉnh xảy ra 27 vụ TNGT, làm chết 24 người, bị thương 23 người; so với cùng kỳ năm 2024 tăng 2 vụ (+8,0 %), tăng 7 người chết (+41,2 %), giảm 2 người bị thương (-8,0 %).',
    );
  });

  it('counts unverified records when asked', async () => {
    const s = await stats(`${Q1}&verified=all`);
    expect(s.total.current).toEqual({ crashes: 29, deaths: 26, injured: 23 });
    expect(s.total.previous).toEqual({ crashes: 25, deaths: 17, injured: 25 });
  });

  it('by commune, old communes rolled up into today’s', async () => {
    const s = await stats(`${Q1}&by=commune`);
    expect(table(s)).toEqual({
      [unit.A]: [19, 10, 17, 17, 12, 17], // C1+C2+E1 against P1+P2
      [unit.B]: [8, 14, 6, 8, 5, 8], // C3+C4 against P3+P4+P5
    });
    expect(s.rows.find((r) => r.key === unit.A)?.label).toBe('Xã Bình Lư');
  });

  it('by route', async () => {
    expect(table(await stats(`${Q1}&by=route`))).toEqual({
      QL4D: [18, 10, 16, 12, 12, 12],
      QL12: [6, 12, 6, 7, 4, 8],
      '': [3, 2, 1, 6, 1, 5],
    });
  });

  it('by cause', async () => {
    expect(table(await stats(`${Q1}&by=cause`))).toEqual({
      speed: [11, 10, 1, 16, 16, 20],
      alcohol: [8, 0, 16, 5, 0, 5],
      wrong_lane: [6, 12, 6, 1, 1, 0],
      overtaking: [0, 0, 0, 3, 0, 0],
      other: [2, 2, 0, 0, 0, 0],
    });
  });

  it('by vehicle type (a crash counts once for each type involved)', async () => {
    expect(table(await stats(`${Q1}&by=vehicle`))).toEqual({
      motorbike: [25, 22, 23, 18, 13, 17],
      car: [8, 0, 16, 3, 0, 0],
      truck: [6, 12, 6, 4, 4, 8],
      boat: [2, 2, 0, 0, 0, 0],
    });
  });

  it('by alcohol, commercial transport, students, mode and severity', async () => {
    expect(table(await stats(`${Q1}&by=alcohol`))).toEqual({
      yes: [8, 0, 16, 5, 0, 5],
      no: [19, 24, 7, 20, 17, 20],
    });
    expect(table(await stats(`${Q1}&by=commercial`))).toEqual({
      yes: [6, 12, 6, 4, 4, 8],
      no: [21, 12, 17, 21, 13, 17],
    });
    expect(table(await stats(`${Q1}&by=student`))).toEqual({
      yes: [1, 0, 1, 0, 0, 0],
      no: [26, 24, 22, 25, 17, 25],
    });
    expect(table(await stats(`${Q1}&by=mode`))).toEqual({
      road: [25, 22, 23, 25, 17, 25],
      waterway: [2, 2, 0, 0, 0, 0],
    });
    // 1 death: nghiêm trọng; 2 deaths: rất nghiêm trọng; injured only: ít nghiêm trọng; nothing: va chạm.
    expect(table(await stats(`${Q1}&by=severity`))).toEqual({
      nghiem_trong: [12, 12, 0, 17, 17, 20],
      it_nghiem_trong: [9, 0, 17, 5, 0, 5],
      rat_nghiem_trong: [6, 12, 6, 0, 0, 0],
      va_cham: [0, 0, 0, 3, 0, 0],
    });
  });

  it('by hour and weekday, in local time', async () => {
    const t2 = table(await stats(`${Q1}&by=hour_weekday`));
    // 31/3/2025 23:30 was a Monday (E1); 31/3/2024 23:00 a Sunday (P5).
    expect(t2['1-23']).toEqual([1, 0, 1, 0, 0, 0]);
    expect(t2['0-23']).toEqual([0, 0, 0, 1, 1, 0]);
    const sum = Object.values(t2).reduce((a, r) => a.map((x, i) => x + (r[i] ?? 0)), [0, 0, 0, 0, 0, 0]);
    expect(sum).toEqual([27, 24, 23, 25, 17, 25]);
  });

  it('on the reporting regime’s cut-off days (15/12 → 14/3)', async () => {
    const s = await stats('period=reporting:quarter:2025-1');
    expect(s.period).toMatchObject({ from: '2024-12-15', to: '2025-03-14' });
    // C1+C2+C3+E3 (31/12/2024) against P1+P2+P3+P4.
    expect(s.total.current).toEqual({ crashes: 25, deaths: 22, injured: 23 });
    expect(s.total.previous).toEqual({ crashes: 24, deaths: 16, injured: 25 });
  });

  it('for a month and a custom range; a bad period is a clear error', async () => {
    expect((await stats('period=month:2025-02')).total.current).toEqual({
      crashes: 8,
      deaths: 0,
      injured: 16,
    });
    expect((await stats('period=range:2025-03-31..2025-04-01')).total.current).toEqual({
      crashes: 2,
      deaths: 0,
      injured: 2,
    });
    const bad = await office.get<ErrorBody>('/api/v1/crash-stats?period=quarter:2025-5');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.path).toBe('period');
  });
});

describe('the daily roll-up stays exact after inserts, edits, merges and deletes', () => {
  const direct = async () =>
    t.db.query<{
      day: string;
      unit: string;
      verified: boolean;
      crashes: number;
      deaths: number;
      injured: number;
    }>(
      `SELECT ((occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date::text AS day, admin_unit_id AS unit, verified,
              count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(injured)::int AS injured
         FROM crashes WHERE merged_into IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  const rolled = async () =>
    t.db.query<{
      day: string;
      unit: string;
      verified: boolean;
      crashes: number;
      deaths: number;
      injured: number;
    }>(
      `SELECT day::text AS day, admin_unit_id AS unit, verified, sum(crashes)::int AS crashes, sum(deaths)::int AS deaths,
              sum(injured)::int AS injured
         FROM crash_daily GROUP BY 1, 2, 3 HAVING sum(crashes) <> 0 OR sum(deaths) <> 0 OR sum(injured) <> 0 ORDER BY 1, 2, 3`,
    );

  const directMonthly = async () =>
    t.db.query(
      `SELECT date_trunc('month', (occurred_at AT TIME ZONE 'UTC') + interval '7 hours')::date::text AS month,
              admin_unit_id AS unit, verified, count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(injured)::int AS injured
         FROM crashes WHERE merged_into IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  const rolledMonthly = async () =>
    t.db.query(
      `SELECT month::text AS month, admin_unit_id AS unit, verified, sum(crashes)::int AS crashes, sum(deaths)::int AS deaths,
              sum(injured)::int AS injured
         FROM crash_monthly GROUP BY 1, 2, 3 HAVING sum(crashes) <> 0 OR sum(deaths) <> 0 OR sum(injured) <> 0 ORDER BY 1, 2, 3`,
    );

  it('matches a recount from the records after a mixed sequence of changes', async () => {
    expect(await rolled()).toEqual(await direct());
    expect(await rolledMonthly()).toEqual(await directMonthly());
    const list = await office.get<{ items: { id: number }[] }>(
      '/api/v1/crashes?from=2025-01-01&to=2025-03-31&pageSize=100',
    );
    const ids = list.body.items.map((c) => c.id);
    // Edit: more deaths, another day, another commune; verify an unverified one; delete one; merge one.
    expect((await office.patch(`/api/v1/crashes/${ids[0]}`, { deaths: 3, injured: 4 })).status).toBe(200);
    expect(
      (
        await office.patch(`/api/v1/crashes/${ids[1]}`, {
          occurredAt: '2025-02-20T06:00:00+07:00',
          adminUnitId: unit.B1,
        })
      ).status,
    ).toBe(200);
    const unverified = await office.get<{ items: { id: number }[] }>(
      '/api/v1/crashes?verified=false&pageSize=10',
    );
    expect(
      (await office.patch(`/api/v1/crashes/${unverified.body.items[0]?.id}`, { verified: true })).status,
    ).toBe(200);
    expect((await office.request('DELETE', `/api/v1/crashes/${ids[2]}`)).status).toBe(204);
    expect((await office.post(`/api/v1/crashes/${ids[3]}/merge`, { intoId: ids[4] })).status).toBe(200);
    expect(await rolled()).toEqual(await direct());
    expect(await rolledMonthly()).toEqual(await directMonthly());
    // And the statistics follow: Q1/2025 had 27 verified; −1 deleted, −1 merged, +1 verified.
    const s = await stats(Q1);
    expect(s.total.current.crashes).toBe(26);
  });

  it('keeps each change in the record’s history', async () => {
    const list = await office.get<{ items: { id: number }[] }>(
      '/api/v1/crashes?from=2025-01-01&to=2025-03-31&pageSize=100',
    );
    const detail = await office.get<{ history: { action: string; after: Record<string, unknown> }[] }>(
      `/api/v1/crashes/${list.body.items[0]?.id}`,
    );
    expect(detail.body.history.map((h) => h.action)).toContain('create');
  });
});
