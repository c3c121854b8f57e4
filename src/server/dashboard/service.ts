/**
 * Command dashboards by role (bảng điều hành): the leader's province at a glance, a member agency's own work,
 * a commune's own area. Every figure is read through the capability that owns it (crash statistics, black
 * spots, incidents, plans, reports, enforcement, emulation) and carries the link to the records behind it.
 *
 * Scope: the leader, the office and the admin see the province; an agency officer its own unit and divisions
 * (plans' "my units"); a commune officer its commune only (the crash statistics scope their queries by the
 * caller, and the other services are asked for that commune).
 */
import type { z } from 'zod';
import { compare, formatNumberVi, formatPercentVi } from '../../domain/crashes/comparison.ts';
import { daysInMonth, formatDateVi } from '../../domain/crashes/periods.ts';
import { spotSummary } from '../blackspots/service.ts';
import {
  crashStats,
  crashTargets,
  monthlyTrend,
  roadIdsByCode,
  roadProfile,
  type StatsResult,
} from '../crashes/stats.ts';
import { getAdminUnit } from '../directory/service.ts';
import { myStanding } from '../emulation/service.ts';
import { staffViolators } from '../enforcement/unit-notices.ts';
import { accessOf, kpi, openIncidents } from '../incidents/service.ts';
import { assignmentCounts, listAssignments, myUnitIds, overdueSummary } from '../plans/service.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';
import { latestDueBoards, myReports } from '../reports/service.ts';
import type * as s from './schemas.ts';

type Link = s.Link;
type Search = Record<string, string | number | boolean | undefined>;
type Leader = z.infer<typeof s.leaderDashboard>;
type Unit = z.infer<typeof s.unitDashboard>;
type Commune = z.infer<typeof s.communeDashboard>;
type Headline = z.infer<typeof s.headlineItem>;
type Criteria = { crashes: number; deaths: number; injured: number };

/** A web route, its path params and the search that filters it to the records behind a figure. */
export function linkTo(to: string, search: Search = {}, params?: Record<string, string>): Link {
  const clean: Link['search'] = {};
  for (const [k, v] of Object.entries(search)) if (v !== undefined) clean[k] = v;
  return params ? { to, params, search: clean } : { to, search: clean };
}

const cmp = (current: number, previous: number) => {
  const c = compare(current, previous);
  return { current, previous, change: c.change, percent: c.percent, direction: c.direction };
};

/** The default period: this year to date (a period under way is compared with the same days of last year). */
export const yearToDateSpec = (today: string) => `range:${today.slice(0, 4)}-01-01..${today}`;

const CRITERIA: { key: keyof Criteria; label: string; unit: string }[] = [
  { key: 'crashes', label: 'Số vụ', unit: 'vụ' },
  { key: 'deaths', label: 'Số người chết', unit: 'người' },
  { key: 'injured', label: 'Số người bị thương', unit: 'người' },
];

/** "giảm 8,3 %", "tăng 3 vụ" (no percent from a zero base), "không đổi". */
function moved(c: { change: number; percent: number | null }, unit: string): string {
  if (c.change === 0) return 'không đổi';
  const verb = c.change > 0 ? 'tăng' : 'giảm';
  return c.percent === null
    ? `${verb} ${formatNumberVi(Math.abs(c.change))} ${unit}`
    : `${verb} ${formatPercentVi(Math.abs(c.percent)).replace(/^\+/, '')}`;
}

const lastYearOf = (stats: StatsResult) => Number(stats.previous.to.slice(0, 4));

// ───────────── pieces shared by the dashboards ─────────────

/** The three criteria against the same period of last year; with the plan's targets for the province. */
async function criteriaBlock(
  db: Db,
  user: SessionUser,
  spec: string,
  today: string,
  withTargets: boolean,
): Promise<{ block: z.infer<typeof s.criteriaBlock>; stats: StatsResult }> {
  const stats = await crashStats(db, user, { period: spec, by: 'none', verified: 'true' }, today);
  const { period, previous } = stats;
  const list = linkTo('/crashes', { from: period.from, to: period.to, verified: 'true' });
  const year = Number(period.to.slice(0, 4));
  const targets = withTargets ? await crashTargets(db, user, { year, asOf: period.to }, today) : null;
  const targetLink = targets?.plan
    ? linkTo('/plans/$planId', {}, { planId: String(targets.plan.id) })
    : linkTo('/crashes/stats', { period: spec });
  const tiles = CRITERIA.map(({ key, label }) => {
    const t = targets?.indicators.find((i) => i.indicator === key);
    return {
      key,
      label,
      ...cmp(stats.total.current[key], stats.total.previous[key]),
      target:
        t?.target && targets
          ? {
              year,
              planNumber: targets.plan?.number ?? null,
              description: t.target.description,
              ytd: t.ytd,
              previousYear: t.previousYear,
              projected: Math.round(t.projected),
              targetValueMin: t.target.targetValueMin,
              targetValueMax: t.target.targetValueMax,
              status: t.target.status,
              message: t.target.message,
              link: targetLink,
            }
          : null,
      link: list,
    };
  });
  return {
    stats,
    block: {
      period: { ...period, spec },
      previous,
      sentence: stats.sentence,
      tiles,
      link: linkTo('/crashes/stats', { period: spec }),
    },
  };
}

