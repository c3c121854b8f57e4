/**
 * The command dashboards against the services they read: every tile's figure is checked against the owning
 * capability's own answer (crash statistics, targets, the board, the KPI, the assignment lists, the campaign),
 * then records are added by hand and the tiles must move by exactly those records; a commune sees only its
 * commune, and each role gets only its own dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../plans/routes.ts';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

type Criteria = { crashes: number; deaths: number; injured: number };
interface Link {
  to: string;
  params?: Record<string, string>;
  search: Record<string, string | number | boolean>;
}
interface Tile {
  key: 'crashes' | 'deaths' | 'injured';
  current: number;
  previous: number;
  change: number;
  percent: number | null;
  direction: string;
  target: { status: string; projected: number; targetValueMin: number; targetValueMax: number } | null;
  link: Link;
}
interface Row {
  key: string;
  current: number;
  previous: number;
  change: number;
  deaths: number;
  link: Link;
}
interface CountTile {
  key: string;
  value: number;
  link: Link;
}
interface Leader {
  kind: 'leader';
  headline: { text: string; tone: string; link: Link | null }[];
  criteria: {
    period: { from: string; to: string; spec: string };
    tiles: Tile[];
    sentence: string;
    link: Link;
  };
  trend: {
    year: number;
    months: { month: number; current: Criteria | null; previous: Criteria; link: Link }[];
  };
  causes: { rows: Row[]; link: Link };
  routes: {
    rows: Row[];
    biggestRise: (Row & { roadId: number; sentence: string; nightShare: number | null }) | null;
    link: Link;
  };
  blackSpots: {
    total: number;
    byStatus: { status: string; count: number; link: Link }[];
    remediedThisYear: number;
    overdueRemedies: { count: number; items: { id: number; daysLate: number; link: Link }[]; link: Link };
  };
  incidents: {
    open: number;
    items: { id: number; link: Link | null }[];
    kpi: {
      from: string;
      to: string;
      incidents: number;
      reached: number;
      share: number | null;
      link: Link | null;
    };
    link: Link | null;
  };
  tasks: {
    overdue: number;
    dueSoon: number;
    units: {
      orgUnitId: number;
      name: string;
      overdue: number;
      daysLate: number;
      taskId: number;
      link: Link;
    }[];
    link: Link;
  };
  reports: {
    year: number;
    scheduleId: number;
    period: { key: string; dueOn: string };
    counts: { expected: number; onTime: number; late: number; missing: number };
    link: Link;
  }[];
}
interface UnitBlocks {
  tasks: { tiles: CountTile[]; items: { taskId: number; dueState: string }[] };
  reports: { tiles: CountTile[]; items: { timeliness: string }[] };
  emulation: {
    campaignId: number;
    participants: number;
    units: { orgUnitId: number; score: number; rank: number; link: Link }[];
  } | null;
}
interface Unit extends UnitBlocks {
  kind: 'unit';
  unit: { id: number; name: string };
  violators: { month: { count: number; link: Link }; year: { count: number } };
  incidents: Leader['incidents'] | null;
}
interface Commune extends UnitBlocks {
  kind: 'commune';
  area: { id: string; name: string; label: string };
  criteria: Leader['criteria'];
  trend: Leader['trend'];
  blackSpots: Leader['blackSpots'] & { spots: { id: number; name: string }[] };
  incidents: Leader['incidents'];
}
interface Stats {
  total: {
    current: Criteria;
    previous: Criteria;
    change: Record<string, { change: number; percent: number | null }>;
  };
  rows: { key: string; label: string; current: Criteria; previous: Criteria }[];
}

let t: TestContext;
let office: TestClient;
let leader: TestClient;
let police: TestClient;
let commune: TestClient;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const ytd = `range:${year}-01-01..${today}`;
let binhLu = '';
let otherCommune = '';
let roads = new Map<string, number>();

/** A minute ago, in Viet Nam's offset (today's local date but in the minute after midnight). */
function aMinuteAgo(): string {
  return `${new Date(Date.now() + 7 * 3600_000 - 60_000).toISOString().slice(0, 19)}+07:00`;
}
const thisMonth = Number(aMinuteAgo().slice(5, 7));

