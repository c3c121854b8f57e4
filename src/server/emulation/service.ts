/**
 * Emulation campaigns (phong trào thi đua): the campaign and its criteria, the facts each participant's data
 * criteria are computed from (through the crashes, plans, reports, enforcement and propaganda services), the
 * unit's self-assessment, the office's review (every changed score needs a comment and is audited), the ranking
 * and the award proposals. Scoring rules live in src/domain/emulation/scoring.ts.
 *
 * Who does what: the office (office, admin) runs campaigns and reviews; a participant's own officers (its agency
 * and divisions, or the commune's officers) self-assess it; every signed-in user may read campaigns, assessments
 * and the ranking (emulation results are public inside the Committee; they hold no personal data).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { formatDateVi, localDateOf, shiftYears } from '../../domain/crashes/periods.ts';
import {
  type AwardLevel,
  appliesToUnit,
  type CriterionGroup,
  criteriaProblems,
  defaultAwardLevels,
  leavesOf,
  METRICS,
  maxTotal,
  metricOf,
  trafficOrderCriteria,
} from '../../domain/emulation/criteria.ts';
import {
  classificationOf,
  finalPoints,
  formatPointsVi,
  type LeafScore,
  measure,
  pointsFor,
  proposalProblems,
  type Ranked,
  rank,
  totalsOf,
  type UnitFacts,
} from '../../domain/emulation/scoring.ts';
import { areaCrashFigures } from '../crashes/service.ts';
import { staffViolators } from '../enforcement/unit-notices.ts';
import { isMyUnit, myUnitsSql } from '../plans/policies.ts';
import { taskPunctuality } from '../plans/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { AppError, badRequest, conflict, type ErrorDetail, forbidden, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../platform/media-types.ts';
import {
  bytesColumn,
  bytesFrom,
  bytesOf,
  bytesParam,
  containing,
  Params,
  whereClause,
} from '../platform/sql.ts';
import { sessionsHeld } from '../propaganda/service.ts';
import { reportPunctuality } from '../reports/service.ts';
import type * as s from './schemas.ts';

type CampaignStatus = (typeof s.CAMPAIGN_STATUSES)[number];
type AssessmentStatus = (typeof s.ASSESSMENT_STATUSES)[number];
type Input = z.infer<typeof s.campaignInput>;
type Item = z.infer<typeof s.campaignItem>;

interface CampaignRow extends Omit<Item, 'participants' | 'submitted' | 'reviewed' | 'myUnitIds'> {
  criteria: CriterionGroup[];
  awardLevels: AwardLevel[];
  computedAt: string | null;
}

interface ParticipantRow {
  orgUnitId: number;
  name: string;
  kind: string;
  adminUnitId: string | null;
  areaName: string | null;
  status: AssessmentStatus;
  comment: string | null;
  returnComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  computedAt: string | null;
}

interface ScoreRow extends LeafScore {
  orgUnitId: number;
  computedValue: number | null;
  computedExplanation: string | null;
  selfComment: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const isOffice = (user: SessionUser) => user.role === 'admin' || user.role === 'office';
const COMMUNE_KINDS = ['commune_committee', 'locality'];
const iso = (col: string) => `to_json(${col}) #>> '{}'`;

// ───────────────────────────── reading ─────────────────────────────

const CAMPAIGN_SELECT = `SELECT c.id, c.name, c.document_number AS "documentNumber", c.issuing_body AS "issuingBody",
       c.area_admin_unit_id AS "areaAdminUnitId", a.name AS "areaName", c.from_date::text AS "from",
       c.to_date::text AS "to", c.self_assessment_due::text AS "selfAssessmentDue", c.status,
       c.criteria, c.award_levels AS "awardLevels", ${iso('c.computed_at')} AS "computedAt"
  FROM emulation_campaigns c JOIN admin_units a ON a.id = c.area_admin_unit_id`;

export async function campaignRow(db: Queryable, id: number): Promise<CampaignRow> {
  const [row] = await db.query<CampaignRow>(`${CAMPAIGN_SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy phong trào thi đua.');
  return row;
}

async function participantRows(
  db: Queryable,
  campaignId: number,
  orgUnitId?: number,
): Promise<ParticipantRow[]> {
  const p = new Params();
  const where = [`p.campaign_id = ${p.add(campaignId)}`];
  if (orgUnitId !== undefined) where.push(`p.org_unit_id = ${p.add(orgUnitId)}`);
  return db.query<ParticipantRow>(
    `SELECT p.org_unit_id AS "orgUnitId", o.name, o.kind, o.admin_unit_id AS "adminUnitId", a.name AS "areaName",
            p.status, p.comment, p.return_comment AS "returnComment", ${iso('p.submitted_at')} AS "submittedAt",
            ${iso('p.reviewed_at')} AS "reviewedAt", ${iso('p.computed_at')} AS "computedAt"
       FROM emulation_participants p JOIN org_units o ON o.id = p.org_unit_id
       LEFT JOIN admin_units a ON a.id = o.admin_unit_id
      ${whereClause(where)}
      ORDER BY o.kind IN ('commune_committee', 'locality'), o.name`,
    p.values,
  );
}

async function participantRow(db: Queryable, campaignId: number, orgUnitId: number): Promise<ParticipantRow> {
  const [row] = await participantRows(db, campaignId, orgUnitId);
  if (!row) throw notFound('Đơn vị không tham gia phong trào này.');
  return row;
}

export async function scoreRows(db: Queryable, campaignId: number, orgUnitId?: number): Promise<ScoreRow[]> {
  const p = new Params();
  const where = [`s.campaign_id = ${p.add(campaignId)}`];
  if (orgUnitId !== undefined) where.push(`s.org_unit_id = ${p.add(orgUnitId)}`);
  return db.query<ScoreRow>(
    `SELECT s.org_unit_id AS "orgUnitId", s.criterion_code AS code, s.computed_value AS "computedValue",
            s.computed_points::float8 AS "computedPoints", s.computed_explanation AS "computedExplanation",
            s.self_points::float8 AS "selfPoints", s.self_comment AS "selfComment",
            s.review_points::float8 AS "reviewPoints", s.review_comment AS "reviewComment",
            u.display_name AS "reviewedBy", ${iso('s.reviewed_at')} AS "reviewedAt"
       FROM emulation_scores s LEFT JOIN users u ON u.id = s.reviewed_by
      ${whereClause(where)}`,
    p.values,
  );
}

/** The participants among the caller's own units (agency: its agency and divisions; commune: its commune). */
async function myParticipantIds(db: Queryable, user: SessionUser, campaignIds: number[]) {
  const mine = new Map<number, number[]>();
  if (user.role !== 'agency' && user.role !== 'commune') return mine;
  const p = new Params();
  const rows = await db.query<{ campaignId: number; orgUnitId: number }>(
    `SELECT campaign_id AS "campaignId", org_unit_id AS "orgUnitId" FROM emulation_participants
      WHERE campaign_id = ANY(${p.add(campaignIds)}::int[]) AND org_unit_id IN (${myUnitsSql(user, p)})
      ORDER BY org_unit_id`,
    p.values,
  );
  for (const r of rows) mine.set(r.campaignId, [...(mine.get(r.campaignId) ?? []), r.orgUnitId]);
  return mine;
}

