/**
 * Quick reports and dispatch (báo tin TNGT, điều phối ứng cứu): intake of public reports exactly once,
 * grouping into incidents, the board's reads and writes, the facility registry, the response KPI.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { haversineM } from '../../domain/blackspots/spatial.ts';
import { formatNumberVi } from '../../domain/crashes/comparison.ts';
import { formatDateVi } from '../../domain/crashes/periods.ts';
import {
  facilityGroupOf,
  facilityKindLabel,
  type IncidentStatus,
  incidentPublicLabel,
  incidentStatusLabel,
  NEXT_STATUSES,
  OPEN_STATUSES,
  RESPONSE_TARGET_MINUTES,
} from '../../domain/incidents/codes.ts';
import {
  boxAround,
  findSameEvent,
  type IncidentCandidate,
  nearestCentre,
  nearestFacilities,
  type ResponseFact,
  responseKpi,
  SAME_EVENT,
  trackingCodeOf,
  transitionProblem,
} from '../../domain/incidents/response.ts';
import { createCrash } from '../crashes/records.ts';
import { crashInput } from '../crashes/schemas.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { bytesColumn, bytesFrom, bytesOf, bytesParam, Params, whereClause } from '../platform/sql.ts';
import type { IncidentFeed } from './live.ts';
import type { StoredPhoto } from './photos.ts';
import type * as s from './schemas.ts';

type Item = z.infer<typeof s.incidentItem>;
type Detail = s.IncidentDetail;
type Receipt = z.infer<typeof s.publicReceipt>;
type Facility = z.infer<typeof s.facility>;
const ts = (col: string) => `to_json(${col}) #>> '{}'`;
/** A commune whose centre is further than this from a reported point is not guessed. */
const MAX_COMMUNE_KM = 30;

// ── who may see and act ─────────────────────────────────────────────────────────────────────────

/**
 * Police and health dispatch. Office and admin run everything; leaders watch; an agency officer
 * dispatches when their unit runs a facility of the registry, or sits above or below one that does
 * (Công an tỉnh above its traffic-police teams, the 115 centre under Sở Y tế).
 */
export async function accessOf(db: Queryable, user: SessionUser) {
  const office = user.role === 'admin' || user.role === 'office';
  let responder = false;
  if (user.role === 'agency' && user.orgUnitId !== null) {
    const [row] = await db.query<{ ok: boolean }>(
      `WITH RECURSIVE up(id) AS (
         SELECT $1::int UNION SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL),
       down(id) AS (SELECT $1::int UNION SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
       SELECT EXISTS (SELECT 1 FROM response_facilities f
                       WHERE f.org_unit_id IN (SELECT id FROM up UNION SELECT id FROM down)) AS ok`,
      [user.orgUnitId],
    );
    responder = row?.ok === true;
  }
  return {
    view: office || responder || user.role === 'leader',
    dispatch: office || responder,
    manageFacilities: office,
  };
}

export async function requireView(db: Queryable, user: SessionUser) {
  const a = await accessOf(db, user);
  if (!a.view) throw forbidden('Chỉ lực lượng công an, y tế và Văn phòng Ban ATGT xem được bảng điều phối.');
  return a;
}
async function requireDispatch(db: Queryable, user: SessionUser) {
  const a = await accessOf(db, user);
  if (!a.dispatch) throw forbidden('Chỉ lực lượng công an, y tế và Văn phòng Ban ATGT được điều phối sự cố.');
  return a;
}

// ── intake of public reports ────────────────────────────────────────────────────────────────────

interface ReportRow {
  tracking_code: string;
  incident_id: number;
  received_at: string;
}

async function receiptOf(db: Queryable, row: ReportRow, duplicate: boolean): Promise<Receipt> {
  const [inc] = await db.query<{ status: IncidentStatus }>('SELECT status FROM incidents WHERE id = $1', [
    row.incident_id,
  ]);
  const events = await db.query<{ status: IncidentStatus; at: string }>(
    `SELECT status, ${ts('at')} AS at FROM incident_events WHERE incident_id = $1 ORDER BY at, id`,
    [row.incident_id],
  );
  const status = inc?.status ?? 'received';
  return {
    trackingCode: row.tracking_code,
    receivedAt: row.received_at,
    status,
    statusLabel: incidentPublicLabel(status),
    duplicate,
    timeline: [
      { status: 'received', label: incidentPublicLabel('received'), at: row.received_at },
      ...events
        .filter((e) => e.status !== 'received')
        .map((e) => ({ status: e.status, label: incidentPublicLabel(e.status), at: e.at })),
    ],
  };
}

