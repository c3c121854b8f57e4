/** Schemas of emulation campaigns (phong trào thi đua): campaigns, assessments, review, ranking, awards. */
import { z } from 'zod';
import { APPLIES_TO, METRIC_CODES } from '../../domain/emulation/criteria.ts';
import { MAX_ATTACHMENT_BYTES } from '../plans/schemas.ts';
import { isoDate, optionalText, paged, pageQuery, trimmed } from '../platform/http.ts';

export const CAMPAIGN_STATUSES = ['draft', 'self_assessment', 'review', 'closed'] as const;
/** not_started: nothing saved; draft: saved, not sent; submitted: sent to the office; reviewed: thẩm định xong */
export const ASSESSMENT_STATUSES = ['not_started', 'draft', 'submitted', 'reviewed'] as const;

const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã chỉ gồm chữ, số, dấu chấm, gạch');
const points = z.number().min(0).max(1000);

export const criterion = z
  .object({
    code,
    title: trimmed(500),
    maxPoints: z.number().positive('Điểm tối đa phải lớn hơn 0').max(1000),
    kind: z.enum(['computed', 'manual']),
    metric: z.enum(METRIC_CODES).optional(),
    zeroAt: z.number().min(-1000).max(1000).optional(),
    fullAt: z.number().min(-1000).max(1000).optional(),
    appliesTo: z.enum(APPLIES_TO).default('all'),
    evidenceRequired: z.boolean().optional(),
    guidance: z.string().trim().max(1000).optional(),
  })
  .strict();
export const criterionGroup = z
  .object({ code, title: trimmed(500), children: z.array(criterion).max(50) })
  .strict();
export const awardLevel = z
  .object({
    code,
    title: trimmed(300),
    minScore: z.number().min(0).max(100),
    maxCount: z.number().int().min(1).max(10000).nullable(),
    requiresFullPoints: z.array(code).max(50).default([]),
  })
  .strict();

export const campaignInput = z
  .object({
    name: trimmed(300),
    /** số, ký hiệu của kế hoạch phát động, e.g. '27/QĐ-BATGT' */
    documentNumber: optionalText(100),
    issuingBody: trimmed(300),
    /** địa bàn: the campaign's area (the province, or a district for a district campaign) */
    areaAdminUnitId: trimmed(50),
    from: isoDate,
    to: isoDate,
    /** hạn tự chấm điểm */
    selfAssessmentDue: isoDate.nullish(),
    criteria: z.array(criterionGroup).min(1, 'Cần ít nhất một nhóm tiêu chí').max(20),
    awardLevels: z.array(awardLevel).max(10),
    participantIds: z.array(z.number().int().positive()).min(1, 'Cần ít nhất một đơn vị tham gia').max(2000),
  })
  .strict();

export const campaignListQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    q: z.string().trim().max(200).optional(),
    ...pageQuery,
  })
  .strict();

export const campaignItem = z.object({
  id: z.number(),
  name: z.string(),
  documentNumber: z.string().nullable(),
  issuingBody: z.string(),
  areaAdminUnitId: z.string(),
  areaName: z.string(),
  from: z.string(),
  to: z.string(),
  selfAssessmentDue: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  participants: z.number(),
  submitted: z.number(),
  reviewed: z.number(),
  /** the caller's own participant units in this campaign (agency/commune officers) */
  myUnitIds: z.array(z.number()),
});
export const campaignPage = paged(campaignItem);

export const participant = z.object({
  orgUnitId: z.number(),
  name: z.string(),
  kind: z.string(),
  /** the commune the crash criteria read, or null = the campaign's area */
  areaAdminUnitId: z.string().nullable(),
  areaName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  score: z.number(),
  earned: z.number(),
  max: z.number(),
});