export async function listCampaigns(db: Db, user: SessionUser, q: z.infer<typeof s.campaignListQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.year !== undefined)
    where.push(
      `${p.add(q.year)}::int BETWEEN extract(year FROM c.from_date) AND extract(year FROM c.to_date)`,
    );
  if (q.status) where.push(`c.status = ${p.add(q.status)}`);
  if (q.q)
    where.push(
      `(c.name ILIKE ${p.add(containing(q.q))} OR c.document_number ILIKE ${p.add(containing(q.q))})`,
    );
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM emulation_campaigns c ${cond}`,
    p.values,
  );
  const rows = await db.query<CampaignRow & { participants: number; submitted: number; reviewed: number }>(
    `SELECT x.*, (SELECT count(*)::int FROM emulation_participants p WHERE p.campaign_id = x.id) AS participants,
            (SELECT count(*)::int FROM emulation_participants p WHERE p.campaign_id = x.id AND p.status IN ('submitted', 'reviewed')) AS submitted,
            (SELECT count(*)::int FROM emulation_participants p WHERE p.campaign_id = x.id AND p.status = 'reviewed') AS reviewed
       FROM (${CAMPAIGN_SELECT} ${cond}) x
      ORDER BY x."from" DESC, x.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    p.values,
  );
  const mine = await myParticipantIds(
    db,
    user,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map(({ criteria: _c, awardLevels: _a, computedAt: _t, ...r }) => ({
      ...r,
      myUnitIds: mine.get(r.id) ?? [],
    })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The period the data criteria read: the campaign's, cut at today while it runs; and the same days last year. */
export function measuredPeriods(c: { from: string; to: string }, today: string) {
  const to = c.to < today ? c.to : today;
  return {
    current: { from: c.from, to },
    baseline: { from: shiftYears(c.from, -1), to: shiftYears(to, -1) },
  };
}

function unitTotals(c: CampaignRow, unit: ParticipantRow, scores: readonly ScoreRow[]) {
  return totalsOf(
    c.criteria,
    unit.kind,
    scores.filter((x) => x.orgUnitId === unit.orgUnitId),
  );
}

export async function getCampaign(
  db: Db,
  user: SessionUser,
  id: number,
  today: string,
): Promise<z.infer<typeof s.campaignDetail>> {
  const c = await campaignRow(db, id);
  const units = await participantRows(db, id);
  const scores = await scoreRows(db, id);
  const mine = await myParticipantIds(db, user, [id]);
  return {
    ...c,
    participants: units.length,
    submitted: units.filter((u) => u.status === 'submitted' || u.status === 'reviewed').length,
    reviewed: units.filter((u) => u.status === 'reviewed').length,
    myUnitIds: mine.get(id) ?? [],
    maxTotal: maxTotal(c.criteria),
    baseline: measuredPeriods(c, today).baseline,
    participantList: units.map((u) => {
      const t = unitTotals(c, u, scores);
      return {
        orgUnitId: u.orgUnitId,
        name: u.name,
        kind: u.kind,
        areaAdminUnitId: COMMUNE_KINDS.includes(u.kind) ? u.adminUnitId : null,
        areaName: COMMUNE_KINDS.includes(u.kind) && u.areaName ? u.areaName : c.areaName,
        status: u.status,
        submittedAt: u.submittedAt,
        reviewedAt: u.reviewedAt,
        score: t.score,
        earned: t.earned,
        max: t.max,
      };
    }),
    mayEdit: isOffice(user) && c.status !== 'closed',
  };
}

export function campaignTemplate(
  year: number,
  areaAdminUnitId: string,
  provinceName: string,
  participantIds: number[],
) {
  return {
    name: `Phong trào thi đua "Bảo đảm trật tự an toàn giao thông năm ${year}"`,
    documentNumber: null,
    issuingBody: provinceName ? `Ban An toàn giao thông tỉnh ${provinceName}` : 'Ban An toàn giao thông tỉnh',
    areaAdminUnitId,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    selfAssessmentDue: `${year}-12-15`,
    criteria: trafficOrderCriteria(),
    awardLevels: defaultAwardLevels(),
    participantIds,
    metrics: METRICS.map((m) => ({ ...m })),
  };
}

/** The template for a new campaign: seed 003's criteria, the province as area, the members and commune committees. */
export async function template(db: Db, year: number) {
  const [province] = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM admin_units WHERE level = 'province' AND valid_to IS NULL ORDER BY id LIMIT 1`,
  );
  const units = await db.query<{ id: number }>(
    `SELECT id FROM org_units
      WHERE (is_member OR kind = 'commune_committee') AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)
      ORDER BY kind = 'commune_committee', name`,
    [`${year}-12-31`],
  );
  return campaignTemplate(
    year,
    province?.id ?? '',
    province?.name ?? '',
    units.map((u) => u.id),
  );
}

// ───────────────────────────── writing the campaign ─────────────────────────────

async function inputProblems(db: Queryable, input: Input): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = criteriaProblems(input.criteria, input.awardLevels);
  if (input.from > input.to) problems.push({ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  if (input.selfAssessmentDue && input.selfAssessmentDue < input.from)
    problems.push({
      path: 'selfAssessmentDue',
      message: 'Hạn tự chấm điểm phải trong hoặc sau thời gian phong trào',
    });
  const [area] = await db.query('SELECT 1 FROM admin_units WHERE id = $1', [input.areaAdminUnitId]);
  if (!area) problems.push({ path: 'areaAdminUnitId', message: 'Không có đơn vị hành chính này' });
  const ids = [...new Set(input.participantIds)];
  if (ids.length !== input.participantIds.length)
    problems.push({ path: 'participantIds', message: 'Một đơn vị được chọn hai lần' });
  const found = new Set(
    (await db.query<{ id: number }>('SELECT id FROM org_units WHERE id = ANY($1::int[])', [ids])).map(
      (r) => r.id,
    ),
  );
  input.participantIds.forEach((id, i) => {
    if (!found.has(id)) problems.push({ path: `participantIds.${i}`, message: `Không có đơn vị mã ${id}` });
  });
  return problems;
}

/** The campaign's columns in the order both INSERT and UPDATE write them. */
const campaignValues = (input: Input) => [
  input.name,
  input.documentNumber ?? null,
  input.issuingBody,
  input.areaAdminUnitId,
  input.from,
  input.to,
  input.selfAssessmentDue ?? null,
  JSON.stringify(input.criteria),
  JSON.stringify(input.awardLevels),
];

const invalid = (details: ErrorDetail[]) => badRequest('Dữ liệu phong trào chưa hợp lệ.', details);

export async function createCampaign(db: Db, actor: Actor, user: SessionUser, input: Input, today: string) {
  const problems = await inputProblems(db, input);
  if (problems.length > 0) throw invalid(problems);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO emulation_campaigns (name, document_number, issuing_body, area_admin_unit_id, from_date, to_date,
                                        self_assessment_due, criteria, award_levels, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [...campaignValues(input), actor.userId],
    );
    await tx.query(
      `INSERT INTO emulation_participants (campaign_id, org_unit_id) SELECT $1, unnest($2::int[])`,
      [row!.id, input.participantIds],
    );
    await audit(tx, actor, {
      action: 'create',
      entity: 'emulation_campaign',
      entityId: row!.id,
      after: input,
    });
    return row!.id;
  });
  return getCampaign(db, user, id, today);
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  input: Input,
  today: string,
) {
  const before = await campaignRow(db, id);
  if (before.status === 'closed')
    throw conflict('Phong trào đã kết thúc; mở lại (chuyển về Thẩm định) trước khi sửa.');
  const units = await participantRows(db, id);
  const sameCriteria =
    JSON.stringify(before.criteria) === JSON.stringify(input.criteria) &&
    JSON.stringify(before.awardLevels) === JSON.stringify(input.awardLevels);
  const sameUnits =
    JSON.stringify(units.map((u) => u.orgUnitId).sort((a, b) => a - b)) ===
    JSON.stringify([...input.participantIds].sort((a, b) => a - b));
  if (before.status !== 'draft' && !(sameCriteria && sameUnits))
    throw conflict(
      'Phong trào đã mở tự chấm điểm: không sửa được tiêu chí, hình thức khen thưởng và đơn vị tham gia (chỉ sửa khi còn dự thảo).',
    );
  const problems = await inputProblems(db, input);
  if (problems.length > 0) throw invalid(problems);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE emulation_campaigns SET name = $2, document_number = $3, issuing_body = $4, area_admin_unit_id = $5,
              from_date = $6, to_date = $7, self_assessment_due = $8, criteria = $9, award_levels = $10, updated_at = now()
        WHERE id = $1`,
      [id, ...campaignValues(input)],
    );
    if (!sameUnits) {
      await tx.query(
        'DELETE FROM emulation_participants WHERE campaign_id = $1 AND NOT (org_unit_id = ANY($2::int[]))',
        [id, input.participantIds],
      );
      await tx.query(
        `INSERT INTO emulation_participants (campaign_id, org_unit_id) SELECT $1, unnest($2::int[])
         ON CONFLICT DO NOTHING`,
        [id, input.participantIds],
      );
    }
    await audit(tx, actor, {
      action: 'update',
      entity: 'emulation_campaign',
      entityId: id,
      before,
      after: input,
    });
  });
  return getCampaign(db, user, id, today);
}

