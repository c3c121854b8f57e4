/**
 * Importing crashes from CSV/XLSX: a template with Vietnamese headings, every row validated before
 * anything is written (problems named by row and column), likely duplicates reported, and the save
 * in one transaction — all rows or none.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type CrashForMatch, findDuplicates, parseKmMarker } from '../../domain/crashes/duplicates.ts';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { readGrid } from '../plans/files/read-grid.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import { insertCrash, localDay } from './records.ts';
import * as s from './schemas.ts';
import { crashScope } from './service.ts';

type ImportBody = z.infer<typeof s.crashImportBody>;
type Problem = { row: number; column: string; message: string };

/** The template's columns: heading, field, and how a cell is read. */
const COLUMNS = [
  { heading: 'Ngày (dd/mm/yyyy)', field: 'date', example: '14/03/2025' },
  { heading: 'Giờ (hh:mm)', field: 'time', example: '21:30' },
  { heading: 'Xã, phường (mã hoặc tên)', field: 'commune', example: 'Bình Lư' },
  { heading: 'Tuyến đường (mã)', field: 'road', example: 'QL4D' },
  { heading: 'Lý trình', field: 'km', example: 'Km 12+300' },
  { heading: 'Vĩ độ', field: 'lat', example: '22.3712' },
  { heading: 'Kinh độ', field: 'lon', example: '103.4521' },
  { heading: 'Loại hình (đường bộ/đường sắt/đường thủy)', field: 'mode', example: 'đường bộ' },
  { heading: 'Số người chết', field: 'deaths', example: '1' },
  { heading: 'Số người bị thương', field: 'injured', example: '2' },
  { heading: 'Nguyên nhân (mã, cách nhau bởi ;)', field: 'causes', example: 'alcohol; speed' },
  { heading: 'Phương tiện (mã, cách nhau bởi ;)', field: 'vehicles', example: 'motorbike; truck' },
  { heading: 'Nồng độ cồn (có/không)', field: 'alcohol', example: 'có' },
  { heading: 'Xe kinh doanh vận tải (có/không)', field: 'commercial', example: 'không' },
  { heading: 'Số học sinh bị nạn', field: 'students', example: '0' },
  { heading: 'Nguồn tin (công an/y tế/người dân)', field: 'source', example: 'công an' },
  { heading: 'Đã xác minh (có/không)', field: 'verified', example: 'có' },
  { heading: 'Mô tả', field: 'description', example: 'Xe máy va chạm xe tải tại ngã ba' },
] as const;
type Field = (typeof COLUMNS)[number]['field'];

export async function crashImportTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Vu TNGT');
  const header = ws.addRow(COLUMNS.map((c) => c.heading));
  header.font = { bold: true };
  ws.addRow(COLUMNS.map((c) => c.example));
  COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = 22;
  });
  const codes = wb.addWorksheet('Ma');
  const { CRASH_CAUSES, VEHICLE_TYPES } = await import('../../domain/crashes/codes.ts');
  codes.addRow(['Nguyên nhân', 'Mã']).font = { bold: true };
  for (const c of CRASH_CAUSES) codes.addRow([c.label, c.code]);
  codes.addRow([]);
  codes.addRow(['Phương tiện', 'Mã']).font = { bold: true };
  for (const v of VEHICLE_TYPES) codes.addRow([v.label, v.code]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'đa', 'da']);
const NO = new Set(['khong', '0', 'no', 'false', '']);
const MODES: Record<string, 'road' | 'rail' | 'waterway'> = {
  'duong bo': 'road',
  'duong sat': 'rail',
  'duong thuy': 'waterway',
  'duong thuy noi dia': 'waterway',
  road: 'road',
  rail: 'rail',
  waterway: 'waterway',
};
const SOURCES: Record<string, 'police' | 'health' | 'citizen'> = {
  'cong an': 'police',
  'y te': 'health',
  'nguoi dan': 'citizen',
  police: 'police',
  health: 'health',
  citizen: 'citizen',
};

interface Parsed {
  rows: { row: number; input: z.infer<typeof s.crashInput>; match: CrashForMatch }[];
  problems: Problem[];
  total: number;
}

