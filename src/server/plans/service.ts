/** Plans, their tasks and assignments: reading, creating, tracking progress, activating event tasks. */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { dmy } from '../../domain/plans/timeframe.ts';
import { type Actor, audit, changedFields } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import {
  bytesColumn,
  bytesFrom,
  bytesOf,
  bytesParam,
  containing,
  Params,
  setClauses,
  whereClause,
} from '../platform/sql.ts';
import { insertTargets } from './import.ts';
import { refreshNextDue } from './next-due.ts';
import { assertMayCreatePlan, assertMayReportFor, myUnitsSql } from './policies.ts';
import type * as s from './schemas.ts';
import { MAX_ATTACHMENT_BYTES } from './schemas.ts';

type PlanRow = z.infer<typeof s.plan>;
type TaskRow = z.infer<typeof s.task>;

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 7;

/** The next open due of an assignment (a) and its state on `asOf` (a placeholder), as SQL columns. */
function dueColumns(asOf: string): string {
  return `a.next_due_on::text AS "nextDueOn",
    CASE WHEN a.status IN ('done', 'cancelled') THEN 'done'
         WHEN a.next_due_on IS NULL THEN 'none'
         WHEN a.next_due_on < ${asOf}::date THEN 'overdue'
         WHEN a.next_due_on <= ${asOf}::date + ${DUE_SOON_DAYS} THEN 'due_soon'
         ELSE 'upcoming' END AS "dueState"`;
}

/** The SQL condition on assignment a for one due state; `asOf` gives the day's placeholder when needed. */
function dueStateCondition(
  state: 'overdue' | 'due_soon' | 'upcoming' | 'none',
  asOfParam: () => string,
): string {
  if (state === 'none') return `a.status NOT IN ('done', 'cancelled') AND a.next_due_on IS NULL`;
  const asOf = asOfParam();
  const open = `a.status NOT IN ('done', 'cancelled')`;
  switch (state) {
    case 'overdue':
      return `${open} AND a.next_due_on < ${asOf}::date`;
    case 'due_soon':
      return `${open} AND a.next_due_on BETWEEN ${asOf}::date AND ${asOf}::date + ${DUE_SOON_DAYS}`;
    case 'upcoming':
      return `${open} AND a.next_due_on > ${asOf}::date + ${DUE_SOON_DAYS}`;
  }
}

/** The ids of "my units" (see myUnitsSql), resolved once so that list queries filter on an array. */
export async function myUnitIds(db: Queryable, user: SessionUser): Promise<number[]> {
  const p = new Params();
  const rows = await db.query<{ id: number }>(myUnitsSql(user, p), p.values);
  return rows.map((r) => r.id);
}

// ───────────── Plans ─────────────

function planSelect(asOf: string) {
  return `
  SELECT p.id, p.number, p.issued_on::text AS "issuedOn", p.issuing_body AS "issuingBody", p.title, p.theme,
         p.directives, p.goals, p.parent_id AS "parentId", pp.number AS "parentNumber",
         p.owner_unit_id AS "ownerUnitId", ou.name AS "ownerUnitName", p.ends_on::text AS "endsOn", p.status,
         p.source_format AS "sourceFormat",
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'indicator', t.indicator, 'direction', t.direction,
                     'minPercent', t.min_percent, 'maxPercent', t.max_percent, 'description', t.description) ORDER BY t.id)
                     FROM plan_targets t WHERE t.plan_id = p.id), '[]'::json) AS targets,
         (SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = p.id AND t.kind = 'task') AS "taskCount",
         st."leadAssignments", st."doneAssignments", st."overdueAssignments", st.progress,
         (SELECT count(*)::int FROM plans c WHERE c.parent_id = p.id) AS "childCount"
    FROM plans p
    LEFT JOIN plans pp ON pp.id = p.parent_id
    LEFT JOIN org_units ou ON ou.id = p.owner_unit_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS "leadAssignments",
             count(*) FILTER (WHERE a.status = 'done')::int AS "doneAssignments",
             count(*) FILTER (WHERE ${dueStateCondition('overdue', () => asOf)})::int AS "overdueAssignments",
             COALESCE(round(avg(a.progress) FILTER (WHERE a.status <> 'cancelled')), 0)::int AS progress
        FROM task_assignments a JOIN plan_tasks t ON t.id = a.task_id
       WHERE a.role = 'lead' AND t.plan_id IN (SELECT id FROM plan_subtree(p.id))
    ) st ON true`;
}

