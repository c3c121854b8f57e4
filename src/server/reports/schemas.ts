/** HTTP contract of the reporting regime: forms, schedules, submissions, board, consolidation, review reports. */
import { z } from 'zod';
import { COLUMN_KINDS, INDICATOR_KINDS, RULE_OPERATORS } from '../../domain/reports/forms.ts';
import { FREQUENCIES, SUBMISSION_STATUSES, TIMELINESS } from '../../domain/reports/schedule.ts';
import { isoDate, optionalText, paged, pageQuery, searchText, trimmed } from '../platform/http.ts';

// ───────────── forms ─────────────

const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Mã chỉ dùng chữ thường không dấu, số và dấu gạch dưới');

export const formDefinition = z.object({
  indicators: z
    .array(
      z.object({
        code,
        label: trimmed(300),
        unit: z.string().trim().max(40),
        kind: z.enum(INDICATOR_KINDS),
        required: z.boolean(),
        min: z.number().nullish(),
        max: z.number().nullish(),
        group: z.string().trim().max(200).nullish(),
      }),
    )
    .max(200),
  sections: z
    .array(
      z.object({
        code,
        title: trimmed(300),
        hint: z.string().trim().max(1000).nullish(),
        required: z.boolean(),
      }),
    )
    .max(30),
  tables: z
    .array(
      z.object({
        code,
        title: trimmed(300),
        columns: z.array(z.object({ code, label: trimmed(200), kind: z.enum(COLUMN_KINDS) })).max(20),
        maxRows: z.number().int().min(1).max(500),
      }),
    )
    .max(20),
  rules: z
    .array(
      z.object({
        code,
        left: z.array(code).max(50),
        operator: z.enum(RULE_OPERATORS),
        right: z.array(code).max(50),
        message: trimmed(500),
      }),
    )
    .max(100),
});

export const formInput = z
  .object({
    code: trimmed(60),
    name: trimmed(300),
    description: optionalText(2000),
    definition: formDefinition,
  })
  .strict();

export const formSummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number(),
  indicators: z.number(),
  updatedAt: z.string(),
});
export const form = formSummary.extend({ definition: formDefinition });
export const formQuery = z.object({ ...pageQuery, q: searchText }).strict();
export const formPage = paged(formSummary);

// ───────────── schedules ─────────────

export const scheduleInput = z
  .object({
    formId: z.number().int().positive(),
    title: trimmed(300),
    kind: z.enum(['periodic', 'adhoc']),
    /** periodic: month, quarter, half, nine_months, year */
    frequency: z.enum(FREQUENCIES).nullish(),
    year: z.number().int().min(2000).max(2100),
    /** last day of data in the reporting month (chốt số liệu), 14 by default */
    cutoffDay: z.number().int().min(1).max(28).default(14),
    /** days after the period's last day that the report is due; 0 = due on the cut-off day */
    dueOffsetDays: z.number().int().min(0).max(60).default(0),
    /** ad-hoc: the period reported on and the deadline */
    periodFrom: isoDate.nullish(),
    periodTo: isoDate.nullish(),
    dueOn: isoDate.nullish(),
    unitIds: z.array(z.number().int().positive()).min(1, 'Chọn ít nhất một đơn vị báo cáo').max(500),
  })
  .strict();

export const schedulePatch = z
  .object({
    title: trimmed(300).optional(),
    cutoffDay: z.number().int().min(1).max(28).optional(),
    dueOffsetDays: z.number().int().min(0).max(60).optional(),
    dueOn: isoDate.optional(),
    unitIds: z.array(z.number().int().positive()).min(1).max(500).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const period = z.object({
  key: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  dueOn: z.string(),
});

export const scheduleSummary = z.object({
  id: z.number(),
  formId: z.number(),
  formName: z.string(),
  title: z.string(),
  kind: z.enum(['periodic', 'adhoc']),
  frequency: z.enum(FREQUENCIES).nullable(),
  year: z.number(),
  cutoffDay: z.number(),
  dueOffsetDays: z.number(),
  active: z.boolean(),
  units: z.number(),
});
export const schedule = scheduleSummary.extend({
  unitList: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  periods: z.array(period),
});
export const scheduleQuery = z
  .object({ ...pageQuery, year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const schedulePage = paged(scheduleSummary);

// ───────────── submissions ─────────────

export const submissionValues = z.object({
  indicators: z.record(z.string().max(60), z.number().nullable()),
  sections: z.record(z.string().max(60), z.string().max(20_000)),
  tables: z.record(
    z.string().max(60),
    z.array(z.record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.null()]))).max(500),
  ),
});

export const draftInput = z
  .object({
    scheduleId: z.number().int().positive(),
    periodKey: z.string().trim().min(1).max(20),
    unitId: z.number().int().positive(),
    values: submissionValues,
  })
  .strict();
export const submitInput = z.object({ values: submissionValues.optional() }).strict();
export const commentInput = z.object({ comment: trimmed(2000) }).strict();
export { emptyBody } from '../platform/http.ts';

export const submissionEvent = z.object({
  at: z.string(),
  action: z.enum(['save', 'submit', 'return', 'accept', 'reopen']),
  by: z.string().nullable(),
  comment: z.string().nullable(),
});

export const submission = z.object({
  id: z.number(),
  scheduleId: z.number(),
  scheduleTitle: z.string(),
  period: period,
  unitId: z.number(),
  unitName: z.string(),
  form: z.object({ id: z.number(), name: z.string(), version: z.number(), definition: formDefinition }),
  status: z.enum(SUBMISSION_STATUSES),
  timeliness: z.enum(TIMELINESS),
  daysLate: z.number(),
  values: submissionValues,
  /**
   * problems of the values as they stand, checked as if sent now (a draft may have some; submit refuses
   * them with the same messages, their paths then prefixed with `values.` as fields of the request body).
   * The office may fill in and send a report for a unit (a report received on paper).
   */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  comment: z.string().nullable(),
  history: z.array(submissionEvent),
  /** may the caller edit, submit, return, accept, reopen it */
  may: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    decide: z.boolean(),
    reopen: z.boolean(),
  }),
});

