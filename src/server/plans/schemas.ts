import { z } from 'zod';
import { SCHEDULE_KINDS } from '../../domain/plans/schedule.ts';
import { isoDate, optionalText, paged, pageQuery, searchText, trimmed } from '../platform/http.ts';

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export const DUE_STATES = ['overdue', 'due_soon', 'upcoming', 'done', 'none'] as const;
export const TRIGGER_KINDS = ['directive', 'peak_campaign', 'ad_hoc'] as const;

/** Base64 of at most `bytes` bytes. */
const base64Of = (bytes: number) =>
  z
    .string()
    .max(
      Math.ceil(bytes / 3) * 4 + 4,
      `Tệp vượt quá dung lượng cho phép (${Math.round(bytes / 1024 / 1024)} MB)`,
    )
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung tệp không hợp lệ (cần mã hóa base64)');

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const importSource = z.union([
  z.object({ text: z.string().max(2_000_000, 'Nội dung dán vào quá dài') }),
  z.object({ fileName: trimmed(255), contentBase64: base64Of(MAX_IMPORT_BYTES + 1) }),
]);

export const target = z.object({
  indicator: z.enum(['crashes', 'deaths', 'injured', 'other']),
  direction: z.enum(['decrease', 'increase']).default('decrease'),
  minPercent: z.number().min(0).max(100).nullish(),
  maxPercent: z.number().min(0).max(100).nullish(),
  description: trimmed(500),
});

const planFields = z.object({
  number: trimmed(60),
  issuedOn: isoDate,
  issuingBody: trimmed(200),
  title: trimmed(1000),
  theme: optionalText(300),
  directives: z.array(trimmed(200)).max(50),
  goals: optionalText(10000),
  parentId: z.number().int().positive().nullish(),
  ownerUnitId: z.number().int().positive().nullish(),
  endsOn: isoDate.nullish(),
  status: z.enum(['draft', 'active', 'closed']),
  targets: z.array(target).max(20),
});
export const planInput = planFields
  .extend({
    directives: planFields.shape.directives.default([]),
    status: planFields.shape.status.default('active'),
    targets: planFields.shape.targets.default([]),
  })
  .strict();
/** A partial update: only the fields sent change (no defaults here, or they would overwrite). */
export const planPatch = planFields.partial().strict();

export const mapping = z.object({ text: trimmed(300), orgUnitId: z.number().int().positive() });

export const importPreviewBody = z
  .object({
    source: importSource,
    planDate: isoDate.optional(),
    layout: z.enum(['table', 'prose']).optional(),
    mappings: z.array(mapping).max(500).default([]),
  })
  .strict();

export const importCommitBody = importPreviewBody
  .extend({
    plan: planInput,
    /** Remember each mapping as an alias of its unit (the default: map once). */
    rememberMappings: z.boolean().default(true),
  })
  .strict();

const unitRef = z.object({ id: z.union([z.number(), z.string()]), code: z.string(), name: z.string() });
const nameReading = z.object({
  text: z.string(),
  status: z.enum(['resolved', 'group', 'ambiguous', 'unknown']),
  units: z.array(unitRef),
  display: z.string(),
  role: z.string().optional(),
  group: z.string().optional(),
  qualifier: z.string().optional(),
  matchedBy: z.string().optional(),
  suggestions: z.array(unitRef.extend({ score: z.number() })),
});
const occurrence = z.object({
  dueOn: z.string(),
  startsOn: z.string().nullable(),
  label: z.string(),
  source: z.string(),
});
export const problem = z.object({
  row: z.number(),
  column: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const importPreview = z.object({
  format: z.string(),
  layout: z.enum(['table', 'prose']),
  reference: z.object({
    number: z.string().optional(),
    date: z.string().optional(),
    issuingBody: z.string().optional(),
    title: z.string().optional(),
  }),
  planDate: z.string(),
  title: z.string().optional(),
  items: z.array(
    z.object({
      kind: z.enum(['section', 'task']),
      number: z.string(),
      path: z.string(),
      parentPath: z.string().nullable(),
      title: z.string(),
      timeframeText: z.string(),
      scheduleKind: z.enum(SCHEDULE_KINDS),
      scheduleInherited: z.boolean(),
      occurrences: z.array(occurrence),
      leadText: z.string(),
      coordinatingText: z.string(),
      leads: z.array(nameReading),
      leadsInherited: z.boolean(),
      jointLead: z.boolean(),
      coordinators: z.array(nameReading),
      note: z.string(),
      sourceRows: z.array(z.number()),
      uncertain: z.array(z.string()),
    }),
  ),
  problems: z.array(problem),
  unresolved: z.array(
    z.object({
      text: z.string(),
      status: z.string(),
      suggestions: z.array(unitRef.extend({ score: z.number() })),
    }),
  ),
  counts: z.object({
    sections: z.number(),
    tasks: z.number(),
    assignments: z.number(),
    uncertain: z.number(),
  }),
  canSave: z.boolean(),
});

export const plan = z.object({
  id: z.number(),
  number: z.string(),
  issuedOn: z.string(),
  issuingBody: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  directives: z.array(z.string()),
  goals: z.string().nullable(),
  parentId: z.number().nullable(),
  parentNumber: z.string().nullable(),
  ownerUnitId: z.number().nullable(),
  ownerUnitName: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.string(),
  sourceFormat: z.string().nullable(),
  targets: z.array(
    target.extend({ id: z.number(), minPercent: z.number().nullable(), maxPercent: z.number().nullable() }),
  ),
  taskCount: z.number(),
  leadAssignments: z.number(),
  doneAssignments: z.number(),
  overdueAssignments: z.number(),
  /** Average progress of the lead assignments of this plan and of every plan under it (cascade). */
  progress: z.number(),
  childCount: z.number(),
});
export const planPage = paged(plan);

export const planQuery = z.object({
  q: searchText,
  status: z.enum(['draft', 'active', 'closed']).optional(),
  parentId: z.coerce.number().int().positive().optional(),
  roots: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional(),
  ...pageQuery,
});

const assignmentBrief = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  role: z.enum(['lead', 'coordinating']),
  isPrimary: z.boolean(),
  roleNote: z.string().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  progress: z.number(),
  nextDueOn: z.string().nullable(),
  dueState: z.enum(DUE_STATES),
});

