import type { Queryable } from '../platform/db.ts';

/**
 * Recomputes the earliest open due of the given assignments. Call it in the transaction that
 * changes their occurrences: lists filter and sort on this column instead of scanning occurrences.
 */
export async function refreshNextDue(tx: Queryable, assignmentIds: number[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  await tx.query(
    `UPDATE task_assignments a SET next_due_on = m.due
       FROM (SELECT x.id, (SELECT min(o.due_on) FROM task_occurrences o
                            WHERE o.assignment_id = x.id AND o.done_on IS NULL) AS due
               FROM unnest($1::int[]) AS x(id)) m
      WHERE a.id = m.id`,
    [assignmentIds],
  );
}