/** One report due from one unit in one period, with or without a submission yet. */
export const dueReport = z.object({
  scheduleId: z.number(),
  scheduleTitle: z.string(),
  formName: z.string(),
  period: period,
  unitId: z.number(),
  unitName: z.string(),
  unitKind: z.string(),
  submissionId: z.number().nullable(),
  status: z.enum(SUBMISSION_STATUSES).nullable(),
  timeliness: z.enum(TIMELINESS),
  daysLate: z.number(),
  submittedAt: z.string().nullable(),
});
export const myReportsQuery = z
  .object({ ...pageQuery, state: z.enum(['open', 'all']).default('open') })
  .strict();
export const myReportsPage = paged(dueReport);

// ───────────── board ─────────────

export const boardQuery = z
  .object({ scheduleId: z.coerce.number().int().positive(), period: z.string().max(20) })
  .strict();
export const counts = z.object({
  expected: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  pending: z.number(),
  accepted: z.number(),
});
export const board = z.object({
  scheduleId: z.number(),
  scheduleTitle: z.string(),
  period: period,
  counts,
  rows: z.array(dueReport),
});
export const remindInput = z
  .object({ scheduleId: z.number().int().positive(), period: z.string().trim().min(1).max(20) })
  .strict();
export const remindResult = z.object({ reminded: z.number(), units: z.array(z.string()) });
export const unitHistoryQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const unitHistory = z.object({
  unitId: z.number(),
  unitName: z.string(),
  counts,
  rows: z.array(dueReport),
});

// ───────────── consolidation ─────────────

export const criteria = z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() });
export const criteriaRow = z.object({
  key: z.string(),
  label: z.string(),
  current: criteria,
  previous: criteria,
});
export const consolidation = z.object({
  scheduleId: z.number(),
  period: period,
  counts,
  indicators: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      group: z.string().nullable(),
      total: z.number(),
      agencies: z.number(),
      communes: z.number(),
      /** units whose accepted or submitted report gives a value */
      reporting: z.number(),
    }),
  ),
  sections: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      entries: z.array(z.object({ unitName: z.string(), text: z.string() })),
    }),
  ),
  crashes: z.object({
    previousYear: z.number(),
    total: criteriaRow,
    sentence: z.string(),
    /** the communes, routes and causes that drove a rise, as the clerks write it (empty when none) */
    drivers: z.string(),
    byCommune: z.array(criteriaRow),
    byRoute: z.array(criteriaRow),
    byCause: z.array(criteriaRow),
  }),
  tasks: z.object({
    planId: z.number().nullable(),
    planNumber: z.string().nullable(),
    total: z.number(),
    done: z.number(),
    inProgress: z.number(),
    notStarted: z.number(),
    overdue: z.number(),
    rows: z.array(
      z.object({
        path: z.string(),
        title: z.string(),
        leadUnits: z.string(),
        status: z.string(),
        percent: z.number(),
        dueOn: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  }),
});

// ───────────── review reports ─────────────

const criteriaTableRow = z.object({ label: z.string(), current: criteria, previous: criteria });
const criteriaTable = z.object({
  title: z.string(),
  keyHeading: z.string(),
  currentLabel: z.string(),
  previousLabel: z.string(),
  rows: z.array(criteriaTableRow),
  total: criteriaTableRow,
});
const plainTable = z.object({
  title: z.string(),
  headings: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  widths: z.array(z.number()).optional(),
});
export const reviewDocument = z.object({
  parentBody: z.string().max(200),
  issuingBody: z.string().min(1).max(200),
  number: z.string().min(1).max(60),
  place: z.string().min(1).max(100),
  issuedOn: isoDate.nullable(),
  kind: z.string().min(1).max(60),
  title: z.string().min(1).max(500),
  sections: z
    .array(
      z.object({
        number: z.string().max(10),
        heading: z.string().min(1).max(300),
        paragraphs: z.array(z.string().max(20_000)).max(200),
        tables: z
          .array(z.union([criteriaTable, plainTable]))
          .max(20)
          .optional(),
      }),
    )
    .max(20),
  annexes: z.array(z.object({ title: z.string().max(300), table: plainTable })).max(10),
  recipients: z.array(z.string().max(300)).max(40),
  signer: z.object({
    authority: z.string().max(100),
    position: z.string().max(200),
    name: z.string().max(200),
  }),
});

export const reviewCreate = z
  .object({
    scheduleId: z.number().int().positive(),
    periodKey: z.string().trim().min(1).max(20),
  })
  .strict();
export const reviewPatch = z.object({ content: reviewDocument }).strict();
export const reviewIssue = z.object({ number: trimmed(60), issuedOn: isoDate }).strict();
export const reviewSummary = z.object({
  id: z.number(),
  scheduleId: z.number().nullable(),
  periodKey: z.string(),
  title: z.string(),
  number: z.string(),
  status: z.enum(['draft', 'issued']),
  issuedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export const review = reviewSummary.extend({
  content: reviewDocument,
  periodFrom: z.string(),
  periodTo: z.string(),
});
export const reviewQuery = z.object({ ...pageQuery }).strict();
export const reviewPage = paged(reviewSummary);
export const documentQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') }).strict();
