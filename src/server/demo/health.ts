/** Loads the demo hospital records and links them to the demo crashes with the real linkage. */
import { generateCrashes } from '../../domain/demo/crashes.ts';
import { generateHealthRecords } from '../../domain/demo/health-records.ts';
import { buildDemoProvince } from '../../domain/demo/province.ts';
import { relink } from '../crashes/health.ts';
import type { Db } from '../platform/db.ts';

export async function loadDemoHealthRecords(db: Db): Promise<{ records: number; linked: number }> {
  const records = generateHealthRecords(generateCrashes(buildDemoProvince()));
  if (records.length === 0) return { records: 0, linked: 0 };
  return db.transaction(async (tx) => {
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
    const first = records.reduce((m, r) => (r.admittedAt < m ? r.admittedAt : m), records[0]!.admittedAt);
    const last = records.reduce((m, r) => (r.admittedAt > m ? r.admittedAt : m), records[0]!.admittedAt);
    const { linked } = await relink(tx, first, last);
    return { records: records.length, linked };
  });
}
