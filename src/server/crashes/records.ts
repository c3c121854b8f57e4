/** Crash records: create, read with history and likely duplicates, edit, delete, merge; map data. */
import type { z } from 'zod';
import {
  type CrashForMatch,
  findDuplicates,
  formatKmMarker,
  parseKmMarker,
} from '../../domain/crashes/duplicates.ts';
import { classifyByCounts } from '../../domain/crashes/severity-rules.ts';
import { type Actor, audit, changedFields } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, forbidden, notFound } from '../platform/errors.ts';
import type * as s from './schemas.ts';
import { crashScope, occurredWithin } from './service.ts';

type CrashInput = z.infer<typeof s.crashInput>;
type CrashPatch = z.infer<typeof s.crashPatch>;
type Person = z.infer<typeof s.person>;
export type CrashDetail = z.infer<typeof s.crashDetail>;

/** Deaths and injured from the persons, when persons are given (died later counts, per the 30-day rule). */
function countsOf(persons: Person[], fallback: { deaths: number; injured: number; students: number }) {
  if (persons.length === 0) return fallback;
  return {
    deaths: persons.filter((p) => p.injury === 'died_at_scene' || p.injury === 'died_later').length,
    injured: persons.filter((p) => p.injury === 'serious' || p.injury === 'minor').length,
    students: persons.filter((p) => p.student && p.injury !== 'none').length,
  };
}

/** The commune must exist and be valid on the crash's local date; a commune officer only enters its own. */
async function checkPlace(db: Queryable, user: SessionUser, adminUnitId: string, occurredAt: string) {
  const day = localDay(occurredAt);
  const [unit] = await db.query<{
    level: string;
    current: string;
    validFrom: string;
    validTo: string | null;
  }>(
    `SELECT a.level, r.current_id AS current, a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo"
       FROM admin_units a JOIN admin_unit_rollup r ON r.id = a.id WHERE a.id = $1`,
    [adminUnitId],
  );
  if (!unit || unit.level !== 'commune')
    throw badRequest('Dữ liệu không hợp lệ.', [{ path: 'adminUnitId', message: 'Không có xã, phường này' }]);
  if (day < unit.validFrom || (unit.validTo !== null && day > unit.validTo))
    throw badRequest('Dữ liệu không hợp lệ.', [
      {
        path: 'adminUnitId',
        message: `Xã, phường này không tồn tại vào ngày ${day.split('-').reverse().join('/')}`,
      },
    ]);
  const scope = crashScope(user);
  if (scope !== null && unit.current !== scope)
    throw forbidden('Cán bộ xã chỉ nhập vụ TNGT trên địa bàn xã mình.');
}

/** Local (UTC+7) calendar day of an ISO instant. */
export function localDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
}

const COLUMNS = {
  occurredAt: 'occurred_at',
  adminUnitId: 'admin_unit_id',
  roadId: 'road_id',
  roadName: 'road_name',
  place: 'place',
  lat: 'lat',
  lon: 'lon',
  area: 'area',
  mode: 'mode',
  weather: 'weather',
  light: 'light',
  surface: 'surface',
  collisionType: 'collision_type',
  vehicles: 'vehicles',
  commercial: 'commercial',
  causes: 'causes',
  alcohol: 'alcohol',
  deaths: 'deaths',
  injured: 'injured',
  students: 'students',
  source: 'source',
  verified: 'verified',
  description: 'description',
} as const;

/** The row written for a complete record (create and import share it). */
export function rowOf(input: CrashInput) {
  const counts = countsOf(input.persons, input);
  const severity = classifyByCounts(localDay(input.occurredAt), counts.deaths, counts.injured);
  return {
    ...input,
    ...counts,
    kmM: parseKmMarker(input.kmMarker),
    cause: input.causes[0] ?? null,
    severity: severity.code,
    severityRule: severity.ruleId,
  };
}

