/**
 * The reporting regime: forms as data, schedules assigned to units, the submission workflow (draft →
 * submitted → returned or accepted; reopening is audited), the completeness board, consolidation with the
 * crash statistics and task progress, and the review reports generated from all of it.
 */
import type { z } from 'zod';
import { addDays, formatDateVi } from '../../domain/crashes/periods.ts';
import { responseSentence } from '../../domain/incidents/response.ts';
import {
  type BreakdownRow,
  narrativeEntries,
  riseDrivers,
  sumIndicators,
  type UnitGroup,
} from '../../domain/reports/consolidate.ts';
import {
  checkDefinition,
  checkValues,
  type FormDefinition,
  type SubmissionValues,
  unknownFields,
} from '../../domain/reports/forms.ts';
import { buildReviewDocument } from '../../domain/reports/review-content.ts';
import type { ReviewDocument } from '../../domain/reports/review-document.ts';
import {
  countBoard,
  NEXT_ACTIONS,
  periodOf,
  periodsOf,
  type ReportPeriod,
  type ScheduleRule,
  type SubmissionStatus,
  timelinessOf,
} from '../../domain/reports/schedule.ts';
import { crashStats } from '../crashes/stats.ts';
import { kpi as incidentKpi } from '../incidents/service.ts';
import { myUnitsSql } from '../plans/policies.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { containing, Params, whereClause } from '../platform/sql.ts';
import type * as s from './schemas.ts';

type DueReport = z.infer<typeof s.dueReport>;
type Submission = z.infer<typeof s.submission>;

const COMMUNE_KINDS = new Set(['commune_committee', 'locality']);
const groupOf = (kind: string): UnitGroup => (COMMUNE_KINDS.has(kind) ? 'commune' : 'agency');
const isOffice = (u: SessionUser) => u.role === 'office' || u.role === 'admin';

// ───────────── forms ─────────────

function assertDefinition(def: FormDefinition) {
  const problems = checkDefinition(def);
  if (problems.length)
    throw badRequest(
      'Biểu mẫu chưa hợp lệ.',
      problems.map((p) => ({ path: `definition.${p.path}`, message: p.message })),
    );
}

const FORM_SELECT = `SELECT f.id, f.code, f.name, f.description, f.version, f.definition,
       jsonb_array_length(f.definition->'indicators')::int AS indicators, to_json(f.updated_at) #>> '{}' AS "updatedAt"
  FROM report_forms f`;

export async function listForms(db: Db, q: z.infer<typeof s.formQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.q) where.push(`(f.name ILIKE ${p.add(containing(q.q))} OR f.code ILIKE ${p.add(containing(q.q))})`);
  const [{ total }] = (await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM report_forms f ${whereClause(where)}`,
    p.values,
  )) as [{ total: number }];
  const items = await db.query<z.infer<typeof s.form>>(
    `${FORM_SELECT} ${whereClause(where)} ORDER BY f.name LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return {
    items: items.map(({ definition: _definition, ...summary }) => summary),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getForm(db: Queryable, id: number): Promise<z.infer<typeof s.form>> {
  const [row] = await db.query<z.infer<typeof s.form>>(`${FORM_SELECT} WHERE f.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy biểu mẫu.');
  return row;
}

export async function createForm(db: Db, actor: Actor, input: z.infer<typeof s.formInput>) {
  assertDefinition(input.definition);
  return db.transaction(async (tx) => {
    const [dup] = await tx.query('SELECT 1 FROM report_forms WHERE code = $1', [input.code]);
    if (dup)
      throw conflict('Mã biểu mẫu đã có.', [{ path: 'code', message: `Mã "${input.code}" đã được dùng` }]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO report_forms (code, name, description, definition) VALUES ($1, $2, $3, $4) RETURNING id`,
      [input.code, input.name, input.description ?? null, JSON.stringify(input.definition)],
    );
    await tx.query(
      'INSERT INTO report_form_versions (form_id, version, definition, created_by) VALUES ($1, 1, $2, $3)',
      [row!.id, JSON.stringify(input.definition), actor.userId],
    );
    await audit(tx, actor, { action: 'create', entity: 'report_form', entityId: row!.id, after: input });
    return getForm(tx, row!.id);
  });
}

/** A new version of the form; reports already made keep the version they were made on. */
export async function updateForm(db: Db, actor: Actor, id: number, input: z.infer<typeof s.formInput>) {
  assertDefinition(input.definition);
  return db.transaction(async (tx) => {
    const before = await getForm(tx, id);
    const [dup] = await tx.query('SELECT 1 FROM report_forms WHERE code = $1 AND id <> $2', [input.code, id]);
    if (dup)
      throw conflict('Mã biểu mẫu đã có.', [{ path: 'code', message: `Mã "${input.code}" đã được dùng` }]);
    const version = before.version + 1;
    await tx.query(
      `UPDATE report_forms SET code = $2, name = $3, description = $4, definition = $5, version = $6, updated_at = now()
        WHERE id = $1`,
      [id, input.code, input.name, input.description ?? null, JSON.stringify(input.definition), version],
    );
    await tx.query(
      'INSERT INTO report_form_versions (form_id, version, definition, created_by) VALUES ($1, $2, $3, $4)',
      [id, version, JSON.stringify(input.definition), actor.userId],
    );
    await audit(tx, actor, { action: 'update', entity: 'report_form', entityId: id, before, after: input });
    return getForm(tx, id);
  });
}

// ───────────── schedules ─────────────

interface ScheduleRow extends ScheduleRule {
  id: number;
  formId: number;
  formName: string;
  title: string;
  active: boolean;
  units: number;
}

