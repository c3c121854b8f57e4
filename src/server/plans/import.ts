/**
 * Importing a plan: read the document, resolve its units against the directory (with the names the
 * office mapped), preview — and, once confirmed, save the plan, its tasks, assignments and
 * occurrences in one transaction, remembering each mapping as an alias.
 */
import type { z } from 'zod';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { createUnitResolver } from '../../domain/directory/resolve-units.ts';
import { assignmentsOf, buildImportPreview, type ImportPreview } from '../../domain/plans/plan-import.ts';
import { needsReview } from '../../domain/plans/schedule.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { loadDirectoryUnits } from './directory.ts';
import { assertMayCreatePlan } from './policies.ts';
import { type PlanDocument, readPlanDocument } from './read-document.ts';
import type * as s from './schemas.ts';
import { MAX_IMPORT_BYTES } from './schemas.ts';

type PreviewBody = z.infer<typeof s.importPreviewBody>;
export type CommitBody = z.infer<typeof s.importCommitBody>;
type ImportResult = {
  planId: number;
  tasks: number;
  assignments: number;
  occurrences: number;
  aliases: number;
};
export type PreviewResponse = z.infer<typeof s.importPreview>;

async function readSource(body: PreviewBody, today: string): Promise<PlanDocument> {
  const src = body.source;
  let source: { text: string } | { fileName: string; bytes: Uint8Array };
  if ('text' in src) source = { text: src.text };
  else {
    const bytes = new Uint8Array(Buffer.from(src.contentBase64, 'base64'));
    if (bytes.length > MAX_IMPORT_BYTES)
      throw badRequest('Tệp vượt quá dung lượng cho phép (5 MB).', [
        { path: 'source.contentBase64', message: 'Tệp vượt quá dung lượng cho phép (5 MB)' },
      ]);
    source = { fileName: src.fileName, bytes };
  }
  const result = await readPlanDocument(source, {
    today,
    ...(body.planDate ? { planDate: body.planDate } : {}),
    ...(body.layout ? { layout: body.layout } : {}),
  });
  if (!result.ok)
    throw badRequest(result.problems[0]?.message ?? 'Không đọc được tệp.', result.problems.map(detailOf));
  return result.document;
}

const detailOf = (p: { row: number; column: string; message: string }) => ({
  path: p.row > 0 ? `Dòng ${p.row}, cột ${p.column}` : p.column,
  message: p.message,
});

async function previewOf(db: Queryable, body: PreviewBody, today: string, endsOn?: string | null) {
  const document = await readSource(body, today);
  const units = await loadDirectoryUnits(db);
  const codeOf = new Map(units.map((u) => [Number(u.id), u.code]));
  const learnedAliases = body.mappings.map((m) => {
    const unitCode = codeOf.get(m.orgUnitId);
    if (!unitCode)
      throw badRequest('Đơn vị được chọn không tồn tại.', [
        { path: 'mappings', message: `Không có đơn vị mã số ${m.orgUnitId}` },
      ]);
    return { alias: m.text, unitCode };
  });
  const resolver = createUnitResolver(units, { learnedAliases });
  const preview = buildImportPreview(document.reading, resolver, {
    planDate: document.planDate,
    endsOn: endsOn ?? null,
  });
  return { document, preview };
}

function toResponse(document: PlanDocument, preview: ImportPreview): PreviewResponse {
  return {
    format: document.format,
    layout: document.layout,
    reference: document.reference,
    planDate: document.planDate,
    ...(preview.title ? { title: preview.title } : {}),
    items: preview.items.map(({ schedule: _schedule, ...item }) => item),
    problems: preview.problems,
    unresolved: preview.unresolved,
    counts: preview.counts,
    canSave: preview.canSave,
  };
}

/** Reads and resolves without saving anything. */
export async function previewImport(db: Db, body: PreviewBody, today: string): Promise<PreviewResponse> {
  const { document, preview } = await previewOf(db, body, today);
  return toResponse(document, preview);
}