const REPORT_ROW = `tracking_code, incident_id, ${ts('received_at')} AS received_at`;

/** Thrown inside the intake transaction when another request stored the same client id first. */
class AlreadyReceived extends Error {}

async function existingReceipt(db: Queryable, clientId: string): Promise<Receipt | null> {
  const [row] = await db.query<ReportRow>(`SELECT ${REPORT_ROW} FROM incident_reports WHERE client_id = $1`, [
    clientId,
  ]);
  return row ? receiptOf(db, row, true) : null;
}

/**
 * Stores a public report exactly once (by client id) and files it under the open incident of the same
 * event, or a new one. Intake is serialised by an advisory lock so that two reports of one crash
 * arriving together still find each other. A new report costs four statements in one transaction.
 */
export async function receiveReport(
  db: Db,
  feed: IncidentFeed,
  input: s.PublicReportInput,
  photos: StoredPhoto[],
  ip: string | null,
  now = new Date(),
): Promise<{ receipt: Receipt; created: boolean }> {
  const occurredAt = Date.parse(input.occurredAt);
  // Judged on the phone's own clock (a report may be sent long after it was made, from a clock that runs fast).
  if (occurredAt > Date.parse(input.createdAt) + 5 * 60_000) {
    const again = await existingReceipt(db, input.clientId);
    if (again) return { receipt: again, created: false };
    throw badRequest('Thời điểm xảy ra không được sau lúc lập tin báo.', [
      { path: 'occurredAt', message: 'Thời điểm xảy ra không được sau lúc lập tin báo.' },
    ]);
  }
  const lat = input.location?.lat ?? null;
  const lon = input.location?.lon ?? null;
  const accuracy = input.location?.accuracyM ?? null;
  const adminUnitId = lat !== null && lon !== null ? communeAt(await communeCentres(db), lat, lon) : null;
  const trackingCode = trackingCodeOf(randomBytes(8));
  const receivedAt = now.toISOString();
  try {
    const result = await db.transaction(async (tx) => {
      // One statement: take the intake lock, then read the open incidents of the same hour that could be
      // the same event: near the point (a box around it), or with a typed place to compare.
      const near = lat !== null && lon !== null ? boxAround(lat, lon) : null;
      const candidates = await tx.query<{
        id: number;
        occurred: number;
        lat: number | null;
        lon: number | null;
        place_text: string | null;
        status: IncidentStatus;
      }>(
        `WITH lock AS (SELECT pg_advisory_xact_lock(7011))
         SELECT id, (extract(epoch FROM occurred_at) * 1000)::float8 AS occurred, lat, lon, place_text, status
           FROM incidents, lock
          WHERE status = ANY($1::text[]) AND occurred_at BETWEEN $2::timestamptz - make_interval(mins => $3::int)
                                                            AND $2::timestamptz + make_interval(mins => $3::int)
            AND ${
              near
                ? `((lat BETWEEN $4::float8 AND $5::float8 AND lon BETWEEN $6::float8 AND $7::float8)
                    OR (lat IS NULL AND place_text IS NOT NULL AND $8::boolean))`
                : 'place_text IS NOT NULL'
            }`,
        [
          OPEN_STATUSES,
          new Date(occurredAt).toISOString(),
          SAME_EVENT.windowMinutes,
          ...(near ? [near.minLat, near.maxLat, near.minLon, near.maxLon, !!input.placeText] : []),
        ],
      );
      const match = findSameEvent(
        { occurredAt, lat, lon, placeText: input.placeText ?? null },
        candidates.map(
          (c): IncidentCandidate => ({
            id: c.id,
            occurredAt: c.occurred,
            lat: c.lat,
            lon: c.lon,
            placeText: c.place_text,
            status: c.status,
          }),
        ),
      );
      // The incident: a new one with its first event, or the matched one with its counts and place
      // improved (the largest counts any report gave; the first fix, or a more accurate one).
      const incident =
        match === null
          ? `n AS (SELECT nextval(pg_get_serial_sequence('incidents', 'id')) AS id),
             inc AS (
               INSERT INTO incidents (id, code, first_reported_at, occurred_at, lat, lon, accuracy_m, place_text,
                                      admin_unit_id, victims, trapped)
               SELECT n.id, 'SC-' || to_char($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(n.id::text, 5, '0'),
                      $3::timestamptz, $5::timestamptz, $6::float8, $7::float8, $8::float8, $10::text, $17::text, $11::int, $12::int
                 FROM n RETURNING id),
             ev AS (INSERT INTO incident_events (incident_id, status, at) SELECT id, 'received', $3::timestamptz FROM inc)`
          : `inc AS (
               UPDATE incidents SET victims = GREATEST(victims, $11::int), trapped = GREATEST(trapped, $12::int),
                      place_text = COALESCE(place_text, $10::text),
                      lat = CASE WHEN better THEN $6::float8 ELSE lat END,
                      lon = CASE WHEN better THEN $7::float8 ELSE lon END,
                      accuracy_m = CASE WHEN better THEN $8::float8 ELSE accuracy_m END,
                      updated_at = now()
                 FROM (SELECT $6::float8 IS NOT NULL AND (lat IS NULL OR ($8::float8 IS NOT NULL AND $8::float8 < COALESCE(accuracy_m, 'Infinity'))) AS better
                         FROM incidents WHERE id = $17::int) b
                WHERE id = $17::int RETURNING id)`;
      const inserted = await tx.query<{ id: number; incident_id: number }>(
        `WITH ${incident}
         INSERT INTO incident_reports (client_id, tracking_code, incident_id, received_at, created_at, occurred_at,
                                       lat, lon, accuracy_m, location_source, place_text, victims, trapped, vehicles,
                                       phone, description, source_ip)
         SELECT $1::uuid, $2::text, inc.id, $3::timestamptz, $4::timestamptz, $5::timestamptz, $6::float8, $7::float8,
                $8::float8, $9::text, $10::text, $11::int, $12::int, $13::text[], $14::text, $15::text, $16::text FROM inc
         ON CONFLICT (client_id) DO NOTHING
         RETURNING id, incident_id`,
        [
          input.clientId,
          trackingCode,
          receivedAt,
          input.createdAt,
          input.occurredAt,
          lat,
          lon,
          accuracy,
          input.location?.source ?? null,
          input.placeText ?? null,
          input.victims,
          input.trapped,
          input.vehicles,
          input.phoneConsent ? (input.phone ?? null) : null,
          input.description ?? null,
          ip,
          match === null ? adminUnitId : match,
        ],
      );
      const report = inserted[0];
      if (!report) throw new AlreadyReceived();
      if (photos.length > 0)
        await tx.query(
          `INSERT INTO incident_photos (report_id, position, media_type, width, height, size, sha256, exif_lat, exif_lon, content)
           SELECT $1, p.position, 'image/jpeg', p.width, p.height, p.size, p.sha256, p.exif_lat, p.exif_lon, ${bytesFrom('p.content')}
             FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::int[])
                  AS p(position, width, height, sha256, exif_lat, exif_lon, content, size)`,
          [
            report.id,
            photos.map((_, i) => i),
            photos.map((p) => p.width),
            photos.map((p) => p.height),
            photos.map((p) => p.sha256),
            photos.map((p) => p.exifLat),
            photos.map((p) => p.exifLon),
            photos.map((p) => bytesParam(p.content)),
            photos.map((p) => p.content.length),
          ],
        );
      return { incidentId: Number(report.incident_id), isNew: match === null };
    });
    feed.publish({
      kind: result.isNew ? 'created' : 'report_added',
      incidentId: result.incidentId,
      status: 'received',
      at: receivedAt,
    });
    // A new report's receipt needs no query when it opened its incident; a joined one reads the incident's state.
    const receipt = result.isNew
      ? {
          trackingCode,
          receivedAt,
          status: 'received' as const,
          statusLabel: incidentPublicLabel('received'),
          duplicate: false,
          timeline: [{ status: 'received' as const, label: incidentPublicLabel('received'), at: receivedAt }],
        }
      : await receiptOf(
          db,
          { tracking_code: trackingCode, incident_id: result.incidentId, received_at: receivedAt },
          false,
        );
    return { receipt, created: true };
  } catch (e) {
    if (!(e instanceof AlreadyReceived)) throw e;
    return { receipt: (await existingReceipt(db, input.clientId))!, created: false };
  }
}

