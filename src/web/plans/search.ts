import { optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
/** The schedule kinds of src/domain/plans/schedule.ts (kept here so the web app does not load the domain). */
export const SCHEDULE_KINDS = [
  'deadline',
  'recurring',
  'continuous',
  'deadline_then_continuous',
  'event',
  'unknown',
] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface PlansSearch extends Paging {
  q?: string;
  status?: (typeof PLAN_STATUSES)[number];
}
export const validatePlansSearch = (s: Record<string, unknown>): PlansSearch => ({
  q: optString(s.q),
  status: optEnum(PLAN_STATUSES, s.status),
  ...paging(s),
});

/** "Nhiệm vụ của đơn vị": the tabs besides "Tất cả" (the default, no value). */
export const MY_TASK_TABS = ['overdue', 'due_soon', 'coordinating'] as const;
export type MyTaskTab = (typeof MY_TASK_TABS)[number];

export interface MyTasksSearch extends Paging {
  tab?: MyTaskTab;
  status?: (typeof ASSIGNMENT_STATUSES)[number];
  scheduleKind?: (typeof SCHEDULE_KINDS)[number];
  q?: string;
}
export const validateMyTasksSearch = (s: Record<string, unknown>): MyTasksSearch => ({
  tab: optEnum(MY_TASK_TABS, s.tab),
  status: optEnum(ASSIGNMENT_STATUSES, s.status),
  scheduleKind: optEnum(SCHEDULE_KINDS, s.scheduleKind),
  q: optString(s.q),
  ...paging(s),
});

export const PLAN_TABS = ['tree', 'timeline'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export interface PlanSearch {
  tab?: PlanTab;
  year?: number;
}
export const validatePlanSearch = (s: Record<string, unknown>): PlanSearch => {
  const year = optPositiveInt(s.year);
  return {
    tab: optEnum(PLAN_TABS, s.tab) === 'timeline' ? 'timeline' : undefined,
    year: year && year >= 2000 && year <= 2100 ? year : undefined,
  };
};

export interface ImportSearch {
  /** Import an implementing plan under this plan. */
  parentId?: number;
}
export const validateImportSearch = (s: Record<string, unknown>): ImportSearch => ({
  parentId: optPositiveInt(s.parentId),
});

/** A route's numeric id parameter, or undefined when it is not a positive integer. */
export const idParam = (v: string): number | undefined => optPositiveInt(v);