/** Allowed moves of a campaign's status; closed → review needs a comment (why it is reopened). */
const NEXT_STATUS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['self_assessment'],
  self_assessment: ['review'],
  review: ['self_assessment', 'closed'],
  closed: ['review'],
};
const STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Dự thảo',
  self_assessment: 'Tự chấm điểm',
  review: 'Thẩm định',
  closed: 'Kết thúc',
};

export async function changeStatus(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: z.infer<typeof s.statusBody>,
  today: string,
) {
  const c = await campaignRow(db, id);
  if (!NEXT_STATUS[c.status].includes(body.status))
    throw conflict(
      `Không chuyển được phong trào từ "${STATUS_LABELS[c.status]}" sang "${STATUS_LABELS[body.status]}".`,
    );
  if (c.status === 'closed' && !body.comment)
    throw badRequest('Dữ liệu không hợp lệ.', [
      { path: 'comment', message: 'Cần ghi lý do mở lại phong trào' },
    ]);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE emulation_campaigns SET status = $2, updated_at = now() WHERE id = $1', [
      id,
      body.status,
    ]);
    await audit(tx, actor, {
      action: 'change_status',
      entity: 'emulation_campaign',
      entityId: id,
      before: { status: c.status },
      after: { status: body.status, comment: body.comment ?? null },
    });
  });
  if (c.status === 'draft') await computeAll(db, id, today);
  return getCampaign(db, user, id, today);
}