/** Current communes' centres, read once a minute (they change with an administrative reform, not by the hour). */
const centresCache = new WeakMap<
  Queryable,
  { at: number; centres: { id: string; lat: number; lon: number }[] }
>();
async function communeCentres(db: Queryable) {
  const cached = centresCache.get(db);
  if (cached && Date.now() - cached.at < 60_000) return cached.centres;
  const centres = await db.query<{ id: string; lat: number; lon: number }>(
    `SELECT id, lat, lon FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND lat IS NOT NULL`,
  );
  centresCache.set(db, { at: Date.now(), centres });
  return centres;
}

/** The commune whose centre is nearest the point, if within 30 km. */
function communeAt(
  centres: { id: string; lat: number; lon: number }[],
  lat: number,
  lon: number,
): string | null {
  const best = nearestCentre({ lat, lon }, centres);
  if (!best) return null;
  return haversineM(lat, lon, best.lat, best.lon) / 1000 <= MAX_COMMUNE_KM ? best.id : null;
}

export async function publicStatus(db: Queryable, code: string): Promise<Receipt> {
  const [row] = await db.query<ReportRow>(
    `SELECT ${REPORT_ROW} FROM incident_reports WHERE tracking_code = $1`,
    [code],
  );
  if (!row) throw notFound(`Không tìm thấy tin báo có mã ${code}.`);
  return receiptOf(db, row, false);
}

