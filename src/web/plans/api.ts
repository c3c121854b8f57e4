/**
 * Plans, tasks, assignments, import, triggers and notifications: the shapes the server sends
 * (see src/server/plans/schemas.ts) and the queries and writes the pages use.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../platform/api.ts';
import type { MyTasksSearch, PlansSearch, ScheduleKind } from './search.ts';

export { planPermissions } from './permissions.ts';
export { SCHEDULE_KINDS, type ScheduleKind } from './search.ts';

type Paged<S> = S & { page: number; pageSize: number };

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const DUE_STATES = ['overdue', 'due_soon', 'upcoming', 'done', 'none'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const TRIGGER_KINDS = ['directive', 'peak_campaign', 'ad_hoc'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];
export const TARGET_INDICATORS = ['crashes', 'deaths', 'injured', 'other'] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];
export const TARGET_DIRECTIONS = ['decrease', 'increase'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export type AssignmentRole = 'lead' | 'coordinating';

// ───────────── Plans ─────────────

export interface PlanTarget {
  id: number;
  indicator: TargetIndicator;
  direction: TargetDirection;
  minPercent: number | null;
  maxPercent: number | null;
  description: string;
}

export interface Plan {
  id: number;
  number: string;
  issuedOn: string;
  issuingBody: string;
  title: string;
  theme: string | null;
  directives: string[];
  goals: string | null;
  parentId: number | null;
  parentNumber: string | null;
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  endsOn: string | null;
  status: string;
  sourceFormat: string | null;
  targets: PlanTarget[];
  taskCount: number;
  leadAssignments: number;
  doneAssignments: number;
  overdueAssignments: number;
  /** 0–100, rolled up over the plans that implement this one. */
  progress: number;
  childCount: number;
}

export const plansQuery = (search: Paged<PlansSearch>) =>
  queryOptions({
    queryKey: ['plans', 'list', search] as const,
    queryFn: ({ signal }) => api.get<Page<Plan>>('/plans', { ...search }, signal),
    placeholderData: keepPreviousData,
  });

export const childPlansQuery = (parentId: number) =>
  queryOptions({
    queryKey: ['plans', 'list', { parentId, page: 1, pageSize: 100 }] as const,
    queryFn: ({ signal }) => api.get<Page<Plan>>('/plans', { parentId, page: 1, pageSize: 100 }, signal),
  });

