/**
 * The shared datasets as partners see them: one projection per dataset (what may leave the province's
 * system, personal data left out or masked), read as a page, as a bulk export (CSV, XLSX, GeoJSON; read in
 * batches by id and streamed, at most EXPORT_LIMIT rows) or as an incremental feed of changes.
 *
 * The projections read the tables directly: sharing is the one capability whose job is to publish other
 * capabilities' records, and the change numbers it orders them by are its own (migration 011). Personal
 * data rules come from the owning capability (`maskName`, `isPolice` of enforcement).
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { formatKmMarker } from '../../domain/crashes/duplicates.ts';
import { localDateOf } from '../../domain/crashes/periods.ts';
import { violationLabel } from '../../domain/enforcement/campaigns.ts';
import { type Cell, csvLine, type Dataset, encodeCursor } from '../../domain/sharing/sharing.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { maskName } from '../enforcement/service.ts';
import type { Queryable } from '../platform/db.ts';
import { Params, whereClause } from '../platform/sql.ts';
import type * as s from './schemas.ts';

/** The most rows one export holds; the answer says so in `X-Export-Limit` and `X-Export-Truncated`. */
export const EXPORT_LIMIT = 100_000;
const BATCH = 5_000;

type SharedCrash = z.infer<typeof s.sharedCrash>;
type SharedSpot = z.infer<typeof s.sharedSpot>;
type SharedViolation = z.infer<typeof s.sharedViolation>;
export type SharedItem = SharedCrash | SharedSpot | SharedViolation;

/** Who is reading: the police see violators' names and id numbers. */
export interface ReadContext {
  police: boolean;
}

type Row = Record<string, unknown> & { id: number | string };