// ── the board ───────────────────────────────────────────────────────────────────────────────────

const ITEM_SELECT = `
  SELECT i.id, i.code, i.status, ${ts('i.first_reported_at')} AS "firstReportedAt", i.lat, i.lon,
         i.accuracy_m AS "accuracyM", i.place_text AS "placeText", i.admin_unit_id AS "adminUnitId",
         a.name AS "adminUnitName", i.victims, i.trapped,
         (SELECT count(*)::int FROM incident_reports r WHERE r.incident_id = i.id) AS "reportCount",
         (SELECT count(*)::int FROM incident_photos p JOIN incident_reports r ON r.id = p.report_id
           WHERE r.incident_id = i.id) AS "photoCount",
         ${ts('i.dispatched_at')} AS "dispatchedAt", ${ts('i.on_scene_at')} AS "onSceneAt",
         ${ts('i.closed_at')} AS "closedAt",
         CASE WHEN i.on_scene_at IS NULL THEN NULL
              ELSE round(extract(epoch FROM i.on_scene_at - i.first_reported_at) / 60)::float8 END
           AS "responseMinutes",
         i.crash_id AS "crashId"
    FROM incidents i LEFT JOIN admin_units a ON a.id = i.admin_unit_id`;

type ItemRow = Omit<Item, 'statusLabel'> & { crashId: number | string | null };
const toItem = (r: ItemRow): Item => ({
  ...r,
  statusLabel: incidentStatusLabel(r.status),
  crashId: r.crashId === null ? null : Number(r.crashId),
});