// ───────────────────────────── the data criteria ─────────────────────────────

/**
 * The org units whose records count for a participant: the unit and the units under it; for a commune's unit,
 * also the commune's other units (its committee, its people's committee), which share its tasks and reports.
 */
async function familyOf(db: Queryable, orgUnitId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM org_unit_subtree($1)
     UNION
     SELECT o.id FROM org_units o JOIN org_units p ON p.id = $1
      WHERE p.kind IN ('commune_committee', 'locality') AND o.admin_unit_id = p.admin_unit_id`,
    [orgUnitId],
  );
  return rows.map((r) => r.id);
}

/** What the records say about each participant over the campaign's measured period. */
async function factsOf(db: Db, c: CampaignRow, units: readonly ParticipantRow[], today: string) {
  const { current, baseline } = measuredPeriods(c, today);
  const areaOf = (u: ParticipantRow) =>
    COMMUNE_KINDS.includes(u.kind) && u.adminUnitId ? u.adminUnitId : c.areaAdminUnitId;
  const areas = [...new Set(units.map(areaOf))];
  const now = await areaCrashFigures(db, areas, current.from, current.to);
  const before = await areaCrashFigures(db, areas, baseline.from, baseline.to);
  const facts = new Map<number, UnitFacts>();
  for (const u of units) {
    const family = await familyOf(db, u.orgUnitId);
    const roots = [u.orgUnitId, ...family.filter((id) => id !== u.orgUnitId)];
    let propaganda = 0;
    // Sessions of the unit's subtree, plus those of a commune's other units (never under the unit itself).
    const subtree = new Set(
      (await db.query<{ id: number }>('SELECT id FROM org_unit_subtree($1)', [u.orgUnitId])).map((r) => r.id),
    );
    for (const root of roots)
      if (root === u.orgUnitId || !subtree.has(root))
        propaganda += (await sessionsHeld(db, root, current.from, current.to)).sessions;
    facts.set(u.orgUnitId, {
      current: now.get(areaOf(u))!,
      previous: before.get(areaOf(u))!,
      tasks: await taskPunctuality(db, family, current.from, current.to),
      reports: await reportPunctuality(db, family, current.from, current.to, today),
      staffViolators: await staffViolators(db, family, current.from, current.to),
      propagandaSessions: propaganda,
    });
  }
  return facts;
}

/** Computes the data criteria of the given participants (all when none given) and stores the results. */
async function computeUnits(db: Db, campaignId: number, today: string, orgUnitId?: number) {
  const c = await campaignRow(db, campaignId);
  const units = await participantRows(db, campaignId, orgUnitId);
  const facts = await factsOf(db, c, units, today);
  const leaves = leavesOf(c.criteria).filter((l) => l.kind === 'computed' && l.metric);
  await db.transaction(async (tx) => {
    for (const u of units) {
      const f = facts.get(u.orgUnitId)!;
      for (const leaf of leaves) {
        if (!appliesToUnit(leaf, u.kind)) continue;
        const result = measure(leaf.metric!, f);
        await tx.query(
          `INSERT INTO emulation_scores (campaign_id, org_unit_id, criterion_code, computed_value, computed_points, computed_explanation)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (campaign_id, org_unit_id, criterion_code) DO UPDATE
             SET computed_value = EXCLUDED.computed_value, computed_points = EXCLUDED.computed_points,
                 computed_explanation = EXCLUDED.computed_explanation`,
          [campaignId, u.orgUnitId, leaf.code, result.value, pointsFor(leaf, result), result.explanation],
        );
      }
      await tx.query(
        'UPDATE emulation_participants SET computed_at = now() WHERE campaign_id = $1 AND org_unit_id = $2',
        [campaignId, u.orgUnitId],
      );
    }
    if (orgUnitId === undefined)
      await tx.query('UPDATE emulation_campaigns SET computed_at = now() WHERE id = $1', [campaignId]);
  });
}

export const computeAll = (db: Db, campaignId: number, today: string) => computeUnits(db, campaignId, today);

export async function recompute(db: Db, user: SessionUser, id: number, today: string) {
  const c = await campaignRow(db, id);
  if (c.status === 'draft' || c.status === 'closed')
    throw conflict(
      c.status === 'draft'
        ? 'Phong trào còn dự thảo: điểm được tính khi mở tự chấm điểm.'
        : 'Phong trào đã kết thúc: kết quả đã chốt, mở lại để tính lại.',
    );
  await computeAll(db, id, today);
  return getCampaign(db, user, id, today);
}

// ───────────────────────────── assessments ─────────────────────────────

interface Access {
  maySelfAssess: boolean;
  mayReview: boolean;
  lockedReason: string | null;
}

async function accessOf(
  db: Queryable,
  user: SessionUser,
  c: CampaignRow,
  u: ParticipantRow,
): Promise<Access> {
  const office = isOffice(user);
  const own =
    office ||
    ((user.role === 'agency' || user.role === 'commune') && (await isMyUnit(db, user, u.orgUnitId)));
  const open = c.status === 'self_assessment' || c.status === 'review';
  const unsent = u.status === 'not_started' || u.status === 'draft';
  let lockedReason: string | null = null;
  if (c.status === 'draft') lockedReason = 'Phong trào chưa mở tự chấm điểm.';
  else if (c.status === 'closed')
    lockedReason = 'Phong trào đã kết thúc; kết quả đã chốt. Văn phòng Ban ATGT có thể mở lại khi cần.';
  else if (u.status === 'submitted')
    lockedReason = `Đơn vị đã gửi kết quả tự chấm ngày ${formatDateVi(localDateOf(Date.parse(u.submittedAt!)))}; Văn phòng Ban ATGT đang thẩm định và có thể trả lại để sửa.`;
  else if (u.status === 'reviewed')
    lockedReason = `Văn phòng Ban ATGT đã thẩm định ngày ${formatDateVi(localDateOf(Date.parse(u.reviewedAt!)))}.`;
  else if (!own) lockedReason = 'Chỉ cán bộ của đơn vị và Văn phòng Ban ATGT được chấm điểm.';
  return {
    maySelfAssess: own && open && unsent,
    mayReview: office && open && !unsent,
    lockedReason,
  };
}

async function evidenceRows(db: Queryable, campaignId: number, orgUnitId: number) {
  return db.query<z.infer<typeof s.evidence>>(
    `SELECT id, criterion_code AS "criterionCode", file_name AS "fileName", media_type AS "mediaType", size,
            ${iso('uploaded_at')} AS "uploadedAt"
       FROM emulation_evidence WHERE campaign_id = $1 AND org_unit_id = $2 ORDER BY id`,
    [campaignId, orgUnitId],
  );
}

export async function getAssessment(
  db: Queryable,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
): Promise<z.infer<typeof s.assessment>> {
  const c = await campaignRow(db, campaignId);
  const u = await participantRow(db, campaignId, orgUnitId);
  const scores = await scoreRows(db, campaignId, orgUnitId);
  const byCode = new Map(scores.map((x) => [x.code, x]));
  const evidence = await evidenceRows(db, campaignId, orgUnitId);
  const access = await accessOf(db, user, c, u);
  const totals = totalsOf(c.criteria, u.kind, scores);
  return {
    campaignId,
    campaignName: c.name,
    campaignStatus: c.status,
    from: c.from,
    to: c.to,
    orgUnitId,
    unitName: u.name,
    unitKind: u.kind,
    areaName: COMMUNE_KINDS.includes(u.kind) && u.areaName ? u.areaName : c.areaName,
    status: u.status,
    comment: u.comment,
    returnComment: u.returnComment,
    submittedAt: u.submittedAt,
    reviewedAt: u.reviewedAt,
    computedAt: u.computedAt,
    rows: c.criteria.flatMap((g) =>
      g.children.map((leaf) => {
        const sc = byCode.get(leaf.code);
        return {
          groupCode: g.code,
          groupTitle: g.title,
          code: leaf.code,
          title: leaf.title,
          kind: leaf.kind,
          maxPoints: leaf.maxPoints,
          applies: appliesToUnit(leaf, u.kind),
          guidance: leaf.guidance ?? null,
          evidenceRequired: leaf.evidenceRequired ?? false,
          metric: leaf.metric ?? null,
          metricLabel: leaf.metric ? metricOf(leaf.metric).label : null,
          computed:
            leaf.kind === 'computed' && sc?.computedPoints !== null && sc?.computedPoints !== undefined
              ? {
                  value: sc.computedValue,
                  explanation: sc.computedExplanation ?? '',
                  points: sc.computedPoints,
                }
              : null,
          self: { points: sc?.selfPoints ?? null, comment: sc?.selfComment ?? null },
          review: {
            points: sc?.reviewPoints ?? null,
            comment: sc?.reviewComment ?? null,
            by: sc?.reviewedBy ?? null,
            at: sc?.reviewedAt ?? null,
          },
          finalPoints: appliesToUnit(leaf, u.kind) ? finalPoints(leaf, sc) : 0,
          evidence: evidence.filter((e) => e.criterionCode === leaf.code),
        };
      }),
    ),
    totals: { earned: totals.earned, max: totals.max, score: totals.score },
    classification: classificationOf(totals.score).label,
    ...access,
  };
}

async function requireSelfAssess(db: Queryable, user: SessionUser, campaignId: number, orgUnitId: number) {
  const c = await campaignRow(db, campaignId);
  const u = await participantRow(db, campaignId, orgUnitId);
  const access = await accessOf(db, user, c, u);
  if (!access.maySelfAssess)
    throw access.lockedReason?.startsWith('Chỉ cán bộ')
      ? forbidden(access.lockedReason)
      : conflict(access.lockedReason ?? 'Không chấm điểm được lúc này.');
  return { c, u };
}

/** Score lines checked against the tree: known leaf, applies to the unit, within its maximum. */
function checkScores(
  c: CampaignRow,
  u: ParticipantRow,
  lines: readonly { code: string; points: number | null }[],
  manualOnly: boolean,
): ErrorDetail[] {
  const leaves = new Map(leavesOf(c.criteria).map((l) => [l.code, l]));
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const leaf = leaves.get(line.code);
    if (!leaf) {
      problems.push({ path: `scores.${i}.code`, message: `Không có tiêu chí "${line.code}"` });
      continue;
    }
    if (seen.has(line.code))
      problems.push({ path: `scores.${i}.code`, message: `Tiêu chí ${line.code} ghi hai lần` });
    seen.add(line.code);
    if (!appliesToUnit(leaf, u.kind))
      problems.push({
        path: `scores.${i}.code`,
        message: `Tiêu chí ${line.code} không áp dụng cho đơn vị này`,
      });
    if (manualOnly && leaf.kind === 'computed')
      problems.push({
        path: `scores.${i}.points`,
        message: `Tiêu chí ${line.code} được tính từ dữ liệu, đơn vị không tự chấm`,
      });
    if (line.points !== null && line.points > leaf.maxPoints)
      problems.push({
        path: `scores.${i}.points`,
        message: `Điểm tiêu chí ${line.code} tối đa ${formatPointsVi(leaf.maxPoints)}`,
      });
  }
  return problems;
}

export async function saveSelf(
  db: Db,
  actor: Actor,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
  body: z.infer<typeof s.selfBody>,
) {
  const { c, u } = await requireSelfAssess(db, user, campaignId, orgUnitId);
  const problems = checkScores(c, u, body.scores, true);
  if (problems.length > 0) throw badRequest('Điểm tự chấm chưa hợp lệ.', problems);
  await db.transaction(async (tx) => {
    for (const line of body.scores)
      await tx.query(
        `INSERT INTO emulation_scores (campaign_id, org_unit_id, criterion_code, self_points, self_comment)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (campaign_id, org_unit_id, criterion_code) DO UPDATE
           SET self_points = EXCLUDED.self_points, self_comment = EXCLUDED.self_comment`,
        [campaignId, orgUnitId, line.code, line.points, line.comment ?? null],
      );
    await tx.query(
      `UPDATE emulation_participants SET status = 'draft', comment = COALESCE($3, comment)
        WHERE campaign_id = $1 AND org_unit_id = $2`,
      [campaignId, orgUnitId, body.comment ?? null],
    );
    await audit(tx, actor, {
      action: 'self_assess',
      entity: 'emulation_assessment',
      entityId: `${campaignId}/${orgUnitId}`,
      after: body,
    });
  });
  return getAssessment(db, user, campaignId, orgUnitId);
}

export async function computeOne(
  db: Db,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
  today: string,
) {
  if (!isOffice(user)) await requireSelfAssess(db, user, campaignId, orgUnitId);
  else {
    const c = await campaignRow(db, campaignId);
    if (c.status === 'draft' || c.status === 'closed')
      throw conflict('Chỉ tính lại điểm khi phong trào đang tự chấm điểm hoặc thẩm định.');
  }
  await computeUnits(db, campaignId, today, orgUnitId);
  return getAssessment(db, user, campaignId, orgUnitId);
}

export async function submit(db: Db, actor: Actor, user: SessionUser, campaignId: number, orgUnitId: number) {
  const { c, u } = await requireSelfAssess(db, user, campaignId, orgUnitId);
  const scores = new Map((await scoreRows(db, campaignId, orgUnitId)).map((x) => [x.code, x]));
  const evidence = await evidenceRows(db, campaignId, orgUnitId);
  const problems: ErrorDetail[] = [];
  for (const leaf of leavesOf(c.criteria)) {
    if (leaf.kind !== 'manual' || !appliesToUnit(leaf, u.kind)) continue;
    const points = scores.get(leaf.code)?.selfPoints;
    if (points === null || points === undefined)
      problems.push({ path: `${leaf.code}.points`, message: `Tiêu chí ${leaf.code} chưa chấm điểm` });
    if (leaf.evidenceRequired && !evidence.some((e) => e.criterionCode === leaf.code))
      problems.push({ path: `${leaf.code}.evidence`, message: `Tiêu chí ${leaf.code} cần tệp minh chứng` });
  }
  if (problems.length > 0) throw badRequest('Chưa gửi được: kết quả tự chấm còn thiếu.', problems);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE emulation_participants SET status = 'submitted', submitted_at = now(), return_comment = NULL
        WHERE campaign_id = $1 AND org_unit_id = $2`,
      [campaignId, orgUnitId],
    );
    await audit(tx, actor, {
      action: 'submit',
      entity: 'emulation_assessment',
      entityId: `${campaignId}/${orgUnitId}`,
      before: { status: u.status },
      after: { status: 'submitted' },
    });
  });
  return getAssessment(db, user, campaignId, orgUnitId);
}