export async function insertCrash(
  tx: Queryable,
  actorUserId: number | null,
  input: CrashInput,
): Promise<number> {
  const r = rowOf(input);
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO crashes (occurred_at, admin_unit_id, road_id, road_name, place, km_m, lat, lon, area, mode, weather,
                          light, surface, collision_type, vehicles, commercial, cause, causes, alcohol, deaths,
                          injured, students, severity, severity_rule, source, verified, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
             $23, $24, $25, $26, $27, $28) RETURNING id`,
    [
      r.occurredAt,
      r.adminUnitId,
      r.roadId ?? null,
      r.roadName ?? null,
      r.place ?? null,
      r.kmM,
      r.lat ?? null,
      r.lon ?? null,
      r.area ?? null,
      r.mode,
      r.weather ?? null,
      r.light ?? null,
      r.surface ?? null,
      r.collisionType ?? null,
      r.vehicles,
      r.commercial,
      r.cause,
      r.causes,
      r.alcohol,
      r.deaths,
      r.injured,
      r.students,
      r.severity,
      r.severityRule,
      r.source,
      r.verified,
      r.description ?? null,
      actorUserId,
    ],
  );
  const id = Number(row!.id);
  await insertPersons(tx, id, input.persons);
  return id;
}

async function insertPersons(tx: Queryable, crashId: number, persons: Person[]) {
  for (const p of persons) {
    await tx.query(
      `INSERT INTO crash_persons (crash_id, role, age, sex, injury, died_on, student, vehicle, alcohol, drugs)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        crashId,
        p.role,
        p.age ?? null,
        p.sex ?? null,
        p.injury,
        p.diedOn ?? null,
        p.student,
        p.vehicle ?? null,
        p.alcohol,
        p.drugs,
      ],
    );
  }
}

export async function createCrash(
  db: Db,
  actor: Actor,
  user: SessionUser,
  input: CrashInput,
): Promise<CrashDetail> {
  await checkPlace(db, user, input.adminUnitId, input.occurredAt);
  return db.transaction(async (tx) => {
    const id = await insertCrash(tx, actor.userId, input);
    const created = await getCrash(tx, user, id);
    const { history: _h, duplicates: _d, ...record } = created;
    await audit(tx, actor, { action: 'create', entity: 'crash', entityId: id, after: record });
    return { ...created, history: await historyOf(tx, id) };
  });
}

const DETAIL_SELECT = `
  SELECT c.id, to_json(c.occurred_at) #>> '{}' AS "occurredAt", c.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName",
         r.current_id AS "currentAdminUnitId", ca.name AS "currentAdminUnitName", c.road_id AS "roadId",
         rd.code AS "roadCode", COALESCE(c.road_name, rd.name) AS "roadName", c.place, c.km_m AS "kmM", c.lat, c.lon,
         c.area, c.mode, c.weather, c.light, c.surface, c.collision_type AS "collisionType", c.vehicles,
         c.commercial, c.cause, c.causes, c.alcohol, c.deaths, c.injured, c.students, c.severity,
         c.severity_rule AS "severityRule", c.source, c.verified, c.description, c.merged_into AS "mergedInto"
    FROM crashes c
    JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
    JOIN admin_units a ON a.id = c.admin_unit_id
    JOIN admin_units ca ON ca.id = r.current_id
    LEFT JOIN roads rd ON rd.id = c.road_id`;

async function historyOf(db: Queryable, id: number) {
  return db.query<CrashDetail['history'][number]>(
    `SELECT to_json(at) #>> '{}' AS at, username, action, before, after FROM audit_log
      WHERE entity = 'crash' AND entity_id = $1 ORDER BY at, id`,
    [String(id)],
  );
}

type DetailRow = Omit<
  CrashDetail,
  'kmMarker' | 'persons' | 'history' | 'duplicates' | 'id' | 'mergedInto'
> & {
  id: number | string;
  kmM: number | null;
  mergedInto: number | string | null;
};