/** Crashes by month of the period's year against the year before; each month opens its crash list. */
async function trendBlock(db: Db, user: SessionUser, asOf: string): Promise<z.infer<typeof s.trend>> {
  const year = Number(asOf.slice(0, 4));
  const months = await monthlyTrend(db, user, year, asOf);
  return {
    year,
    previousYear: year - 1,
    months: months.map((m) => {
      const mm = String(m.month).padStart(2, '0');
      const last = `${year}-${mm}-${String(daysInMonth(year, m.month)).padStart(2, '0')}`;
      return {
        ...m,
        link: linkTo('/crashes', {
          from: `${year}-${mm}-01`,
          to: m.partial ? asOf : last,
          verified: 'true',
        }),
      };
    }),
    link: linkTo('/crashes', { from: `${year}-01-01`, to: asOf, verified: 'true' }),
  };
}

/** Rows of a crash breakdown as dashboard rows: crashes now and then, deaths, a link each. */
function breakdownRows(stats: StatsResult, linkOf: (key: string) => Link, limit: number) {
  return stats.rows
    .filter((r) => r.key !== '' && (r.current.crashes > 0 || r.previous.crashes > 0))
    .sort(
      (a, b) =>
        b.current.crashes - a.current.crashes ||
        b.current.deaths - a.current.deaths ||
        a.label.localeCompare(b.label, 'vi'),
    )
    .slice(0, limit)
    .map((r) => ({
      key: r.key,
      label: r.label,
      ...cmp(r.current.crashes, r.previous.crashes),
      deaths: r.current.deaths,
      previousDeaths: r.previous.deaths,
      link: linkOf(r.key),
    }));
}

async function blackSpotBlock(db: Db, today: string, areaId?: string) {
  const summary = await spotSummary(db, today, areaId);
  // For a commune, the list filtered to its area: the page then holds exactly the spots counted.
  const list = (status?: string) => linkTo('/black-spots', { status, adminUnitId: areaId });
  return {
    total: summary.total,
    byStatus: summary.byStatus.map((b) => ({ ...b, link: list(b.status) })),
    remediedThisYear: summary.remediedThisYear,
    remediedLink: list('remedied'),
    overdueRemedies: {
      count: summary.overdueRemedies.length,
      items: summary.overdueRemedies.slice(0, 5).map((x) => ({
        ...x,
        link: linkTo('/black-spots/$spotId', {}, { spotId: String(x.id) }),
      })),
      link: list('remedy_planned'),
    },
    link: list(),
    spots: summary.spots.map((x) => ({
      ...x,
      link: linkTo('/black-spots/$spotId', {}, { spotId: String(x.id) }),
    })),
  };
}

/** The incidents open now and this month's share reached within 30 minutes (of the area, for a commune). */
async function incidentBlock(
  db: Db,
  today: string,
  now: Date,
  options: { areaId?: string; canOpen: boolean },
): Promise<z.infer<typeof s.incidents>> {
  const open = await openIncidents(db, options.areaId);
  const from = `${today.slice(0, 7)}-01`;
  const k = await kpi(db, { from, to: today }, now);
  const row =
    options.areaId === undefined
      ? k.total
      : (k.communes.find((c) => c.key === options.areaId) ?? {
          incidents: 0,
          reached: 0,
          share: null,
          medianMinutes: null,
        });
  const first = open.items[0];
  return {
    open: open.open,
    oldestMinutes: first
      ? Math.max(0, Math.floor((now.getTime() - Date.parse(first.firstReportedAt)) / 60_000))
      : null,
    items: open.items.map((i) => ({
      id: i.id,
      code: i.code,
      statusLabel: i.statusLabel,
      firstReportedAt: i.firstReportedAt,
      adminUnitName: i.adminUnitName,
      placeText: i.placeText,
      link: options.canOpen ? linkTo('/dispatch/$incidentId', {}, { incidentId: String(i.id) }) : null,
    })),
    kpi: {
      label: `Tháng ${Number(today.slice(5, 7))}/${today.slice(0, 4)}`,
      from,
      to: today,
      targetMinutes: k.targetMinutes,
      incidents: row.incidents,
      reached: row.reached,
      share: row.share,
      medianMinutes: row.medianMinutes,
      link: options.canOpen ? linkTo('/dispatch/kpi', { from, to: today }) : null,
    },
    link: options.canOpen ? linkTo('/dispatch') : null,
  };
}