export async function listIncidents(db: Db, user: SessionUser, q: z.infer<typeof s.incidentListQuery>) {
  await requireView(db, user);
  const p = new Params();
  const where: string[] = [];
  if (q.status === 'open') where.push(`i.status = ANY(${p.add(OPEN_STATUSES)}::text[])`);
  else if (q.status !== 'all') where.push(`i.status = ${p.add(q.status)}`);
  if (q.adminUnitId) where.push(`i.admin_unit_id = ${p.add(q.adminUnitId)}`);
  if (q.from) where.push(`i.first_reported_at >= ${dayStart(p.add(q.from))}`);
  if (q.to) where.push(`i.first_reported_at < ${dayEnd(p.add(q.to))}`);
  const w = whereClause(where);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents i ${w}`, p.values);
  // Open incidents: oldest first (the longest wait on top); history: newest first.
  const order = q.status === 'open' ? 'i.first_reported_at ASC' : 'i.first_reported_at DESC';
  const rows = await db.query<ItemRow>(
    `${ITEM_SELECT} ${w} ORDER BY ${order}, i.id LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items: rows.map(toItem), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const FACILITY_SELECT = `
  SELECT f.id, f.name, f.kind, f.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName",
         f.org_unit_id AS "orgUnitId", f.lat, f.lon, f.phone, f.active
    FROM response_facilities f LEFT JOIN admin_units a ON a.id = f.admin_unit_id`;
type FacilityRow = Omit<Facility, 'kindLabel' | 'group'>;
const toFacility = (r: FacilityRow): Facility => ({
  ...r,
  kindLabel: facilityKindLabel(r.kind),
  group: facilityGroupOf(r.kind) ?? 'rescue',
});

export async function getIncident(db: Queryable, user: SessionUser, id: number): Promise<Detail> {
  const access = await requireView(db, user);
  const [row] = await db.query<ItemRow>(`${ITEM_SELECT} WHERE i.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy sự cố.');
  const item = toItem(row);
  const reports = await db.query<Omit<Detail['reports'][number], 'photos'>>(
    `SELECT id, ${ts('received_at')} AS "receivedAt", ${ts('created_at')} AS "createdAt",
            ${ts('occurred_at')} AS "occurredAt", lat, lon, accuracy_m AS "accuracyM",
            location_source AS "locationSource", place_text AS "placeText", victims, trapped, vehicles, phone, description
       FROM incident_reports WHERE incident_id = $1 ORDER BY received_at, id`,
    [id],
  );
  const photos = await db.query<Detail['reports'][number]['photos'][number] & { reportId: number }>(
    `SELECT p.id, p.report_id AS "reportId", p.width, p.height, p.size AS bytes, p.sha256,
            p.exif_lat AS "exifLat", p.exif_lon AS "exifLon", '' AS url
       FROM incident_photos p JOIN incident_reports r ON r.id = p.report_id
      WHERE r.incident_id = $1 ORDER BY p.report_id, p.position`,
    [id],
  );
  const timeline = await db.query<{
    status: IncidentStatus;
    at: string;
    by: string | null;
    note: string | null;
  }>(
    `SELECT e.status, ${ts('e.at')} AS at, u.display_name AS by, e.note
       FROM incident_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.incident_id = $1 ORDER BY e.at, e.id`,
    [id],
  );
  const assignments = await db.query<Omit<Detail['assignments'][number], 'kindLabel'>>(
    `SELECT a.id, a.facility_id AS "facilityId", f.name AS "facilityName", f.kind, a.note,
            ${ts('a.assigned_at')} AS "assignedAt", u.display_name AS "assignedBy", a.distance_km AS "distanceKm"
       FROM incident_assignments a JOIN response_facilities f ON f.id = a.facility_id
       LEFT JOIN users u ON u.id = a.assigned_by
      WHERE a.incident_id = $1 ORDER BY a.assigned_at, a.id`,
    [id],
  );
  let nearest: Detail['nearest'] = [];
  if (item.lat !== null && item.lon !== null) {
    const facilities = (await db.query<FacilityRow>(`${FACILITY_SELECT} WHERE f.active`)).map(toFacility);
    nearest = nearestFacilities({ lat: item.lat, lon: item.lon }, facilities, 3).map((f) => ({
      ...f,
      distanceKm: Math.round(f.distanceKm * 10) / 10,
    }));
  }
  return {
    ...item,
    reports: reports.map((r) => ({
      ...r,
      photos: photos
        .filter((p) => p.reportId === r.id)
        .map(({ reportId: _r, ...p }) => ({ ...p, url: `/api/v1/incidents/${id}/photos/${p.id}` })),
    })),
    timeline: timeline.map((e) => ({ ...e, label: incidentStatusLabel(e.status) })),
    assignments: assignments.map((a) => ({ ...a, kindLabel: facilityKindLabel(a.kind) })),
    nearest,
    nextStatuses: [...NEXT_STATUSES[item.status]],
    canDispatch: access.dispatch,
  };
}

export async function incidentPhoto(db: Queryable, user: SessionUser, incidentId: number, photoId: number) {
  await requireView(db, user);
  const [row] = await db.query<{ content: string }>(
    `SELECT ${bytesColumn('p.content')} AS content FROM incident_photos p JOIN incident_reports r ON r.id = p.report_id
      WHERE p.id = $1 AND r.incident_id = $2`,
    [photoId, incidentId],
  );
  if (!row) throw notFound('Không tìm thấy ảnh.');
  return bytesOf(row.content);
}

async function lockIncident(tx: Queryable, id: number) {
  const [row] = await tx.query<{
    status: IncidentStatus;
    first: number;
    lat: number | null;
    lon: number | null;
    code: string;
  }>(
    `SELECT status, (extract(epoch FROM first_reported_at) * 1000)::float8 AS first, lat, lon, code
       FROM incidents WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy sự cố.');
  return row;
}

const STATUS_COLUMN: Partial<Record<IncidentStatus, string>> = {
  dispatched: 'dispatched_at',
  on_scene: 'on_scene_at',
  transported: 'transported_at',
  closed: 'closed_at',
  dismissed: 'closed_at',
};

async function moveTo(
  tx: Queryable,
  actor: Actor,
  id: number,
  from: IncidentStatus,
  to: IncidentStatus,
  at: string,
  note: string | null,
) {
  const column = STATUS_COLUMN[to];
  await tx.query(
    `UPDATE incidents SET status = $2, ${column ? `${column} = $3::timestamptz,` : ''} updated_at = now() WHERE id = $1`,
    column ? [id, to, at] : [id, to],
  );
  await tx.query(
    `INSERT INTO incident_events (incident_id, status, at, user_id, note) VALUES ($1, $2, $3, $4, $5)`,
    [id, to, at, actor.userId, note],
  );
  await audit(tx, actor, {
    action: 'update',
    entity: 'incident',
    entityId: id,
    before: { status: from },
    after: { status: to, at, note },
  });
}

/** Sends a facility; the first assignment moves a received incident to dispatched. */
export async function assignFacility(
  db: Db,
  feed: IncidentFeed,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: z.infer<typeof s.assignmentInput>,
  now = new Date(),
): Promise<Detail> {
  await requireDispatch(db, user);
  const status = await db.transaction(async (tx) => {
    const inc = await lockIncident(tx, id);
    if (!OPEN_STATUSES.includes(inc.status)) throw conflict('Sự cố đã kết thúc, không điều động thêm.');
    const [f] = await tx.query<{ lat: number; lon: number; active: boolean; name: string }>(
      'SELECT lat, lon, active, name FROM response_facilities WHERE id = $1',
      [body.facilityId],
    );
    if (!f)
      throw badRequest('Không có cơ sở ứng cứu này.', [
        { path: 'facilityId', message: 'Không có cơ sở này.' },
      ]);
    if (!f.active)
      throw badRequest(`${f.name} đang tạm ngừng.`, [
        { path: 'facilityId', message: 'Cơ sở đang tạm ngừng.' },
      ]);
    const distance =
      inc.lat !== null && inc.lon !== null ? haversineM(inc.lat, inc.lon, f.lat, f.lon) / 1000 : null;
    const added = await tx.query(
      `INSERT INTO incident_assignments (incident_id, facility_id, note, distance_km, assigned_at, assigned_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (incident_id, facility_id) DO NOTHING RETURNING id`,
      [
        id,
        body.facilityId,
        body.note ?? null,
        distance === null ? null : Math.round(distance * 10) / 10,
        now.toISOString(),
        actor.userId,
      ],
    );
    if (added.length === 0) throw conflict(`${f.name} đã được điều động cho sự cố này.`);
    await audit(tx, actor, {
      action: 'assign',
      entity: 'incident',
      entityId: id,
      after: { facilityId: body.facilityId, note: body.note ?? null },
    });
    if (inc.status === 'received') {
      await moveTo(tx, actor, id, 'received', 'dispatched', now.toISOString(), `Điều động ${f.name}`);
      return 'dispatched' as const;
    }
    return inc.status;
  });
  feed.publish({ kind: 'updated', incidentId: id, status, at: now.toISOString() });
  return getIncident(db, user, id);
}

export async function changeStatus(
  db: Db,
  feed: IncidentFeed,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: z.infer<typeof s.statusInput>,
  now = new Date(),
): Promise<Detail> {
  await requireDispatch(db, user);
  if (body.status === 'dismissed' && !body.note)
    throw badRequest('Cần ghi lý do khi không xác minh được tin báo.', [
      { path: 'note', message: 'Cần ghi lý do.' },
    ]);
  const at = body.at ? new Date(body.at) : now;
  await db.transaction(async (tx) => {
    const inc = await lockIncident(tx, id);
    const problem = transitionProblem(inc.status, body.status, at.getTime(), inc.first, now.getTime());
    if (problem) throw badRequest(problem, [{ path: body.at ? 'at' : 'status', message: problem }]);
    await moveTo(tx, actor, id, inc.status, body.status, at.toISOString(), body.note ?? null);
  });
  feed.publish({ kind: 'updated', incidentId: id, status: body.status, at: now.toISOString() });
  return getIncident(db, user, id);
}

/** Local date-time with the +07:00 offset, as crash records take it. */
function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+07:00`;
}

/** A verified incident (someone reached the scene) becomes a crash record, prefilled from its reports. */
export async function crashFromIncident(db: Db, actor: Actor, user: SessionUser, id: number) {
  await requireDispatch(db, user);
  const detail = await getIncident(db, user, id);
  if (detail.crashId !== null)
    throw conflict('Sự cố đã có hồ sơ vụ TNGT.', [{ path: 'crashId', message: String(detail.crashId) }]);
  if (!['on_scene', 'transported', 'closed'].includes(detail.status))
    throw conflict('Chỉ lập hồ sơ vụ TNGT khi lực lượng đã tới hiện trường xác minh.');
  if (!detail.adminUnitId)
    throw conflict(
      'Chưa xác định được xã/phường của sự cố (không có tọa độ); hãy nhập hồ sơ vụ TNGT trực tiếp.',
    );
  const first = detail.reports[0];
  const input = crashInput.parse({
    occurredAt: vietnamTime(first?.occurredAt ?? detail.firstReportedAt),
    adminUnitId: detail.adminUnitId,
    lat: detail.lat,
    lon: detail.lon,
    place: detail.placeText ?? undefined,
    vehicles: [...new Set(detail.reports.flatMap((r) => r.vehicles))],
    injured: detail.victims,
    source: 'citizen',
    verified: false,
    description: [
      `Từ tin báo ${detail.code} (${detail.reportCount} tin).`,
      ...detail.reports.map((r) => r.description).filter((d): d is string => !!d),
    ].join('\n'),
  });
  const crash = await createCrash(db, actor, user, input);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE incidents SET crash_id = $2, updated_at = now() WHERE id = $1', [id, crash.id]);
    await audit(tx, actor, {
      action: 'update',
      entity: 'incident',
      entityId: id,
      after: { crashId: crash.id },
    });
  });
  return { crashId: crash.id };
}

// ── facility registry ───────────────────────────────────────────────────────────────────────────

export async function listFacilities(db: Db, q: z.infer<typeof s.facilityListQuery>) {
  const p = new Params();
  const w = whereClause(q.kind ? [`f.kind = ${p.add(q.kind)}`] : []);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM response_facilities f ${w}`,
    p.values,
  );
  const rows = await db.query<FacilityRow>(
    `${FACILITY_SELECT} ${w} ORDER BY f.kind, f.name, f.id LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items: rows.map(toFacility), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function getFacility(db: Queryable, id: number): Promise<Facility> {
  const [row] = await db.query<FacilityRow>(`${FACILITY_SELECT} WHERE f.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy cơ sở ứng cứu.');
  return toFacility(row);
}

const facilityValues = (b: z.infer<typeof s.facilityInput>) => [
  b.name,
  b.kind,
  b.adminUnitId ?? null,
  b.orgUnitId ?? null,
  b.lat,
  b.lon,
  b.phone ?? null,
  b.active,
];

export async function createFacility(db: Db, actor: Actor, body: z.infer<typeof s.facilityInput>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO response_facilities (name, kind, admin_unit_id, org_unit_id, lat, lon, phone, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      facilityValues(body),
    );
    const created = await getFacility(tx, row!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'response_facility',
      entityId: row!.id,
      after: created,
    });
    return created;
  });
}

