/**
 * Hospital records of the demo crash victims (hồ sơ y tế), as the province's hospitals would list
 * them: most victims taken to hospital within a few hours, some not at all, and a share of injured
 * people the police never recorded (the under-reporting the linkage estimates). Seeded, pure.
 */
import { Rng } from './rng.ts';
import type { CrashSeed } from './types.ts';

export interface HealthRecordSeed {
  facility: string;
  recordNo: string;
  admittedAt: string;
  adminUnitId: string | null;
  age: number;
  sex: 'male' | 'female';
  vehicle: string | null;
  outcome: 'died' | 'serious' | 'minor' | 'discharged';
}

const FACILITIES = [
  'Bệnh viện Đa khoa tỉnh Lai Châu',
  'Trung tâm Y tế Tam Đường',
  'Trung tâm Y tế Sìn Hồ',
  'Trung tâm Y tế Than Uyên',
];

/** Records for the crashes from `from` (yyyy-mm-dd) on. */
export function generateHealthRecords(
  crashes: CrashSeed[],
  from = '2025-01-01',
  seed = 115,
): HealthRecordSeed[] {
  const rng = new Rng(seed);
  const out: HealthRecordSeed[] = [];
  let n = 0;
  const add = (
    at: number,
    adminUnitId: string | null,
    vehicle: string | null,
    outcome: HealthRecordSeed['outcome'],
  ) => {
    n++;
    out.push({
      facility: rng.pick(FACILITIES),
      recordNo: `CC-${String(n).padStart(6, '0')}`,
      admittedAt: new Date(at).toISOString(),
      adminUnitId,
      age: rng.int(6, 75),
      sex: rng.next() < 0.78 ? 'male' : 'female',
      vehicle,
      outcome,
    });
  };
  for (const c of crashes) {
    if (c.occurredAt.slice(0, 10) < from) continue;
    const at = Date.parse(c.occurredAt);
    // Victims taken to hospital: most of the injured, some of those who died later.
    for (let k = 0; k < c.injured; k++)
      if (rng.next() < 0.8)
        add(
          at + rng.int(20, 240) * 60_000,
          rng.next() < 0.9 ? c.adminUnitId : null,
          rng.pick(c.vehicles),
          rng.next() < 0.35 ? 'serious' : 'minor',
        );
    for (let k = 0; k < c.deaths; k++)
      if (rng.next() < 0.3) add(at + rng.int(20, 180) * 60_000, c.adminUnitId, rng.pick(c.vehicles), 'died');
    // People hurt in the same place and day whom the police never recorded.
    if (rng.next() < 0.12)
      add(at + rng.int(26, 60) * 3_600_000, c.adminUnitId, 'motorbike', rng.next() < 0.1 ? 'died' : 'minor');
  }
  return out;
}
