/** Schemas of patrol campaigns, patrol violations, notices, notices to units and violation statistics. */
import { z } from 'zod';
import { VIOLATION_CODES } from '../../domain/enforcement/catalogue.ts';
import { idParam, isoDate, optionalText, paged, pageQuery, trimmed } from '../platform/http.ts';
import { violationItem } from './schemas.ts';

const code = z.enum(VIOLATION_CODES as [string, ...string[]]);
const money = z.number().int().min(0).max(10_000_000_000);

// ── patrol campaigns (đợt cao điểm) ───────────────────────────────────────────────────────────────

export const campaignInput = z
  .object({
    name: trimmed(300),
    from: isoDate,
    to: isoDate,
    focus: z.array(code).max(30).default([]),
    forces: optionalText(2000),
    leadOrgUnitId: z.number().int().positive().nullish(),
  })
  .strict();

export const campaignListQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery })
  .strict();

export const campaignItem = z.object({
  id: z.number(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  focus: z.array(z.string()),
  forces: z.string().nullable(),
  leadOrgUnitId: z.number().nullable(),
  leadOrgUnitName: z.string().nullable(),
});
export const campaignPage = paged(campaignItem);

const comparison = z.object({
  current: z.number(),
  previous: z.number(),
  change: z.number(),
  percent: z.number().nullable(),
  direction: z.enum(['up', 'down', 'same']),
});
const countAndFines = z.object({ count: z.number(), finesVnd: z.number() });
const resultFigures = z.object({
  hand: countAndFines,
  recorded: countAndFines,
  total: countAndFines,
  previous: z.number(),
  comparison,
});

export const tally = z.object({
  day: z.string(),
  typeCode: z.string(),
  count: z.number(),
  finesVnd: z.number(),
});
export const campaignDetail = campaignItem.extend({
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  tallies: z.array(tally),
  results: z.object({
    rows: z.array(resultFigures.extend({ typeCode: z.string(), label: z.string(), focus: z.boolean() })),
    total: resultFigures,
  }),
});

export const tallyBody = z
  .object({
    day: isoDate,
    rows: z
      .array(
        z
          .object({
            typeCode: code,
            count: z.number().int().min(0).max(1_000_000),
            finesVnd: money.default(0),
          })
          .strict(),
      )
      .min(1)
      .max(60),
  })
  .strict();

// ── patrol violations ────────────────────────────────────────────────────────────────────────────

export const VIOLATION_STATUSES = [
  'recorded',
  'notice_issued',
  'paid',
  'unpaid',
  'forwarded',
  'cancelled',
] as const;

export const evidenceItem = z
  .object({
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, 'Mã băm phải là SHA-256 (64 ký tự hex).')
      .optional(),
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\//, 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.')
      .optional(),
  })
  .strict();

export const patrolViolationInput = z
  .object({
    typeCode: code,
    /** ISO with its offset: 2026-01-20T21:15:00+07:00 */
    occurredAt: z.string().trim().min(1).max(40),
    place: optionalText(300),
    lat: z.number().min(-90).max(90).nullish(),
    lon: z.number().min(-180).max(180).nullish(),
    /** Commune where it happened. */
    adminUnitId: z.string().trim().max(50).nullish(),
    plate: z.string().trim().max(20).nullish(),
    vehicleType: z.string().trim().min(1).max(30),
    personName: optionalText(200),
    personIdNumber: z
      .string()
      .trim()
      .regex(/^\d{9}$|^\d{12}$/, 'Số định danh (CCCD/CMND) gồm 12 hoặc 9 chữ số.')
      .nullish(),
    personOrgUnitId: z.number().int().positive().nullish(),
    personSchool: optionalText(200),
    personAdminUnitId: z.string().trim().max(50).nullish(),
    fineVnd: money.nullish(),
    campaignId: z.number().int().positive().nullish(),
    status: z.enum(VIOLATION_STATUSES).exclude(['cancelled']).default('recorded'),
    evidence: z.array(evidenceItem).max(20).default([]),
  })
  .strict();

export const violationPatch = z
  .object({
    status: z.enum(VIOLATION_STATUSES).optional(),
    /** Registered owner, from the registration records (tra cứu đăng ký xe). */
    ownerName: optionalText(200),
    ownerAddress: optionalText(300),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Chưa có nội dung cần sửa.');

export const violationDetail = violationItem.extend({
  personIdNumber: z.string().nullable(),
  personOrgUnitId: z.number().nullable(),
  personSchool: z.string().nullable(),
  personAdminUnitId: z.string().nullable(),
  adminUnitId: z.string().nullable(),
  campaignId: z.number().nullable(),
  ownerName: z.string().nullable(),
  ownerAddress: z.string().nullable(),
});

export const documentQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') }).strict();

// ── notices to units ─────────────────────────────────────────────────────────────────────────────

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng yyyy-mm');
export const monthQuery = z.object({ month }).strict();
export const unitDocumentQuery = z
  .object({ month, format: z.enum(['docx', 'pdf']).default('docx') })
  .strict();
export const unitParam = idParam;

const counts = { violators: z.number(), violations: z.number() };
export const unitNoticeSummary = z.object({
  month: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  orgUnits: z.array(z.object({ id: z.number(), name: z.string(), ...counts })),
  schools: z.array(z.object({ name: z.string(), ...counts })),
  communes: z.array(z.object({ id: z.string(), name: z.string(), ...counts })),
});

export const unitNoticeList = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  month: z.string(),
  label: z.string(),
  masked: z.boolean(),
  ...counts,
  items: z.array(
    z.object({
      id: z.number(),
      occurredAt: z.string(),
      typeCode: z.string(),
      typeLabel: z.string(),
      personName: z.string().nullable(),
      plateDisplay: z.string().nullable(),
      place: z.string().nullable(),
      fineVnd: z.number().nullable(),
      status: z.string(),
    }),
  ),
});

// ── statistics ───────────────────────────────────────────────────────────────────────────────────

export const statsQuery = z.object({ from: isoDate, to: isoDate }).strict();
export const violationStatsResult = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  total: comparison,
  groups: z.array(
    z.object({
      group: z.string(),
      label: z.string(),
      comparison,
      types: z.array(
        z.object({ typeCode: z.string(), label: z.string(), crashCause: z.string().nullable(), comparison }),
      ),
    }),
  ),
  crashCauses: z.array(
    z.object({
      cause: z.string(),
      label: z.string(),
      violationCodes: z.array(z.string()),
      violations: comparison,
      crashes: comparison,
    }),
  ),
});