async function requireReview(db: Queryable, user: SessionUser, campaignId: number, orgUnitId: number) {
  const c = await campaignRow(db, campaignId);
  const u = await participantRow(db, campaignId, orgUnitId);
  const access = await accessOf(db, user, c, u);
  if (!access.mayReview)
    throw conflict(
      u.status === 'not_started' || u.status === 'draft'
        ? 'Đơn vị chưa gửi kết quả tự chấm điểm.'
        : (access.lockedReason ?? 'Không thẩm định được lúc này.'),
    );
  return { c, u };
}

export async function returnAssessment(
  db: Db,
  actor: Actor,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
  comment: string,
) {
  const { u } = await requireReview(db, user, campaignId, orgUnitId);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE emulation_participants SET status = 'draft', return_comment = $3, reviewed_at = NULL, reviewed_by = NULL
        WHERE campaign_id = $1 AND org_unit_id = $2`,
      [campaignId, orgUnitId, comment],
    );
    await audit(tx, actor, {
      action: 'return',
      entity: 'emulation_assessment',
      entityId: `${campaignId}/${orgUnitId}`,
      before: { status: u.status },
      after: { status: 'draft', comment },
    });
  });
  return getAssessment(db, user, campaignId, orgUnitId);
}

export async function saveReview(
  db: Db,
  actor: Actor,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
  body: z.infer<typeof s.reviewBody>,
) {
  const { c, u } = await requireReview(db, user, campaignId, orgUnitId);
  const problems = checkScores(c, u, body.scores, false);
  const leaves = new Map(leavesOf(c.criteria).map((l) => [l.code, l]));
  const current = new Map((await scoreRows(db, campaignId, orgUnitId)).map((x) => [x.code, x]));
  const changes: { code: string; before: number; after: number | null; comment: string | null }[] = [];
  body.scores.forEach((line, i) => {
    const leaf = leaves.get(line.code);
    if (!leaf) return;
    const sc = current.get(line.code);
    // What the unit or the data gave: a review that differs from it needs a reason.
    const base = leaf.kind === 'computed' ? (sc?.computedPoints ?? 0) : (sc?.selfPoints ?? 0);
    if (line.points !== null && line.points !== base && !line.comment)
      problems.push({
        path: `scores.${i}.comment`,
        message: `Cần ghi lý do khi thay đổi điểm tiêu chí ${line.code} (${formatPointsVi(base)} → ${formatPointsVi(line.points)})`,
      });
    const was = finalPoints(leaf, sc);
    const now = line.points ?? (leaf.kind === 'computed' ? (sc?.computedPoints ?? 0) : (sc?.selfPoints ?? 0));
    if (was !== now || (line.comment ?? null) !== (sc?.reviewComment ?? null))
      changes.push({ code: line.code, before: was, after: line.points, comment: line.comment ?? null });
  });
  if (problems.length > 0) throw badRequest('Kết quả thẩm định chưa hợp lệ.', problems);
  await db.transaction(async (tx) => {
    for (const line of body.scores)
      await tx.query(
        `INSERT INTO emulation_scores (campaign_id, org_unit_id, criterion_code, review_points, review_comment, reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (campaign_id, org_unit_id, criterion_code) DO UPDATE
           SET review_points = EXCLUDED.review_points, review_comment = EXCLUDED.review_comment,
               reviewed_by = EXCLUDED.reviewed_by, reviewed_at = EXCLUDED.reviewed_at`,
        [campaignId, orgUnitId, line.code, line.points, line.comment ?? null, actor.userId],
      );
    if (body.done)
      await tx.query(
        `UPDATE emulation_participants SET status = 'reviewed', reviewed_at = now(), reviewed_by = $3
          WHERE campaign_id = $1 AND org_unit_id = $2`,
        [campaignId, orgUnitId, actor.userId],
      );
    for (const ch of changes)
      await audit(tx, actor, {
        action: 'review_score',
        entity: 'emulation_assessment',
        entityId: `${campaignId}/${orgUnitId}`,
        before: { code: ch.code, points: ch.before },
        after: { code: ch.code, points: ch.after, comment: ch.comment },
      });
    if (body.done)
      await audit(tx, actor, {
        action: 'review',
        entity: 'emulation_assessment',
        entityId: `${campaignId}/${orgUnitId}`,
        before: { status: u.status },
        after: { status: 'reviewed' },
      });
  });
  return getAssessment(db, user, campaignId, orgUnitId);
}

// ───────────────────────────── evidence ─────────────────────────────

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The file's type from its first bytes (and, for Office files, its name); null when it is not accepted. */
export function evidenceType(bytes: Buffer, fileName: string): string | null {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    if (/\.docx$/i.test(fileName)) return DOCX_TYPE;
    if (/\.xlsx$/i.test(fileName)) return XLSX_TYPE;
  }
  return null;
}

export async function addEvidence(
  db: Db,
  actor: Actor,
  user: SessionUser,
  campaignId: number,
  orgUnitId: number,
  body: z.infer<typeof s.evidenceBody>,
) {
  const { c } = await requireSelfAssess(db, user, campaignId, orgUnitId);
  const leaf = leavesOf(c.criteria).find((l) => l.code === body.criterionCode);
  if (leaf?.kind !== 'manual')
    throw badRequest('Dữ liệu không hợp lệ.', [
      { path: 'criterionCode', message: 'Chỉ đính kèm minh chứng cho tiêu chí chấm theo hồ sơ' },
    ]);
  const bytes = bytesOf(body.contentBase64);
  if (bytes.length === 0)
    throw badRequest('Tệp rỗng.', [{ path: 'contentBase64', message: 'Tệp không có nội dung' }]);
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw new AppError(413, 'too_large', 'Tệp vượt quá 10 MB.', [
      { path: 'contentBase64', message: 'Tệp vượt quá 10 MB' },
    ]);
  const mediaType = evidenceType(bytes, body.fileName);
  if (!mediaType)
    throw new AppError(415, 'unsupported_media_type', 'Loại tệp không được nhận.', [
      { path: 'contentBase64', message: 'Chỉ nhận tệp PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx)' },
    ]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO emulation_evidence (campaign_id, org_unit_id, criterion_code, file_name, media_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${bytesFrom('$8')}, $9) RETURNING id`,
      [
        campaignId,
        orgUnitId,
        leaf.code,
        body.fileName,
        mediaType,
        bytes.length,
        sha256,
        bytesParam(bytes),
        actor.userId,
      ],
    );
    await audit(tx, actor, {
      action: 'add_evidence',
      entity: 'emulation_assessment',
      entityId: `${campaignId}/${orgUnitId}`,
      after: { id: row!.id, criterionCode: leaf.code, fileName: body.fileName, size: bytes.length, sha256 },
    });
    return row!.id;
  });
  const [created] = (await evidenceRows(db, campaignId, orgUnitId)).filter((e) => e.id === id);
  return created!;
}