async function parseFile(db: Queryable, user: SessionUser, body: ImportBody): Promise<Parsed> {
  const bytes = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
  const grid = await readGrid(bytes, body.fileName);
  if (!grid.ok)
    throw badRequest(
      grid.problems[0]?.message ?? 'Không đọc được tệp.',
      grid.problems.map((p) => ({ path: 'Tệp', message: p.message })),
    );
  const rows = grid.grid;
  const headerAt = rows.findIndex((r) => r.some((c) => normalizeName(c).startsWith('ngay')));
  if (headerAt < 0)
    throw badRequest('Không tìm thấy dòng tiêu đề của tệp mẫu.', [
      { path: 'Dòng 1', message: 'Tệp phải có dòng tiêu đề như tệp mẫu (cột "Ngày (dd/mm/yyyy)" …)' },
    ]);
  const header = rows[headerAt] ?? [];
  const index = new Map<Field, number>();
  const problems: Problem[] = [];
  for (const c of COLUMNS) {
    const key = normalizeName(c.heading.replace(/\(.*$/, ''));
    const at = header.findIndex((h) => normalizeName(h.replace(/\(.*$/, '')) === key);
    if (at >= 0) index.set(c.field, at);
    else if (['date', 'commune', 'deaths', 'injured'].includes(c.field))
      problems.push({ row: headerAt + 1, column: c.heading, message: `Thiếu cột "${c.heading}"` });
  }
  if (problems.length) return { rows: [], problems, total: 0 };

  const communes = await db.query<{
    id: string;
    name: string;
    kind: string;
    validFrom: string;
    validTo: string | null;
    current: string;
  }>(
    `SELECT a.id, a.name, a.kind, a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo", r.current_id AS current
       FROM admin_units a JOIN admin_unit_rollup r ON r.id = a.id WHERE a.level = 'commune'`,
  );
  const roads = new Map(
    (await db.query<{ id: number; code: string }>('SELECT id, code FROM roads')).map((r) => [
      normalizeName(r.code),
      r.id,
    ]),
  );
  const scope = crashScope(user);
  const out: Parsed['rows'] = [];
  let total = 0;
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    total++;
    const rowNo = i + 1;
    const cell = (f: Field) => (cells[index.get(f) ?? -1] ?? '').trim();
    const bad = (f: Field, message: string) =>
      problems.push({ row: rowNo, column: COLUMNS.find((c) => c.field === f)!.heading, message });
    const rowProblems = problems.length;

    const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell('date'));
    const t = /^(\d{1,2})[:h](\d{2})$/.exec(cell('time') || '00:00');
    let occurredAt = '';
    if (!d) bad('date', 'Ngày phải có dạng dd/mm/yyyy');
    else if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) bad('time', 'Giờ phải có dạng hh:mm');
    else {
      const iso = `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}`;
      const check = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(check.getTime()) || !check.toISOString().startsWith(iso))
        bad('date', 'Ngày không tồn tại');
      else occurredAt = `${iso}T${t[1]!.padStart(2, '0')}:${t[2]}:00+07:00`;
    }
    const day = occurredAt ? localDay(occurredAt) : '';
    const communeText = cell('commune');
    const key = normalizeName(communeText).replace(/^(xa|phuong|thi tran)\s+/, '');
    const found = communes.filter(
      (c) =>
        (c.id === communeText || normalizeName(c.name) === key) &&
        (!day || (c.validFrom <= day && (c.validTo === null || c.validTo >= day))),
    );
    if (!communeText) bad('commune', 'Chưa ghi xã, phường');
    else if (found.length === 0) bad('commune', `Không có xã, phường "${communeText}" vào ngày xảy ra vụ`);
    else if (found.length > 1) bad('commune', `"${communeText}" trùng tên nhiều xã; hãy ghi mã`);
    else if (scope !== null && found[0]!.current !== scope)
      bad('commune', 'Cán bộ xã chỉ nhập vụ TNGT trên địa bàn xã mình');

    const roadText = cell('road');
    const roadId = roadText ? roads.get(normalizeName(roadText)) : undefined;
    if (roadText && roadId === undefined) bad('road', `Không có tuyến "${roadText}"`);
    const km = cell('km');
    if (km && parseKmMarker(km) === null) bad('km', 'Lý trình phải có dạng Km 12+300');
    const num = (f: Field, { int = true, min = 0, max = 500 } = {}) => {
      const v = cell(f);
      if (v === '') return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || (int && !Number.isInteger(n)) || n < min || n > max) {
        bad(f, `Giá trị "${v}" không hợp lệ`);
        return null;
      }
      return n;
    };
    const lat = num('lat', { int: false, min: -90, max: 90 });
    const lon = num('lon', { int: false, min: -180, max: 180 });
    if ((lat === null) !== (lon === null)) bad('lon', 'Cần cả vĩ độ và kinh độ');
    const deaths = num('deaths');
    const injured = num('injured');
    const students = num('students');
    const yesNo = (f: Field) => {
      const v = normalizeName(cell(f));
      if (YES.has(v)) return true;
      if (NO.has(v)) return false;
      bad(f, `Ghi "có" hoặc "không" (đang ghi "${cell(f)}")`);
      return false;
    };
    const list = (f: Field) =>
      cell(f)
        .split(/[;,]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    const mode = MODES[normalizeName(cell('mode') || 'duong bo')];
    if (!mode) bad('mode', `Loại hình "${cell('mode')}" không hợp lệ`);
    const source = SOURCES[normalizeName(cell('source') || 'cong an')];
    if (!source) bad('source', `Nguồn tin "${cell('source')}" không hợp lệ`);
    const candidate = {
      occurredAt,
      adminUnitId: found[0]?.id ?? '',
      roadId: roadId ?? null,
      kmMarker: km || null,
      lat,
      lon,
      mode: mode ?? 'road',
      deaths: deaths ?? 0,
      injured: injured ?? 0,
      students: students ?? 0,
      causes: list('causes'),
      vehicles: list('vehicles'),
      alcohol: yesNo('alcohol'),
      commercial: yesNo('commercial'),
      source: source ?? 'police',
      verified: yesNo('verified'),
      description: cell('description') || null,
    };
    const parsed = s.crashInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const col =
          COLUMNS.find((c) => c.field === (field === 'adminUnitId' ? 'commune' : field))?.heading ?? field;
        if (!problems.some((p) => p.row === rowNo && p.column === col))
          problems.push({ row: rowNo, column: col, message: issue.message });
      }
    }
    if (parsed.success && problems.length === rowProblems) {
      out.push({
        row: rowNo,
        input: parsed.data,
        match: {
          id: -rowNo,
          occurredAt,
          communeId: found[0]!.current,
          lat,
          lon,
          roadId: roadId ?? null,
          kmM: parseKmMarker(km),
          deaths: parsed.data.deaths,
          injured: parsed.data.injured,
          vehicles: parsed.data.vehicles,
        },
      });
    }
  }
  if (total === 0)
    problems.push({
      row: headerAt + 2,
      column: 'Ngày (dd/mm/yyyy)',
      message: 'Tệp không có dòng dữ liệu nào',
    });
  return { rows: out, problems, total };
}

