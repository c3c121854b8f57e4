/**
 * The command dashboards (bảng điều hành): the shapes the server sends (src/server/dashboard/schemas.ts) and
 * their queries. Every figure carries the link to the records behind it.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../platform/api.ts';
import type { Role } from '../platform/auth.tsx';

export interface DashLink {
  to: string;
  params?: Record<string, string>;
  search: Record<string, string | number | boolean>;
}

export type Direction = 'up' | 'down' | 'same';
export interface Comparison {
  current: number;
  previous: number;
  change: number;
  percent: number | null;
  direction: Direction;
}
export interface Criteria {
  crashes: number;
  deaths: number;
  injured: number;
}
export interface Headline {
  text: string;
  tone: 'good' | 'bad' | 'neutral';
  link: DashLink | null;
}

export interface CriterionTile extends Comparison {
  key: 'crashes' | 'deaths' | 'injured';
  label: string;
  target: {
    year: number;
    planNumber: string | null;
    description: string;
    ytd: number;
    previousYear: number;
    projected: number;
    targetValueMin: number;
    targetValueMax: number;
    status: 'on_track' | 'at_risk' | 'off_track';
    message: string;
    link: DashLink;
  } | null;
  link: DashLink;
}

export interface CriteriaBlock {
  period: { from: string; to: string; label: string; spec: string };
  previous: { from: string; to: string; label: string };
  sentence: string;
  tiles: CriterionTile[];
  link: DashLink;
}

export interface Trend {
  year: number;
  previousYear: number;
  months: { month: number; current: Criteria | null; previous: Criteria; partial: boolean; link: DashLink }[];
  link: DashLink;
}

export interface BreakdownRow extends Comparison {
  key: string;
  label: string;
  deaths: number;
  previousDeaths: number;
  link: DashLink;
}

export interface BlackSpots {
  total: number;
  byStatus: { status: string; label: string; count: number; link: DashLink }[];
  remediedThisYear: number;
  remediedLink: DashLink;
  overdueRemedies: {
    count: number;
    items: {
      id: number;
      name: string;
      remedyDue: string;
      daysLate: number;
      leadUnitName: string | null;
      link: DashLink;
    }[];
    link: DashLink;
  };
  link: DashLink;
}

export interface Incidents {
  open: number;
  oldestMinutes: number | null;
  items: {
    id: number;
    code: string;
    statusLabel: string;
    firstReportedAt: string;
    adminUnitName: string | null;
    placeText: string | null;
    link: DashLink | null;
  }[];
  kpi: {
    label: string;
    from: string;
    to: string;
    targetMinutes: number;
    incidents: number;
    reached: number;
    share: number | null;
    medianMinutes: number | null;
    link: DashLink | null;
  };
  link: DashLink | null;
}

export interface CountTile {
  key: string;
  label: string;
  value: number;
  link: DashLink;
}

export interface UnitTasks {
  tiles: CountTile[];
  items: {
    assignmentId: number;
    taskId: number;
    taskPath: string;
    taskTitle: string;
    planNumber: string;
    orgUnitName: string;
    nextDueOn: string | null;
    dueState: string;
    link: DashLink;
  }[];
  link: DashLink;
}

export interface UnitReports {
  year: number;
  tiles: CountTile[];
  items: {
    scheduleTitle: string;
    periodLabel: string;
    unitName: string;
    dueOn: string;
    timeliness: string;
    daysLate: number;
    link: DashLink;
  }[];
  link: DashLink;
}

export interface Emulation {
  campaignId: number;
  name: string;
  status: string;
  participants: number;
  units: {
    orgUnitId: number;
    name: string;
    score: number;
    earned: number;
    max: number;
    rank: number;
    classification: string;
    status: string;
    link: DashLink;
  }[];
  link: DashLink;
}

export interface LeaderDashboard {
  kind: 'leader';
  asOf: string;
  scope: string;
  headline: Headline[];
  criteria: CriteriaBlock;
  trend: Trend;
  causes: { rows: BreakdownRow[]; link: DashLink };
  routes: {
    rows: BreakdownRow[];
    biggestRise:
      | (Comparison & {
          key: string;
          label: string;
          roadId: number;
          topVehicle: { code: string; label: string; share: number } | null;
          nightShare: number | null;
          sentence: string;
          link: DashLink;
        })
      | null;
    link: DashLink;
  };
  blackSpots: BlackSpots;
  incidents: Incidents;
  tasks: {
    overdue: number;
    dueSoon: number;
    unitCount: number;
    units: {
      orgUnitId: number;
      name: string;
      overdue: number;
      daysLate: number;
      taskId: number;
      taskPath: string;
      taskTitle: string;
      dueOn: string;
      link: DashLink;
    }[];
    dueSoonLink: DashLink;
    link: DashLink;
  };
  reports: {
    year: number;
    scheduleId: number;
    scheduleTitle: string;
    period: { key: string; label: string; from: string; to: string; dueOn: string };
    counts: {
      expected: number;
      onTime: number;
      late: number;
      missing: number;
      pending: number;
      accepted: number;
    };
    links: { onTime: DashLink; late: DashLink; missing: DashLink };
    link: DashLink;
  }[];
}

export interface UnitDashboard {
  kind: 'unit';
  asOf: string;
  unit: { id: number; name: string };
  tasks: UnitTasks;
  reports: UnitReports;
  violators: {
    month: { label: string; from: string; to: string; count: number; link: DashLink };
    year: { label: string; from: string; to: string; count: number; link: DashLink };
  };
  emulation: Emulation | null;
  incidents: Incidents | null;
}

export interface CommuneDashboard {
  kind: 'commune';
  asOf: string;
  area: { id: string; name: string; label: string };
  headline: Headline[];
  criteria: CriteriaBlock;
  trend: Trend;
  blackSpots: BlackSpots & {
    spots: { id: number; name: string; status: string; statusLabel: string; link: DashLink }[];
  };
  incidents: Incidents;
  tasks: UnitTasks;
  reports: UnitReports;
  emulation: Emulation | null;
}

export type DashboardKind = 'leader' | 'unit' | 'commune';

/** Which dashboard a role gets: agencies their unit's, communes their area's, everyone else the province. */
export const dashboardKindOf = (role: Role): DashboardKind =>
  role === 'agency' ? 'unit' : role === 'commune' ? 'commune' : 'leader';

export const leaderDashboardQuery = (period: string | undefined) =>
  queryOptions({
    queryKey: ['dashboard', 'leader', period ?? null] as const,
    queryFn: ({ signal }) => api.get<LeaderDashboard>('/dashboard/leader', { period }, signal),
    staleTime: 60_000,
  });

export const unitDashboardQuery = () =>
  queryOptions({
    queryKey: ['dashboard', 'unit'] as const,
    queryFn: ({ signal }) => api.get<UnitDashboard>('/dashboard/unit', undefined, signal),
    staleTime: 60_000,
  });

export const communeDashboardQuery = (period: string | undefined) =>
  queryOptions({
    queryKey: ['dashboard', 'commune', period ?? null] as const,
    queryFn: ({ signal }) => api.get<CommuneDashboard>('/dashboard/commune', { period }, signal),
    staleTime: 60_000,
  });
