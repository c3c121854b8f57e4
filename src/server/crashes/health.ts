/**
 * Health records (hồ sơ y tế): imported from hospitals' lists, linked to police crash records by the
 * probabilistic match of `domain/crashes/health-linkage.ts`, and compared with police counts to
 * estimate how many deaths and injuries the police data misses (Chapman's capture–recapture).
 */
import type { z } from 'zod';
import {
  type CrashCandidate,
  estimateUnderReporting,
  type HealthRecord,
  linkHealthRecords,
} from '../../domain/crashes/health-linkage.ts';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { readGrid } from '../plans/files/read-grid.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest } from '../platform/errors.ts';
import type * as s from './schemas.ts';
import { crashScope, dayEnd, dayStart } from './service.ts';
import { resolvePeriod } from './stats.ts';

const HEADINGS = {
  facility: 'Cơ sở y tế',
  recordNo: 'Số hồ sơ',
  admittedAt: 'Ngày giờ nhập viện',
  commune: 'Xã, phường',
  age: 'Tuổi',
  sex: 'Giới tính',
  vehicle: 'Phương tiện',
  outcome: 'Kết quả điều trị',
} as const;
type Field = keyof typeof HEADINGS;
const OUTCOMES: Record<string, 'died' | 'serious' | 'minor' | 'discharged'> = {
  'tu vong': 'died',
  died: 'died',
  nang: 'serious',
  serious: 'serious',
  nhe: 'minor',
  minor: 'minor',
  'ra vien': 'discharged',
  discharged: 'discharged',
};

export async function importHealthRecords(db: Db, actor: Actor, body: z.infer<typeof s.crashImportBody>) {
  const grid = await readGrid(new Uint8Array(Buffer.from(body.contentBase64, 'base64')), body.fileName);
  if (!grid.ok)
    throw badRequest(
      grid.problems[0]?.message ?? 'Không đọc được tệp.',
      grid.problems.map((p) => ({ path: 'Tệp', message: p.message })),
    );
  const rows = grid.grid;
  const headerAt = rows.findIndex((r) =>
    r.some((c) => normalizeName(c).startsWith(normalizeName(HEADINGS.recordNo))),
  );
  if (headerAt < 0)
    throw badRequest('Không tìm thấy dòng tiêu đề.', [
      { path: 'Dòng 1', message: `Cần các cột: ${Object.values(HEADINGS).join(', ')}` },
    ]);
  const header = (rows[headerAt] ?? []).map((h) => normalizeName(h.replace(/\(.*$/, '')));
  const at = Object.fromEntries(
    (Object.keys(HEADINGS) as Field[]).map((f) => [f, header.indexOf(normalizeName(HEADINGS[f]))]),
  ) as Record<Field, number>;
  const problems: { row: number; column: string; message: string }[] = [];
  for (const f of ['facility', 'recordNo', 'admittedAt', 'outcome'] as const)
    if (at[f] < 0)
      problems.push({ row: headerAt + 1, column: HEADINGS[f], message: `Thiếu cột "${HEADINGS[f]}"` });
  const communes = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM admin_units WHERE level = 'commune'`,
  );
  const communeOf = (text: string) =>
    communes.find((c) => c.id === text) ??
    communes.find(
      (c) => normalizeName(c.name) === normalizeName(text).replace(/^(xa|phuong|thi tran)\s+/, ''),
    );
  const records: {
    row: number;
    facility: string;
    recordNo: string;
    admittedAt: string;
    adminUnitId: string | null;
    age: number | null;
    sex: 'male' | 'female' | null;
    vehicle: string | null;
    outcome: 'died' | 'serious' | 'minor' | 'discharged';
  }[] = [];
  const seen = new Set<string>();
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const row = i + 1;
    const cell = (f: Field) => (at[f] >= 0 ? (cells[at[f]] ?? '').trim() : '');
    const bad = (f: Field, message: string) => problems.push({ row, column: HEADINGS[f], message });
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/.exec(cell('admittedAt'));
    let admittedAt = '';
    if (!m) bad('admittedAt', 'Phải có dạng dd/mm/yyyy hh:mm');
    else {
      const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso))
        bad('admittedAt', 'Ngày không tồn tại');
      else admittedAt = `${iso}T${(m[4] ?? '0').padStart(2, '0')}:${m[5] ?? '00'}:00+07:00`;
    }
    const facility = cell('facility');
    const recordNo = cell('recordNo');
    if (!facility) bad('facility', 'Chưa ghi cơ sở y tế');
    if (!recordNo) bad('recordNo', 'Chưa ghi số hồ sơ');
    if (seen.has(`${facility}|${recordNo}`))
      bad('recordNo', `Số hồ sơ "${recordNo}" trùng với một dòng trước`);
    seen.add(`${facility}|${recordNo}`);
    const communeText = cell('commune');
    const commune = communeText ? communeOf(communeText) : undefined;
    if (communeText && !commune) bad('commune', `Không có xã, phường "${communeText}"`);
    const ageText = cell('age');
    const age = ageText === '' ? null : Number(ageText);
    if (age !== null && (!Number.isInteger(age) || age < 0 || age > 120))
      bad('age', `Tuổi "${ageText}" không hợp lệ`);
    const sexText = normalizeName(cell('sex'));
    const sex = sexText === 'nam' ? 'male' : sexText === 'nu' ? 'female' : null;
    if (sexText && !sex) bad('sex', 'Ghi "nam" hoặc "nữ"');
    const outcome = OUTCOMES[normalizeName(cell('outcome'))];
    if (!outcome) bad('outcome', 'Ghi "tử vong", "nặng", "nhẹ" hoặc "ra viện"');
    if (admittedAt && facility && recordNo && outcome)
      records.push({
        row,
        facility,
        recordNo,
        admittedAt,
        adminUnitId: commune?.id ?? null,
        age,
        sex,
        vehicle: cell('vehicle') || null,
        outcome,
      });
  }
  if (problems.length === 0 && records.length === 0)
    problems.push({ row: headerAt + 2, column: HEADINGS.recordNo, message: 'Tệp không có dòng dữ liệu nào' });
  if (problems.length > 0)
    throw badRequest(
      `Tệp có ${problems.length} lỗi; chưa nhập dòng nào.`,
      problems.map((p) => ({ path: `Dòng ${p.row}, cột ${p.column}`, message: p.message })),
    );

  return db.transaction(async (tx) => {
    const existing = await tx.query<{ key: string }>(
      `SELECT facility || '|' || record_no AS key FROM health_records WHERE (facility, record_no) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [records.map((r) => r.facility), records.map((r) => r.recordNo)],
    );
    if (existing.length > 0) {
      const taken = new Set(existing.map((e) => e.key));
      throw badRequest(
        'Có hồ sơ đã được nhập trước đó; chưa nhập dòng nào.',
        records
          .filter((r) => taken.has(`${r.facility}|${r.recordNo}`))
          .map((r) => ({
            path: `Dòng ${r.row}, cột ${HEADINGS.recordNo}`,
            message: `Hồ sơ ${r.recordNo} của ${r.facility} đã có`,
          })),
      );
    }
    await insertHealthRecords(tx, records);
    const times = records.map((r) => Date.parse(r.admittedAt));
    const result = await relink(
      tx,
      new Date(Math.min(...times) - 2 * 86_400_000).toISOString(),
      new Date(Math.max(...times) + 86_400_000).toISOString(),
    );
    await audit(tx, actor, {
      action: 'import',
      entity: 'health_record',
      after: { fileName: body.fileName, rows: records.length, ...result },
    });
    return { rows: records.length, created: records.length, ...result, problems: [] };
  });
}