export async function listPlans(db: Db, q: z.infer<typeof s.planQuery>, today: string) {
  const p = new Params();
  const where: string[] = [];
  if (q.status) where.push(`p.status = ${p.add(q.status)}`);
  if (q.parentId) where.push(`p.parent_id = ${p.add(q.parentId)}`);
  if (q.roots === 'true') where.push('p.parent_id IS NULL');
  if (q.q) {
    const text = p.add(containing(q.q));
    where.push(`(p.number ILIKE ${text} OR p.title ILIKE ${text} OR p.issuing_body ILIKE ${text})`);
  }
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plans p ${cond}`, [
    ...p.values,
  ]);
  const asOf = p.add(q.asOf ?? today);
  const items = await db.query<PlanRow>(
    `${planSelect(asOf)} ${cond} ORDER BY p.issued_on DESC, p.id DESC
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(db: Queryable, id: number, today: string): Promise<PlanRow> {
  const [row] = await db.query<PlanRow>(`${planSelect('$2')} WHERE p.id = $1`, [id, today]);
  if (!row) throw notFound('Không tìm thấy kế hoạch.');
  return row;
}

const PLAN_COLUMNS = {
  number: 'number',
  issuedOn: 'issued_on',
  issuingBody: 'issuing_body',
  title: 'title',
  theme: 'theme',
  directives: 'directives',
  goals: 'goals',
  parentId: 'parent_id',
  ownerUnitId: 'owner_unit_id',
  endsOn: 'ends_on',
  status: 'status',
} as const;

export async function createPlan(
  db: Db,
  actor: Actor,
  user: SessionUser,
  input: z.infer<typeof s.planInput>,
  today: string,
) {
  await assertMayCreatePlan(db, user, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO plans (number, issued_on, issuing_body, title, theme, directives, goals, parent_id, owner_unit_id,
                          ends_on, status, source_format, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'manual', $12) RETURNING id`,
      [
        input.number,
        input.issuedOn,
        input.issuingBody,
        input.title,
        input.theme ?? null,
        input.directives,
        input.goals ?? null,
        input.parentId ?? null,
        input.ownerUnitId ?? null,
        input.endsOn ?? null,
        input.status,
        actor.userId,
      ],
    );
    await insertTargets(tx, row!.id, input.targets);
    const created = await getPlan(tx, row!.id, today);
    await audit(tx, actor, { action: 'create', entity: 'plan', entityId: created.id, after: created });
    return created;
  });
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof s.planPatch>,
  today: string,
) {
  return db.transaction(async (tx) => {
    const before = await getPlan(tx, id, today);
    if (input.parentId != null) {
      const loop = await tx.query('SELECT 1 FROM plan_subtree($1) WHERE id = $2', [id, input.parentId]);
      if (loop.length > 0)
        throw badRequest('Dữ liệu không hợp lệ.', [
          {
            path: 'parentId',
            message: 'Kế hoạch cấp trên không thể là chính nó hoặc kế hoạch cấp dưới của nó.',
          },
        ]);
    }
    const { targets, ...fields } = input;
    const p = new Params();
    const sets = setClauses(fields, PLAN_COLUMNS, p);
    if (sets.length > 0)
      await tx.query(
        `UPDATE plans SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`,
        p.values,
      );
    if (targets) {
      await tx.query('DELETE FROM plan_targets WHERE plan_id = $1', [id]);
      await insertTargets(tx, id, targets);
    }
    const after = await getPlan(tx, id, today);
    await audit(tx, actor, {
      action: 'update',
      entity: 'plan',
      entityId: id,
      ...changedFields(before, after),
    });
    return after;
  });
}

// ───────────── Tasks ─────────────

const TASK_SELECT = (asOf: string) => `
  SELECT t.id, t.plan_id AS "planId", t.parent_id AS "parentId", t.kind, t.number, t.path, t.title,
         t.timeframe_text AS "timeframeText", t.schedule_kind AS "scheduleKind", t.needs_review AS "needsReview",
         t.lead_text AS "leadText", t.coordinating_text AS "coordinatingText", t.note,
         COALESCE((SELECT json_agg(x ORDER BY x.role DESC, x."isPrimary" DESC, x."orgUnitName") FROM (
           SELECT a.id, a.org_unit_id AS "orgUnitId", u.name AS "orgUnitName", a.role, a.is_primary AS "isPrimary",
                  a.role_note AS "roleNote", a.status, a.progress, ${dueColumns(asOf)}
             FROM task_assignments a JOIN org_units u ON u.id = a.org_unit_id
            WHERE a.task_id = t.id) x), '[]'::json) AS assignments
    FROM plan_tasks t`;

/** The plan's tasks in appendix order, each with its assignments (the plan tree). */
export async function listTasks(db: Db, planId: number, today: string, asOf?: string) {
  await getPlan(db, planId, today);
  const items = await db.query<TaskRow>(`${TASK_SELECT('$2')} WHERE t.plan_id = $1 ORDER BY t.position`, [
    planId,
    asOf ?? today,
  ]);
  return { items };
}

export async function getTask(db: Queryable, id: number, today: string) {
  const [task] = await db.query<TaskRow & { planNumber: string; planTitle: string; schedule: unknown }>(
    `SELECT x.*, p.number AS "planNumber", p.title AS "planTitle", t2.schedule
       FROM (${TASK_SELECT('$2')} WHERE t.id = $1) x
       JOIN plans p ON p.id = x."planId" JOIN plan_tasks t2 ON t2.id = x.id`,
    [id, today],
  );
  if (!task) throw notFound('Không tìm thấy nhiệm vụ.');
  type Detail = z.infer<typeof s.taskDetail>;
  const occurrences = await db.query<Detail['occurrences'][number]>(
    `SELECT o.id, o.assignment_id AS "assignmentId", u.name AS "orgUnitName", o.due_on::text AS "dueOn",
            o.starts_on::text AS "startsOn", o.label, o.source, o.done_on::text AS "doneOn"
       FROM task_occurrences o JOIN task_assignments a ON a.id = o.assignment_id JOIN org_units u ON u.id = a.org_unit_id
      WHERE a.task_id = $1 ORDER BY o.due_on, u.name`,
    [id],
  );
  const progressUpdates = await db.query<Detail['progressUpdates'][number]>(
    `SELECT g.id, g.assignment_id AS "assignmentId", u.name AS "orgUnitName", to_json(g.at) #>> '{}' AS at,
            us.display_name AS author, g.text, g.percent, g.status,
            COALESCE((SELECT json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'size', f.size) ORDER BY f.id)
                        FROM task_attachments f WHERE f.progress_id = g.id), '[]'::json) AS attachments
       FROM task_progress g JOIN task_assignments a ON a.id = g.assignment_id JOIN org_units u ON u.id = a.org_unit_id
       LEFT JOIN users us ON us.id = g.user_id
      WHERE a.task_id = $1 ORDER BY g.at DESC, g.id DESC`,
    [id],
  );
  return { ...task, occurrences, progressUpdates };
}

// ───────────── Assignments ("my unit's tasks", overdue and due-soon lists) ─────────────

export async function listAssignments(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.assignmentQuery>,
  today: string,
) {
  const p = new Params();
  let asOfAt: string | undefined;
  const asOf = () => {
    asOfAt ??= p.add(q.asOf ?? today);
    return asOfAt;
  };
  const where: string[] = [];
  if (q.mine === 'true') where.push(`a.org_unit_id = ANY(${p.add(await myUnitIds(db, user))}::int[])`);
  if (q.planId) where.push(`t.plan_id = ${p.add(q.planId)}`);
  if (q.orgUnitId) where.push(`a.org_unit_id = ${p.add(q.orgUnitId)}`);
  if (q.role) where.push(`a.role = ${p.add(q.role)}`);
  if (q.status) where.push(`a.status = ${p.add(q.status)}`);
  if (q.dueState) where.push(dueStateCondition(q.dueState, asOf));
  if (q.scheduleKind) where.push(`t.schedule_kind = ${p.add(q.scheduleKind)}`);
  if (q.q) where.push(`t.search_text LIKE ${p.add(containing(normalizeName(q.q)))}`);
  const cond = whereClause(where);
  const from = 'FROM task_assignments a JOIN plan_tasks t ON t.id = a.task_id';
  // The count needs neither the plan nor the unit name (nor asOf, unless a due state filters).
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${cond}`, [...p.values]);
  const items = await db.query<z.infer<typeof s.assignmentRow>>(
    `SELECT a.id, a.org_unit_id AS "orgUnitId", u.name AS "orgUnitName", a.role, a.is_primary AS "isPrimary",
            a.role_note AS "roleNote", a.status, a.progress, ${dueColumns(asOf())},
            t.id AS "taskId", t.path AS "taskPath", t.title AS "taskTitle", t.timeframe_text AS "timeframeText",
            t.schedule_kind AS "scheduleKind", pl.id AS "planId", pl.number AS "planNumber"
       ${from} JOIN plans pl ON pl.id = t.plan_id JOIN org_units u ON u.id = a.org_unit_id ${cond}
      ORDER BY a.next_due_on NULLS LAST, t.plan_id DESC, t.position, u.name
      LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Dues in a date range (the timeline). */
export async function listOccurrences(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.occurrenceQuery>,
  today: string,
) {
  if (q.to < q.from)
    throw badRequest('Dữ liệu không hợp lệ.', [
      { path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu' },
    ]);
  const p = new Params();
  const where = [`o.due_on BETWEEN ${p.add(q.from)} AND ${p.add(q.to)}`];
  if (q.planId) where.push(`t.plan_id = ${p.add(q.planId)}`);
  if (q.mine === 'true') where.push(`a.org_unit_id = ANY(${p.add(await myUnitIds(db, user))}::int[])`);
  const base = `FROM task_occurrences o JOIN task_assignments a ON a.id = o.assignment_id
                JOIN plan_tasks t ON t.id = a.task_id JOIN plans pl ON pl.id = t.plan_id
                JOIN org_units u ON u.id = a.org_unit_id ${whereClause(where)}`;
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, [...p.values]);
  const asOf = p.add(q.asOf ?? today);
  const items = await db.query<z.infer<typeof s.occurrenceRow>>(
    `SELECT o.id, o.due_on::text AS "dueOn", o.starts_on::text AS "startsOn", o.label, o.done_on::text AS "doneOn",
            CASE WHEN o.done_on IS NOT NULL OR a.status IN ('done', 'cancelled') THEN 'done'
                 WHEN o.due_on < ${asOf}::date THEN 'overdue'
                 WHEN o.due_on <= ${asOf}::date + ${DUE_SOON_DAYS} THEN 'due_soon' ELSE 'upcoming' END AS "dueState",
            a.id AS "assignmentId", u.name AS "orgUnitName", t.id AS "taskId", t.path AS "taskPath",
            t.title AS "taskTitle", pl.id AS "planId", pl.number AS "planNumber"
       ${base} ORDER BY o.due_on, pl.id, t.position, u.name
      LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

// ───────────── Progress ─────────────

export async function addProgress(
  db: Db,
  actor: Actor,
  user: SessionUser,
  assignmentId: number,
  input: z.infer<typeof s.progressInput>,
  today: string,
) {
  const [assignment] = await db.query<{ id: number; orgUnitId: number; taskId: number; role: string }>(
    `SELECT id, org_unit_id AS "orgUnitId", task_id AS "taskId", role FROM task_assignments WHERE id = $1`,
    [assignmentId],
  );
  if (!assignment) throw notFound('Không tìm thấy phân công.');
  await assertMayReportFor(db, user, assignment.orgUnitId);
  const files = input.attachments.map((a, i) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.length > MAX_ATTACHMENT_BYTES)
      throw badRequest('Tệp đính kèm quá lớn.', [
        { path: `attachments.${i}`, message: 'Tệp vượt quá 10 MB' },
      ]);
    if (content.length === 0)
      throw badRequest('Tệp đính kèm rỗng.', [
        { path: `attachments.${i}`, message: 'Tệp không có nội dung' },
      ]);
    return { ...a, content, sha256: createHash('sha256').update(content).digest('hex') };
  });
  return db.transaction(async (tx) => {
    if (input.occurrenceId) {
      const occ = await tx.query('SELECT 1 FROM task_occurrences WHERE id = $1 AND assignment_id = $2', [
        input.occurrenceId,
        assignmentId,
      ]);
      if (occ.length === 0)
        throw badRequest('Dữ liệu không hợp lệ.', [
          { path: 'occurrenceId', message: 'Kỳ thực hiện không thuộc phân công này' },
        ]);
    }
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO task_progress (assignment_id, occurrence_id, user_id, text, percent, status)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [assignmentId, input.occurrenceId ?? null, actor.userId, input.text, input.percent, input.status],
    );
    for (const f of files) {
      await tx.query(
        `INSERT INTO task_attachments (progress_id, file_name, media_type, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, ${bytesFrom('$6')})`,
        [row!.id, f.fileName, f.mediaType, f.content.length, f.sha256, bytesParam(f.content)],
      );
    }
    // A report against one occurrence closes it; "done" closes every open occurrence.
    if (input.occurrenceId)
      await tx.query('UPDATE task_occurrences SET done_on = $2 WHERE id = $1 AND done_on IS NULL', [
        input.occurrenceId,
        today,
      ]);
    if (input.status === 'done')
      await tx.query(
        'UPDATE task_occurrences SET done_on = $2 WHERE assignment_id = $1 AND done_on IS NULL',
        [assignmentId, today],
      );
    await refreshNextDue(tx, [assignmentId]);
    await tx.query(
      `UPDATE task_assignments SET status = $2, progress = $3, updated_at = now(),
              completed_on = CASE WHEN $2 = 'done' THEN $4::date ELSE NULL END
        WHERE id = $1`,
      [assignmentId, input.status, input.percent, today],
    );
    await audit(tx, actor, {
      action: 'progress',
      entity: 'task_assignment',
      entityId: assignmentId,
      after: {
        text: input.text,
        percent: input.percent,
        status: input.status,
        files: files.map((f) => f.fileName),
      },
    });
    return getTask(tx, assignment.taskId, today);
  });
}

