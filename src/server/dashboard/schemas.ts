/**
 * The command dashboards' answers (bảng điều hành): every figure comes with the link to the records behind it —
 * a web route (`to`, with `params` for its path) and the search that filters that page to those records.
 */
import { z } from 'zod';

export const link = z.object({
  to: z.string(),
  params: z.record(z.string(), z.string()).optional(),
  search: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type Link = z.infer<typeof link>;

export const leaderQuery = z
  .object({
    /** As the crash statistics take it (month:2026-03, quarter:2026-1, year:2026, range:a..b …); default: the year to date. */
    period: z.string().trim().min(4).max(40).optional(),
  })
  .strict();
export const communeQuery = leaderQuery;
export const noQuery = z.object({}).strict();

const criteria = z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() });
const direction = z.enum(['up', 'down', 'same']);
const indicator = z.enum(['crashes', 'deaths', 'injured']);
/** A figure against the same period of last year: a rise of any criterion is bad news. */
const comparison = z.object({
  current: z.number(),
  previous: z.number(),
  change: z.number(),
  /** change ÷ previous × 100, one decimal; null when the previous value is 0 */
  percent: z.number().nullable(),
  direction,
});
const range = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const headlineItem = z.object({
  text: z.string(),
  tone: z.enum(['good', 'bad', 'neutral']),
  /** null when the caller has no page for those records */
  link: link.nullable(),
});

export const criteriaBlock = z.object({
  period: range.extend({ spec: z.string() }),
  previous: range,
  sentence: z.string(),
  tiles: z.array(
    comparison.extend({
      key: indicator,
      label: z.string(),
      /** the year against the plan's target (province only) */
      target: z
        .object({
          year: z.number(),
          planNumber: z.string().nullable(),
          description: z.string(),
          ytd: z.number(),
          previousYear: z.number(),
          projected: z.number(),
          targetValueMin: z.number(),
          targetValueMax: z.number(),
          status: z.enum(['on_track', 'at_risk', 'off_track']),
          message: z.string(),
          link,
        })
        .nullable(),
      link,
    }),
  ),
  link,
});

export const trend = z.object({
  year: z.number(),
  previousYear: z.number(),
  months: z.array(
    z.object({
      month: z.number(),
      current: criteria.nullable(),
      previous: criteria,
      /** the month is still under way: cut at the period's end */
      partial: z.boolean(),
      link,
    }),
  ),
  link,
});

export const breakdownRow = comparison.extend({
  key: z.string(),
  label: z.string(),
  deaths: z.number(),
  previousDeaths: z.number(),
  link,
});

export const routes = z.object({
  rows: z.array(breakdownRow),
  /** the route whose crashes rose most, with what its crashes have in common */
  biggestRise: comparison
    .extend({
      key: z.string(),
      label: z.string(),
      roadId: z.number(),
      topVehicle: z.object({ code: z.string(), label: z.string(), share: z.number() }).nullable(),
      /** share of its crashes at night (18:00–05:59), 0..1 */
      nightShare: z.number().nullable(),
      sentence: z.string(),
      link,
    })
    .nullable(),
  link,
});

export const blackSpots = z.object({
  total: z.number(),
  byStatus: z.array(z.object({ status: z.string(), label: z.string(), count: z.number(), link })),
  remediedThisYear: z.number(),
  remediedLink: link,
  overdueRemedies: z.object({
    count: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        remedyDue: z.string(),
        daysLate: z.number(),
        leadUnitName: z.string().nullable(),
        link,
      }),
    ),
    link,
  }),
  link,
});

export const incidents = z.object({
  open: z.number(),
  /** minutes the oldest open incident has waited since its first report */
  oldestMinutes: z.number().nullable(),
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      statusLabel: z.string(),
      firstReportedAt: z.string(),
      adminUnitName: z.string().nullable(),
      placeText: z.string().nullable(),
      /** null when the caller may not open the dispatch board */
      link: link.nullable(),
    }),
  ),
  kpi: z.object({
    label: z.string(),
    from: z.string(),
    to: z.string(),
    targetMinutes: z.number(),
    incidents: z.number(),
    reached: z.number(),
    /** 0..1; null when no incident needed a response */
    share: z.number().nullable(),
    medianMinutes: z.number().nullable(),
    link: link.nullable(),
  }),
  link: link.nullable(),
});