async function addCrash(client: TestClient, body: Record<string, unknown>): Promise<number> {
  const res = await client.post<{ id: number }>('/api/v1/crashes', {
    occurredAt: aMinuteAgo(),
    mode: 'road',
    causes: ['speed'],
    vehicles: ['motorbike'],
    deaths: 1,
    injured: 2,
    verified: true,
    source: 'police',
    ...body,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const get = async <T>(client: TestClient, url: string): Promise<T> => {
  const res = await client.get<T>(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const tile = (d: { criteria: Leader['criteria'] }, key: Tile['key']) =>
  d.criteria.tiles.find((x) => x.key === key)!;
const count = (tiles: CountTile[], key: string) => tiles.find((x) => x.key === key)!.value;

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  leader = await TestClient.loggedIn(t.app, 'lanhdao');
  police = await TestClient.loggedIn(t.app, 'congan');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  const [me] = await t.db.query<{ id: string }>(
    `SELECT admin_unit_id AS id FROM users WHERE username = 'xa.binhlu'`,
  );
  binhLu = me!.id;
  const [other] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND id <> $1 ORDER BY id LIMIT 1`,
    [binhLu],
  );
  otherCommune = other!.id;
  roads = new Map(
    (await t.db.query<{ id: number; code: string }>('SELECT id, code FROM roads')).map((r) => [r.code, r.id]),
  );
});
afterAll(() => t.close());

describe('the leader dashboard', () => {
  it('shows the three criteria, the targets, causes, routes and the trend as the crash statistics answer them', async () => {
    const d = await get<Leader>(leader, '/api/v1/dashboard/leader');
    expect(d.kind).toBe('leader');
    expect(d.criteria.period).toMatchObject({ from: `${year}-01-01`, to: today, spec: ytd });
    const stats = await get<Stats>(leader, `/api/v1/crash-stats?period=${ytd}&by=none`);
    for (const key of ['crashes', 'deaths', 'injured'] as const) {
      expect(tile(d, key)).toMatchObject({
        current: stats.total.current[key],
        previous: stats.total.previous[key],
        change: stats.total.change[key]!.change,
        percent: stats.total.change[key]!.percent,
      });
      expect(tile(d, key).link).toEqual({
        to: '/crashes',
        search: { from: `${year}-01-01`, to: today, verified: 'true' },
      });
    }
    expect(d.criteria.tiles.some((x) => x.current > 0)).toBe(true);

    // The targets: the plan's, as /crash-stats/targets computes them for the year.
    const targets = await get<{
      indicators: { indicator: string; projected: number; target: { status: string } | null }[];
    }>(leader, `/api/v1/crash-stats/targets?year=${year}&asOf=${today}`);
    for (const i of targets.indicators) {
      const x = tile(d, i.indicator as Tile['key']);
      expect(x.target?.status).toBe(i.target?.status);
      expect(x.target?.projected).toBe(Math.round(i.projected));
    }

    // The trend: this year's months add up to the year to date; last year's to the year.
    const sum = (k: 'current' | 'previous') => d.trend.months.reduce((n, m) => n + (m[k]?.crashes ?? 0), 0);
    expect(sum('current')).toBe(tile(d, 'crashes').current);
    const lastYear = await get<Stats>(leader, `/api/v1/crash-stats?period=year:${year - 1}&by=none`);
    expect(sum('previous')).toBe(lastYear.total.current.crashes);
    expect(d.trend.months.filter((m) => m.current !== null)).toHaveLength(Number(today.slice(5, 7)));

    // Routes and causes: the top five of the breakdowns, worst first, each with its link.
    const byRoute = await get<Stats>(leader, `/api/v1/crash-stats?period=${ytd}&by=route`);
    const top = byRoute.rows.filter((r) => r.key !== '').slice(0, 5);
    expect(d.routes.rows.map((r) => [r.key, r.current, r.previous])).toEqual(
      top.map((r) => [r.key, r.current.crashes, r.previous.crashes]),
    );
    for (const r of d.routes.rows)
      expect(r.link).toEqual({
        to: '/crashes',
        search: { from: `${year}-01-01`, to: today, verified: 'true', roadId: roads.get(r.key)! },
      });
    const rises = byRoute.rows
      .filter((r) => r.key !== '' && r.current.crashes > r.previous.crashes)
      .map((r) => r.current.crashes - r.previous.crashes);
    if (rises.length) {
      expect(d.routes.biggestRise?.change).toBe(Math.max(...rises));
      expect(d.routes.biggestRise?.sentence).toMatch(/^Số vụ trên \S+ tăng/);
      expect(d.headline.map((h) => h.text)).toContain(d.routes.biggestRise?.sentence);
    } else expect(d.routes.biggestRise).toBeNull();
    const byCause = await get<Stats>(leader, `/api/v1/crash-stats?period=${ytd}&by=cause`);
    const worstCause = [...byCause.rows]
      .filter((r) => r.key !== '')
      .sort((a, b) => b.current.crashes - a.current.crashes)[0]!;
    expect(d.causes.rows[0]).toMatchObject({ key: worstCause.key, current: worstCause.current.crashes });
    expect(d.causes.rows[0]!.link).toEqual({ to: '/crashes/stats', search: { period: ytd, by: 'cause' } });
    expect(d.headline[0]!.text).toMatch(/^Toàn tỉnh: số người chết (giảm|tăng|không đổi)/);
  });

  it('moves when a crash is recorded, on its route, in its month', async () => {
    const before = await get<Leader>(leader, '/api/v1/dashboard/leader');
    const ql12 = roads.get('QL12')!;
    await addCrash(office, { adminUnitId: binhLu, roadId: ql12, kmMarker: 'Km 12+300' });
    const after = await get<Leader>(leader, '/api/v1/dashboard/leader');
    expect(tile(after, 'crashes').current).toBe(tile(before, 'crashes').current + 1);
    expect(tile(after, 'deaths').current).toBe(tile(before, 'deaths').current + 1);
    expect(tile(after, 'injured').current).toBe(tile(before, 'injured').current + 2);
    const month = thisMonth;
    const m = (d: Leader) => d.trend.months.find((x) => x.month === month)!.current!.crashes;
    expect(m(after)).toBe(m(before) + 1);
    const route = (d: Leader) => d.routes.rows.find((r) => r.key === 'QL12');
    if (route(before)) expect(route(after)!.current).toBe(route(before)!.current + 1);
    // An unverified record is not an official figure: nothing moves.
    await addCrash(office, { adminUnitId: binhLu, verified: false });
    const again = await get<Leader>(leader, '/api/v1/dashboard/leader');
    expect(tile(again, 'crashes').current).toBe(tile(after, 'crashes').current);
  });

  it('takes any period the statistics take, and refuses a bad one', async () => {
    const d = await get<Leader>(leader, `/api/v1/dashboard/leader?period=year:${year - 1}`);
    const stats = await get<Stats>(leader, `/api/v1/crash-stats?period=year:${year - 1}&by=none`);
    expect(tile(d, 'crashes').current).toBe(stats.total.current.crashes);
    expect(tile(d, 'crashes').previous).toBe(stats.total.previous.crashes);
    expect(d.trend.year).toBe(year - 1);
    expect(d.trend.months.every((m) => m.current !== null)).toBe(true);
    const bad = await leader.get<ErrorBody>('/api/v1/dashboard/leader?period=year:abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.path).toBe('period');
    expect((await leader.get('/api/v1/dashboard/leader?unknown=1')).status).toBe(400);
  });

  it('counts black spots by status, remedies done this year and remedies past their deadline', async () => {
    const before = await get<Leader>(leader, '/api/v1/dashboard/leader');
    const communeBefore = await get<Commune>(commune, '/api/v1/dashboard/commune');
    const [lead] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE name = 'Sở Xây dựng'`);
    const spot = async (name: string, adminUnitId: string) => {
      const res = await office.post<{ id: number }>('/api/v1/black-spots', {
        kind: 'black_spot',
        name,
        roadId: roads.get('QL4D'),
        fromM: 45_200,
        adminUnitId,
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const move = async (id: number, body: Record<string, unknown>) => {
      const res = await office.post(`/api/v1/black-spots/${id}/transition`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    // One remedied this year, one whose remedy was due on 2 January, one only confirmed (in another commune).
    const done = await spot('Km 45+200 QL4D (dashboard)', binhLu);
    const late = await spot('Km 46+000 QL4D (dashboard)', binhLu);
    const other = await spot('Km 80+000 QL4D (dashboard)', otherCommune);
    for (const id of [done, late]) {
      await move(id, { to: 'surveyed', surveyOn: `${year}-01-01`, findings: 'Thiếu biển báo' });
      await move(id, {
        to: 'remedy_planned',
        measures: 'Lắp hộ lan, biển báo',
        leadUnitId: lead!.id,
        dueOn: `${year}-01-02`,
      });
    }
    await move(done, { to: 'remedied', remediedOn: `${year}-01-02` });

    const d = await get<Leader>(leader, '/api/v1/dashboard/leader');
    const n = (x: Leader, status: string) => x.blackSpots.byStatus.find((b) => b.status === status)!.count;
    expect(d.blackSpots.total).toBe(before.blackSpots.total + 3);
    expect(n(d, 'confirmed')).toBe(n(before, 'confirmed') + 1);
    expect(n(d, 'remedied')).toBe(n(before, 'remedied') + 1);
    expect(n(d, 'remedy_planned')).toBe(n(before, 'remedy_planned') + 1);
    expect(d.blackSpots.remediedThisYear).toBe(before.blackSpots.remediedThisYear + 1);
    expect(d.blackSpots.overdueRemedies.count).toBe(before.blackSpots.overdueRemedies.count + 1);
    const item = d.blackSpots.overdueRemedies.items.find((x) => x.id === late)!;
    const days = Math.round((Date.parse(today) - Date.parse(`${year}-01-02`)) / 86_400_000);
    expect(item.daysLate).toBe(days);
    expect(item.link).toEqual({ to: '/black-spots/$spotId', params: { spotId: String(late) }, search: {} });
    // The list behind a status tile holds exactly the spots counted.
    const list = await get<{ total: number }>(leader, '/api/v1/black-spots?status=remedy_planned');
    expect(list.total).toBe(n(d, 'remedy_planned'));
    expect(d.blackSpots.byStatus.find((b) => b.status === 'remedy_planned')!.link).toEqual({
      to: '/black-spots',
      search: { status: 'remedy_planned' },
    });
    if (days > 0)
      expect(d.headline.map((h) => h.text)).toContain(
        `${d.blackSpots.remediedThisYear} điểm đen đã xử lý xong trong năm ${year}, ` +
          `${d.blackSpots.overdueRemedies.count} điểm quá hạn xử lý.`,
      );

    // The commune's dashboard holds its own two, not the other commune's.
    const c = await get<Commune>(commune, '/api/v1/dashboard/commune');
    expect(c.blackSpots.total).toBe(communeBefore.blackSpots.total + 2);
    const ids = c.blackSpots.spots.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([done, late]));
    expect(ids).not.toContain(other);
    expect(c.blackSpots.overdueRemedies.count).toBe(communeBefore.blackSpots.overdueRemedies.count + 1);
    expect(c.blackSpots.overdueRemedies.items.map((x) => x.id)).toContain(late);
    // Its tiles open the list filtered to its commune, which holds exactly the spots counted.
    for (const b of c.blackSpots.byStatus) {
      expect(b.link).toEqual({ to: '/black-spots', search: { status: b.status, adminUnitId: binhLu } });
      const page = await get<{ total: number }>(
        commune,
        `/api/v1/black-spots?status=${b.status}&adminUnitId=${binhLu}`,
      );
      expect(page.total, b.status).toBe(b.count);
    }
    // Every spot it lists lies in its commune (or an old commune merged into it).
    const outside = await t.db.query(
      `SELECT b.id FROM black_spots b JOIN admin_unit_rollup r ON r.id = b.admin_unit_id
        WHERE b.id = ANY($1::int[]) AND r.current_id <> $2`,
      [ids, binhLu],
    );
    expect(outside).toEqual([]);
  });

  it('shows the incidents open now and the month’s 30-minute response as the board and the KPI do', async () => {
    const d = await get<Leader>(leader, '/api/v1/dashboard/leader');
    const open = await get<{ total: number; items: { id: number }[] }>(
      leader,
      '/api/v1/incidents?status=open&pageSize=100',
    );
    expect(d.incidents.open).toBe(open.total);
    expect(d.incidents.items.map((i) => i.id)).toEqual(open.items.slice(0, 5).map((i) => i.id));
    const from = `${today.slice(0, 7)}-01`;
    const kpi = await get<{ total: { incidents: number; reached: number; share: number | null } }>(
      leader,
      `/api/v1/incident-kpi?from=${from}&to=${today}`,
    );
    const { incidents, reached, share } = kpi.total;
    expect(d.incidents.kpi).toMatchObject({ from, to: today, incidents, reached, share });
    expect(d.incidents.link).toEqual({ to: '/dispatch', search: {} });
    expect(d.incidents.kpi.link).toEqual({ to: '/dispatch/kpi', search: { from, to: today } });
  });

  it('lists overdue tasks with the units most behind, and the completeness of the reports just due', async () => {
    const d = await get<Leader>(leader, '/api/v1/dashboard/leader');
    const overdue = await get<{ total: number; items: { orgUnitId: number; nextDueOn: string }[] }>(
      office,
      '/api/v1/assignments?dueState=overdue&role=lead&pageSize=500',
    );
    expect(d.tasks.overdue).toBe(overdue.total);
    expect(d.tasks.overdue).toBeGreaterThan(0);
    // The unit most behind: the oldest overdue due date of all.
    const oldest = [...overdue.items].sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn))[0]!;
    const worst = d.tasks.units[0]!;
    expect(worst.daysLate).toBe(Math.round((Date.parse(today) - Date.parse(oldest.nextDueOn)) / 86_400_000));
    expect(worst.overdue).toBe(overdue.items.filter((a) => a.orgUnitId === worst.orgUnitId).length);
    expect(worst.link).toEqual({
      to: '/tasks/$taskId',
      params: { taskId: String(worst.taskId) },
      search: {},
    });
    expect(d.headline.some((h) => h.text.includes(`${worst.name} trễ ${worst.daysLate} ngày`))).toBe(true);

    // Reports: each the board's own counts, the latest deadline first.
    expect(d.reports.length).toBeGreaterThan(0);
    for (const r of d.reports) {
      expect(r.period.dueOn < today).toBe(true);
      const board = await get<{ counts: Leader['reports'][number]['counts'] }>(
        leader,
        `/api/v1/report-board?scheduleId=${r.scheduleId}&period=${r.period.key}`,
      );
      expect(r.counts).toEqual(board.counts);
      expect(r.link).toEqual({
        to: '/reports/board',
        search: { year: r.year, scheduleId: r.scheduleId, period: r.period.key },
      });
    }
    const dues = d.reports.map((r) => r.period.dueOn);
    expect(dues).toEqual([...dues].sort().reverse());
  });
});

describe('a member agency’s dashboard', () => {
  it('shows its tasks, reports and campaign score as their own pages count them', async () => {
    const d = await get<Unit>(police, '/api/v1/dashboard/unit');
    expect(d.unit.name).toBe('Công an tỉnh');
    const total = async (q: string) =>
      (await get<{ total: number }>(police, `/api/v1/assignments?mine=true&pageSize=1${q}`)).total;
    expect(count(d.tasks.tiles, 'overdue')).toBe(await total('&dueState=overdue'));
    expect(count(d.tasks.tiles, 'dueSoon')).toBe(await total('&dueState=due_soon'));
    expect(count(d.tasks.tiles, 'overdue')).toBeGreaterThan(0);
    expect(d.tasks.tiles.find((x) => x.key === 'overdue')!.link).toEqual({
      to: '/tasks/mine',
      search: { tab: 'overdue' },
    });

    const mine = await get<{ items: { timeliness: string; period: { dueOn: string } }[] }>(
      police,
      '/api/v1/my-reports?state=all&pageSize=500',
    );
    const ofYear = mine.items.filter(
      (r) => r.period.dueOn.startsWith(String(year)) || r.timeliness === 'pending',
    );
    for (const [key, timeliness] of [
      ['onTime', 'on_time'],
      ['late', 'late'],
      ['missing', 'missing'],
      ['pending', 'pending'],
    ] as const)
      expect(count(d.reports.tiles, key)).toBe(ofYear.filter((r) => r.timeliness === timeliness).length);

    const standing = d.emulation!;
    const unit = standing.units.find((u) => u.orgUnitId === d.unit.id)!;
    const assessment = await get<{ totals: { score: number } }>(
      police,
      `/api/v1/emulation-campaigns/${standing.campaignId}/units/${d.unit.id}`,
    );
    expect(unit.score).toBe(assessment.totals.score);
    const ranking = await get<{ rows: { orgUnitId: number; rank: number }[] }>(
      police,
      `/api/v1/emulation-campaigns/${standing.campaignId}/ranking`,
    );
    expect(unit.rank).toBe(ranking.rows.find((r) => r.orgUnitId === d.unit.id)!.rank);
    expect(standing.participants).toBe(ranking.rows.length);
    // The police dispatch: the board's incidents are theirs to see.
    expect(d.incidents?.link).toEqual({ to: '/dispatch', search: {} });
  });

  it('counts its staff among this month’s violators', async () => {
    const before = await get<Unit>(police, '/api/v1/dashboard/unit');
    const res = await police.post('/api/v1/violations', {
      typeCode: 'alcohol_1',
      occurredAt: aMinuteAgo(),
      place: 'Ngã ba Tam Đường',
      plate: '25-B1 222.22',
      vehicleType: 'motorbike',
      personName: 'Lò Văn Dũng',
      personOrgUnitId: before.unit.id,
      fineVnd: 2_000_000,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = await get<Unit>(police, '/api/v1/dashboard/unit');
    expect(after.violators.month.count).toBe(before.violators.month.count + 1);
    expect(after.violators.year.count).toBe(before.violators.year.count + 1);
    expect(after.violators.month.link).toEqual({
      to: '/violations/unit-notices',
      search: { month: aMinuteAgo().slice(0, 7), unit: before.unit.id },
    });
  });

  it('a department that does not dispatch has no incidents tile', async () => {
    const xaydung = await TestClient.loggedIn(t.app, 'xaydung');
    const d = await get<Unit>(xaydung, '/api/v1/dashboard/unit');
    expect(d.unit.name).toBe('Sở Xây dựng');
    expect(d.incidents).toBeNull();
  });
});

describe('a commune’s dashboard', () => {
  it('shows its own area only, and moves with its own crashes only', async () => {
    const before = await get<Commune>(commune, '/api/v1/dashboard/commune');
    expect(before.area.id).toBe(binhLu);
    const own = await get<Stats>(commune, `/api/v1/crash-stats?period=${ytd}&by=none`);
    expect(tile(before, 'crashes').current).toBe(own.total.current.crashes);
    // The same commune as the office sees it in the breakdown by commune, old communes rolled up.
    const byCommune = await get<Stats>(office, `/api/v1/crash-stats?period=${ytd}&by=commune`);
    const row = byCommune.rows.find((r) => r.key === binhLu)!;
    expect(tile(before, 'crashes').current).toBe(row.current.crashes);
    expect(tile(before, 'deaths').previous).toBe(row.previous.deaths);
    const province = await get<Stats>(office, `/api/v1/crash-stats?period=${ytd}&by=none`);
    expect(tile(before, 'crashes').current).toBeLessThan(province.total.current.crashes);
    expect(before.criteria.sentence).toContain(`trên địa bàn xã ${before.area.name} xảy ra`);
    expect(before.area.label).toBe(`Xã ${before.area.name}`);
    expect(before.criteria.tiles.every((x) => x.target === null)).toBe(true);

    // Another commune's crash changes nothing here; its own moves every tile that holds it.
    await addCrash(office, { adminUnitId: otherCommune });
    const still = await get<Commune>(commune, '/api/v1/dashboard/commune');
    expect(still.criteria.tiles.map((x) => x.current)).toEqual(before.criteria.tiles.map((x) => x.current));
    expect(still.trend.months).toEqual(before.trend.months);
    await addCrash(commune, { adminUnitId: binhLu });
    const after = await get<Commune>(commune, '/api/v1/dashboard/commune');
    expect(tile(after, 'crashes').current).toBe(tile(before, 'crashes').current + 1);
    const month = thisMonth;
    const m = (d: Commune) => d.trend.months.find((x) => x.month === month)!.current!.crashes;
    expect(m(after)).toBe(m(before) + 1);
    // Its trend adds up to its year to date.
    expect(after.trend.months.reduce((n, x) => n + (x.current?.crashes ?? 0), 0)).toBe(
      tile(after, 'crashes').current,
    );
  });

  it('shows the incidents open in its area, without links to the dispatch board it may not open', async () => {
    const d = await get<Commune>(commune, '/api/v1/dashboard/commune');
    const inArea = await t.db.query<{ id: number }>(
      `SELECT i.id FROM incidents i JOIN admin_unit_rollup r ON r.id = i.admin_unit_id
        WHERE r.current_id = $1 AND i.status IN ('received', 'dispatched', 'on_scene', 'transported')`,
      [binhLu],
    );
    expect(d.incidents.open).toBe(inArea.length);
    expect(d.incidents.link).toBeNull();
    expect(d.incidents.items.every((i) => i.link === null)).toBe(true);
    const from = `${today.slice(0, 7)}-01`;
    const kpi = await get<{ communes: { key: string; incidents: number; reached: number }[] }>(
      office,
      `/api/v1/incident-kpi?from=${from}&to=${today}`,
    );
    const mine = kpi.communes.find((c) => c.key === binhLu);
    expect(d.incidents.kpi.incidents).toBe(mine?.incidents ?? 0);
    expect(d.incidents.kpi.reached).toBe(mine?.reached ?? 0);
  });

  it('shows its tasks, reports and score as its own pages count them', async () => {
    const d = await get<Commune>(commune, '/api/v1/dashboard/commune');
    const total = async (q: string) =>
      (await get<{ total: number }>(commune, `/api/v1/assignments?mine=true&pageSize=1${q}`)).total;
    expect(count(d.tasks.tiles, 'overdue')).toBe(await total('&dueState=overdue'));
    expect(count(d.tasks.tiles, 'dueSoon')).toBe(await total('&dueState=due_soon'));
    const [unit] = await t.db.query<{ id: number }>(
      `SELECT org_unit_id AS id FROM users WHERE username = 'xa.binhlu'`,
    );
    const standing = d.emulation!;
    const me = standing.units.find((u) => u.orgUnitId === unit!.id)!;
    const assessment = await get<{ totals: { score: number } }>(
      commune,
      `/api/v1/emulation-campaigns/${standing.campaignId}/units/${unit!.id}`,
    );
    expect(me.score).toBe(assessment.totals.score);
    expect(me.link).toEqual({
      to: '/emulation/$campaignId/units/$unitId',
      params: { campaignId: String(standing.campaignId), unitId: String(unit!.id) },
      search: {},
    });
  });
});

describe('one dashboard per role', () => {
  it('refuses another role’s dashboard', async () => {
    for (const [client, url] of [
      [police, '/api/v1/dashboard/leader'],
      [commune, '/api/v1/dashboard/leader'],
      [commune, '/api/v1/dashboard/unit'],
      [leader, '/api/v1/dashboard/unit'],
      [leader, '/api/v1/dashboard/commune'],
      [police, '/api/v1/dashboard/commune'],
      [office, '/api/v1/dashboard/commune'],
    ] as const)
      expect((await client.get(url)).status, url).toBe(403);
    expect((await new TestClient(t.app).get('/api/v1/dashboard/leader')).status).toBe(401);
    expect((await office.get('/api/v1/dashboard/leader')).status).toBe(200);
  });
});