/** "My unit's tasks": overdue, due soon, done this year — counted as the tasks page lists them. */
async function unitTasksBlock(
  db: Db,
  user: SessionUser,
  today: string,
): Promise<z.infer<typeof s.unitTasks>> {
  const ids = await myUnitIds(db, user);
  const counts = await assignmentCounts(db, ids, today);
  const page = { mine: 'true' as const, page: 1, pageSize: 5 };
  const overdue = await listAssignments(db, user, { ...page, dueState: 'overdue' }, today);
  const dueSoon = await listAssignments(db, user, { ...page, dueState: 'due_soon' }, today);
  return {
    tiles: [
      {
        key: 'overdue',
        label: 'Quá hạn',
        value: counts.overdue,
        link: linkTo('/tasks/mine', { tab: 'overdue' }),
      },
      {
        key: 'dueSoon',
        label: 'Sắp đến hạn',
        value: counts.dueSoon,
        link: linkTo('/tasks/mine', { tab: 'due_soon' }),
      },
      {
        key: 'doneThisYear',
        label: `Đã hoàn thành năm ${today.slice(0, 4)}`,
        value: counts.doneThisYear,
        link: linkTo('/tasks/mine', { status: 'done' }),
      },
    ],
    items: [...overdue.items, ...dueSoon.items].map((a) => ({
      assignmentId: a.id,
      taskId: a.taskId,
      taskPath: a.taskPath,
      taskTitle: a.taskTitle,
      planNumber: a.planNumber,
      orgUnitName: a.orgUnitName,
      nextDueOn: a.nextDueOn,
      dueState: a.dueState,
      link: linkTo('/tasks/$taskId', {}, { taskId: String(a.taskId) }),
    })),
    link: linkTo('/tasks/mine'),
  };
}

/** The caller's units' periodic reports of the year: on time, late, missing, and those due now. */
async function unitReportsBlock(
  db: Db,
  user: SessionUser,
  today: string,
): Promise<z.infer<typeof s.unitReports>> {
  const year = Number(today.slice(0, 4));
  const all = await myReports(db, user, { state: 'all', page: 1, pageSize: 500 }, today);
  const rows = all.items.filter((r) => r.period.dueOn.startsWith(String(year)) || r.timeliness === 'pending');
  const count = (t: string) => rows.filter((r) => r.timeliness === t).length;
  const open = linkTo('/reports');
  const every = linkTo('/reports', { state: 'all' });
  const listed = rows
    .filter((r) => r.timeliness === 'pending' || r.timeliness === 'missing')
    .sort((a, b) => a.period.dueOn.localeCompare(b.period.dueOn))
    .slice(0, 6);
  return {
    year,
    tiles: [
      { key: 'pending', label: 'Cần gửi, chưa đến hạn', value: count('pending'), link: open },
      { key: 'missing', label: 'Quá hạn, chưa gửi', value: count('missing'), link: open },
      { key: 'late', label: 'Gửi muộn', value: count('late'), link: every },
      { key: 'onTime', label: 'Gửi đúng hạn', value: count('on_time'), link: every },
    ],
    items: listed.map((r) => ({
      scheduleTitle: r.scheduleTitle,
      periodLabel: r.period.label,
      unitName: r.unitName,
      dueOn: r.period.dueOn,
      timeliness: r.timeliness,
      daysLate: r.daysLate,
      link: r.submissionId
        ? linkTo('/reports/submissions/$submissionId', {}, { submissionId: String(r.submissionId) })
        : open,
    })),
    link: every,
  };
}