interface Spec<F, Item> {
  dataset: Dataset;
  table: string;
  select: string;
  from: string;
  /** Rows that are no longer shared (a crash merged into another) are reported as deleted. */
  gone: string;
  where: (f: F, p: Params) => string[];
  toItems: (db: Queryable, rows: Row[], ctx: ReadContext, detail: boolean) => Promise<Item[]>;
  /** The columns of a flat export (CSV, XLSX, GeoJSON properties), in order. */
  columns: readonly (keyof Item & string)[];
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function placeFilters(f: { from?: string; to?: string; commune?: string }, p: Params, at: string): string[] {
  const where: string[] = [];
  if (f.from) where.push(`${at} >= ${dayStart(p.add(f.from))}`);
  if (f.to) where.push(`${at} < ${dayEnd(p.add(f.to))}`);
  if (f.commune) {
    const c = p.add(f.commune);
    where.push(`(r.current_id = ${c} OR x.admin_unit_id = ${c})`);
  }
  return where;
}

// ───────────── Crashes ─────────────

export const crashes: Spec<s.CrashFilters, SharedCrash> = {
  dataset: 'crashes',
  table: 'crashes',
  select: `x.id, x.occurred_at AS "occurredAt", x.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName",
    r.current_id AS "currentAdminUnitId", ca.name AS "currentAdminUnitName", rd.code AS "roadCode",
    COALESCE(x.road_name, rd.name) AS "roadName", x.km_m AS "kmM", x.place, x.lat, x.lon, x.area, x.mode,
    x.weather, x.light, x.surface, x.collision_type AS "collisionType", x.vehicles, x.commercial, x.cause,
    x.causes, x.alcohol, x.deaths, x.injured, x.students, x.severity, x.source, x.verified,
    x.updated_at AS "updatedAt"`,
  from: `FROM crashes x
    JOIN admin_unit_rollup r ON r.id = x.admin_unit_id
    JOIN admin_units a ON a.id = x.admin_unit_id
    JOIN admin_units ca ON ca.id = r.current_id
    LEFT JOIN roads rd ON rd.id = x.road_id`,
  gone: 'x.merged_into IS NOT NULL',
  where: (f, p) => {
    const where = ['x.merged_into IS NULL', ...placeFilters(f, p, 'x.occurred_at')];
    if (f.verified) where.push(`x.verified = ${p.add(f.verified === 'true')}`);
    return where;
  },
  toItems: async (db, rows, _ctx, detail) => {
    const persons = new Map<number, SharedCrash['persons']>();
    if (detail && rows.length) {
      const list = await db.query<SharedCrash['persons'][number] & { crashId: number | string }>(
        `SELECT crash_id AS "crashId", role, age, sex, injury, died_on::text AS "diedOn", student, vehicle
           FROM crash_persons WHERE crash_id = ANY($1::bigint[]) ORDER BY crash_id, id`,
        [rows.map((r) => Number(r.id))],
      );
      for (const { crashId, ...person } of list) {
        const key = Number(crashId);
        persons.set(key, [...(persons.get(key) ?? []), person]);
      }
    }
    return rows.map((r) => {
      const { kmM, occurredAt, updatedAt, ...rest } = r as Row & { kmM: number | null };
      return {
        ...(rest as unknown as Omit<SharedCrash, 'id' | 'occurredAt' | 'updatedAt' | 'kmMarker' | 'persons'>),
        id: Number(r.id),
        occurredAt: iso(occurredAt),
        kmMarker: formatKmMarker(kmM),
        updatedAt: iso(updatedAt),
        persons: persons.get(Number(r.id)) ?? [],
      };
    });
  },
  columns: [
    'id',
    'occurredAt',
    'adminUnitId',
    'adminUnitName',
    'currentAdminUnitId',
    'currentAdminUnitName',
    'roadCode',
    'roadName',
    'kmMarker',
    'place',
    'lat',
    'lon',
    'area',
    'mode',
    'weather',
    'light',
    'surface',
    'collisionType',
    'vehicles',
    'commercial',
    'cause',
    'causes',
    'alcohol',
    'deaths',
    'injured',
    'students',
    'severity',
    'source',
    'verified',
    'updatedAt',
  ],
};

// ───────────── Black spots ─────────────

export const blackSpots: Spec<s.SpotFilters, SharedSpot> = {
  dataset: 'black_spots',
  table: 'black_spots',
  select: `x.id, x.kind, x.hazard_type AS "hazardType", x.status, x.name, rd.code AS "roadCode",
    x.from_m AS "fromM", x.to_m AS "toM", x.lat, x.lon, x.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName",
    x.criteria_id AS "criteriaId", x.rule, x.window_from::text AS "windowFrom", x.window_to::text AS "windowTo",
    x.crashes, x.fatal_crashes AS "fatalCrashes", x.deaths, x.injured, x.remedy_due::text AS "remedyDue",
    x.remedied_on::text AS "remediedOn", x.created_at AS "createdAt", x.updated_at AS "updatedAt"`,
  from: `FROM black_spots x
    LEFT JOIN roads rd ON rd.id = x.road_id
    LEFT JOIN admin_units a ON a.id = x.admin_unit_id
    LEFT JOIN admin_unit_rollup r ON r.id = x.admin_unit_id`,
  gone: 'false',
  where: (f, p) => {
    const where = placeFilters(f, p, 'x.created_at');
    if (f.status) where.push(`x.status = ${p.add(f.status)}`);
    if (f.kind) where.push(`x.kind = ${p.add(f.kind)}`);
    return where;
  },
  toItems: async (_db, rows) =>
    rows.map((r) => {
      const { fromM, toM, createdAt, updatedAt, ...rest } = r as Row & {
        fromM: number | null;
        toM: number | null;
      };
      return {
        ...(rest as unknown as Omit<SharedSpot, 'id' | 'fromKm' | 'toKm' | 'createdAt' | 'updatedAt'>),
        id: Number(r.id),
        fromKm: formatKmMarker(fromM),
        toKm: formatKmMarker(toM),
        createdAt: iso(createdAt),
        updatedAt: iso(updatedAt),
      };
    }),
  columns: [
    'id',
    'kind',
    'hazardType',
    'status',
    'name',
    'roadCode',
    'fromKm',
    'toKm',
    'lat',
    'lon',
    'adminUnitId',
    'adminUnitName',
    'criteriaId',
    'rule',
    'windowFrom',
    'windowTo',
    'crashes',
    'fatalCrashes',
    'deaths',
    'injured',
    'remedyDue',
    'remediedOn',
    'createdAt',
    'updatedAt',
  ],
};

// ───────────── Violations ─────────────

export const violations: Spec<s.ViolationFilters, SharedViolation> = {
  dataset: 'violations',
  table: 'violations',
  select: `x.id, x.source, x.type_code AS "typeCode", x.rule_set AS "ruleSet", x.occurred_at AS "occurredAt",
    x.place, x.lat, x.lon, x.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName", x.plate_display AS plate,
    x.plate AS "plateKey", x.vehicle_type AS "vehicleType", x.speed_kmh AS "speedKmh",
    x.speed_limit_kmh AS "speedLimitKmh", x.fine_min AS "fineMin", x.fine_max AS "fineMax", x.fine_vnd AS "fineVnd",
    x.points, x.status, x.person_name AS "personName", x.person_id_number AS "personIdNumber",
    x.owner_name AS "ownerName", x.updated_at AS "updatedAt"`,
  from: `FROM violations x
    LEFT JOIN admin_units a ON a.id = x.admin_unit_id
    LEFT JOIN admin_unit_rollup r ON r.id = x.admin_unit_id`,
  gone: 'false',
  where: (f, p) => {
    const where = placeFilters(f, p, 'x.occurred_at');
    if (f.type) where.push(`x.type_code = ${p.add(f.type)}`);
    if (f.status) where.push(`x.status = ${p.add(f.status)}`);
    return where;
  },
  toItems: async (_db, rows, ctx) =>
    rows.map((r) => {
      const v = r as Row & {
        occurredAt: unknown;
        updatedAt: unknown;
        typeCode: string;
        personName: string | null;
        personIdNumber: string | null;
        ownerName: string | null;
      };
      const occurredAt = iso(v.occurredAt);
      const mask = (name: string | null) => (name === null ? null : ctx.police ? name : maskName(name));
      return {
        ...(v as unknown as SharedViolation),
        id: Number(v.id),
        occurredAt,
        typeLabel: violationLabel(v.typeCode, localDateOf(Date.parse(occurredAt))),
        fineMin: num(v.fineMin),
        fineMax: num(v.fineMax),
        fineVnd: num(v.fineVnd),
        personName: mask(v.personName),
        personIdNumber: ctx.police ? v.personIdNumber : null,
        ownerName: mask(v.ownerName),
        personalData: ctx.police ? 'full' : 'masked',
        updatedAt: iso(v.updatedAt),
      };
    }),
  columns: [
    'id',
    'source',
    'typeCode',
    'typeLabel',
    'ruleSet',
    'occurredAt',
    'place',
    'lat',
    'lon',
    'adminUnitId',
    'adminUnitName',
    'plate',
    'plateKey',
    'vehicleType',
    'speedKmh',
    'speedLimitKmh',
    'fineMin',
    'fineMax',
    'fineVnd',
    'points',
    'status',
    'personName',
    'personIdNumber',
    'ownerName',
    'personalData',
  ],
};

// biome-ignore lint/suspicious/noExplicitAny: one spec of any dataset
export type AnySpec = Spec<any, any>;

/** Ids of violations whose answer carried a name in full (for the audit of personal data read). */
export const withPersonalData = (items: SharedItem[]): number[] =>
  items
    .filter((i) => 'personalData' in i && i.personalData === 'full' && (i.personName || i.ownerName))
    .map((i) => i.id);

// ───────────── Page ─────────────

export async function readPage<F extends object>(
  db: Queryable,
  spec: Spec<F, SharedItem>,
  q: F & { page: number; pageSize: number },
  ctx: ReadContext,
) {
  const { page, pageSize, ...filters } = q;
  const p = new Params();
  const cond = whereClause(spec.where(filters as F, p));
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${spec.from} ${cond}`, p.values);
  const rows = await db.query<Row>(
    `SELECT ${spec.select} ${spec.from} ${cond} ORDER BY x.id
     LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`,
    p.values,
  );
  return { items: await spec.toItems(db, rows, ctx, true), total: count?.n ?? 0, page, pageSize };
}

export async function readByIds(db: Queryable, spec: AnySpec, ids: number[], ctx: ReadContext) {
  if (!ids.length) return [];
  const rows = await db.query<Row>(
    `SELECT ${spec.select} ${spec.from} WHERE x.id = ANY($1::bigint[]) ORDER BY x.id`,
    [ids],
  );
  return (await spec.toItems(db, rows, ctx, true)) as SharedItem[];
}

// ───────────── Changes ─────────────

export interface Change {
  op: 'upsert' | 'delete';
  id: number;
  seq: number;
  data?: SharedItem;
}

/** The changes after change number `since`, oldest first: at most `limit`, and whether more follow. */
export async function readChanges(
  db: Queryable,
  spec: AnySpec,
  since: number,
  limit: number,
  ctx: ReadContext,
): Promise<{ items: Change[]; nextCursor: string; hasMore: boolean }> {
  const rows = await db.query<{ id: number | string; seq: number | string; gone: boolean }>(
    `SELECT id, seq, gone FROM (
       SELECT x.id, x.change_seq AS seq, (${spec.gone}) AS gone FROM ${spec.table} x WHERE x.change_seq > $1
       UNION ALL
       SELECT d.id, d.seq, true FROM share_deletions d WHERE d.dataset = $2 AND d.seq > $1
     ) c ORDER BY seq LIMIT $3`,
    [since, spec.dataset, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).map((r) => ({ id: Number(r.id), seq: Number(r.seq), gone: r.gone }));
  const data = new Map(
    (
      await readByIds(
        db,
        spec,
        page.filter((r) => !r.gone).map((r) => r.id),
        ctx,
      )
    ).map((item) => [item.id, item]),
  );
  const items: Change[] = [];
  for (const r of page) {
    if (r.gone) items.push({ op: 'delete', id: r.id, seq: r.seq });
    else {
      const item = data.get(r.id);
      // Deleted since the first read: its deletion comes later in the feed.
      if (item) items.push({ op: 'upsert', id: r.id, seq: r.seq, data: item });
    }
  }
  const last = page.at(-1);
  return { items, nextCursor: encodeCursor(last ? last.seq : since), hasMore };
}

// ───────────── Exports ─────────────

export async function exportCount<F extends object>(db: Queryable, spec: Spec<F, SharedItem>, f: F) {
  const p = new Params();
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n ${spec.from} ${whereClause(spec.where(f, p))}`,
    p.values,
  );
  return row?.n ?? 0;
}

