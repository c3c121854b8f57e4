/**
 * Camera events (sự kiện vi phạm từ camera): one per line of NDJSON or per row of CSV (header line
 * first), checked completely before anything is stored. Every problem is reported with its line number
 * (the line of the file, counting the CSV header as line 1) and field, in Vietnamese.
 */
import { VEHICLE_TYPES } from '../crashes/codes.ts';
import { formatDateVi, ISO_INSTANT, localDateOf } from '../crashes/periods.ts';
import { parseDelimited } from '../plans/appendix.ts';
import { vehicleClassOf, violationTypeOn } from './catalogue.ts';
import { parsePlate } from './plates.ts';

export interface CameraEvent {
  cameraId: string;
  eventId: string;
  /** ISO instant (UTC). */
  occurredAt: string;
  violation: string;
  ruleSet: string;
  plate: string;
  plateDisplay: string;
  vehicleType: string | null;
  speedKmh: number | null;
  speedLimitKmh: number | null;
  lat: number | null;
  lon: number | null;
  place: string | null;
  imageSha256: string | null;
  imageUrl: string | null;
  fineMin: number | null;
  fineMax: number | null;
  points: number | null;
}

export interface LineProblem {
  line: number;
  field: string;
  message: string;
}

export const CAMERA_FIELDS = [
  'cameraId',
  'eventId',
  'occurredAt',
  'violation',
  'plate',
  'vehicleType',
  'speedKmh',
  'speedLimitKmh',
  'lat',
  'lon',
  'place',
  'imageSha256',
  'imageUrl',
] as const;
const REQUIRED = ['cameraId', 'eventId', 'occurredAt', 'violation', 'plate'] as const;
const VEHICLES = new Set<string>(VEHICLE_TYPES.map((v) => v.code));
const SHA256 = /^[0-9a-f]{64}$/;
const ID = /^[\w.:\-/]{1,128}$/;

type Raw = Record<string, unknown>;

const text = (v: unknown): string | null =>
  v === undefined || v === null
    ? null
    : typeof v === 'string'
      ? v.trim() || null
      : typeof v === 'number'
        ? String(v)
        : null;