export interface HealthRecordRow {
  facility: string;
  recordNo: string;
  admittedAt: string;
  adminUnitId: string | null;
  age: number | null;
  sex: 'male' | 'female' | null;
  vehicle: string | null;
  outcome: 'died' | 'serious' | 'minor' | 'discharged';
}

/** Inserts hospital records in one statement (the import and the demo loader share it). */
export async function insertHealthRecords(tx: Queryable, records: HealthRecordRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO health_records (facility, record_no, admitted_at, admin_unit_id, age, sex, vehicle, outcome)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
    [
      records.map((r) => r.facility),
      records.map((r) => r.recordNo),
      records.map((r) => r.admittedAt),
      records.map((r) => r.adminUnitId),
      records.map((r) => r.age),
      records.map((r) => r.sex),
      records.map((r) => r.vehicle),
      records.map((r) => r.outcome),
    ],
  );
}

/** Links every health record admitted in [from, to] again, against the crashes of that span. */
export async function relink(
  tx: Queryable,
  from: string,
  to: string,
): Promise<{ linked: number; possible: number }> {
  const health = await tx.query<{
    id: number | string;
    admittedAt: string;
    communeId: string | null;
    age: number | null;
    sex: 'male' | 'female' | null;
    vehicle: string | null;
    outcome: HealthRecord['outcome'];
  }>(
    `SELECT h.id, to_json(h.admitted_at) #>> '{}' AS "admittedAt", r.current_id AS "communeId", h.age, h.sex, h.vehicle, h.outcome
       FROM health_records h LEFT JOIN admin_unit_rollup r ON r.id = h.admin_unit_id
      WHERE h.admitted_at BETWEEN $1 AND $2`,
    [from, to],
  );
  const crashes = await tx.query<
    Omit<CrashCandidate, 'persons'> & { persons: CrashCandidate['persons'] | null }
  >(
    `SELECT c.id, to_json(c.occurred_at) #>> '{}' AS "occurredAt", r.current_id AS "communeId", c.lat, c.lon, c.vehicles,
            (SELECT json_agg(json_build_object('age', p.age, 'sex', p.sex, 'injury', p.injury)) FROM crash_persons p WHERE p.crash_id = c.id) AS persons,
            c.deaths, c.injured
       FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
      WHERE c.merged_into IS NULL AND c.occurred_at BETWEEN $1::timestamptz - interval '1 day' AND $2`,
    [from, to],
  );
  const result = linkHealthRecords(
    health.map((h) => ({ ...h, id: Number(h.id) })),
    crashes.map((c) => ({ ...c, id: Number(c.id), persons: c.persons ?? [] })),
  );
  await tx.query(
    'UPDATE health_records SET crash_id = NULL, link_weight = NULL, link_status = NULL WHERE admitted_at BETWEEN $1 AND $2',
    [from, to],
  );
  if (result.links.length > 0)
    await tx.query(
      `UPDATE health_records h SET crash_id = u.crash_id, link_weight = u.weight, link_status = u.status
         FROM unnest($1::bigint[], $2::bigint[], $3::float8[], $4::text[]) AS u(id, crash_id, weight, status) WHERE h.id = u.id`,
      [
        result.links.map((l) => l.recordId),
        result.links.map((l) => l.crashId),
        result.links.map((l) => l.weight),
        result.links.map((l) => l.status),
      ],
    );
  return {
    linked: result.links.filter((l) => l.status === 'link').length,
    possible: result.links.filter((l) => l.status === 'possible').length,
  };
}