export async function getCrash(db: Queryable, user: SessionUser, id: number): Promise<CrashDetail> {
  const [row] = await db.query<DetailRow>(`${DETAIL_SELECT} WHERE c.id = $1`, [id]);
  const scope = crashScope(user);
  if (!row || (scope !== null && row.currentAdminUnitId !== scope)) throw notFound('Không tìm thấy vụ TNGT.');
  const persons = await db.query<CrashDetail['persons'][number]>(
    `SELECT id, role, age, sex, injury, died_on::text AS "diedOn", student, vehicle, alcohol, drugs
       FROM crash_persons WHERE crash_id = $1 ORDER BY id`,
    [id],
  );
  const { kmM, ...rest } = row;
  const detail: CrashDetail = {
    ...rest,
    id: Number(row.id),
    mergedInto: row.mergedInto === null ? null : Number(row.mergedInto),
    kmMarker: formatKmMarker(kmM),
    persons: persons.map((p) => ({ ...p, id: Number(p.id) })),
    history: await historyOf(db, id),
    duplicates: [],
  };
  detail.duplicates = row.mergedInto === null ? await duplicatesOf(db, detail, kmM) : [];
  return detail;
}

/** Records within two hours of this one, scored as likely duplicates. */
async function duplicatesOf(db: Queryable, c: CrashDetail, kmM: number | null) {
  const candidates = await db.query<CrashForMatch & { id: number | string }>(
    `SELECT c.id, to_json(c.occurred_at) #>> '{}' AS "occurredAt", r.current_id AS "communeId", c.lat, c.lon,
            c.road_id AS "roadId", c.km_m AS "kmM", c.deaths, c.injured, c.vehicles
       FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
      WHERE c.merged_into IS NULL AND c.id <> $1
        AND c.occurred_at BETWEEN $2::timestamptz - interval '2 hours' AND $2::timestamptz + interval '2 hours'`,
    [c.id, c.occurredAt],
  );
  return findDuplicates(
    { ...c, communeId: c.currentAdminUnitId, kmM },
    candidates.map((x) => ({ ...x, id: Number(x.id) })),
  );
}

export async function updateCrash(db: Db, actor: Actor, user: SessionUser, id: number, input: CrashPatch) {
  return db.transaction(async (tx) => {
    const before = await getCrash(tx, user, id);
    const merged: CrashInput = {
      ...before,
      roadId: before.roadId,
      kmMarker: before.kmMarker,
      mode: before.mode,
      source: before.source,
      persons: before.persons.map(({ id: _id, ...p }) => p),
      ...(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as CrashPatch),
    } as CrashInput;
    if (input.adminUnitId !== undefined || input.occurredAt !== undefined)
      await checkPlace(tx, user, merged.adminUnitId, merged.occurredAt);
    const r = rowOf(merged);
    const sets = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map(
      (k, i) => `${COLUMNS[k]} = $${i + 2}`,
    );
    const values = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map((k) => r[k] ?? null);
    await tx.query(
      `UPDATE crashes SET ${sets.join(', ')}, km_m = $${values.length + 2}, cause = $${values.length + 3},
              severity = $${values.length + 4}, severity_rule = $${values.length + 5}, updated_at = now()
        WHERE id = $1`,
      [id, ...values, r.kmM, r.cause, r.severity, r.severityRule],
    );
    if (input.persons !== undefined) {
      await tx.query('DELETE FROM crash_persons WHERE crash_id = $1', [id]);
      await insertPersons(tx, id, input.persons);
    }
    const after = await getCrash(tx, user, id);
    const strip = ({ history: _h, duplicates: _d, ...rest }: CrashDetail) => rest;
    await audit(tx, actor, {
      action: 'update',
      entity: 'crash',
      entityId: id,
      ...changedFields(strip(before), strip(after)),
    });
    return { ...after, history: await historyOf(tx, id) };
  });
}

export async function deleteCrash(db: Db, actor: Actor, user: SessionUser, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getCrash(tx, user, id);
    await tx.query('UPDATE health_records SET crash_id = NULL WHERE crash_id = $1', [id]);
    await tx.query('UPDATE crashes SET merged_into = NULL WHERE merged_into = $1', [id]);
    await tx.query('DELETE FROM crashes WHERE id = $1', [id]);
    const { history: _h, duplicates: _d, ...record } = before;
    await audit(tx, actor, { action: 'delete', entity: 'crash', entityId: id, before: record });
  });
}