/** One event from its fields (strings from CSV, any JSON from NDJSON); problems go to `out`. */
export function checkEvent(raw: Raw, line: number, out: LineProblem[], now = Date.now()): CameraEvent | null {
  const before = out.length;
  const bad = (field: string, message: string) => out.push({ line, field, message });
  for (const k of Object.keys(raw))
    if (!(CAMERA_FIELDS as readonly string[]).includes(k))
      bad(k, `Trường "${k}" không có trong mẫu dữ liệu camera.`);
  for (const k of REQUIRED) if (text(raw[k]) === null) bad(k, 'Thiếu giá trị bắt buộc.');
  const cameraId = text(raw.cameraId);
  const eventId = text(raw.eventId);
  if (cameraId && !ID.test(cameraId))
    bad('cameraId', 'Mã camera chỉ gồm chữ, số và . : - _ / (tối đa 128 ký tự).');
  if (eventId && !ID.test(eventId))
    bad('eventId', 'Mã sự kiện chỉ gồm chữ, số và . : - _ / (tối đa 128 ký tự).');
  const at = text(raw.occurredAt);
  let ms = Number.NaN;
  if (at) {
    ms = ISO_INSTANT.test(at) ? Date.parse(at) : Number.NaN;
    if (Number.isNaN(ms)) bad('occurredAt', 'Thời điểm phải có dạng yyyy-mm-ddThh:mm:ss+07:00.');
    else if (ms > now + 10 * 60_000) bad('occurredAt', 'Thời điểm ở tương lai.');
  }
  const plateText = text(raw.plate);
  const plate = plateText ? parsePlate(plateText) : null;
  if (plate && !plate.ok) bad('plate', plate.error);
  const vehicleType = text(raw.vehicleType);
  if (vehicleType && !VEHICLES.has(vehicleType))
    bad('vehicleType', `Loại phương tiện "${vehicleType}" không có trong danh mục.`);
  const code = text(raw.violation);
  const type = code && !Number.isNaN(ms) ? violationTypeOn(code, localDateOf(ms)) : null;
  if (code && !Number.isNaN(ms) && !type)
    bad(
      'violation',
      `Hành vi "${code}" không có trong danh mục áp dụng ngày ${formatDateVi(localDateOf(ms))}.`,
    );
  const num = (field: string, min: number, max: number, integer = false): number | null => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return null;
    const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      bad(field, `Giá trị phải là số${integer ? ' nguyên' : ''} từ ${min} đến ${max}.`);
      return null;
    }
    return n;
  };
  const speedKmh = num('speedKmh', 0, 400, true);
  const speedLimitKmh = num('speedLimitKmh', 5, 200, true);
  const lat = num('lat', -90, 90);
  const lon = num('lon', -180, 180);
  if ((lat === null) !== (lon === null)) bad('lon', 'Cần cả vĩ độ và kinh độ.');
  const place = text(raw.place);
  if (place && place.length > 300) bad('place', 'Địa điểm tối đa 300 ký tự.');
  const imageSha256 = text(raw.imageSha256)?.toLowerCase() ?? null;
  if (imageSha256 && !SHA256.test(imageSha256))
    bad('imageSha256', 'Mã băm ảnh phải là SHA-256 (64 ký tự hex).');
  const imageUrl = text(raw.imageUrl);
  if (imageUrl && (imageUrl.length > 500 || !/^https?:\/\//.test(imageUrl)))
    bad('imageUrl', 'Đường dẫn ảnh phải bắt đầu bằng http:// hoặc https://.');
  if (out.length > before || !plate?.ok || !type || !cameraId || !eventId) return null;
  const cls = vehicleClassOf(vehicleType ?? (plate.plate.kind === 'car' ? 'car' : 'motorbike'));
  const fine = cls ? type.type.fines[cls] : undefined;
  return {
    cameraId,
    eventId,
    occurredAt: new Date(ms).toISOString(),
    violation: type.type.code,
    ruleSet: type.ruleSet.id,
    plate: plate.plate.key,
    plateDisplay: plate.plate.display,
    vehicleType,
    speedKmh,
    speedLimitKmh,
    lat,
    lon,
    place,
    imageSha256,
    imageUrl,
    fineMin: fine?.min ?? null,
    fineMax: fine?.max ?? null,
    points: fine?.points ?? null,
  };
}

export interface ParsedBatch {
  events: CameraEvent[];
  problems: LineProblem[];
  /** Lines that held an event (blank lines are skipped). */
  lines: number;
}

/** NDJSON: one JSON object per line. */
export function parseNdjson(body: string, now = Date.now()): ParsedBatch {
  const events: CameraEvent[] = [];
  const problems: LineProblem[] = [];
  let lines = 0;
  let line = 0;
  for (const rawLine of body.replace(/^\uFEFF/, '').split('\n')) {
    line++;
    const s = rawLine.trim();
    if (s === '') continue;
    lines++;
    let obj: unknown;
    try {
      obj = JSON.parse(s);
    } catch {
      problems.push({ line, field: '', message: 'Dòng không phải JSON hợp lệ.' });
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      problems.push({ line, field: '', message: 'Mỗi dòng phải là một đối tượng JSON.' });
      continue;
    }
    const e = checkEvent(obj as Raw, line, problems, now);
    if (e) events.push(e);
  }
  return { events, problems, lines };
}

/** CSV with a header line naming the fields (any order, unknown columns refused). */
export function parseCsv(body: string, now = Date.now()): ParsedBatch {
  const rows = parseDelimited(body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), ',');
  const problems: LineProblem[] = [];
  const events: CameraEvent[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === ''))
    return {
      events,
      problems: [{ line: 1, field: '', message: 'Thiếu dòng tiêu đề (tên các cột).' }],
      lines: 0,
    };
  for (const k of REQUIRED)
    if (!header.includes(k)) problems.push({ line: 1, field: k, message: `Thiếu cột "${k}".` });
  for (const h of header)
    if (!(CAMERA_FIELDS as readonly string[]).includes(h))
      problems.push({ line: 1, field: h, message: `Cột "${h}" không có trong mẫu dữ liệu camera.` });
  if (problems.length) return { events, problems, lines: 0 };
  let lines = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    lines++;
    if (row.length !== header.length) {
      problems.push({
        line: i + 1,
        field: '',
        message: `Dòng có ${row.length} cột, tiêu đề có ${header.length}.`,
      });
      continue;
    }
    const raw: Raw = {};
    for (let j = 0; j < header.length; j++) if (row[j]!.trim() !== '') raw[header[j]!] = row[j];
    const e = checkEvent(raw, i + 1, problems, now);
    if (e) events.push(e);
  }
  return { events, problems, lines };
}