/** Reads again, refuses if any error remains, then saves everything in one transaction. */
export async function commitImport(
  db: Db,
  actor: Actor,
  user: SessionUser,
  body: CommitBody,
  today: string,
): Promise<ImportResult> {
  await assertMayCreatePlan(db, user, body.plan);
  return saveImport(db, actor, body, today);
}

/** Saves an import for an actor already allowed to (the demo loader calls it directly). */
export async function saveImport(
  db: Db,
  actor: Actor,
  body: CommitBody,
  today: string,
): Promise<ImportResult> {
  const { document, preview } = await previewOf(
    db,
    { ...body, planDate: body.planDate ?? body.plan.issuedOn },
    today,
    body.plan.endsOn,
  );
  const errors = preview.problems.filter((p) => p.severity === 'error');
  if (!preview.canSave)
    throw badRequest(
      errors.length
        ? 'Phụ lục còn lỗi; chưa lưu gì. Hãy sửa các lỗi sau rồi nhập lại.'
        : 'Không có nhiệm vụ nào để lưu.',
      (errors.length ? errors : preview.problems).map(detailOf),
    );

  return db.transaction(async (tx) => {
    const p = body.plan;
    const clash = await tx.query('SELECT 1 FROM plans WHERE number = $1 AND issued_on = $2', [
      p.number,
      p.issuedOn,
    ]);
    if (clash.length > 0)
      throw conflict(`Kế hoạch số ${p.number} ngày ${p.issuedOn} đã có trong hệ thống.`, [
        { path: 'plan.number', message: 'Số kế hoạch đã tồn tại' },
      ]);
    const [planRow] = await tx.query<{ id: number }>(
      `INSERT INTO plans (number, issued_on, issuing_body, title, theme, directives, goals, parent_id, owner_unit_id,
                          ends_on, status, source_format, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        p.number,
        p.issuedOn,
        p.issuingBody,
        p.title,
        p.theme ?? null,
        p.directives,
        p.goals ?? null,
        p.parentId ?? null,
        p.ownerUnitId ?? null,
        p.endsOn ?? null,
        p.status,
        document.layout === 'prose' ? 'prose' : document.format,
        actor.userId,
      ],
    );
    const planId = planRow!.id;
    await insertTargets(tx, planId, p.targets);
    const counts = await insertItems(tx, planId, preview);

    let aliases = 0;
    if (body.rememberMappings) {
      for (const m of body.mappings) {
        const rows = await tx.query(
          `INSERT INTO org_unit_aliases (org_unit_id, alias, normalized, kind) VALUES ($1, $2, $3, 'alias')
           ON CONFLICT (normalized, org_unit_id) DO NOTHING RETURNING id`,
          [m.orgUnitId, m.text, normalizeName(m.text)],
        );
        aliases += rows.length;
      }
    }
    await audit(tx, actor, {
      action: 'import',
      entity: 'plan',
      entityId: planId,
      after: { ...p, format: document.format, layout: document.layout, ...counts, aliases },
    });
    return { planId, ...counts, aliases };
  });
}

export async function insertTargets(tx: Queryable, planId: number, targets: CommitBody['plan']['targets']) {
  for (const t of targets) {
    await tx.query(
      `INSERT INTO plan_targets (plan_id, indicator, direction, min_percent, max_percent, description)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [planId, t.indicator, t.direction, t.minPercent ?? null, t.maxPercent ?? null, t.description],
    );
  }
}

/** Inserts the items, their assignments and occurrences in bulk; returns the counts. */
async function insertItems(tx: Queryable, planId: number, preview: ImportPreview) {
  const items = preview.items;
  const taskRows = await tx.query<{ id: number; path: string }>(
    `INSERT INTO plan_tasks (plan_id, kind, number, path, position, title, timeframe_text, schedule, schedule_kind,
                             needs_review, lead_text, coordinating_text, note, search_text)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::jsonb[],
                              $9::text[], $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[])
     RETURNING id, path`,
    [
      planId,
      items.map((i) => i.kind),
      items.map((i) => i.number),
      items.map((i) => i.path),
      items.map((_, n) => n + 1),
      items.map((i) => i.title),
      items.map((i) => i.timeframeText),
      items.map((i) => (i.schedule ? JSON.stringify(i.schedule) : null)),
      items.map((i) => i.scheduleKind),
      items.map((i) => needsReview(i.schedule) || i.uncertain.length > 0),
      items.map((i) => i.leadText),
      items.map((i) => i.coordinatingText),
      items.map((i) => i.note),
      items.map((i) =>
        normalizeName(
          [i.path, i.title, ...i.leads.map((l) => l.display), ...i.coordinators.map((c) => c.display)].join(
            ' ',
          ),
        ),
      ),
    ],
  );
  const idOf = new Map(taskRows.map((r) => [r.path, r.id]));
  const children = items.filter((i) => i.parentPath && idOf.has(i.parentPath));
  if (children.length > 0) {
    await tx.query(
      `UPDATE plan_tasks t SET parent_id = u.parent_id
         FROM unnest($1::int[], $2::int[]) AS u(id, parent_id) WHERE t.id = u.id`,
      [children.map((i) => idOf.get(i.path)), children.map((i) => idOf.get(i.parentPath ?? ''))],
    );
  }

  const planned = items.flatMap((i) =>
    assignmentsOf(i).map((a) => ({ ...a, taskId: idOf.get(i.path) ?? 0, item: i })),
  );
  const assignmentRows = planned.length
    ? await tx.query<{ id: number }>(
        `INSERT INTO task_assignments (task_id, org_unit_id, role, is_primary, role_note, next_due_on)
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::boolean[], $5::text[], $6::date[])
         RETURNING id`,
        [
          planned.map((a) => a.taskId),
          planned.map((a) => Number(a.unit.id)),
          planned.map((a) => a.role),
          planned.map((a) => a.isPrimary),
          planned.map((a) => a.roleNote),
          // Occurrences are in date order: a lead's first one is its next due (see refreshNextDue).
          planned.map((a) => (a.role === 'lead' ? (a.item.occurrences[0]?.dueOn ?? null) : null)),
        ],
      )
    : [];
  const occ = {
    assignment: [] as number[],
    due: [] as string[],
    starts: [] as (string | null)[],
    label: [] as string[],
    source: [] as string[],
  };
  planned.forEach((a, n) => {
    if (a.role !== 'lead') return;
    for (const o of a.item.occurrences) {
      occ.assignment.push(assignmentRows[n]?.id ?? 0);
      occ.due.push(o.dueOn);
      occ.starts.push(o.startsOn);
      occ.label.push(o.label);
      occ.source.push(o.source);
    }
  });
  if (occ.assignment.length > 0) {
    await tx.query(
      `INSERT INTO task_occurrences (assignment_id, due_on, starts_on, label, source)
       SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::text[], $5::text[])
       ON CONFLICT DO NOTHING`,
      [occ.assignment, occ.due, occ.starts, occ.label, occ.source],
    );
  }
  const leadUnits = [...new Set(planned.filter((a) => a.role === 'lead').map((a) => Number(a.unit.id)))];
  if (leadUnits.length > 0) {
    await tx.query(
      `INSERT INTO notifications (org_unit_id, kind, title, body, link, dedupe_key)
       SELECT u, 'assigned', 'Được giao nhiệm vụ mới', $2, $3, 'assigned:' || $1 || ':' || u
         FROM unnest($4::int[]) AS u
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [planId, 'Đơn vị được giao chủ trì nhiệm vụ trong một kế hoạch mới.', `/plans/${planId}`, leadUnits],
    );
  }
  return {
    tasks: items.filter((i) => i.kind === 'task').length,
    assignments: planned.length,
    occurrences: occ.assignment.length,
  };
}
