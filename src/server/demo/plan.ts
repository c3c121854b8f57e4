/**
 * Loads the demo plan for 2026 through the real import, then gives its assignments a believable
 * history as of the end of the demo data (14/11/2026): most dues met, some late, some overdue,
 * progress reports written by the units, and the Tết peak campaign recorded.
 */
import { DEMO_APPENDIX, DEMO_PLAN } from '../../domain/demo/plan.ts';
import { Rng } from '../../domain/demo/rng.ts';
import { saveImport } from '../plans/import.ts';
import { refreshNextDue } from '../plans/next-due.ts';
import { importCommitBody } from '../plans/schemas.ts';
import { createTrigger } from '../plans/service.ts';
import type { Actor } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';

/** The demo's "today" for plan history: the last day of the demo crash data. */
export const DEMO_AS_OF = '2026-11-14';

const REPORTS = [
  'Đã triển khai đến các phòng, đơn vị trực thuộc; đang tổng hợp kết quả.',
  'Đã tổ chức thực hiện theo kế hoạch; kết quả được tổng hợp trong báo cáo tháng.',
  'Hoàn thành nội dung kỳ này; đã gửi báo cáo về Văn phòng Ban ATGT tỉnh.',
  'Đang phối hợp với các đơn vị liên quan để hoàn thiện; dự kiến xong trong kỳ tới.',
  'Chưa hoàn thành do thời tiết mưa lũ kéo dài; đề nghị gia hạn.',
];

export async function loadDemoPlan(db: Db): Promise<{ tasks: number; assignments: number }> {
  const actor: Actor = { userId: null, username: 'demo', ip: null };
  const body = importCommitBody.parse({ source: { text: DEMO_APPENDIX }, plan: DEMO_PLAN });
  const saved = await saveImport(db, actor, body, DEMO_AS_OF);
  await createTrigger(db, actor, {
    planId: saved.planId,
    kind: 'peak_campaign',
    reference: '05/KH-BATGT',
    title: 'Cao điểm bảo đảm TTATGT dịp Tết Nguyên đán Bính Ngọ 2026',
    startsOn: '2026-01-25',
    dueOn: '2026-03-05',
  });

  const rng = new Rng(2026);
  const [office] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'vanphong'`);
  const occurrences = await db.query<{ id: number; assignmentId: number; dueOn: string }>(
    `SELECT o.id, o.assignment_id AS "assignmentId", o.due_on::text AS "dueOn"
       FROM task_occurrences o JOIN task_assignments a ON a.id = o.assignment_id JOIN plan_tasks t ON t.id = a.task_id
      WHERE t.plan_id = $1 ORDER BY o.id`,
    [saved.planId],
  );
  const byAssignment = new Map<number, { id: number; dueOn: string }[]>();
  for (const o of occurrences)
    byAssignment.set(o.assignmentId, [...(byAssignment.get(o.assignmentId) ?? []), o]);

  const done: number[] = [];
  const doneOn: string[] = [];
  const progress = {
    assignment: [] as number[],
    occurrence: [] as (number | null)[],
    at: [] as string[],
    text: [] as string[],
    percent: [] as number[],
    status: [] as string[],
  };
  const status = {
    id: [] as number[],
    status: [] as string[],
    progress: [] as number[],
    completed: [] as (string | null)[],
  };
  for (const [assignmentId, list] of byAssignment) {
    const past = list.filter((o) => o.dueOn <= DEMO_AS_OF);
    let met = 0;
    for (const o of past) {
      if (rng.next() < 0.85) {
        const day = new Date(`${o.dueOn}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() - rng.int(-4, 6)); // a few are late
        const on = day.toISOString().slice(0, 10);
        done.push(o.id);
        doneOn.push(on);
        met++;
        progress.assignment.push(assignmentId);
        progress.occurrence.push(o.id);
        progress.at.push(`${on}T09:00:00+07:00`);
        progress.text.push(rng.pick(REPORTS.slice(0, 3)));
        progress.percent.push(Math.round((100 * met) / list.length));
        progress.status.push(met === list.length ? 'done' : 'in_progress');
      }
    }
    const all = met === list.length && past.length === list.length;
    const pct = all ? 100 : Math.round((100 * met) / list.length);
    status.id.push(assignmentId);
    status.status.push(
      all ? 'done' : met > 0 ? 'in_progress' : past.length > 0 ? 'in_progress' : 'not_started',
    );
    status.progress.push(pct);
    status.completed.push(all ? (doneOn[doneOn.length - 1] ?? null) : null);
    if (!all && past.length > met && rng.next() < 0.3) {
      progress.assignment.push(assignmentId);
      progress.occurrence.push(null);
      progress.at.push(`${DEMO_AS_OF}T08:00:00+07:00`);
      progress.text.push(REPORTS[4]!);
      progress.percent.push(pct);
      progress.status.push('in_progress');
    }
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE task_occurrences o SET done_on = u.done_on FROM unnest($1::int[], $2::date[]) AS u(id, done_on) WHERE o.id = u.id`,
      [done, doneOn],
    );
    await refreshNextDue(tx, status.id);
    await tx.query(
      `UPDATE task_assignments a SET status = u.status, progress = u.progress, completed_on = u.completed
         FROM unnest($1::int[], $2::text[], $3::int[], $4::date[]) AS u(id, status, progress, completed) WHERE a.id = u.id`,
      [status.id, status.status, status.progress, status.completed],
    );
    await tx.query(
      `INSERT INTO task_progress (assignment_id, occurrence_id, at, user_id, text, percent, status)
       SELECT a, o, at, $7, t, p, s FROM unnest($1::int[], $2::int[], $3::timestamptz[], $4::text[], $5::int[], $6::text[]) AS u(a, o, at, t, p, s)`,
      [
        progress.assignment,
        progress.occurrence,
        progress.at,
        progress.text,
        progress.percent,
        progress.status,
        office?.id ?? null,
      ],
    );
  });
  return { tasks: saved.tasks, assignments: saved.assignments };
}