const SCHEDULE_SELECT = `SELECT s.id, s.form_id AS "formId", f.name AS "formName", s.title, s.kind, s.frequency, s.year,
       s.cutoff_day AS "cutoffDay", s.due_offset_days AS "dueOffsetDays", s.period_from::text AS "periodFrom",
       s.period_to::text AS "periodTo", s.due_on::text AS "dueOn", s.active,
       (SELECT count(*)::int FROM report_schedule_units u WHERE u.schedule_id = s.id) AS units
  FROM report_schedules s JOIN report_forms f ON f.id = s.form_id`;

async function scheduleRow(db: Queryable, id: number): Promise<ScheduleRow> {
  const [row] = await db.query<ScheduleRow>(`${SCHEDULE_SELECT} WHERE s.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy lịch báo cáo.');
  return row;
}

const summaryOf = (r: ScheduleRow): z.infer<typeof s.scheduleSummary> => ({
  id: r.id,
  formId: r.formId,
  formName: r.formName,
  title: r.title,
  kind: r.kind,
  frequency: r.frequency,
  year: r.year,
  cutoffDay: r.cutoffDay,
  dueOffsetDays: r.dueOffsetDays,
  active: r.active,
  units: r.units,
});

export async function listSchedules(db: Db, q: z.infer<typeof s.scheduleQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.year) where.push(`s.year = ${p.add(q.year)}`);
  const [{ total }] = (await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM report_schedules s ${whereClause(where)}`,
    p.values,
  )) as [{ total: number }];
  const rows = await db.query<ScheduleRow>(
    `${SCHEDULE_SELECT} ${whereClause(where)} ORDER BY s.year DESC, s.title LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items: rows.map(summaryOf), total, page: q.page, pageSize: q.pageSize };
}

export async function getSchedule(db: Queryable, id: number): Promise<z.infer<typeof s.schedule>> {
  const row = await scheduleRow(db, id);
  const unitList = await db.query<{ id: number; name: string; kind: string }>(
    `SELECT o.id, o.name, o.kind FROM report_schedule_units u JOIN org_units o ON o.id = u.org_unit_id
      WHERE u.schedule_id = $1 ORDER BY o.kind <> 'agency', o.name`,
    [id],
  );
  return { ...summaryOf(row), unitList, periods: periodsOf(row) };
}

/** Problems for unit ids that name no unit, by their place in the list. */
async function unknownUnits(db: Queryable, ids: number[]) {
  const found = await db.query<{ id: number }>('SELECT id FROM org_units WHERE id = ANY($1::int[])', [ids]);
  const known = new Set(found.map((r) => r.id));
  return ids
    .map((id, i) => ({ id, i }))
    .filter((x) => !known.has(x.id))
    .map((m) => ({ path: `unitIds.${m.i}`, message: `Không có đơn vị mã ${m.id}` }));
}

async function assertUnits(db: Queryable, ids: number[]) {
  const problems = await unknownUnits(db, ids);
  if (problems.length) throw badRequest('Có đơn vị không tồn tại.', problems);
}

export async function createSchedule(db: Db, actor: Actor, input: z.infer<typeof s.scheduleInput>) {
  const problems: { path: string; message: string }[] = [];
  if (input.kind === 'periodic' && !input.frequency)
    problems.push({ path: 'frequency', message: 'Chọn kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm)' });
  if (input.kind === 'adhoc') {
    if (!input.periodFrom) problems.push({ path: 'periodFrom', message: 'Nhập ngày bắt đầu kỳ báo cáo' });
    if (!input.periodTo) problems.push({ path: 'periodTo', message: 'Nhập ngày kết thúc kỳ báo cáo' });
    if (!input.dueOn) problems.push({ path: 'dueOn', message: 'Nhập hạn gửi báo cáo' });
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo)
      problems.push({ path: 'periodTo', message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  }
  const [form] = await db.query('SELECT 1 FROM report_forms WHERE id = $1', [input.formId]);
  if (!form) problems.push({ path: 'formId', message: 'Không có biểu mẫu này' });
  problems.push(...(await unknownUnits(db, input.unitIds)));
  if (problems.length) throw badRequest('Lịch báo cáo chưa hợp lệ.', problems);
  const unitIds = [...new Set(input.unitIds)];
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO report_schedules (form_id, title, kind, frequency, year, cutoff_day, due_offset_days, period_from,
                                     period_to, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        input.formId,
        input.title,
        input.kind,
        input.kind === 'periodic' ? input.frequency : null,
        input.year,
        input.cutoffDay,
        input.dueOffsetDays,
        input.kind === 'adhoc' ? input.periodFrom : null,
        input.kind === 'adhoc' ? input.periodTo : null,
        input.kind === 'adhoc' ? input.dueOn : null,
        actor.userId,
      ],
    );
    await tx.query(
      'INSERT INTO report_schedule_units (schedule_id, org_unit_id) SELECT $1, unnest($2::int[])',
      [row!.id, unitIds],
    );
    await audit(tx, actor, { action: 'create', entity: 'report_schedule', entityId: row!.id, after: input });
    return getSchedule(tx, row!.id);
  });
}

export async function updateSchedule(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof s.schedulePatch>,
) {
  return db.transaction(async (tx) => {
    const before = await getSchedule(tx, id);
    const sets: string[] = [];
    const p = new Params();
    if (patch.title !== undefined) sets.push(`title = ${p.add(patch.title)}`);
    if (patch.cutoffDay !== undefined) sets.push(`cutoff_day = ${p.add(patch.cutoffDay)}`);
    if (patch.dueOffsetDays !== undefined) sets.push(`due_offset_days = ${p.add(patch.dueOffsetDays)}`);
    if (patch.active !== undefined) sets.push(`active = ${p.add(patch.active)}`);
    if (patch.dueOn !== undefined) {
      if (before.kind !== 'adhoc')
        throw badRequest('Chỉ lịch đột xuất có hạn riêng.', [
          { path: 'dueOn', message: 'Lịch định kỳ tính hạn theo kỳ' },
        ]);
      sets.push(`due_on = ${p.add(patch.dueOn)}`);
    }
    if (sets.length)
      await tx.query(`UPDATE report_schedules SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
    if (patch.unitIds) {
      const unitIds = [...new Set(patch.unitIds)];
      await assertUnits(tx, unitIds);
      await tx.query(
        'DELETE FROM report_schedule_units WHERE schedule_id = $1 AND NOT (org_unit_id = ANY($2::int[]))',
        [id, unitIds],
      );
      await tx.query(
        `INSERT INTO report_schedule_units (schedule_id, org_unit_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
        [id, unitIds],
      );
    }
    await audit(tx, actor, {
      action: 'update',
      entity: 'report_schedule',
      entityId: id,
      before,
      after: patch,
    });
    return getSchedule(tx, id);
  });
}

function periodOrThrow(rule: ScheduleRule, key: string): ReportPeriod {
  const period = periodOf(rule, key);
  if (!period)
    throw badRequest('Kỳ báo cáo không hợp lệ.', [
      { path: 'period', message: `Lịch này không có kỳ "${key}"` },
    ]);
  return period;
}

// ───────────── due reports, board ─────────────

interface ExpectedRow {
  scheduleId: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  submissionId: number | null;
  status: SubmissionStatus | null;
  firstSubmittedOn: string | null;
  submittedAt: string | null;
}

const LOCAL_DAY = (col: string) => `to_char(${col} AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM-DD')`;

/** The units a schedule expects a report from in one period, with what they sent. */
async function expectedRows(
  db: Queryable,
  scheduleIds: number[],
  periodKey: string,
  unitSql?: { sql: string; p: Params },
) {
  const p = unitSql?.p ?? new Params();
  const unitFilter = unitSql ? `AND u.org_unit_id IN (${unitSql.sql})` : '';
  return db.query<ExpectedRow>(
    `SELECT u.schedule_id AS "scheduleId", o.id AS "unitId", o.name AS "unitName", o.kind AS "unitKind",
            r.id AS "submissionId", r.status, ${LOCAL_DAY('r.first_submitted_at')} AS "firstSubmittedOn",
            to_json(r.submitted_at) #>> '{}' AS "submittedAt"
       FROM report_schedule_units u
       JOIN org_units o ON o.id = u.org_unit_id
       LEFT JOIN report_submissions r
         ON r.schedule_id = u.schedule_id AND r.org_unit_id = u.org_unit_id AND r.period_key = ${p.add(periodKey)}
      WHERE u.schedule_id = ANY(${p.add(scheduleIds)}::int[]) ${unitFilter}
      ORDER BY o.kind IN ('commune_committee', 'locality'), o.name`,
    p.values,
  );
}

function dueReportOf(
  schedule: ScheduleRow,
  period: ReportPeriod,
  row: ExpectedRow,
  today: string,
): DueReport {
  const t = timelinessOf(period.dueOn, row.firstSubmittedOn, today);
  return {
    scheduleId: schedule.id,
    scheduleTitle: schedule.title,
    formName: schedule.formName,
    period,
    unitId: row.unitId,
    unitName: row.unitName,
    unitKind: row.unitKind,
    submissionId: row.submissionId,
    status: row.status,
    timeliness: t.timeliness,
    daysLate: t.daysLate,
    submittedAt: row.submittedAt,
  };
}

export async function board(db: Db, q: z.infer<typeof s.boardQuery>, today: string) {
  const schedule = await scheduleRow(db, q.scheduleId);
  const period = periodOrThrow(schedule, q.period);
  const rows = (await expectedRows(db, [schedule.id], period.key)).map((r) =>
    dueReportOf(schedule, period, r, today),
  );
  return { scheduleId: schedule.id, scheduleTitle: schedule.title, period, counts: countBoard(rows), rows };
}

/**
 * The completeness of each active schedule's latest period already due (the dashboards), the most recent
 * deadline first: the schedules of `today`'s year, else last year's; for each, the period whose deadline passed
 * most recently — as the board opens on it. Schedules with nothing due yet are left out.
 */
export async function latestDueBoards(db: Db, today: string, limit = 3) {
  const year = Number(today.slice(0, 4));
  const rows = await db.query<ScheduleRow>(
    `${SCHEDULE_SELECT} WHERE s.active AND s.year BETWEEN $1 AND $2 ORDER BY s.year DESC, s.id`,
    [year - 1, year],
  );
  const latestYear = rows.find((sc) => periodsOf(sc).some((p) => p.dueOn < today))?.year;
  const due: { schedule: ScheduleRow; period: ReportPeriod }[] = [];
  for (const sc of rows.filter((x) => x.year === latestYear)) {
    const period = periodsOf(sc)
      .filter((p) => p.dueOn < today)
      .at(-1);
    if (period) due.push({ schedule: sc, period });
  }
  due.sort((a, b) => b.period.dueOn.localeCompare(a.period.dueOn) || a.schedule.id - b.schedule.id);
  const out = [];
  for (const { schedule, period } of due.slice(0, limit))
    out.push({
      ...(await board(db, { scheduleId: schedule.id, period: period.key }, today)),
      year: schedule.year,
    });
  return out;
}

/** One unit's record of reporting: every period due so far in the year, across its schedules. */
export async function unitHistory(db: Db, unitId: number, year: number, today: string) {
  const [unit] = await db.query<{ name: string; kind: string }>(
    'SELECT name, kind FROM org_units WHERE id = $1',
    [unitId],
  );
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const schedules = await db.query<ScheduleRow>(
    `${SCHEDULE_SELECT} WHERE s.year = $1 AND EXISTS (SELECT 1 FROM report_schedule_units u WHERE u.schedule_id = s.id AND u.org_unit_id = $2)
      ORDER BY s.id`,
    [year, unitId],
  );
  const p = new Params();
  const subs = await db.query<{ scheduleId: number; periodKey: string } & ExpectedRow>(
    `SELECT r.schedule_id AS "scheduleId", r.period_key AS "periodKey", o.id AS "unitId", o.name AS "unitName",
            o.kind AS "unitKind", r.id AS "submissionId", r.status, ${LOCAL_DAY('r.first_submitted_at')} AS "firstSubmittedOn",
            to_json(r.submitted_at) #>> '{}' AS "submittedAt"
       FROM report_submissions r JOIN org_units o ON o.id = r.org_unit_id
      WHERE r.org_unit_id = ${p.add(unitId)} AND r.schedule_id = ANY(${p.add(schedules.map((x) => x.id))}::int[])`,
    p.values,
  );
  const byKey = new Map(subs.map((r) => [`${r.scheduleId}|${r.periodKey}`, r]));
  const rows: DueReport[] = [];
  for (const sc of schedules)
    for (const period of periodsOf(sc)) {
      if (period.from > today) continue;
      const sub = byKey.get(`${sc.id}|${period.key}`);
      rows.push(
        dueReportOf(
          sc,
          period,
          sub ?? {
            scheduleId: sc.id,
            unitId,
            unitName: unit.name,
            unitKind: unit.kind,
            submissionId: null,
            status: null,
            firstSubmittedOn: null,
            submittedAt: null,
          },
          today,
        ),
      );
    }
  rows.sort((a, b) => a.period.dueOn.localeCompare(b.period.dueOn) || a.scheduleId - b.scheduleId);
  return { unitId, unitName: unit.name, counts: countBoard(rows), rows };
}

/** The reports the caller's units owe or have sent, newest period first; open = not yet accepted. */
export async function myReports(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.myReportsQuery>,
  today: string,
) {
  const year = Number(today.slice(0, 4));
  const unitsP = new Params();
  const units = myUnitsSql(user, unitsP);
  const schedules = await db.query<ScheduleRow>(
    `${SCHEDULE_SELECT} WHERE s.active AND s.year BETWEEN ${unitsP.add(year - 1)} AND ${unitsP.add(year + 1)}
       AND EXISTS (SELECT 1 FROM report_schedule_units u WHERE u.schedule_id = s.id AND u.org_unit_id IN (${units}))`,
    unitsP.values,
  );
  const all: DueReport[] = [];
  for (const sc of schedules)
    for (const period of periodsOf(sc)) {
      // A period is listed once it has begun; the report is written in its last days.
      if (period.from > today) continue;
      const p = new Params();
      const rows = await expectedRows(db, [sc.id], period.key, { sql: myUnitsSql(user, p), p });
      for (const r of rows) all.push(dueReportOf(sc, period, r, today));
    }
  const listed = q.state === 'open' ? all.filter((r) => r.status !== 'accepted') : all;
  listed.sort(
    (a, b) => b.period.dueOn.localeCompare(a.period.dueOn) || a.unitName.localeCompare(b.unitName, 'vi'),
  );
  const start = offsetOf(q);
  return {
    items: listed.slice(start, start + q.pageSize),
    total: listed.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ───────────── submissions ─────────────

interface SubmissionRow {
  id: number;
  scheduleId: number;
  periodKey: string;
  unitId: number;
  unitName: string;
  formVersion: number;
  status: SubmissionStatus;
  values: SubmissionValues;
  firstSubmittedOn: string | null;
  submittedAt: string | null;
  updatedAt: string;
  comment: string | null;
}

async function submissionRow(db: Queryable, id: number): Promise<SubmissionRow> {
  const [row] = await db.query<SubmissionRow>(
    `SELECT r.id, r.schedule_id AS "scheduleId", r.period_key AS "periodKey", r.org_unit_id AS "unitId", o.name AS "unitName",
            r.form_version AS "formVersion", r.status, r.values, ${LOCAL_DAY('r.first_submitted_at')} AS "firstSubmittedOn",
            to_json(r.submitted_at) #>> '{}' AS "submittedAt", to_json(r.updated_at) #>> '{}' AS "updatedAt", r.comment
       FROM report_submissions r JOIN org_units o ON o.id = r.org_unit_id WHERE r.id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy báo cáo.');
  return row;
}

async function mayActFor(db: Queryable, user: SessionUser, unitId: number): Promise<boolean> {
  if (isOffice(user)) return true;
  if (user.role !== 'agency' && user.role !== 'commune') return false;
  const p = new Params();
  const rows = await db.query(
    `SELECT 1 FROM (${myUnitsSql(user, p)}) u WHERE u.id = ${p.add(unitId)}`,
    p.values,
  );
  return rows.length > 0;
}

async function assertMayRead(db: Queryable, user: SessionUser, unitId: number) {
  if (user.role === 'leader' || (await mayActFor(db, user, unitId))) return;
  throw forbidden('Bạn chỉ xem được báo cáo của đơn vị mình.');
}

async function definitionOf(db: Queryable, formId: number, version: number): Promise<FormDefinition> {
  const [row] = await db.query<{ definition: FormDefinition }>(
    'SELECT definition FROM report_form_versions WHERE form_id = $1 AND version = $2',
    [formId, version],
  );
  if (!row) throw notFound('Không tìm thấy phiên bản biểu mẫu.');
  return row.definition;
}

export async function getSubmission(
  db: Queryable,
  user: SessionUser,
  id: number,
  today: string,
): Promise<Submission> {
  const row = await submissionRow(db, id);
  await assertMayRead(db, user, row.unitId);
  const schedule = await scheduleRow(db, row.scheduleId);
  const period = periodOrThrow(schedule, row.periodKey);
  const definition = await definitionOf(db, schedule.formId, row.formVersion);
  const history = await db.query<z.infer<typeof s.submissionEvent>>(
    `SELECT to_json(e.at) #>> '{}' AS at, e.action, u.display_name AS by, e.comment
       FROM report_submission_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.submission_id = $1 ORDER BY e.at, e.id`,
    [id],
  );
  const t = timelinessOf(period.dueOn, row.firstSubmittedOn, today);
  const own = await mayActFor(db, user, row.unitId);
  const next = NEXT_ACTIONS[row.status];
  return {
    id: row.id,
    scheduleId: schedule.id,
    scheduleTitle: schedule.title,
    period,
    unitId: row.unitId,
    unitName: row.unitName,
    form: { id: schedule.formId, name: schedule.formName, version: row.formVersion, definition },
    status: row.status,
    timeliness: t.timeliness,
    daysLate: t.daysLate,
    values: row.values,
    problems: checkValues(definition, row.values, row.status === 'draft' || row.status === 'returned'),
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    comment: row.comment,
    history,
    may: {
      edit: own && next.includes('save'),
      submit: own && next.includes('submit'),
      decide: isOffice(user) && next.includes('accept'),
      reopen: isOffice(user) && next.includes('reopen'),
    },
  };
}

function assertDraftValues(def: FormDefinition, values: SubmissionValues) {
  // A draft is kept as typed, even with figures that break a limit or a rule (they are listed in
  // `problems` and block the submit); only fields the form does not have are refused.
  const problems = unknownFields(def, values);
  if (problems.length)
    throw badRequest(
      'Số liệu chưa hợp lệ.',
      problems.map((p) => ({ path: `values.${p.path}`, message: p.message })),
    );
}

/** Saves a draft, creating the unit's report for the period on first save. */
export async function saveDraft(
  db: Db,
  actor: Actor,
  user: SessionUser,
  input: z.infer<typeof s.draftInput>,
  today: string,
) {
  const id = await db.transaction(async (tx) => {
    const schedule = await scheduleRow(tx, input.scheduleId);
    periodOrThrow(schedule, input.periodKey);
    const [assigned] = await tx.query(
      'SELECT 1 FROM report_schedule_units WHERE schedule_id = $1 AND org_unit_id = $2',
      [schedule.id, input.unitId],
    );
    if (!assigned)
      throw badRequest('Đơn vị không thuộc lịch báo cáo này.', [
        { path: 'unitId', message: 'Đơn vị không phải báo cáo theo lịch này' },
      ]);
    if (!(await mayActFor(tx, user, input.unitId)))
      throw forbidden('Bạn chỉ được lập báo cáo của đơn vị mình.');
    const [existing] = await tx.query<{ id: number; status: SubmissionStatus; formVersion: number }>(
      `SELECT id, status, form_version AS "formVersion" FROM report_submissions
        WHERE schedule_id = $1 AND period_key = $2 AND org_unit_id = $3 FOR UPDATE`,
      [schedule.id, input.periodKey, input.unitId],
    );
    if (existing && !NEXT_ACTIONS[existing.status].includes('save'))
      throw conflict(
        existing.status === 'accepted'
          ? 'Báo cáo đã được duyệt và khóa; cần Văn phòng mở lại để sửa.'
          : 'Báo cáo đã gửi, đang chờ Văn phòng xem xét.',
      );
    const [form] = await tx.query<{ version: number }>('SELECT version FROM report_forms WHERE id = $1', [
      schedule.formId,
    ]);
    const version = existing?.formVersion ?? form!.version;
    assertDraftValues(await definitionOf(tx, schedule.formId, version), input.values);
    let subId: number;
    if (existing) {
      subId = existing.id;
      await tx.query(
        'UPDATE report_submissions SET values = $2, updated_at = now(), updated_by = $3 WHERE id = $1',
        [subId, JSON.stringify(input.values), actor.userId],
      );
    } else {
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO report_submissions (schedule_id, period_key, org_unit_id, form_version, values, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [schedule.id, input.periodKey, input.unitId, version, JSON.stringify(input.values), actor.userId],
      );
      subId = row!.id;
    }
    // One history line per editing session: an autosave within 10 minutes of the last one extends it.
    const [recent] = await tx.query(
      `SELECT 1 FROM report_submission_events WHERE submission_id = $1 AND action = 'save' AND user_id IS NOT DISTINCT FROM $2
          AND at > now() - interval '10 minutes'
          AND at >= ALL (SELECT at FROM report_submission_events WHERE submission_id = $1)`,
      [subId, actor.userId],
    );
    if (!recent)
      await tx.query(
        'INSERT INTO report_submission_events (submission_id, action, user_id) VALUES ($1, $2, $3)',
        [subId, 'save', actor.userId],
      );
    return subId;
  });
  return getSubmission(db, user, id, today);
}

async function transition(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  action: 'submit' | 'return' | 'accept' | 'reopen',
  today: string,
  extra: { comment?: string; values?: SubmissionValues } = {},
) {
  await db.transaction(async (tx) => {
    const row = await submissionRow(tx, id);
    if (action === 'submit') {
      if (!(await mayActFor(tx, user, row.unitId)))
        throw forbidden('Bạn chỉ được gửi báo cáo của đơn vị mình.');
    } else if (!isOffice(user))
      throw forbidden('Chỉ Văn phòng Ban ATGT được duyệt, trả lại hoặc mở lại báo cáo.');
    if (!NEXT_ACTIONS[row.status].includes(action))
      throw conflict(
        `Không thể thực hiện thao tác này khi báo cáo đang ở trạng thái "${STATUS_LABEL[row.status]}".`,
      );
    if (action === 'submit') {
      const schedule = await scheduleRow(tx, row.scheduleId);
      const def = await definitionOf(tx, schedule.formId, row.formVersion);
      const values = extra.values ?? row.values;
      const problems = checkValues(def, values, true);
      if (problems.length)
        throw badRequest(
          'Báo cáo còn thiếu hoặc sai số liệu, chưa gửi được.',
          problems.map((p) => ({ path: `values.${p.path}`, message: p.message })),
        );
      await tx.query(
        `UPDATE report_submissions SET status = 'submitted', values = $2, submitted_at = now(),
                first_submitted_at = COALESCE(first_submitted_at, now()), updated_at = now(), updated_by = $3, comment = NULL
          WHERE id = $1`,
        [id, JSON.stringify(values), actor.userId],
      );
    } else {
      const status = action === 'accept' ? 'accepted' : 'returned';
      await tx.query(
        `UPDATE report_submissions SET status = $2, decided_at = now(), comment = $3, updated_at = now(), updated_by = $4
          WHERE id = $1`,
        [id, status, extra.comment ?? null, actor.userId],
      );
    }
    await tx.query(
      'INSERT INTO report_submission_events (submission_id, action, user_id, comment) VALUES ($1, $2, $3, $4)',
      [id, action, actor.userId, extra.comment ?? null],
    );
    await audit(tx, actor, {
      action,
      entity: 'report_submission',
      entityId: id,
      before: { status: row.status },
      after: {
        status: action === 'submit' ? 'submitted' : action === 'accept' ? 'accepted' : 'returned',
        comment: extra.comment ?? null,
      },
    });
  });
  return getSubmission(db, user, id, today);
}

const STATUS_LABEL: Record<SubmissionStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  accepted: 'Đã duyệt',
};

export const submit = (
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  values: SubmissionValues | undefined,
  today: string,
) => transition(db, actor, user, id, 'submit', today, { values });
export const returnSubmission = (
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  comment: string,
  today: string,
) => transition(db, actor, user, id, 'return', today, { comment });
export const accept = (db: Db, actor: Actor, user: SessionUser, id: number, today: string) =>
  transition(db, actor, user, id, 'accept', today);
export const reopen = (db: Db, actor: Actor, user: SessionUser, id: number, comment: string, today: string) =>
  transition(db, actor, user, id, 'reopen', today, { comment });

// ───────────── consolidation ─────────────

type Consolidation = z.infer<typeof s.consolidation>;

const rowsOf = (r: { rows: { key: string; label: string; current: Criteria; previous: Criteria }[] }) =>
  r.rows.map((x) => ({ key: x.key, label: x.label, current: x.current, previous: x.previous }));
type Criteria = { crashes: number; deaths: number; injured: number };

async function taskProgress(db: Queryable, period: ReportPeriod): Promise<Consolidation['tasks']> {
  const [plan] = await db.query<{ id: number; number: string }>(
    `SELECT id, number FROM plans WHERE parent_id IS NULL AND status = 'active' AND issued_on <= $1
      ORDER BY (extract(year FROM issued_on) = extract(year FROM $1::date)) DESC, issued_on DESC LIMIT 1`,
    [period.to],
  );
  if (!plan)
    return {
      planId: null,
      planNumber: null,
      total: 0,
      done: 0,
      inProgress: 0,
      notStarted: 0,
      overdue: 0,
      rows: [],
    };
  const rows = await db.query<{
    path: string;
    title: string;
    leadUnits: string;
    allDone: boolean;
    started: boolean;
    percent: number;
    dueOn: string | null;
  }>(
    `SELECT t.path, t.title, COALESCE(string_agg(o.name, ', ' ORDER BY a.is_primary DESC, o.name), '') AS "leadUnits",
            COALESCE(bool_and(a.status IN ('done', 'cancelled')), false) AS "allDone",
            COALESCE(bool_or(a.status IN ('in_progress', 'done')), false) AS started,
            COALESCE(round(avg(a.progress))::int, 0) AS percent,
            min(a.next_due_on) FILTER (WHERE a.status NOT IN ('done', 'cancelled'))::text AS "dueOn"
       FROM plan_tasks t
       LEFT JOIN task_assignments a ON a.task_id = t.id AND a.role = 'lead'
       LEFT JOIN org_units o ON o.id = a.org_unit_id
      WHERE t.plan_id = $1 AND t.kind = 'task'
      GROUP BY t.id ORDER BY t.position`,
    [plan.id],
  );
  const out = rows.map((r) => {
    const overdue = !r.allDone && r.dueOn !== null && r.dueOn < period.to;
    return {
      path: r.path,
      title: r.title,
      leadUnits: r.leadUnits,
      status: r.allDone ? 'Hoàn thành' : r.started ? 'Đang thực hiện' : 'Chưa triển khai',
      percent: r.allDone ? 100 : r.percent,
      dueOn: r.dueOn,
      overdue,
    };
  });
  return {
    planId: plan.id,
    planNumber: plan.number,
    total: out.length,
    done: out.filter((r) => r.status === 'Hoàn thành').length,
    inProgress: out.filter((r) => r.status === 'Đang thực hiện').length,
    notStarted: out.filter((r) => r.status === 'Chưa triển khai').length,
    overdue: out.filter((r) => r.overdue).length,
    rows: out,
  };
}

export async function consolidation(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.boardQuery>,
  today: string,
): Promise<Consolidation> {
  return (await consolidate(db, user, q, today)).result;
}

/** The consolidation, with the period's expected reports it counted (the review draft names late units). */
async function consolidate(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.boardQuery>,
  today: string,
): Promise<{ result: Consolidation; expected: DueReport[] }> {
  const schedule = await scheduleRow(db, q.scheduleId);
  const period = periodOrThrow(schedule, q.period);
  const expected = (await expectedRows(db, [schedule.id], period.key)).map((r) =>
    dueReportOf(schedule, period, r, today),
  );
  const sent = await db.query<{ unitName: string; unitKind: string; values: SubmissionValues }>(
    `SELECT o.name AS "unitName", o.kind AS "unitKind", r.values
       FROM report_submissions r JOIN org_units o ON o.id = r.org_unit_id
      WHERE r.schedule_id = $1 AND r.period_key = $2 AND r.status IN ('submitted', 'accepted')
      ORDER BY o.kind IN ('commune_committee', 'locality'), o.name`,
    [schedule.id, period.key],
  );
  const def = (await getForm(db, schedule.formId)).definition;
  const reports = sent.map((r) => ({ group: groupOf(r.unitKind), unitName: r.unitName, values: r.values }));
  const spec = `range:${period.from}..${period.to}`;
  const stats = async (by: 'none' | 'commune' | 'route' | 'cause') =>
    crashStats(db, user, { period: spec, by, verified: 'true' });
  const [total, byCommune, byRoute, byCause] = [
    await stats('none'),
    await stats('commune'),
    await stats('route'),
    await stats('cause'),
  ];
  const breakdown = (r: typeof byCommune): BreakdownRow[] => rowsOf(r);
  const criteriaRow = {
    key: '',
    label: 'Toàn tỉnh',
    current: total.total.current,
    previous: total.total.previous,
  };
  const result: Consolidation = {
    scheduleId: schedule.id,
    period,
    counts: countBoard(expected),
    indicators: sumIndicators(def, reports),
    sections: narrativeEntries(def, reports),
    crashes: {
      previousYear: Number(total.previous.to.slice(0, 4)),
      total: criteriaRow,
      sentence: total.sentence,
      drivers: riseDrivers(criteriaRow, {
        communes: breakdown(byCommune),
        // Routes by their code ("QL4D"), as a clerk names them.
        routes: breakdown(byRoute).map((r) => ({ ...r, label: r.key || r.label })),
        causes: breakdown(byCause),
      }),
      byCommune: rowsOf(byCommune),
      byRoute: rowsOf(byRoute),
      byCause: rowsOf(byCause),
    },
    tasks: await taskProgress(db, period),
  };
  return { result, expected };
}

// ───────────── review reports ─────────────

type Review = z.infer<typeof s.review>;

const REVIEW_SELECT = `SELECT id, schedule_id AS "scheduleId", period_key AS "periodKey", content->>'title' AS title, number,
       status, issued_on::text AS "issuedOn", to_json(updated_at) #>> '{}' AS "updatedAt", content,
       period_from::text AS "periodFrom", period_to::text AS "periodTo"
  FROM review_reports`;

export async function getReview(db: Queryable, id: number): Promise<Review> {
  const [row] = await db.query<Review>(`${REVIEW_SELECT} WHERE id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy báo cáo sơ kết, tổng kết.');
  return row;
}

export async function listReviews(db: Db, q: z.infer<typeof s.reviewQuery>) {
  const [{ total }] = (await db.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM review_reports',
  )) as [{ total: number }];
  const rows = await db.query<Review>(
    `${REVIEW_SELECT} ORDER BY period_to DESC, id DESC LIMIT $1 OFFSET $2`,
    [q.pageSize, offsetOf(q)],
  );
  return {
    items: rows.map(({ content: _c, periodFrom: _f, periodTo: _t, ...rest }) => rest),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The draft of the review report for a schedule's period, written from the data. */
export async function createReview(
  db: Db,
  actor: Actor,
  user: SessionUser,
  input: z.infer<typeof s.reviewCreate>,
  today: string,
): Promise<Review> {
  const { result: c, expected } = await consolidate(
    db,
    user,
    { scheduleId: input.scheduleId, period: input.periodKey },
    today,
  );
  const [province] = await db.query<{ name: string }>(
    `SELECT name FROM admin_units WHERE level = 'province' ORDER BY valid_to DESC NULLS FIRST LIMIT 1`,
  );
  const place = province?.name ?? '';
  const rescue = await incidentKpi(db, { from: c.period.from, to: c.period.to });
  const content = buildReviewDocument({
    place,
    parentBody: `UBND TỈNH ${place.toUpperCase()}`,
    issuingBody: 'BAN AN TOÀN GIAO THÔNG',
    symbol: 'BC-BATGT',
    periodKey: c.period.key,
    periodLabel: c.period.label,
    year: Number(c.period.to.slice(0, 4)),
    crashes: {
      sentence: c.crashes.sentence,
      drivers: c.crashes.drivers,
      currentLabel: c.period.label,
      previousLabel: `Cùng kỳ ${c.crashes.previousYear}`,
      total: c.crashes.total,
      byCommune: c.crashes.byCommune,
      byRoute: c.crashes.byRoute,
      byCause: c.crashes.byCause,
    },
    tasks: c.tasks,
    indicators: c.indicators,
    narratives: c.sections,
    board: {
      counts: c.counts,
      late: expected.filter((r) => r.timeliness === 'late').map((r) => r.unitName),
      missing: expected.filter((r) => r.timeliness === 'missing').map((r) => r.unitName),
    },
    response: responseSentence(rescue.total, rescue.communes),
  });
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO review_reports (schedule_id, period_key, period_from, period_to, content, number, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        input.scheduleId,
        c.period.key,
        c.period.from,
        c.period.to,
        JSON.stringify(content),
        content.number,
        actor.userId,
      ],
    );
    await audit(tx, actor, { action: 'create', entity: 'review_report', entityId: row!.id, after: input });
    return getReview(tx, row!.id);
  });
}

export async function updateReview(db: Db, actor: Actor, id: number, content: ReviewDocument) {
  return db.transaction(async (tx) => {
    const before = await getReview(tx, id);
    if (before.status === 'issued') throw conflict('Báo cáo đã ban hành, không sửa được.');
    await tx.query('UPDATE review_reports SET content = $2, number = $3, updated_at = now() WHERE id = $1', [
      id,
      JSON.stringify(content),
      content.number,
    ]);
    await audit(tx, actor, { action: 'update', entity: 'review_report', entityId: id });
    return getReview(tx, id);
  });
}

export async function issueReview(db: Db, actor: Actor, id: number, input: z.infer<typeof s.reviewIssue>) {
  return db.transaction(async (tx) => {
    const before = await getReview(tx, id);
    if (before.status === 'issued') throw conflict('Báo cáo đã ban hành.');
    const content = { ...before.content, number: input.number, issuedOn: input.issuedOn };
    await tx.query(
      `UPDATE review_reports SET content = $2, number = $3, issued_on = $4, status = 'issued', updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(content), input.number, input.issuedOn],
    );
    await audit(tx, actor, { action: 'issue', entity: 'review_report', entityId: id, after: input });
    return getReview(tx, id);
  });
}

// ───────────── reminders ─────────────

/** Days before a report is due that its units are reminded. */
export const REPORT_DUE_SOON_DAYS = 3;

/**
 * One in-app notification for each unit of the schedule that has not sent the period's report yet; the
 * dedupe key (`dedupePrefix` + unit id) keeps it to one per key. Returns the names of the units notified.
 */
async function notifyUnsent(
  db: Queryable,
  scheduleId: number,
  periodKey: string,
  note: { kind: string; title: string; body: string; dedupePrefix: string },
): Promise<string[]> {
  const rows = await db.query<{ unit: string }>(
    `INSERT INTO notifications (org_unit_id, kind, title, body, link, dedupe_key)
     SELECT u.org_unit_id, $3::text, $4::text, $5::text, '/reports', $6::text || u.org_unit_id
       FROM report_schedule_units u
      WHERE u.schedule_id = $1
        AND NOT EXISTS (SELECT 1 FROM report_submissions r WHERE r.schedule_id = $1 AND r.period_key = $2
                          AND r.org_unit_id = u.org_unit_id AND r.first_submitted_at IS NOT NULL)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING (SELECT name FROM org_units o WHERE o.id = org_unit_id) AS unit`,
    [scheduleId, periodKey, note.kind, note.title, note.body, note.dedupePrefix],
  );
  return rows.map((r) => r.unit);
}

/**
 * In-app reminders for reports not yet sent: "due soon" within 3 days of the deadline, "overdue" after it
 * (one of each per unit and period). Returns the number created.
 */
export async function reportReminders(db: Db, asOf: string): Promise<number> {
  const year = Number(asOf.slice(0, 4));
  const schedules = await db.query<ScheduleRow>(
    `${SCHEDULE_SELECT} WHERE s.active AND s.year BETWEEN $1 AND $2`,
    [year - 1, year + 1],
  );
  let created = 0;
  const soon = addDays(asOf, REPORT_DUE_SOON_DAYS);
  for (const sc of schedules)
    for (const period of periodsOf(sc)) {
      // Due within the next days, or overdue by at most 30 days (older gaps are the board's business).
      if (period.dueOn > soon || period.dueOn < addDays(asOf, -30)) continue;
      const overdue = period.dueOn < asOf;
      const kind = overdue ? 'report_overdue' : 'report_due_soon';
      const units = await notifyUnsent(db, sc.id, period.key, {
        kind,
        title: `${overdue ? 'Quá hạn' : 'Sắp đến hạn'}: ${sc.title} — ${period.label}`,
        body: `Hạn gửi ${formatDateVi(period.dueOn)}`,
        dedupePrefix: `${kind}:${sc.id}:${period.key}:`,
      });
      created += units.length;
    }
  return created;
}

/**
 * The office reminds, from the board, the units of a period that have not sent their report (at most once
 * a day per unit); the reminders go out with the next e-mail digest. Returns the units reminded.
 */
export async function remindUnits(db: Db, actor: Actor, q: z.infer<typeof s.boardQuery>, today: string) {
  const schedule = await scheduleRow(db, q.scheduleId);
  const period = periodOrThrow(schedule, q.period);
  return db.transaction(async (tx) => {
    const units = await notifyUnsent(tx, schedule.id, period.key, {
      kind: 'report_reminder',
      title: `Đề nghị gửi báo cáo: ${schedule.title} — ${period.label}`,
      body: `Văn phòng Ban ATGT nhắc: hạn gửi ${formatDateVi(period.dueOn)}`,
      dedupePrefix: `report_reminder:${schedule.id}:${period.key}:${today}:`,
    });
    await audit(tx, actor, {
      action: 'remind',
      entity: 'report_schedule',
      entityId: schedule.id,
      after: { period: period.key, units },
    });
    return { reminded: units.length, units };
  });
}

/**
 * Punctuality of units' periodic reports (emulation): the reports due on [from, to] and how many were first sent
 * by their due date. A report not yet due (pending) is left out; one past due and never sent counts as late.
 */
export async function reportPunctuality(
  db: Db,
  orgUnitIds: readonly number[],
  from: string,
  to: string,
  today: string,
): Promise<{ due: number; onTime: number }> {
  let due = 0;
  let onTime = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const unitId of orgUnitIds)
      for (const row of (await unitHistory(db, unitId, year, today)).rows) {
        if (row.period.dueOn < from || row.period.dueOn > to || row.timeliness === 'pending') continue;
        due++;
        if (row.timeliness === 'on_time') onTime++;
      }
  return { due, onTime };
}
