/**
 * Loads the demo propaganda work (src/domain/demo/propaganda.ts): the sessions and the schools' three-party
 * commitments, in one transaction and in bulk.
 */

import { demoPropaganda } from '../../domain/demo/propaganda.ts';
import type { DemoProvince } from '../../domain/demo/types.ts';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import type { Db } from '../platform/db.ts';
import { insertJson } from './insert-json.ts';

export async function loadDemoPropaganda(
  db: Db,
  province: DemoProvince,
  asOf: string,
): Promise<{ sessions: number; commitments: number }> {
  const { sessions, commitments } = demoPropaganda(province, asOf);
  await db.transaction(async (tx) => {
    const units = new Map(
      (await tx.query<{ id: number; code: string }>('SELECT id, code FROM org_units')).map((u) => [
        u.code,
        u.id,
      ]),
    );
    const unitOf = (code: string) => {
      const id = units.get(code);
      if (id === undefined) throw new Error(`Demo propaganda: unknown org unit ${code}`);
      return id;
    };
    await insertJson(
      tx,
      'propaganda_sessions',
      {
        heldOn: 'date',
        orgUnitId: 'int',
        adminUnitId: 'text',
        place: 'text',
        topic: 'text',
        audiences: 'text[]',
        channel: 'text',
        participants: 'int',
        materials: 'text',
        materialsCount: 'int',
        note: 'text',
      },
      sessions.map(({ orgUnitCode, ...s }) => ({ ...s, orgUnitId: unitOf(orgUnitCode) })),
    );
    await insertJson(
      tx,
      'school_commitments',
      {
        orgUnitId: 'int',
        school: 'text',
        schoolKey: 'text',
        schoolYear: 'text',
        students: 'int',
        signed: 'int',
        signedOn: 'date',
        note: 'text',
      },
      commitments.map(({ orgUnitCode, ...c }) => ({
        ...c,
        orgUnitId: unitOf(orgUnitCode),
        schoolKey: normalizeName(c.school),
      })),
    );
  });
  return { sessions: sessions.length, commitments: commitments.length };
}