export async function getEvidence(db: Queryable, id: number) {
  const [row] = await db.query<{ fileName: string; mediaType: string; content: string }>(
    `SELECT file_name AS "fileName", media_type AS "mediaType", ${bytesColumn('content')} AS content
       FROM emulation_evidence WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy tệp minh chứng.');
  return { fileName: row.fileName, mediaType: row.mediaType, bytes: bytesOf(row.content) };
}

export async function deleteEvidence(db: Db, actor: Actor, user: SessionUser, id: number) {
  const [row] = await db.query<{
    campaignId: number;
    orgUnitId: number;
    fileName: string;
    criterionCode: string;
  }>(
    `SELECT campaign_id AS "campaignId", org_unit_id AS "orgUnitId", file_name AS "fileName",
            criterion_code AS "criterionCode" FROM emulation_evidence WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy tệp minh chứng.');
  await requireSelfAssess(db, user, row.campaignId, row.orgUnitId);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM emulation_evidence WHERE id = $1', [id]);
    await audit(tx, actor, {
      action: 'delete_evidence',
      entity: 'emulation_assessment',
      entityId: `${row.campaignId}/${row.orgUnitId}`,
      before: { id, criterionCode: row.criterionCode, fileName: row.fileName },
    });
  });
}

// ───────────────────────────── ranking and awards ─────────────────────────────

