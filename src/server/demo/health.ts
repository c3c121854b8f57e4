/** Loads the demo hospital records and links them to the demo crashes with the real linkage. */
import { generateCrashes } from '../../domain/demo/crashes.ts';
import { generateHealthRecords } from '../../domain/demo/health-records.ts';
import { buildDemoProvince } from '../../domain/demo/province.ts';
import { insertHealthRecords, relink } from '../crashes/health.ts';
import type { Db } from '../platform/db.ts';

export async function loadDemoHealthRecords(db: Db): Promise<{ records: number; linked: number }> {
  const records = generateHealthRecords(generateCrashes(buildDemoProvince()));
  if (records.length === 0) return { records: 0, linked: 0 };
  return db.transaction(async (tx) => {
    await insertHealthRecords(tx, records);
    const first = records.reduce((m, r) => (r.admittedAt < m ? r.admittedAt : m), records[0]!.admittedAt);
    const last = records.reduce((m, r) => (r.admittedAt > m ? r.admittedAt : m), records[0]!.admittedAt);
    const { linked } = await relink(tx, first, last);
    return { records: records.length, linked };
  });
}