/** Merges a duplicate into the record kept: the duplicate stops counting; persons and health links move. */
export async function mergeCrash(
  db: Db,
  actor: Actor,
  user: SessionUser,
  duplicateId: number,
  intoId: number,
) {
  if (duplicateId === intoId)
    throw badRequest('Dữ liệu không hợp lệ.', [
      { path: 'intoId', message: 'Không thể gộp một vụ vào chính nó' },
    ]);
  return db.transaction(async (tx) => {
    const dup = await getCrash(tx, user, duplicateId);
    const kept = await getCrash(tx, user, intoId);
    if (dup.mergedInto !== null || kept.mergedInto !== null)
      throw badRequest('Dữ liệu không hợp lệ.', [{ path: 'intoId', message: 'Vụ này đã được gộp trước đó' }]);
    await tx.query('UPDATE crashes SET merged_into = $2, updated_at = now() WHERE id = $1', [
      duplicateId,
      intoId,
    ]);
    await tx.query('UPDATE health_records SET crash_id = $2 WHERE crash_id = $1', [duplicateId, intoId]);
    if (kept.persons.length === 0 && dup.persons.length > 0)
      await tx.query('UPDATE crash_persons SET crash_id = $2 WHERE crash_id = $1', [duplicateId, intoId]);
    await audit(tx, actor, {
      action: 'merge',
      entity: 'crash',
      entityId: duplicateId,
      after: { mergedInto: intoId },
    });
    await audit(tx, actor, {
      action: 'merge_keep',
      entity: 'crash',
      entityId: intoId,
      after: { merged: duplicateId },
    });
    return getCrash(tx, user, intoId);
  });
}

const MAP_LIMIT = 20_000;

export async function crashMap(db: Db, user: SessionUser, q: z.infer<typeof s.mapQuery>) {
  const params: unknown[] = [q.from, q.to];
  const where = ['c.merged_into IS NULL', 'c.lat IS NOT NULL', occurredWithin('$1', '$2')];
  if (q.verified === 'true') where.push('c.verified');
  const scope = crashScope(user);
  if (scope !== null) {
    params.push(scope);
    where.push(`r.current_id = $${params.length}`);
  }
  if (q.minLat !== undefined && q.maxLat !== undefined && q.minLon !== undefined && q.maxLon !== undefined) {
    params.push(q.minLat, q.maxLat, q.minLon, q.maxLon);
    const n = params.length;
    where.push(`c.lat BETWEEN $${n - 3} AND $${n - 2} AND c.lon BETWEEN $${n - 1} AND $${n}`);
  }
  const rows = await db.query<{
    id: number | string;
    lat: number;
    lon: number;
    deaths: number;
    injured: number;
    severity: string | null;
    occurredAt: string;
  }>(
    `SELECT c.id, c.lat, c.lon, c.deaths, c.injured, c.severity, to_json(c.occurred_at) #>> '{}' AS "occurredAt"
       FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
      WHERE ${where.join(' AND ')} ORDER BY c.occurred_at DESC LIMIT ${MAP_LIMIT + 1}`,
    params,
  );
  return {
    type: 'FeatureCollection' as const,
    truncated: rows.length > MAP_LIMIT,
    features: rows.slice(0, MAP_LIMIT).map((r) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] as [number, number] },
      properties: {
        id: Number(r.id),
        deaths: r.deaths,
        injured: r.injured,
        severity: r.severity,
        occurredAt: r.occurredAt,
      },
    })),
  };
}

export async function roadsGeoJson(db: Db) {
  const rows = await db.query<{
    id: number;
    code: string;
    name: string;
    markers: { km: number; lat: number; lon: number }[];
  }>('SELECT id, code, name, markers FROM roads ORDER BY code');
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      geometry: {
        type: 'LineString' as const,
        coordinates: r.markers.map((m) => [m.lon, m.lat] as [number, number]),
      },
      properties: { id: r.id, code: r.code, name: r.name },
    })),
  };
}