export async function healthSummary(db: Db, user: SessionUser, q: z.infer<typeof s.healthSummaryQuery>) {
  const { period } = resolvePeriod(q.period);
  const scope = crashScope(user);
  const start = dayStart('$1');
  const end = dayEnd('$2');
  const values: unknown[] = [period.from, period.to];
  const scopeSql = scope === null ? '' : `AND r.current_id = $${values.push(scope)}`;
  const [police] = await db.query<{ crashes: number; deaths: number; injured: number }>(
    `SELECT count(*)::int AS crashes, COALESCE(sum(c.deaths), 0)::int AS deaths, COALESCE(sum(c.injured), 0)::int AS injured
       FROM crashes c JOIN admin_unit_rollup r ON r.id = c.admin_unit_id
      WHERE c.merged_into IS NULL AND c.verified AND c.occurred_at >= ${start} AND c.occurred_at < ${end} ${scopeSql}`,
    values,
  );
  const [health] = await db.query<{
    records: number;
    died: number;
    injured: number;
    linkedRecords: number;
    linkedDied: number;
    linkedInjured: number;
    possible: number;
  }>(
    `SELECT count(*)::int AS records,
            count(*) FILTER (WHERE h.outcome = 'died')::int AS died,
            count(*) FILTER (WHERE h.outcome <> 'died')::int AS injured,
            count(*) FILTER (WHERE h.link_status = 'link')::int AS "linkedRecords",
            count(*) FILTER (WHERE h.link_status = 'link' AND h.outcome = 'died')::int AS "linkedDied",
            count(*) FILTER (WHERE h.link_status = 'link' AND h.outcome <> 'died')::int AS "linkedInjured",
            count(*) FILTER (WHERE h.link_status = 'possible')::int AS possible
       FROM health_records h LEFT JOIN admin_unit_rollup r ON r.id = h.admin_unit_id
      WHERE h.admitted_at >= ${start} AND h.admitted_at < ${end} ${scopeSql}`,
    values,
  );
  const p = police ?? { crashes: 0, deaths: 0, injured: 0 };
  const h = health ?? {
    records: 0,
    died: 0,
    injured: 0,
    linkedRecords: 0,
    linkedDied: 0,
    linkedInjured: 0,
    possible: 0,
  };
  const est = (policeN: number, healthN: number, linked: number) => {
    const e = estimateUnderReporting({ police: policeN, health: healthN, linked });
    return {
      total: e.estimate,
      low: e.lower95,
      high: e.upper95,
      underReportingPercent: e.underReportingPercent,
      reliable: e.reliable,
    };
  };
  return {
    period: { from: period.from, to: period.to, label: period.label },
    police: p,
    health: { records: h.records, died: h.died, injured: h.injured },
    linked: { records: h.linkedRecords, died: h.linkedDied, injured: h.linkedInjured, possible: h.possible },
    estimate: {
      deaths: est(p.deaths, h.died, h.linkedDied),
      injured: est(p.injured, h.injured, h.linkedInjured),
    },
    method:
      'Ghép hồ sơ y tế với vụ TNGT theo thời gian nhập viện, địa bàn, tuổi, giới tính, phương tiện (Fellegi–Sunter); ước tính tổng số bằng phương pháp Chapman (bắt – thả – bắt lại) trên số người chết, bị thương của công an và số hồ sơ y tế đã ghép.',
  };
}