export const campaignDetail = campaignItem.extend({
  criteria: z.array(criterionGroup),
  awardLevels: z.array(awardLevel),
  maxTotal: z.number(),
  baseline: z.object({ from: z.string(), to: z.string() }),
  participantList: z.array(participant),
  computedAt: z.string().nullable(),
  /** what the caller may do: edit (office, not closed), changeStatus (office) */
  mayEdit: z.boolean(),
});

/** The template the "new campaign" form starts from (seed 003's criteria and the usual award levels). */
export const campaignTemplate = campaignInput.omit({ participantIds: true }).extend({
  participantIds: z.array(z.number()),
  metrics: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      zeroAt: z.number(),
      fullAt: z.number(),
    }),
  ),
});
export const templateQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

export const statusBody = z
  .object({ status: z.enum(CAMPAIGN_STATUSES), comment: optionalText(2000) })
  .strict();

export const unitParams = z.object({
  id: z.coerce.number().int().positive(),
  unitId: z.coerce.number().int().positive(),
});

export const evidence = z.object({
  id: z.number(),
  criterionCode: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});

export const assessmentRow = z.object({
  groupCode: z.string(),
  groupTitle: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(['computed', 'manual']),
  maxPoints: z.number(),
  applies: z.boolean(),
  guidance: z.string().nullable(),
  evidenceRequired: z.boolean(),
  metric: z.string().nullable(),
  metricLabel: z.string().nullable(),
  /** computed leaves: the measured value and the points it earns */
  computed: z
    .object({
      value: z.number().nullable(),
      explanation: z.string(),
      points: z.number(),
    })
    .nullable(),
  self: z.object({ points: z.number().nullable(), comment: z.string().nullable() }),
  review: z.object({
    points: z.number().nullable(),
    comment: z.string().nullable(),
    by: z.string().nullable(),
    at: z.string().nullable(),
  }),
  finalPoints: z.number(),
  evidence: z.array(evidence),
});

export const assessment = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES),
  from: z.string(),
  to: z.string(),
  orgUnitId: z.number(),
  unitName: z.string(),
  unitKind: z.string(),
  areaName: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  comment: z.string().nullable(),
  /** the office's comment when it returned the assessment */
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  computedAt: z.string().nullable(),
  rows: z.array(assessmentRow),
  totals: z.object({ earned: z.number(), max: z.number(), score: z.number() }),
  classification: z.string(),
  /** the unit may save and submit its self-assessment now; the office may review now */
  maySelfAssess: z.boolean(),
  mayReview: z.boolean(),
  /** why the form is locked, when it is (Vietnamese) */
  lockedReason: z.string().nullable(),
});

export const selfBody = z
  .object({
    scores: z
      .array(z.object({ code, points: points.nullable(), comment: optionalText(2000) }).strict())
      .max(200),
    comment: optionalText(4000),
  })
  .strict();

export const reviewBody = z
  .object({
    scores: z
      .array(z.object({ code, points: points.nullable(), comment: optionalText(2000) }).strict())
      .max(200),
    /** mark the assessment reviewed (thẩm định xong) */
    done: z.boolean().default(false),
  })
  .strict();

export const returnBody = z.object({ comment: trimmed(2000) }).strict();

export const evidenceBody = z
  .object({
    criterionCode: code,
    fileName: trimmed(255),
    contentBase64: z
      .string()
      .min(1, 'Tệp không có nội dung')
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, 'Tệp vượt quá 10 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng dạng base64'),
  })
  .strict();

export const rankingRow = z.object({
  rank: z.number(),
  orgUnitId: z.number(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  earned: z.number(),
  max: z.number(),
  score: z.number(),
  classification: z.string(),
  suggestedLevel: z.string().nullable(),
  proposedLevel: z.string().nullable(),
  achievement: z.string().nullable(),
});
export const ranking = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  levels: z.array(awardLevel),
  rows: z.array(rankingRow),
});

export const awardsBody = z
  .object({
    items: z
      .array(
        z
          .object({
            orgUnitId: z.number().int().positive(),
            levelCode: code,
            /** thành tích, written in the list and the decision */
            achievement: optionalText(1000),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();
