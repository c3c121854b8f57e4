/**
 * Violation statistics for a period against the same number of days just before it, by group and type, with the
 * crashes of the related cause beside them (read through the crashes capability's statistics: verified records,
 * main cause, merged duplicates left out, a commune officer's own commune). Cancelled violations never count.
 */
import type { z } from 'zod';
import { periodBefore } from '../../domain/enforcement/campaigns.ts';
import { type CodeCount, violationStats } from '../../domain/enforcement/statistics.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { crashStats } from '../crashes/stats.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import type * as s from './patrol-schemas.ts';

async function countsByType(db: Db, from: string, to: string): Promise<CodeCount[]> {
  return db.query<CodeCount>(
    `SELECT type_code AS "typeCode", count(*)::int AS count FROM violations v
      WHERE v.status <> 'cancelled' AND v.occurred_at >= ${dayStart('$1')} AND v.occurred_at < ${dayEnd('$2')}
      GROUP BY 1`,
    [from, to],
  );
}

async function crashesByCause(db: Db, user: SessionUser, from: string, to: string) {
  const r = await crashStats(db, user, { period: `range:${from}..${to}`, by: 'cause', verified: 'true' });
  return r.rows.map((row) => ({ cause: row.key, count: row.current.crashes }));
}

export async function violationStatistics(
  db: Db,
  user: SessionUser,
  q: z.infer<typeof s.statsQuery>,
): Promise<z.infer<typeof s.violationStatsResult>> {
  if (q.from > q.to)
    throw badRequest('Khoảng thời gian không hợp lệ.', [
      { path: 'to', message: 'Ngày kết thúc trước ngày bắt đầu.' },
    ]);
  if (Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000)
    throw badRequest('Khoảng thời gian quá dài.', [{ path: 'to', message: 'Tối đa 3 năm.' }]);
  const previous = periodBefore(q);
  const [current, before, crashesNow, crashesBefore] = [
    await countsByType(db, q.from, q.to),
    await countsByType(db, previous.from, previous.to),
    await crashesByCause(db, user, q.from, q.to),
    await crashesByCause(db, user, previous.from, previous.to),
  ];
  return {
    period: { from: q.from, to: q.to },
    previous,
    ...violationStats(q.to, current, before, { current: crashesNow, previous: crashesBefore }),
  };
}