/** Plans to pick as a parent (the most recent 100). */
export const parentPlanOptionsQuery = () =>
  queryOptions({
    queryKey: ['plans', 'list', { page: 1, pageSize: 100 }] as const,
    queryFn: ({ signal }) => api.get<Page<Plan>>('/plans', { page: 1, pageSize: 100 }, signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });

export const planQuery = (id: number) =>
  queryOptions({
    queryKey: ['plans', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<Plan>(`/plans/${id}`, undefined, signal),
  });

// ───────────── Tasks ─────────────

export interface AssignmentBrief {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  role: AssignmentRole;
  isPrimary: boolean;
  roleNote: string | null;
  status: AssignmentStatus;
  progress: number;
  nextDueOn: string | null;
  dueState: DueState;
}

export interface Task {
  id: number;
  planId: number;
  parentId: number | null;
  kind: 'section' | 'task';
  number: string;
  path: string;
  title: string;
  timeframeText: string;
  scheduleKind: ScheduleKind;
  needsReview: boolean;
  leadText: string;
  coordinatingText: string;
  note: string;
  assignments: AssignmentBrief[];
}

export const planTasksQuery = (planId: number) =>
  queryOptions({
    queryKey: ['plans', 'tasks', planId] as const,
    queryFn: ({ signal }) => api.get<{ items: Task[] }>(`/plans/${planId}/tasks`, undefined, signal),
    select: (data) => data.items,
  });

export interface TaskOccurrence {
  id: number;
  assignmentId: number;
  orgUnitName: string;
  dueOn: string;
  startsOn: string | null;
  label: string;
  source: string;
  doneOn: string | null;
}

export interface ProgressUpdate {
  id: number;
  assignmentId: number;
  orgUnitName: string;
  at: string;
  author: string | null;
  text: string;
  percent: number;
  status: string;
  attachments: { id: number; fileName: string; size: number }[];
}

export interface TaskDetail extends Task {
  planNumber: string;
  planTitle: string;
  occurrences: TaskOccurrence[];
  progressUpdates: ProgressUpdate[];
}

export const taskQuery = (id: number) =>
  queryOptions({
    queryKey: ['tasks', 'detail', id] as const,
    queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${id}`, undefined, signal),
  });

// ───────────── Assignments ─────────────

export interface AssignmentRow extends AssignmentBrief {
  taskId: number;
  taskPath: string;
  taskTitle: string;
  timeframeText: string;
  scheduleKind: ScheduleKind;
  planId: number;
  planNumber: string;
}

export interface AssignmentFilter {
  mine?: boolean;
  role?: AssignmentRole;
  status?: AssignmentStatus;
  dueState?: 'overdue' | 'due_soon' | 'upcoming' | 'none';
  scheduleKind?: ScheduleKind;
  planId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

const assignmentQueryString = (f: AssignmentFilter) => ({
  ...f,
  mine: f.mine ? 'true' : undefined,
});

export const assignmentsQuery = (filter: AssignmentFilter) =>
  queryOptions({
    queryKey: ['assignments', 'list', filter] as const,
    queryFn: ({ signal }) =>
      api.get<Page<AssignmentRow>>('/assignments', assignmentQueryString(filter), signal),
    placeholderData: keepPreviousData,
  });

/** The unit's tasks page: its tab becomes the filter the server understands. */
export const myTasksQuery = (search: Paged<MyTasksSearch>) => {
  const { tab, ...rest } = search;
  return assignmentsQuery({
    ...rest,
    mine: true,
    ...(tab === 'overdue' ? { dueState: 'overdue' } : {}),
    ...(tab === 'due_soon' ? { dueState: 'due_soon' } : {}),
    ...(tab === 'coordinating' ? { role: 'coordinating' } : {}),
  });
};

/** How many of my unit's assignments are overdue / due soon (the badges and the home card). */
export const myDueCountQuery = (dueState: 'overdue' | 'due_soon') =>
  queryOptions({
    queryKey: ['assignments', 'count', { mine: true, dueState }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<AssignmentRow>>('/assignments', { mine: 'true', dueState, page: 1, pageSize: 1 }, signal),
    select: (page) => page.total,
    staleTime: 60_000,
  });

/** My unit's assignments in one plan (to know which of a task's assignments I may report on). */
export const myPlanAssignmentsQuery = (planId: number, enabled: boolean) =>
  queryOptions({
    queryKey: ['assignments', 'list', { mine: true, planId, page: 1, pageSize: 500 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<AssignmentRow>>('/assignments', { mine: 'true', planId, page: 1, pageSize: 500 }, signal),
    enabled,
    select: (page) => page.items,
  });

export interface ProgressInput {
  text: string;
  percent: number;
  status: AssignmentStatus;
  occurrenceId?: number | null;
  attachments: { fileName: string; mediaType: string; contentBase64: string }[];
}

export const reportProgress = (assignmentId: number, input: ProgressInput) =>
  api.post<TaskDetail>(`/assignments/${assignmentId}/progress`, input);

// ───────────── Occurrences (timeline) ─────────────

export interface OccurrenceRow {
  id: number;
  dueOn: string;
  startsOn: string | null;
  label: string;
  doneOn: string | null;
  dueState: DueState;
  assignmentId: number;
  orgUnitName: string;
  taskId: number;
  taskPath: string;
  taskTitle: string;
  planId: number;
  planNumber: string;
}

/** Up to this many dues are shown on one timeline. */
export const TIMELINE_LIMIT = 2000;
const TIMELINE_PAGE = 500;

/** Every due of a plan in a date range (fetched page by page, up to {@link TIMELINE_LIMIT}). */
export const occurrencesQuery = (planId: number, from: string, to: string) =>
  queryOptions({
    queryKey: ['occurrences', { planId, from, to }] as const,
    queryFn: async ({ signal }) => {
      const items: OccurrenceRow[] = [];
      let total = 0;
      for (let page = 1; items.length < TIMELINE_LIMIT; page++) {
        const res = await api.get<Page<OccurrenceRow>>(
          '/occurrences',
          { planId, from, to, page, pageSize: TIMELINE_PAGE },
          signal,
        );
        items.push(...res.items);
        total = res.total;
        if (res.items.length < TIMELINE_PAGE || items.length >= total) break;
      }
      return { items, total };
    },
  });

// ───────────── Import ─────────────

export type ImportSource = { text: string } | { fileName: string; contentBase64: string };
export type ImportLayout = 'table' | 'prose';

export interface UnitRef {
  id: number | string;
  code: string;
  name: string;
}

export type ReadingStatus = 'resolved' | 'group' | 'ambiguous' | 'unknown';

export interface NameReading {
  text: string;
  status: ReadingStatus;
  units: UnitRef[];
  display: string;
  role?: string;
  group?: string;
  qualifier?: string;
  matchedBy?: string;
  suggestions: (UnitRef & { score: number })[];
}

export interface PreviewItem {
  kind: 'section' | 'task';
  number: string;
  path: string;
  parentPath: string | null;
  title: string;
  timeframeText: string;
  scheduleKind: ScheduleKind;
  scheduleInherited: boolean;
  occurrences: { dueOn: string; startsOn: string | null; label: string; source: string }[];
  leadText: string;
  coordinatingText: string;
  leads: NameReading[];
  leadsInherited: boolean;
  jointLead: boolean;
  coordinators: NameReading[];
  note: string;
  sourceRows: number[];
  uncertain: string[];
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportPreview {
  format: string;
  layout: ImportLayout;
  reference: { number?: string; date?: string; issuingBody?: string; title?: string };
  planDate: string;
  title?: string;
  items: PreviewItem[];
  problems: ImportProblem[];
  unresolved: { text: string; status: string; suggestions: (UnitRef & { score: number })[] }[];
  counts: { sections: number; tasks: number; assignments: number; uncertain: number };
  canSave: boolean;
}

export interface Mapping {
  text: string;
  orgUnitId: number;
}

export interface ImportPreviewBody {
  source: ImportSource;
  planDate?: string;
  layout?: ImportLayout;
  mappings: Mapping[];
}

export interface TargetInput {
  indicator: TargetIndicator;
  direction: TargetDirection;
  minPercent?: number | null;
  maxPercent?: number | null;
  description: string;
}

export interface PlanHeaderInput {
  number: string;
  issuedOn: string;
  issuingBody: string;
  title: string;
  theme?: string | null;
  directives: string[];
  goals?: string | null;
  parentId?: number | null;
  ownerUnitId?: number | null;
  endsOn?: string | null;
  status: PlanStatus;
  targets: TargetInput[];
}

export interface ImportResult {
  planId: number;
  tasks: number;
  assignments: number;
  occurrences: number;
  aliases: number;
}

export const previewImport = (body: ImportPreviewBody) =>
  api.post<ImportPreview>('/plans/import/preview', body);
export const commitImport = (
  body: ImportPreviewBody & { plan: PlanHeaderInput; rememberMappings: boolean },
) => api.post<ImportResult>('/plans/import', body);

// ───────────── Triggers ─────────────

export interface Trigger {
  id: number;
  planId: number | null;
  kind: TriggerKind;
  reference: string | null;
  title: string;
  startsOn: string;
  dueOn: string;
  activatedAssignments: number;
}

export interface TriggerInput {
  planId?: number | null;
  kind: TriggerKind;
  reference?: string | null;
  title: string;
  startsOn: string;
  dueOn: string;
}

export const triggersQuery = () =>
  queryOptions({
    queryKey: ['plan-triggers'] as const,
    queryFn: ({ signal }) => api.get<{ items: Trigger[] }>('/plan-triggers', undefined, signal),
    select: (data) => data.items,
  });

export const createTrigger = (input: TriggerInput) =>
  api.post<{ id: number; activatedAssignments: number }>('/plan-triggers', input);

// ───────────── Notifications ─────────────

export interface AppNotification {
  id: number;
  orgUnitName: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['notifications'] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: AppNotification[]; unread: number }>('/notifications', undefined, signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });

export const markNotificationRead = (id: number) => api.post<void>(`/notifications/${id}/read`);

// ───────────── Org units (for the name mapping picker) ─────────────

export interface OrgUnitOption {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  parentName: string | null;
}

export const orgUnitSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['directory', 'org-units', { q, page: 1, pageSize: 30 }] as const,
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnitOption>>(
        '/directory/org-units',
        { q: q || undefined, page: 1, pageSize: 30 },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

// ───────────── Files ─────────────

/** A browser File as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : url);
    };
    reader.readAsDataURL(file);
  });
}

/** Download URLs (plain links: the session cookie goes along, the server sets the file name). */
export const exportUrl = (planId: number, format: 'docx' | 'xlsx') =>
  `/api/v1/plans/${planId}/export?format=${format}`;
export const attachmentUrl = (id: number) => `/api/v1/attachments/${id}`;