export async function rankedUnits(
  db: Queryable,
  c: CampaignRow,
): Promise<{ ranked: Ranked[]; kinds: Map<number, ParticipantRow> }> {
  const units = await participantRows(db, c.id);
  const scores = await scoreRows(db, c.id);
  const ranked = rank(
    units.map((u) => ({
      orgUnitId: u.orgUnitId,
      name: u.name,
      reviewed: u.status === 'reviewed',
      totals: unitTotals(c, u, scores),
    })),
    c.awardLevels,
  );
  return { ranked, kinds: new Map(units.map((u) => [u.orgUnitId, u])) };
}

async function proposals(db: Queryable, campaignId: number) {
  return db.query<{ orgUnitId: number; levelCode: string; achievement: string | null }>(
    `SELECT org_unit_id AS "orgUnitId", level_code AS "levelCode", achievement FROM emulation_awards
      WHERE campaign_id = $1`,
    [campaignId],
  );
}

export async function ranking(db: Queryable, campaignId: number): Promise<z.infer<typeof s.ranking>> {
  const c = await campaignRow(db, campaignId);
  const { ranked, kinds } = await rankedUnits(db, c);
  const proposed = new Map((await proposals(db, campaignId)).map((p) => [p.orgUnitId, p]));
  return {
    campaignId,
    campaignName: c.name,
    status: c.status,
    levels: c.awardLevels,
    rows: ranked.map((r) => ({
      rank: r.rank,
      orgUnitId: r.orgUnitId,
      name: r.name,
      kind: kinds.get(r.orgUnitId)!.kind,
      status: kinds.get(r.orgUnitId)!.status,
      earned: r.totals.earned,
      max: r.totals.max,
      score: r.totals.score,
      classification: r.classification,
      suggestedLevel: r.suggestedLevel,
      proposedLevel: proposed.get(r.orgUnitId)?.levelCode ?? null,
      achievement: proposed.get(r.orgUnitId)?.achievement ?? null,
    })),
  };
}

