/**
 * Camera ingestion: a batch is checked in full (src/domain/enforcement/camera-events.ts), then stored in one
 * transaction — COPY into a staging table, then one INSERT … ON CONFLICT DO NOTHING on the camera's event id,
 * so a replayed batch creates nothing new. Back-pressure: a few batches at a time, a short queue, then 503.
 */
import type { CameraEvent, LineProblem } from '../../domain/enforcement/camera-events.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { AppError, badRequest } from '../platform/errors.ts';

/**
 * A gate of `running` tasks at a time with `waiting` more in line; beyond that a 503 that tells the caller
 * to send again later.
 */
export function createGate(runningMax: number, waitingMax: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async function slot<T>(fn: () => Promise<T>): Promise<T> {
    if (running >= runningMax) {
      if (queue.length >= waitingMax)
        throw new AppError(
          503,
          'BUSY',
          'Hệ thống đang nhận nhiều dữ liệu camera. Vui lòng gửi lại sau ít giây (xem Retry-After).',
        );
      await new Promise<void>((resolve) => queue.push(resolve));
    } else running++;
    try {
      return await fn();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Batches stored at once, and batches allowed to wait. */
const slot = createGate(2, 8);

/** At most this many problems are listed; the count says how many there were. */
const MAX_LISTED = 200;

export function refuseProblems(problems: LineProblem[]): never {
  throw badRequest(
    `Lô dữ liệu có ${problems.length} lỗi; không dòng nào được lưu. Sửa các dòng được nêu rồi gửi lại cả lô.`,
    problems.slice(0, MAX_LISTED).map((p) => ({
      path: p.field ? `dòng ${p.line}.${p.field}` : `dòng ${p.line}`,
      message: p.message,
    })),
  );
}

const COLUMNS = [
  'camera_id',
  'camera_event_id',
  'type_code',
  'rule_set',
  'occurred_at',
  'lat',
  'lon',
  'place',
  'plate',
  'plate_display',
  'vehicle_type',
  'speed_kmh',
  'speed_limit_kmh',
  'fine_min',
  'fine_max',
  'points',
  'image_sha256',
  'image_url',
] as const;

/** One CSV field: empty for null, quoted when it must be (an empty string is "" so that it stays a string). */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function eventsCsv(events: readonly CameraEvent[]): string {
  let out = '';
  for (const e of events)
    out +=
      [
        e.cameraId,
        e.eventId,
        e.violation,
        e.ruleSet,
        e.occurredAt,
        e.lat,
        e.lon,
        e.place,
        e.plate,
        e.plateDisplay,
        e.vehicleType,
        e.speedKmh,
        e.speedLimitKmh,
        e.fineMin,
        e.fineMax,
        e.points,
        e.imageSha256,
        e.imageUrl,
      ]
        .map(csvField)
        .join(',') + '\n';
  return out;
}

export interface IngestResult {
  received: number;
  created: number;
  duplicates: number;
}

/** Stores checked events; the camera's event id makes a replay a no-op. */
export async function storeEvents(
  db: Db,
  actor: Actor,
  events: readonly CameraEvent[],
): Promise<IngestResult> {
  if (events.length === 0) return { received: 0, created: 0, duplicates: 0 };
  return slot(() =>
    db.transaction(async (tx) => {
      await tx.query(
        `CREATE TEMP TABLE camera_staging (
           camera_id text, camera_event_id text, type_code text, rule_set text, occurred_at timestamptz,
           lat float8, lon float8, place text, plate text, plate_display text, vehicle_type text,
           speed_kmh int, speed_limit_kmh int, fine_min bigint, fine_max bigint, points int,
           image_sha256 text, image_url text
         ) ON COMMIT DROP`,
      );
      await tx.copyCsv(
        `COPY camera_staging (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
        eventsCsv(events),
      );
      const [row] = await tx.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO violations (source, camera_id, camera_event_id, type_code, rule_set, occurred_at, lat, lon, place,
                                   plate, plate_display, vehicle_type, speed_kmh, speed_limit_kmh, fine_min, fine_max,
                                   points, evidence)
           SELECT 'camera', camera_id, camera_event_id, type_code, rule_set, occurred_at, lat, lon, place,
                  plate, plate_display, vehicle_type, speed_kmh, speed_limit_kmh, fine_min, fine_max, points,
                  CASE WHEN image_sha256 IS NULL AND image_url IS NULL THEN '[]'::jsonb
                       ELSE jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('sha256', image_sha256, 'url', image_url))) END
             FROM camera_staging
           ON CONFLICT (camera_id, camera_event_id) WHERE camera_event_id IS NOT NULL DO NOTHING
           RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
      );
      const created = row?.n ?? 0;
      await audit(tx, actor, {
        action: 'ingest',
        entity: 'camera_events',
        after: {
          received: events.length,
          created,
          cameras: [...new Set(events.map((e) => e.cameraId))].slice(0, 20),
        },
      });
      return { received: events.length, created, duplicates: events.length - created };
    }),
  );
}