export async function getAttachment(db: Db, id: number) {
  const [row] = await db.query<{ fileName: string; mediaType: string; content: string }>(
    `SELECT file_name AS "fileName", media_type AS "mediaType", ${bytesColumn('content')} AS content
       FROM task_attachments WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy tệp đính kèm.');
  return { ...row, content: bytesOf(row.content) };
}

// ───────────── Directives and campaigns (event-triggered tasks) ─────────────

export async function createTrigger(db: Db, actor: Actor, input: z.infer<typeof s.triggerInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO plan_triggers (plan_id, kind, reference, title, starts_on, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        input.planId ?? null,
        input.kind,
        input.reference ?? null,
        input.title,
        input.startsOn,
        input.dueOn,
        actor.userId,
      ],
    );
    const triggerId = row!.id;
    const p = new Params();
    const where = [`a.role = 'lead'`, `a.status NOT IN ('done', 'cancelled')`, `t.schedule_kind = 'event'`];
    if (input.taskIds?.length) where.push(`t.id = ANY(${p.add(input.taskIds)}::int[])`);
    else where.push(`t.schedule -> 'triggers' ? ${p.add(input.kind)}`);
    if (input.planId) where.push(`t.plan_id = ${p.add(input.planId)}`);
    else where.push(`pl.status = 'active'`);
    const targets = await tx.query<{ id: number; orgUnitId: number; title: string }>(
      `SELECT a.id, a.org_unit_id AS "orgUnitId", t.title FROM task_assignments a
         JOIN plan_tasks t ON t.id = a.task_id JOIN plans pl ON pl.id = t.plan_id ${whereClause(where)}`,
      p.values,
    );
    const ids = targets.map((t) => t.id);
    if (ids.length > 0) {
      await tx.query(
        `INSERT INTO task_occurrences (assignment_id, due_on, starts_on, label, source, trigger_id)
         SELECT id, $2, $3, $4, 'trigger', $5 FROM unnest($1::int[]) AS id ON CONFLICT DO NOTHING`,
        [ids, input.dueOn, input.startsOn, input.title, triggerId],
      );
      await refreshNextDue(tx, ids);
      await tx.query(
        `UPDATE task_assignments SET activated_on = $2, status = CASE WHEN status = 'not_started' THEN 'in_progress' ELSE status END
          WHERE id = ANY($1::int[])`,
        [ids, input.startsOn],
      );
      await tx.query(
        `INSERT INTO notifications (org_unit_id, kind, title, body, link, dedupe_key)
         SELECT DISTINCT u, 'activated', $2, $3, '/tasks/mine', 'activated:' || $4::int || ':' || u FROM unnest($1::int[]) AS u
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          [...new Set(targets.map((t) => t.orgUnitId))],
          `Triển khai: ${input.title}`,
          `Hạn: ${dmy(input.dueOn)}`,
          triggerId,
        ],
      );
    }
    await audit(tx, actor, {
      action: 'create',
      entity: 'plan_trigger',
      entityId: triggerId,
      after: { ...input, activated: ids.length },
    });
    return { id: triggerId, activatedAssignments: ids.length };
  });
}