async function emulationBlock(db: Db, user: SessionUser): Promise<z.infer<typeof s.emulation>> {
  const standing = await myStanding(db, user);
  if (!standing) return null;
  const campaignId = String(standing.campaignId);
  return {
    campaignId: standing.campaignId,
    name: standing.name,
    status: standing.status,
    participants: standing.participants,
    units: standing.units.map((u) => ({
      ...u,
      link: linkTo('/emulation/$campaignId/units/$unitId', {}, { campaignId, unitId: String(u.orgUnitId) }),
    })),
    link: linkTo('/emulation/$campaignId', { tab: 'ranking' }, { campaignId }),
  };
}

/** "So với cùng kỳ năm 2025: số người chết giảm 8,3 %, số vụ giảm 5,4 %, số người bị thương tăng 1,1 %." */
function criteriaHeadline(stats: StatsResult, link: Link, place: string): Headline {
  const c = (k: keyof Criteria) => compare(stats.total.current[k], stats.total.previous[k]);
  const deaths = c('deaths');
  const text =
    `${place}: số người chết ${moved(deaths, 'người')} so với cùng kỳ năm ${lastYearOf(stats)} ` +
    `(${formatNumberVi(deaths.current)} người); số vụ ${moved(c('crashes'), 'vụ')}, ` +
    `số người bị thương ${moved(c('injured'), 'người')}.`;
  return { text, tone: deaths.change > 0 ? 'bad' : deaths.change < 0 ? 'good' : 'neutral', link };
}

// ───────────── the leader's dashboard ─────────────