export async function saveAwards(
  db: Db,
  actor: Actor,
  campaignId: number,
  body: z.infer<typeof s.awardsBody>,
) {
  const c = await campaignRow(db, campaignId);
  if (c.status !== 'review' && c.status !== 'closed')
    throw conflict('Chỉ lập danh sách đề nghị khen thưởng khi phong trào ở bước thẩm định hoặc đã kết thúc.');
  const { ranked } = await rankedUnits(db, c);
  const problems = proposalProblems(body.items, ranked, c.awardLevels);
  if (problems.length > 0)
    throw badRequest('Danh sách đề nghị khen thưởng chưa đúng quy định của phong trào.', problems);
  const before = await proposals(db, campaignId);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM emulation_awards WHERE campaign_id = $1', [campaignId]);
    for (const item of body.items)
      await tx.query(
        `INSERT INTO emulation_awards (campaign_id, org_unit_id, level_code, achievement, proposed_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [campaignId, item.orgUnitId, item.levelCode, item.achievement ?? null, actor.userId],
      );
    await audit(tx, actor, {
      action: 'propose_awards',
      entity: 'emulation_campaign',
      entityId: campaignId,
      before,
      after: body.items,
    });
  });
  return ranking(db, campaignId);
}

/**
 * Where the caller's own units stand in their campaign (the dashboards): the open campaign they take part in
 * (self-assessment or review; else the latest closed one), and for each of their participating units its score
 * on a scale of 100, its rank among the participants, its classification and its assessment's status.
 * Null when none of their units takes part in any campaign.
 */
export async function myStanding(db: Db, user: SessionUser) {
  const p = new Params();
  const [campaign] = await db.query<{ id: number }>(
    `SELECT c.id FROM emulation_campaigns c
      WHERE c.status <> 'draft'
        AND EXISTS (SELECT 1 FROM emulation_participants x
                     WHERE x.campaign_id = c.id AND x.org_unit_id IN (${myUnitsSql(user, p)}))
      ORDER BY c.status IN ('self_assessment', 'review') DESC, c.from_date DESC, c.id DESC LIMIT 1`,
    p.values,
  );
  if (!campaign) return null;
  const c = await campaignRow(db, campaign.id);
  const mine = (await myParticipantIds(db, user, [c.id])).get(c.id) ?? [];
  const { ranked, kinds } = await rankedUnits(db, c);
  return {
    campaignId: c.id,
    name: c.name,
    status: c.status,
    from: c.from,
    to: c.to,
    participants: ranked.length,
    units: ranked
      .filter((r) => mine.includes(r.orgUnitId))
      .map((r) => ({
        orgUnitId: r.orgUnitId,
        name: r.name,
        score: r.totals.score,
        earned: r.totals.earned,
        max: r.totals.max,
        rank: r.rank,
        classification: r.classification,
        status: kinds.get(r.orgUnitId)!.status,
      })),
  };
}