export async function listTriggers(db: Db, q: z.infer<typeof s.triggerQuery>) {
  const p = new Params();
  const cond = q.planId ? `WHERE g.plan_id = ${p.add(q.planId)}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_triggers g ${cond}`, [
    ...p.values,
  ]);
  const items = await db.query<z.infer<typeof s.trigger>>(
    `SELECT g.id, g.plan_id AS "planId", g.kind, g.reference, g.title, g.starts_on::text AS "startsOn",
            g.due_on::text AS "dueOn",
            (SELECT count(DISTINCT o.assignment_id)::int FROM task_occurrences o WHERE o.trigger_id = g.id) AS "activatedAssignments"
       FROM plan_triggers g ${cond} ORDER BY g.starts_on DESC, g.id DESC
      LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * Punctuality of units' lead assignments (emulation): the occurrences due on [from, to] — the caller cuts `to`
 * at today — and how many of them were done by their due date. Cancelled assignments are left out.
 */
export async function taskPunctuality(
  db: Queryable,
  orgUnitIds: readonly number[],
  from: string,
  to: string,
): Promise<{ due: number; onTime: number }> {
  const [row] = await db.query<{ due: number; onTime: number }>(
    `SELECT count(*)::int AS due, (count(*) FILTER (WHERE o.done_on <= o.due_on))::int AS "onTime"
       FROM task_occurrences o JOIN task_assignments a ON a.id = o.assignment_id
      WHERE a.org_unit_id = ANY($1::int[]) AND a.role = 'lead' AND a.status <> 'cancelled'
        AND o.due_on BETWEEN $2::date AND $3::date`,
    [orgUnitIds, from, to],
  );
  return row ?? { due: 0, onTime: 0 };
}

/**
 * How the lead assignments of all plans stand on `today` (the dashboards): how many are overdue and due soon, and
 * the units most behind — each with its number of overdue assignments, the days its oldest one is late and that
 * task — worst first. `plans` names the plans holding overdue assignments.
 */
export async function overdueSummary(db: Queryable, today: string, limit = 5) {
  const asOf = () => '$1';
  const [totals] = await db.query<{ overdue: number; dueSoon: number }>(
    `SELECT (count(*) FILTER (WHERE ${dueStateCondition('overdue', asOf)}))::int AS overdue,
            (count(*) FILTER (WHERE ${dueStateCondition('due_soon', asOf)}))::int AS "dueSoon"
       FROM task_assignments a WHERE a.role = 'lead'`,
    [today],
  );
  const units = await db.query<{
    orgUnitId: number;
    name: string;
    overdue: number;
    daysLate: number;
    taskId: number;
    taskTitle: string;
    taskPath: string;
    dueOn: string;
  }>(
    `SELECT DISTINCT ON (x."orgUnitId") x.*, count(*) OVER (PARTITION BY x."orgUnitId")::int AS overdue
       FROM (SELECT a.org_unit_id AS "orgUnitId", u.name, ($1::date - a.next_due_on)::int AS "daysLate",
                    t.id AS "taskId", t.title AS "taskTitle", t.path AS "taskPath", a.next_due_on::text AS "dueOn"
               FROM task_assignments a JOIN plan_tasks t ON t.id = a.task_id JOIN org_units u ON u.id = a.org_unit_id
              WHERE a.role = 'lead' AND ${dueStateCondition('overdue', asOf)}) x
      ORDER BY x."orgUnitId", x."daysLate" DESC, x."taskId"`,
    [today],
  );
  units.sort(
    (a, b) => b.daysLate - a.daysLate || b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'),
  );
  const plans = await db.query<{ id: number; number: string; overdue: number }>(
    `SELECT pl.id, pl.number, count(*)::int AS overdue
       FROM task_assignments a JOIN plan_tasks t ON t.id = a.task_id JOIN plans pl ON pl.id = t.plan_id
      WHERE a.role = 'lead' AND ${dueStateCondition('overdue', asOf)}
      GROUP BY pl.id, pl.number ORDER BY 3 DESC, pl.id`,
    [today],
  );
  return {
    overdue: totals?.overdue ?? 0,
    dueSoon: totals?.dueSoon ?? 0,
    units: units.slice(0, limit),
    unitCount: units.length,
    plans,
  };
}

/**
 * The assignments of these units (any role), counted as "my unit's tasks" lists them: overdue, due soon, still
 * open, and done in `today`'s year.
 */
export async function assignmentCounts(db: Queryable, orgUnitIds: readonly number[], today: string) {
  const asOf = () => '$2';
  const [row] = await db.query<{ overdue: number; dueSoon: number; open: number; doneThisYear: number }>(
    `SELECT (count(*) FILTER (WHERE ${dueStateCondition('overdue', asOf)}))::int AS overdue,
            (count(*) FILTER (WHERE ${dueStateCondition('due_soon', asOf)}))::int AS "dueSoon",
            (count(*) FILTER (WHERE a.status NOT IN ('done', 'cancelled')))::int AS open,
            (count(*) FILTER (WHERE a.status = 'done'
                                AND a.completed_on BETWEEN date_trunc('year', $2::date)::date AND $2::date))::int
              AS "doneThisYear"
       FROM task_assignments a WHERE a.org_unit_id = ANY($1::int[])`,
    [orgUnitIds, today],
  );
  return row ?? { overdue: 0, dueSoon: 0, open: 0, doneThisYear: 0 };
}