export const task = z.object({
  id: z.number(),
  planId: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(['section', 'task']),
  number: z.string(),
  path: z.string(),
  title: z.string(),
  timeframeText: z.string(),
  scheduleKind: z.enum(SCHEDULE_KINDS),
  needsReview: z.boolean(),
  leadText: z.string(),
  coordinatingText: z.string(),
  note: z.string(),
  assignments: z.array(assignmentBrief),
});
export const taskList = z.object({ items: z.array(task) });

export const taskDetail = task.extend({
  planNumber: z.string(),
  planTitle: z.string(),
  schedule: z.unknown(),
  occurrences: z.array(
    z.object({
      id: z.number(),
      assignmentId: z.number(),
      orgUnitName: z.string(),
      dueOn: z.string(),
      startsOn: z.string().nullable(),
      label: z.string(),
      source: z.string(),
      doneOn: z.string().nullable(),
    }),
  ),
  progressUpdates: z.array(
    z.object({
      id: z.number(),
      assignmentId: z.number(),
      orgUnitName: z.string(),
      at: z.string(),
      author: z.string().nullable(),
      text: z.string(),
      percent: z.number(),
      status: z.string(),
      attachments: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number() })),
    }),
  ),
});

export const assignmentQuery = z.object({
  q: searchText,
  mine: z.enum(['true', 'false']).optional(),
  planId: z.coerce.number().int().positive().optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  role: z.enum(['lead', 'coordinating']).optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  dueState: z.enum(['overdue', 'due_soon', 'upcoming', 'none']).optional(),
  scheduleKind: z.enum(SCHEDULE_KINDS).optional(),
  asOf: isoDate.optional(),
  ...pageQuery,
});

export const assignmentRow = assignmentBrief.extend({
  taskId: z.number(),
  taskPath: z.string(),
  taskTitle: z.string(),
  timeframeText: z.string(),
  scheduleKind: z.enum(SCHEDULE_KINDS),
  planId: z.number(),
  planNumber: z.string(),
});
export const assignmentPage = paged(assignmentRow);

export const occurrenceQuery = z.object({
  from: isoDate,
  to: isoDate,
  planId: z.coerce.number().int().positive().optional(),
  mine: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional(),
  ...pageQuery,
});
export const occurrenceRow = z.object({
  id: z.number(),
  dueOn: z.string(),
  startsOn: z.string().nullable(),
  label: z.string(),
  doneOn: z.string().nullable(),
  dueState: z.enum(DUE_STATES),
  assignmentId: z.number(),
  orgUnitName: z.string(),
  taskId: z.number(),
  taskPath: z.string(),
  taskTitle: z.string(),
  planId: z.number(),
  planNumber: z.string(),
});
export const occurrencePage = paged(occurrenceRow);

export const progressInput = z
  .object({
    text: trimmed(5000),
    percent: z.number().int().min(0).max(100),
    status: z.enum(ASSIGNMENT_STATUSES),
    occurrenceId: z.number().int().positive().nullish(),
    attachments: z
      .array(
        z.object({
          fileName: trimmed(255),
          mediaType: trimmed(100),
          contentBase64: base64Of(MAX_ATTACHMENT_BYTES),
        }),
      )
      .max(5)
      .default([]),
  })
  .strict()
  .refine((v) => v.status !== 'done' || v.percent === 100, {
    message: 'Nhiệm vụ hoàn thành phải có tiến độ 100 %',
    path: ['percent'],
  });

export const triggerInput = z
  .object({
    planId: z.number().int().positive().nullish(),
    kind: z.enum(TRIGGER_KINDS),
    reference: optionalText(100),
    title: trimmed(500),
    startsOn: isoDate,
    dueOn: isoDate,
    /** Only these tasks; by default every event task of the trigger's kind in the plan(s). */
    taskIds: z.array(z.number().int().positive()).max(1000).optional(),
  })
  .strict()
  .refine((v) => v.dueOn >= v.startsOn, { message: 'Hạn phải sau ngày bắt đầu', path: ['dueOn'] });

export const trigger = z.object({
  id: z.number(),
  planId: z.number().nullable(),
  kind: z.enum(TRIGGER_KINDS),
  reference: z.string().nullable(),
  title: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  activatedAssignments: z.number(),
});
export const triggerPage = paged(trigger);
export const triggerQuery = z.object({ planId: z.coerce.number().int().positive().optional(), ...pageQuery });

export const notification = z.object({
  id: z.number(),
  orgUnitName: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationPage = paged(notification).extend({ unread: z.number() });
export const reminderRun = z.object({ created: z.number(), emailed: z.number() });
export const reminderBody = z.object({ asOf: isoDate.optional() }).strict();
export const notificationQuery = z.object({ unread: z.enum(['true', 'false']).optional(), ...pageQuery });