/** The rows of an export in batches of BATCH, by id, at most EXPORT_LIMIT. */
async function* batches<F extends object>(db: Queryable, spec: Spec<F, SharedItem>, f: F, ctx: ReadContext) {
  let last = 0;
  let sent = 0;
  while (sent < EXPORT_LIMIT) {
    const p = new Params();
    const where = [...spec.where(f, p), `x.id > ${p.add(last)}`];
    const size = Math.min(BATCH, EXPORT_LIMIT - sent);
    const rows = await db.query<Row>(
      `SELECT ${spec.select} ${spec.from} ${whereClause(where)} ORDER BY x.id LIMIT ${p.add(size)}`,
      p.values,
    );
    if (!rows.length) return;
    yield await spec.toItems(db, rows, ctx, false);
    sent += rows.length;
    last = Number(rows.at(-1)!.id);
    if (rows.length < size) return;
  }
}

const flat = (v: unknown): Cell => (Array.isArray(v) ? v.join(';') : (v as Cell));

export function csvStream<F extends object>(
  db: Queryable,
  spec: Spec<F, SharedItem>,
  f: F,
  ctx: ReadContext,
) {
  const columns = spec.columns as readonly string[];
  return Readable.from(
    (async function* () {
      yield `\uFEFF${csvLine(columns)}`;
      for await (const items of batches(db, spec, f, ctx))
        yield items
          .map((item) => csvLine(columns.map((c) => flat((item as Record<string, unknown>)[c]))))
          .join('');
    })(),
  );
}

