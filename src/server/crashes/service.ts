import type { z } from 'zod';
import { crashCauseLabel, severityLabel } from '../../domain/crashes/codes.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { offsetOf } from '../platform/http.ts';
import { containing, Params, whereClause } from '../platform/sql.ts';
import type { crashItem } from './routes.ts';
import type { crashListQuery } from './schemas.ts';

/** The current commune a user's crash data is limited to, or null for the whole province. */
export function crashScope(user: SessionUser): string | null {
  return user.role === 'commune' ? (user.adminUnitId ?? '') : null;
}

// Local days in Viet Nam (UTC+7, no daylight saving) as instants, for SQL on date placeholders.
/** The instant a local day starts. */
export const dayStart = (date: string) =>
  `((${date}::date::timestamp - interval '7 hours') AT TIME ZONE 'UTC')`;
/** The instant the local day after `date` starts (an exclusive end). */
export const dayEnd = (date: string) =>
  `(((${date}::date + 1)::timestamp - interval '7 hours') AT TIME ZONE 'UTC')`;
/** `alias.occurred_at` falls on the local days [from, to]. */
export const occurredWithin = (from: string, to: string, alias = 'c') =>
  `${alias}.occurred_at >= ${dayStart(from)} AND ${alias}.occurred_at < ${dayEnd(to)}`;

/** The crashes that matter to a campaign in one area and period (verified records, duplicates left out). */
export interface AreaCrashFigures {
  crashes: number;
  deaths: number;
  injured: number;
  alcoholCrashes: number;
  verySeriousCrashes: number;
}

/**
 * Figures of each area over local days [from, to]. An area is an administrative unit: the province holds every
 * crash; a district its communes; a commune itself and the old communes that rolled up into it.
 */
export async function areaCrashFigures(
  db: Queryable,
  areaIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, AreaCrashFigures>> {
  const rows = await db.query<AreaCrashFigures & { area: string }>(
    `WITH areas AS (SELECT id, level FROM admin_units WHERE id = ANY($1::text[])),
          members AS (
            SELECT a.id AS area, u.id AS unit FROM areas a
              JOIN admin_units u ON a.level = 'province' OR u.id = a.id OR u.parent_id = a.id
            UNION
            SELECT a.id, r.id FROM areas a JOIN admin_unit_rollup r ON r.current_id = a.id)
     SELECT m.area, count(*)::int AS crashes, COALESCE(sum(c.deaths), 0)::int AS deaths,
            COALESCE(sum(c.injured), 0)::int AS injured,
            (count(*) FILTER (WHERE c.alcohol))::int AS "alcoholCrashes",
            (count(*) FILTER (WHERE c.severity = 'dac_biet_nghiem_trong'))::int AS "verySeriousCrashes"
       FROM crashes c JOIN members m ON m.unit = c.admin_unit_id
      WHERE c.merged_into IS NULL AND c.verified AND ${occurredWithin('$2', '$3')}
      GROUP BY m.area`,
    [areaIds, from, to],
  );
  const result = new Map<string, AreaCrashFigures>();
  for (const id of areaIds)
    result.set(id, { crashes: 0, deaths: 0, injured: 0, alcoholCrashes: 0, verySeriousCrashes: 0 });
  for (const { area, ...figures } of rows) result.set(area, figures);
  return result;
}

export async function listCrashes(db: Db, user: SessionUser, q: z.infer<typeof crashListQuery>) {
  const p = new Params();
  const where: string[] = ['c.merged_into IS NULL'];
  const scope = crashScope(user);
  if (scope !== null) where.push(`r.current_id = ${p.add(scope)}`);
  // Dates are local calendar days in Viet Nam.
  if (q.from) where.push(`c.occurred_at >= ${dayStart(p.add(q.from))}`);
  if (q.to) where.push(`c.occurred_at < ${dayEnd(p.add(q.to))}`);
  if (q.adminUnitId) {
    const id = p.add(q.adminUnitId);
    where.push(`(r.current_id = ${id} OR c.admin_unit_id = ${id})`);
  }
  if (q.roadId) where.push(`c.road_id = ${p.add(q.roadId)}`);
  if (q.cause) where.push(`${p.add(q.cause)} = ANY(c.causes || c.cause)`);
  if (q.severity) where.push(`c.severity = ${p.add(q.severity)}`);
  if (q.verified) where.push(`c.verified = ${p.add(q.verified === 'true')}`);
  if (q.q) {
    const text = p.add(containing(q.q));
    where.push(`(c.description ILIKE ${text} OR rd.code ILIKE ${text})`);
  }
  const from = `FROM crashes c
    JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
    LEFT JOIN roads rd ON rd.id = c.road_id`;
  const cond = whereClause(where);
  const [summary] = await db.query<{ crashes: number; deaths: number; injured: number }>(
    `SELECT count(*)::int AS crashes, COALESCE(sum(c.deaths), 0)::int AS deaths, COALESCE(sum(c.injured), 0)::int AS injured
     ${from} ${cond}`,
    p.values,
  );
  const rows = await db.query<
    Omit<z.infer<typeof crashItem>, 'causeLabel' | 'severityLabel' | 'occurredAt'> & {
      occurredAt: Date | string;
    }
  >(
    `SELECT c.id, c.occurred_at AS "occurredAt", c.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName",
            r.current_id AS "currentAdminUnitId", ca.name AS "currentAdminUnitName", rd.code AS "roadCode",
            c.km_m AS "kmM", c.deaths, c.injured, c.cause, c.severity, c.verified, c.description
     ${from}
     JOIN admin_units a ON a.id = c.admin_unit_id
     JOIN admin_units ca ON ca.id = r.current_id
     ${cond}
     ORDER BY c.occurred_at DESC, c.id DESC
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  const items = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    occurredAt: new Date(r.occurredAt).toISOString(),
    causeLabel: r.cause ? crashCauseLabel(r.cause) : null,
    severityLabel: r.severity ? severityLabel(r.severity) : null,
  }));
  const s = summary ?? { crashes: 0, deaths: 0, injured: 0 };
  return { items, total: s.crashes, page: q.page, pageSize: q.pageSize, summary: s };
}