export async function updateFacility(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof s.facilityInput>,
) {
  return db.transaction(async (tx) => {
    const before = await getFacility(tx, id);
    await tx.query(
      `UPDATE response_facilities SET name = $1, kind = $2, admin_unit_id = $3, org_unit_id = $4, lat = $5, lon = $6,
              phone = $7, active = $8, updated_at = now() WHERE id = $9`,
      [...facilityValues(body), id],
    );
    const after = await getFacility(tx, id);
    await audit(tx, actor, { action: 'update', entity: 'response_facility', entityId: id, before, after });
    return after;
  });
}

// ── response KPI ────────────────────────────────────────────────────────────────────────────────

export async function kpi(db: Queryable, q: z.infer<typeof s.kpiQuery>, now = new Date()) {
  if (q.from > q.to)
    throw badRequest('Ngày bắt đầu phải trước ngày kết thúc.', [
      { path: 'from', message: 'Sau ngày kết thúc.' },
    ]);
  const rows = await db.query<{
    status: IncidentStatus;
    first: number;
    onScene: number | null;
    month: string;
    commune: string | null;
    communeName: string | null;
  }>(
    `SELECT i.status, (extract(epoch FROM i.first_reported_at) * 1000)::float8 AS first,
            (extract(epoch FROM i.on_scene_at) * 1000)::float8 AS "onScene",
            to_char(i.first_reported_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM') AS month,
            r.current_id AS commune, ca.name AS "communeName"
       FROM incidents i
       LEFT JOIN admin_unit_rollup r ON r.id = i.admin_unit_id
       LEFT JOIN admin_units ca ON ca.id = r.current_id
      WHERE i.first_reported_at >= ${dayStart('$1')} AND i.first_reported_at < ${dayEnd('$2')}`,
    [q.from, q.to],
  );
  const names = new Map<string, string>();
  const facts: ResponseFact[] = rows.map((r) => {
    const commune = r.commune ?? '';
    names.set(commune, r.communeName ?? 'Chưa xác định xã/phường');
    return {
      status: r.status,
      firstReportedAt: r.first,
      onSceneAt: r.onScene,
      keys: { month: r.month, commune },
    };
  });
  const result = responseKpi(facts, now.getTime(), ['month', 'commune']);
  const row = (key: string, label: string, t: (typeof result)['total']) => ({
    key,
    label,
    ...t,
    medianMinutes: t.medianMinutes === null ? null : Math.round(t.medianMinutes * 10) / 10,
  });
  const monthLabel = (m: string) => `Tháng ${Number(m.slice(5))}/${m.slice(0, 4)}`;
  return {
    from: q.from,
    to: q.to,
    targetMinutes: RESPONSE_TARGET_MINUTES,
    total: row('total', 'Toàn tỉnh', result.total),
    months: [...result.groups.month!.entries()].map(([k, t]) => row(k, monthLabel(k), t)),
    communes: [...result.groups.commune!.entries()]
      .map(([k, t]) => row(k, names.get(k) ?? k, t))
      .sort(
        (a, b) =>
          (a.share ?? 2) - (b.share ?? 2) ||
          b.incidents - a.incidents ||
          a.label.localeCompare(b.label, 'vi'),
      ),
  };
}

