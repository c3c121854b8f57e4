/**
 * A violation recorded by a patrol (lập biên bản tại chỗ): the checks that depend on the day and on each other —
 * the catalogue in force on the local date, the fine class of the vehicle, the decided fine within the range of
 * that day, the licence points from the catalogue, the plate read into its matching key. Every problem is given
 * by field, in Vietnamese; nothing here knows about the database.
 */
import { VEHICLE_TYPES } from '../crashes/codes.ts';
import { formatNumberVi } from '../crashes/comparison.ts';
import { formatDateVi, ISO_INSTANT, localDateOf } from '../crashes/periods.ts';
import { vehicleClassOf, violationTypeOn } from './catalogue.ts';
import { parsePlate } from './plates.ts';

export interface PatrolViolationInput {
  typeCode: string;
  /** ISO instant with its offset, e.g. 2026-01-20T21:15:00+07:00. */
  occurredAt: string;
  vehicleType: string;
  plate?: string | null;
  fineVnd?: number | null;
}

export interface CheckedPatrolViolation {
  typeCode: string;
  ruleSet: string;
  /** UTC instant. */
  occurredAt: string;
  /** Local date in Viet Nam. */
  localDate: string;
  plate: string | null;
  plateDisplay: string | null;
  fineMin: number;
  fineMax: number;
  fineVnd: number | null;
  points: number | null;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const VEHICLES = new Map<string, string>(VEHICLE_TYPES.map((v) => [v.code, v.label]));

export function checkPatrolViolation(
  input: PatrolViolationInput,
  now = Date.now(),
): { ok: true; value: CheckedPatrolViolation } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const ms = ISO_INSTANT.test(input.occurredAt) ? Date.parse(input.occurredAt) : Number.NaN;
  if (Number.isNaN(ms)) bad('occurredAt', 'Thời điểm phải có dạng yyyy-mm-ddThh:mm:ss+07:00.');
  else if (ms > now + 10 * 60_000) bad('occurredAt', 'Thời điểm ở tương lai.');
  const date = Number.isNaN(ms) ? null : localDateOf(ms);
  const type = date ? violationTypeOn(input.typeCode, date) : null;
  if (date && !type)
    bad(
      'typeCode',
      `Hành vi "${input.typeCode}" không có trong danh mục áp dụng ngày ${formatDateVi(date)}.`,
    );
  let plate: { key: string; display: string } | null = null;
  if (input.plate != null && input.plate.trim() !== '') {
    const parsed = parsePlate(input.plate);
    if (parsed.ok) plate = parsed.plate;
    else bad('plate', parsed.error);
  }
  const cls = vehicleClassOf(input.vehicleType);
  const fine = type && cls ? type.type.fines[cls] : undefined;
  if (!VEHICLES.has(input.vehicleType))
    bad('vehicleType', `Loại phương tiện "${input.vehicleType}" không có trong danh mục.`);
  else if (type && !fine)
    bad(
      'vehicleType',
      `${VEHICLES.get(input.vehicleType)}: danh mục ${type.ruleSet.id} không quy định mức phạt cho hành vi "${type.type.label}".`,
    );
  const fineVnd = input.fineVnd ?? null;
  if (fine && fineVnd !== null && (fineVnd < fine.min || fineVnd > fine.max))
    bad(
      'fineVnd',
      `Mức phạt phải từ ${formatNumberVi(fine.min)} đến ${formatNumberVi(fine.max)} đồng (${type!.ruleSet.id}, ngày ${formatDateVi(date!)}).`,
    );
  if (problems.length || !type || !fine || !date) return { ok: false, problems };
  return {
    ok: true,
    value: {
      typeCode: type.type.code,
      ruleSet: type.ruleSet.id,
      occurredAt: new Date(ms).toISOString(),
      localDate: date,
      plate: plate?.key ?? null,
      plateDisplay: plate?.display ?? null,
      fineMin: fine.min,
      fineMax: fine.max,
      fineVnd,
      points: fine.points,
    },
  };
}