export const overdueTasks = z.object({
  overdue: z.number(),
  dueSoon: z.number(),
  unitCount: z.number(),
  units: z.array(
    z.object({
      orgUnitId: z.number(),
      name: z.string(),
      overdue: z.number(),
      daysLate: z.number(),
      taskId: z.number(),
      taskPath: z.string(),
      taskTitle: z.string(),
      dueOn: z.string(),
      link,
    }),
  ),
  dueSoonLink: link,
  link,
});

const boardCounts = z.object({
  expected: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  pending: z.number(),
  accepted: z.number(),
});

export const completeness = z.object({
  year: z.number(),
  scheduleId: z.number(),
  scheduleTitle: z.string(),
  period: z.object({
    key: z.string(),
    label: z.string(),
    from: z.string(),
    to: z.string(),
    dueOn: z.string(),
  }),
  counts: boardCounts,
  links: z.object({ onTime: link, late: link, missing: link }),
  link,
});

export const countTile = z.object({ key: z.string(), label: z.string(), value: z.number(), link });

export const unitTasks = z.object({
  tiles: z.array(countTile),
  items: z.array(
    z.object({
      assignmentId: z.number(),
      taskId: z.number(),
      taskPath: z.string(),
      taskTitle: z.string(),
      planNumber: z.string(),
      orgUnitName: z.string(),
      nextDueOn: z.string().nullable(),
      dueState: z.string(),
      link,
    }),
  ),
  link,
});

export const unitReports = z.object({
  year: z.number(),
  tiles: z.array(countTile),
  items: z.array(
    z.object({
      scheduleTitle: z.string(),
      periodLabel: z.string(),
      unitName: z.string(),
      dueOn: z.string(),
      timeliness: z.string(),
      daysLate: z.number(),
      link,
    }),
  ),
  link,
});

export const violators = z.object({
  month: z.object({ label: z.string(), from: z.string(), to: z.string(), count: z.number(), link }),
  year: z.object({ label: z.string(), from: z.string(), to: z.string(), count: z.number(), link }),
});

export const emulation = z
  .object({
    campaignId: z.number(),
    name: z.string(),
    status: z.string(),
    participants: z.number(),
    units: z.array(
      z.object({
        orgUnitId: z.number(),
        name: z.string(),
        score: z.number(),
        earned: z.number(),
        max: z.number(),
        rank: z.number(),
        classification: z.string(),
        status: z.string(),
        link,
      }),
    ),
    link,
  })
  .nullable();

export const leaderDashboard = z.object({
  kind: z.literal('leader'),
  asOf: z.string(),
  scope: z.string(),
  headline: z.array(headlineItem),
  criteria: criteriaBlock,
  trend,
  causes: z.object({ rows: z.array(breakdownRow), link }),
  routes,
  blackSpots,
  incidents,
  tasks: overdueTasks,
  /** each active schedule's latest period already due, the most recent deadline first */
  reports: z.array(completeness),
});

export const unitDashboard = z.object({
  kind: z.literal('unit'),
  asOf: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  tasks: unitTasks,
  reports: unitReports,
  violators,
  emulation,
  /** for units that dispatch (police, health): the incidents open now and the month's response */
  incidents: incidents.nullable(),
});

export const communeDashboard = z.object({
  kind: z.literal('commune'),
  asOf: z.string(),
  /** name "Bình Lư", label "Xã Bình Lư" */
  area: z.object({ id: z.string(), name: z.string(), label: z.string() }),
  headline: z.array(headlineItem),
  criteria: criteriaBlock,
  trend,
  blackSpots: blackSpots.extend({
    spots: z.array(
      z.object({ id: z.number(), name: z.string(), status: z.string(), statusLabel: z.string(), link }),
    ),
  }),
  incidents,
  tasks: unitTasks,
  reports: unitReports,
  emulation,
});
