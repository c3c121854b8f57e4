/**
 * The public transparency page (trang công khai, no login): province-wide aggregates of the verified crash
 * records — the three criteria of the year so far against the same days last year, month by month, by commune
 * and by cause — and the black spots the Committee has confirmed, with their state. Nothing here names a
 * person, a plate or a report: only counts and places already public on the roadside.
 */
import { calendarPeriod, formatDateVi } from '../../domain/crashes/periods.ts';
import { spotsGeoJson } from '../blackspots/service.ts';
import { crashStats } from '../crashes/stats.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';

/** Reads like a province-wide reader: the crash statistics then apply no commune scope. */
const PUBLIC_READER: SessionUser = {
  id: 0,
  username: 'public',
  displayName: 'Công khai',
  role: 'leader',
  orgUnitId: null,
  orgUnitName: null,
  adminUnitId: null,
  adminUnitName: null,
};

/** Black spots shown to the public: confirmed by the Committee (candidates and dismissed ones are not). */
export const PUBLIC_SPOT_STATUSES = ['confirmed', 'surveyed', 'remedy_planned', 'remedied', 'evaluated'];

export async function publicStatistics(db: Db, year: number, today: string) {
  const query = (period: string, by: 'none' | 'commune' | 'cause') =>
    crashStats(db, PUBLIC_READER, { period, by, verified: 'true' }, today);
  const total = await query(`year:${year}`, 'none');
  const communes = await query(`year:${year}`, 'commune');
  const causes = await query(`year:${year}`, 'cause');
  const months = [];
  for (let m = 1; m <= 12; m++) {
    const period = calendarPeriod('month', year, m);
    if (period.from > today) break;
    const r = await query(`month:${year}-${String(m).padStart(2, '0')}`, 'none');
    months.push({ month: m, current: r.total.current, previous: r.total.previous });
  }
  return {
    year,
    period: total.period,
    previous: total.previous,
    asOfLabel: `Số liệu đã xác minh đến ngày ${formatDateVi(total.period.to)}`,
    total: total.total,
    sentence: total.sentence,
    months,
    communes: communes.rows,
    causes: causes.rows.slice(0, 8),
  };
}

export async function publicBlackSpots(db: Db) {
  const all = await spotsGeoJson(db);
  return {
    type: all.type,
    features: all.features.filter((f) => PUBLIC_SPOT_STATUSES.includes(f.properties.status)),
  };
}
