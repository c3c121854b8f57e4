/**
 * Violators per unit (người vi phạm theo cơ quan, trường học, xã nơi cư trú) over a period: the count behind
 * the monthly notices to units, and what the emulation capability scores (compliance counts in staff and
 * student evaluation and in emulation). Pure: the records and the period are arguments.
 *
 * Rules:
 * - A person is one violator however many violations: identified by the identity number (số định danh) when
 *   there is one, else by the name written the same way (case, spaces and Unicode form ignored) within the unit.
 * - A record without a person (a camera violation whose driver is unknown) counts for no unit.
 * - Cancelled violations are left out by the caller; the period is inclusive local dates in Viet Nam (UTC+7).
 * - A school is matched on its name written the same way; its label is the spelling met most often, ties going
 *   to the one with more capitals ('Trường THPT Chuyên Lê Quý Đôn' over 'trường thpt chuyên lê quý đôn').
 */
import { localDateOf } from '../crashes/periods.ts';

export interface ViolatorRecord {
  /** ISO instant. */
  occurredAt: string;
  personName: string | null;
  personIdNumber: string | null;
  orgUnitId: number | null;
  school: string | null;
  /** Commune of residence. */
  communeId: string | null;
}

export type UnitKind = 'org_unit' | 'school' | 'commune';

export interface UnitViolators {
  kind: UnitKind;
  /** Org unit id (as text), commune id, or the school's normalised name. */
  key: string;
  /** Schools: the name as first written; others: the key. */
  label: string;
  violators: number;
  violations: number;
}

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** Counts per unit, sorted by kind (org units, schools, communes), then most violators first, then key. */
export function countViolatorsByUnit(
  records: readonly ViolatorRecord[],
  period: { from: string; to: string },
): UnitViolators[] {
  const units = new Map<
    string,
    { unit: UnitViolators; people: Set<string>; spellings: Map<string, number> }
  >();
  const add = (kind: UnitKind, key: string, label: string, person: string) => {
    const id = `${kind}|${key}`;
    let u = units.get(id);
    if (!u) {
      u = {
        unit: { kind, key, label, violators: 0, violations: 0 },
        people: new Set(),
        spellings: new Map(),
      };
      units.set(id, u);
    }
    u.unit.violations++;
    u.people.add(person);
    u.unit.violators = u.people.size;
    u.spellings.set(label, (u.spellings.get(label) ?? 0) + 1);
  };
  const capitals = (s: string) => s.replace(/[^\p{Lu}]/gu, '').length;
  for (const r of records) {
    const day = localDateOf(Date.parse(r.occurredAt));
    if (day < period.from || day > period.to) continue;
    const idNumber = r.personIdNumber?.trim() || null;
    const name = r.personName?.trim() || null;
    if (!idNumber && !name) continue;
    const person = idNumber ? `id:${idNumber}` : `name:${norm(name!)}`;
    if (r.orgUnitId !== null) add('org_unit', String(r.orgUnitId), String(r.orgUnitId), person);
    const school = r.school?.trim();
    if (school) add('school', norm(school), school.replace(/\s+/g, ' '), person);
    if (r.communeId) add('commune', r.communeId, r.communeId, person);
  }
  const order: Record<UnitKind, number> = { org_unit: 0, school: 1, commune: 2 };
  return [...units.values()]
    .map(({ unit, spellings }) => {
      const best = [...spellings].sort((a, b) => b[1] - a[1] || capitals(b[0]) - capitals(a[0]))[0];
      return { ...unit, label: best?.[0] ?? unit.label };
    })
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        b.violators - a.violators ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}