export async function leaderDashboard(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.leaderQuery>,
  today: string,
  now = new Date(),
): Promise<Leader> {
  const spec = q.period ?? yearToDateSpec(today);
  // Independent reads: on PostgreSQL they run side by side (PGlite serialises them anyway).
  const [criteria, byCause, byRoute, roadIds, blackSpots, incidents, tasks, boards] = await Promise.all([
    criteriaBlock(db, user, spec, today, true),
    crashStats(db, user, { period: spec, by: 'cause', verified: 'true' }, today),
    crashStats(db, user, { period: spec, by: 'route', verified: 'true' }, today),
    roadIdsByCode(db),
    blackSpotBlock(db, today),
    incidentBlock(db, today, now, { canOpen: true }),
    overdueSummary(db, today),
    latestDueBoards(db, today),
  ]);
  const { period } = criteria.block;
  const trend = await trendBlock(db, user, period.to < today ? period.to : today);
  const crashList = (search: Search) =>
    linkTo('/crashes', { from: period.from, to: period.to, verified: 'true', ...search });

  const routeRows = breakdownRows(byRoute, (code) => crashList({ roadId: roadIds.get(code) }), 5);
  const rise = byRoute.rows
    .filter((r) => r.key !== '' && roadIds.has(r.key) && r.change.crashes.change > 0)
    .sort(
      (a, b) =>
        b.change.crashes.change - a.change.crashes.change ||
        (b.change.crashes.percent ?? 0) - (a.change.crashes.percent ?? 0),
    )[0];
  let biggestRise: z.infer<typeof s.routes>['biggestRise'] = null;
  if (rise) {
    const roadId = roadIds.get(rise.key)!;
    const profile = await roadProfile(db, user, roadId, period.from, period.to);
    const c = cmp(rise.current.crashes, rise.previous.crashes);
    const vehicleShare =
      profile.topVehicle && profile.crashes ? profile.topVehicle.crashes / profile.crashes : null;
    const nightShare = profile.crashes ? profile.night / profile.crashes : null;
    const traits: string[] = [];
    if (profile.topVehicle && vehicleShare !== null && vehicleShare >= 0.5)
      traits.push(
        `chủ yếu ${profile.topVehicle.label.toLowerCase()} (${formatNumberVi(Math.round(vehicleShare * 100))} %)`,
      );
    if (nightShare !== null && nightShare >= 0.5)
      traits.push(`phần lớn vào ban đêm (${formatNumberVi(Math.round(nightShare * 100))} %)`);
    biggestRise = {
      key: rise.key,
      label: rise.label,
      roadId,
      ...c,
      topVehicle: profile.topVehicle
        ? { code: profile.topVehicle.code, label: profile.topVehicle.label, share: vehicleShare ?? 0 }
        : null,
      nightShare,
      sentence:
        `Số vụ trên ${rise.key} ${moved(c, 'vụ')} (${formatNumberVi(c.current)} vụ, cùng kỳ ${formatNumberVi(c.previous)})` +
        `${traits.length ? `, ${traits.join(', ')}` : ''}.`,
      link: crashList({ roadId }),
    };
  }

  const taskLink =
    tasks.plans.length === 1
      ? linkTo('/plans/$planId', {}, { planId: String(tasks.plans[0]!.id) })
      : linkTo('/plans');
  const tasksBlock: z.infer<typeof s.overdueTasks> = {
    overdue: tasks.overdue,
    dueSoon: tasks.dueSoon,
    unitCount: tasks.unitCount,
    units: tasks.units.map((u) => ({
      ...u,
      link: linkTo('/tasks/$taskId', {}, { taskId: String(u.taskId) }),
    })),
    dueSoonLink: taskLink,
    link: taskLink,
  };

  const reports: z.infer<typeof s.completeness>[] = boards.map((board) => {
    const search = { year: board.year, scheduleId: board.scheduleId, period: board.period.key };
    return {
      year: board.year,
      scheduleId: board.scheduleId,
      scheduleTitle: board.scheduleTitle,
      period: board.period,
      counts: board.counts,
      links: {
        onTime: linkTo('/reports/board', { ...search, show: 'on_time' }),
        late: linkTo('/reports/board', { ...search, show: 'late' }),
        missing: linkTo('/reports/board', { ...search, show: 'missing' }),
      },
      link: linkTo('/reports/board', search),
    };
  });

  const { spots: _spots, ...spotsBlock } = blackSpots;
  const headline: Headline[] = [criteriaHeadline(criteria.stats, criteria.block.tiles[1]!.link, 'Toàn tỉnh')];
  if (biggestRise) headline.push({ text: biggestRise.sentence, tone: 'bad', link: biggestRise.link });
  if (blackSpots.remediedThisYear > 0 || blackSpots.overdueRemedies.count > 0) {
    const parts: string[] = [];
    if (blackSpots.remediedThisYear > 0)
      parts.push(
        `${formatNumberVi(blackSpots.remediedThisYear)} điểm đen đã xử lý xong trong năm ${today.slice(0, 4)}`,
      );
    if (blackSpots.overdueRemedies.count > 0)
      parts.push(`${formatNumberVi(blackSpots.overdueRemedies.count)} điểm quá hạn xử lý`);
    headline.push({
      text: `${parts.join(', ')}.`.replace(/^./, (ch) => ch.toUpperCase()),
      tone: blackSpots.overdueRemedies.count > 0 ? 'bad' : 'good',
      link: blackSpots.overdueRemedies.count > 0 ? blackSpots.overdueRemedies.link : blackSpots.remediedLink,
    });
  }
  const worst = tasksBlock.units[0];
  if (worst)
    headline.push({
      text:
        `${formatNumberVi(tasks.overdue)} nhiệm vụ quá hạn; chậm nhất: ${worst.name} ` +
        `trễ ${formatNumberVi(worst.daysLate)} ngày (nhiệm vụ ${worst.taskPath}).`,
      tone: 'bad',
      link: worst.link,
    });
  // Of the periods just due, the schedule that asks the most units (journey 1: "22 of 25 units have reported").
  const widest = [...reports].sort((a, b) => b.counts.expected - a.counts.expected)[0];
  if (widest)
    headline.push({
      text:
        `${widest.scheduleTitle} — ${widest.period.label}: ${formatNumberVi(widest.counts.onTime)}/` +
        `${formatNumberVi(widest.counts.expected)} đơn vị gửi đúng hạn, ${formatNumberVi(widest.counts.late)} gửi muộn, ` +
        `${formatNumberVi(widest.counts.missing)} chưa gửi.`,
      tone: widest.counts.missing > 0 ? 'bad' : 'neutral',
      link: widest.link,
    });
  if (incidents.open > 0 || incidents.kpi.incidents > 0)
    headline.push({
      text:
        `${formatNumberVi(incidents.open)} sự cố đang xử lý` +
        (incidents.kpi.share === null
          ? '.'
          : `; ${incidents.kpi.label.toLowerCase()}: ${formatNumberVi(incidents.kpi.share * 100, 1)} % được tiếp cận trong ${incidents.kpi.targetMinutes} phút.`),
      tone: 'neutral',
      link: incidents.link ?? linkTo('/dispatch'),
    });

  return {
    kind: 'leader',
    asOf: today,
    scope: 'Toàn tỉnh',
    headline,
    criteria: criteria.block,
    trend,
    causes: {
      rows: breakdownRows(byCause, () => linkTo('/crashes/stats', { period: spec, by: 'cause' }), 5),
      link: linkTo('/crashes/stats', { period: spec, by: 'cause' }),
    },
    routes: {
      rows: routeRows,
      biggestRise,
      link: linkTo('/crashes/stats', { period: spec, by: 'route' }),
    },
    blackSpots: spotsBlock,
    incidents,
    tasks: tasksBlock,
    reports,
  };
}