export function geoJsonStream<F extends object>(
  db: Queryable,
  spec: Spec<F, SharedItem>,
  f: F,
  ctx: ReadContext,
) {
  const columns = spec.columns as readonly string[];
  return Readable.from(
    (async function* () {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const items of batches(db, spec, f, ctx)) {
        const features = items.map((item) => {
          const row = item as Record<string, unknown>;
          const properties = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
          const located = typeof row.lat === 'number' && typeof row.lon === 'number';
          return JSON.stringify({
            type: 'Feature',
            id: row.id,
            // A record without coordinates keeps its place in the collection with no geometry (RFC 7946 §3.2).
            geometry: located ? { type: 'Point', coordinates: [row.lon, row.lat] } : null,
            properties,
          });
        });
        if (!features.length) continue;
        yield `${first ? '' : ','}${features.join(',')}`;
        first = false;
      }
      yield ']}';
    })(),
  );
}

export function xlsxStream<F extends object>(
  db: Queryable,
  spec: Spec<F, SharedItem>,
  f: F,
  ctx: ReadContext,
  sheetName: string,
) {
  const out = new PassThrough();
  const columns = spec.columns as readonly string[];
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c,
      key: c,
      width: Math.max(10, Math.min(40, c.length + 4)),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const items of batches(db, spec, f, ctx))
      for (const item of items) {
        const row = item as Record<string, unknown>;
        sheet.addRow(columns.map((c) => flat(row[c]) ?? null)).commit();
      }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