/** Likely duplicates of the file's rows among the records already saved and among the file's own rows. */
async function duplicatesOf(db: Queryable, rows: Parsed['rows']) {
  if (rows.length === 0) return [];
  const times = rows.map((r) => Date.parse(r.match.occurredAt));
  const saved = await db.query<CrashForMatch & { id: number | string }>(
    `SELECT c.id, to_json(c.occurred_at) #>> '{}' AS "occurredAt", r.current_id AS "communeId", c.lat, c.lon,
            c.road_id AS "roadId", c.km_m AS "kmM", c.deaths, c.injured, c.vehicles
       FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
      WHERE c.merged_into IS NULL AND c.occurred_at BETWEEN $1::timestamptz AND $2::timestamptz`,
    [
      new Date(Math.min(...times) - 7_200_000).toISOString(),
      new Date(Math.max(...times) + 7_200_000).toISOString(),
    ],
  );
  const pool = [...saved.map((c) => ({ ...c, id: Number(c.id) })), ...rows.map((r) => r.match)];
  return rows.flatMap((r) =>
    findDuplicates(r.match, pool)
      .filter((m) => m.id > 0 || m.id > r.match.id) // a later row repeats an earlier one
      .map((m) => ({
        row: r.row,
        crashId: m.id > 0 ? m.id : 0,
        reasons: m.id > 0 ? m.reasons : [`Trùng với dòng ${-m.id} của tệp`, ...m.reasons],
      })),
  );
}

export async function previewCrashImport(db: Db, user: SessionUser, body: ImportBody) {
  const parsed = await parseFile(db, user, body);
  return {
    rows: parsed.total,
    valid: parsed.problems.length === 0 && parsed.total > 0,
    problems: parsed.problems,
    duplicates: await duplicatesOf(db, parsed.rows),
    preview: parsed.rows.slice(0, 50).map((r) => ({ row: r.row, ...r.input })),
    created: 0,
  };
}

export async function commitCrashImport(db: Db, actor: Actor, user: SessionUser, body: ImportBody) {
  const parsed = await parseFile(db, user, body);
  if (parsed.problems.length > 0)
    throw badRequest(
      `Tệp có ${parsed.problems.length} lỗi; chưa nhập dòng nào. Hãy sửa rồi nhập lại.`,
      parsed.problems.map((p) => ({ path: `Dòng ${p.row}, cột ${p.column}`, message: p.message })),
    );
  const duplicates = await duplicatesOf(db, parsed.rows);
  const created = await db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const r of parsed.rows) ids.push(await insertCrash(tx, actor.userId, r.input));
    await audit(tx, actor, {
      action: 'import',
      entity: 'crash',
      entityId: null,
      after: { fileName: body.fileName, rows: ids.length, firstId: ids[0], lastId: ids.at(-1) },
    });
    return ids.length;
  });
  return { rows: parsed.total, valid: true, problems: [], duplicates, preview: [], created };
}