// ───────────── a member agency's dashboard ─────────────

export async function unitDashboard(
  db: Db,
  user: SessionUser,
  today: string,
  now = new Date(),
): Promise<Unit> {
  const year = today.slice(0, 4);
  const monthFrom = `${today.slice(0, 7)}-01`;
  const ids = await myUnitIds(db, user);
  const access = await accessOf(db, user);
  const [tasks, reports, monthCount, yearCount, emulation, incidents] = await Promise.all([
    unitTasksBlock(db, user, today),
    unitReportsBlock(db, user, today),
    staffViolators(db, ids, monthFrom, today),
    staffViolators(db, ids, `${year}-01-01`, today),
    emulationBlock(db, user),
    access.view ? incidentBlock(db, today, now, { canOpen: true }) : Promise.resolve(null),
  ]);
  const notices = linkTo('/violations/unit-notices', {
    month: today.slice(0, 7),
    unit: user.orgUnitId ?? undefined,
  });
  return {
    kind: 'unit',
    asOf: today,
    unit: { id: user.orgUnitId ?? 0, name: user.orgUnitName ?? '' },
    tasks,
    reports,
    violators: {
      month: {
        label: `Tháng ${Number(today.slice(5, 7))}/${year} (đến ngày ${formatDateVi(today)})`,
        from: monthFrom,
        to: today,
        count: monthCount,
        link: notices,
      },
      year: {
        label: `Năm ${year} (đến ngày ${formatDateVi(today)})`,
        from: `${year}-01-01`,
        to: today,
        count: yearCount,
        link: notices,
      },
    },
    emulation,
    incidents,
  };
}

// ───────────── a commune's dashboard ─────────────

export async function communeDashboard(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.communeQuery>,
  today: string,
  now = new Date(),
): Promise<Commune> {
  const areaId = user.adminUnitId ?? '';
  const spec = q.period ?? yearToDateSpec(today);
  const [criteria, blackSpots, incidents, tasks, reports, emulation] = await Promise.all([
    criteriaBlock(db, user, spec, today, false),
    blackSpotBlock(db, today, areaId),
    incidentBlock(db, today, now, { areaId, canOpen: false }),
    unitTasksBlock(db, user, today),
    unitReportsBlock(db, user, today),
    emulationBlock(db, user),
  ]);
  const trend = await trendBlock(
    db,
    user,
    criteria.block.period.to < today ? criteria.block.period.to : today,
  );
  const unit = areaId ? await getAdminUnit(db, areaId).catch(() => null) : null;
  const name = unit?.name ?? user.adminUnitName ?? '';
  const label = unit ? `${unit.kind.charAt(0).toUpperCase()}${unit.kind.slice(1)} ${unit.name}` : name;
  const headline: Headline[] = [criteriaHeadline(criteria.stats, criteria.block.tiles[0]!.link, label)];
  const overdue = tasks.tiles.find((x) => x.key === 'overdue')!;
  if (overdue.value > 0)
    headline.push({
      text: `${formatNumberVi(overdue.value)} nhiệm vụ của xã đã quá hạn.`,
      tone: 'bad',
      link: overdue.link,
    });
  const missing = reports.tiles.find((x) => x.key === 'missing')!;
  const pending = reports.tiles.find((x) => x.key === 'pending')!;
  if (missing.value > 0 || pending.value > 0) {
    const next = reports.items.find((r) => r.timeliness === 'pending');
    headline.push({
      text:
        missing.value > 0
          ? `${formatNumberVi(missing.value)} báo cáo quá hạn chưa gửi.`
          : `Báo cáo ${next?.periodLabel ?? ''} hạn gửi ${next ? formatDateVi(next.dueOn) : ''}.`.replace(
              /\s+/g,
              ' ',
            ),
      tone: missing.value > 0 ? 'bad' : 'neutral',
      link: missing.value > 0 ? missing.link : (next?.link ?? pending.link),
    });
  }
  if (incidents.open > 0)
    headline.push({
      text: `${formatNumberVi(incidents.open)} sự cố trên địa bàn đang được xử lý.`,
      tone: 'neutral',
      link: null,
    });
  return {
    kind: 'commune',
    asOf: today,
    area: { id: areaId, name, label },
    headline,
    criteria: criteria.block,
    trend,
    blackSpots,
    incidents,
    tasks,
    reports,
    emulation,
  };
}