const percent = (share: number | null) => (share === null ? '—' : `${formatNumberVi(share * 100, 1)} %`);

/** The KPI as an Excel workbook: by month and by commune. */
export async function kpiWorkbook(result: Awaited<ReturnType<typeof kpi>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [title, rows, first] of [
    ['Theo tháng', result.months, 'Tháng'],
    ['Theo xã, phường', result.communes, 'Xã/phường'],
  ] as const) {
    const ws = wb.addWorksheet(title);
    ws.addRow([
      `Tỷ lệ sự cố được tiếp cận trong ${result.targetMinutes} phút, từ ${formatDateVi(result.from)} đến ${formatDateVi(result.to)}`,
    ]).font = {
      bold: true,
      name: 'Times New Roman',
    };
    ws.addRow([]);
    ws.addRow([
      first,
      'Số sự cố',
      `Tiếp cận trong ${result.targetMinutes} phút`,
      'Tỷ lệ',
      'Trung vị (phút)',
    ]).font = {
      bold: true,
      name: 'Times New Roman',
    };
    for (const r of [...rows, result.total]) {
      const added = ws.addRow([r.label, r.incidents, r.reached, percent(r.share), r.medianMinutes]);
      if (r.key === 'total') added.font = { bold: true, name: 'Times New Roman' };
    }
    ws.getColumn(1).width = 32;
    for (let i = 2; i <= 5; i++) ws.getColumn(i).width = 18;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The incidents open now (received, dispatched, on scene, victims transported), oldest first — for the
 * dashboards, without the board's access check: a commune officer learns how many are open in its area, not
 * their details. `areaId` limits them to one current commune (old communes rolled up).
 */
export async function openIncidents(db: Queryable, areaId?: string, limit = 5) {
  const p = new Params();
  const where = [`i.status = ANY(${p.add(OPEN_STATUSES)}::text[])`];
  if (areaId !== undefined)
    where.push(`i.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = ${p.add(areaId)})`);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incidents i ${whereClause(where)}`,
    p.values,
  );
  const rows = await db.query<{
    id: number;
    code: string;
    status: IncidentStatus;
    firstReportedAt: string;
    adminUnitName: string | null;
    placeText: string | null;
    victims: number;
  }>(
    `SELECT i.id, i.code, i.status, ${ts('i.first_reported_at')} AS "firstReportedAt", a.name AS "adminUnitName",
            i.place_text AS "placeText", i.victims
       FROM incidents i LEFT JOIN admin_units a ON a.id = i.admin_unit_id
      ${whereClause(where)} ORDER BY i.first_reported_at, i.id LIMIT ${p.add(limit)}`,
    p.values,
  );
  return {
    open: count?.n ?? 0,
    items: rows.map((r) => ({ ...r, statusLabel: incidentStatusLabel(r.status) })),
  };
}
