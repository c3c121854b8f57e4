import { classifyByCounts } from '../../domain/crashes/severity-rules.ts';
import { crashDetails } from '../../domain/demo/crash-details.ts';
import { generateCrashes } from '../../domain/demo/crashes.ts';
import { buildDemoProvince } from '../../domain/demo/province.ts';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Db } from '../platform/db.ts';
import { setMeta } from '../system/meta.ts';
import { loadDemoBlackSpots } from './blackspots.ts';
import { loadDemoEmulation } from './emulation.ts';
import { loadDemoEnforcement } from './enforcement.ts';
import { loadDemoHealthRecords } from './health.ts';
import { loadDemoIncidents } from './incidents.ts';
import { insertJson } from './insert-json.ts';
import { DEMO_AS_OF, loadDemoPlan } from './plan.ts';
import { loadDemoPropaganda } from './propaganda.ts';
import { loadDemoReports } from './reports.ts';

export interface DemoCounts {
  adminUnits: number;
  orgUnits: number;
  people: number;
  users: number;
  roads: number;
  crashes: number;
  planTasks: number;
  healthRecords: number;
  reportSubmissions: number;
  incidents: number;
}

/** Loads the demo province into an empty database, in one transaction. */
export async function loadDemoProvince(db: Db, options: { crashes?: boolean } = {}): Promise<DemoCounts> {
  const province = buildDemoProvince();
  const crashes = options.crashes === false ? [] : generateCrashes(province);
  const passwordHashes = await Promise.all(province.users.map((u) => hashPassword(u.password)));

  const counts = await db.transaction(async (tx) => {
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units');
    if ((existing?.n ?? 0) > 0)
      throw new Error('Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu minh họa vào CSDL trống.');

    // Parents before children: province, districts, communes.
    const order = { province: 0, district: 1, commune: 2 } as const;
    const units = [...province.adminUnits].sort((a, b) => order[a.level] - order[b.level]);
    for (const level of ['province', 'district', 'commune'] as const) {
      await insertJson(
        tx,
        'admin_units',
        {
          id: 'text',
          name: 'text',
          level: 'text',
          kind: 'text',
          parentId: 'text',
          validFrom: 'date',
          validTo: 'date',
          lat: 'float8',
          lon: 'float8',
        },
        units.filter((u) => u.level === level),
      );
    }
    await insertJson(
      tx,
      'admin_unit_successions',
      { oldId: 'text', newId: 'text', effectiveDate: 'date', note: 'text' },
      province.successions,
    );

    // Org units: insert in parent order and remember ids by code.
    const ids = new Map<string, number>();
    const pending = [...province.orgUnits];
    while (pending.length) {
      const ready = pending.filter((o) => o.parentCode === null || ids.has(o.parentCode));
      if (ready.length === 0) throw new Error('Demo org units refer to unknown parents');
      for (const o of ready) {
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO org_units (code, name, short_name, kind, parent_id, admin_unit_id, is_member, valid_from, valid_to)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            o.code,
            o.name,
            o.shortName,
            o.kind,
            o.parentCode ? ids.get(o.parentCode) : null,
            o.adminUnitId,
            o.isMember,
            o.validFrom,
            o.validTo,
          ],
        );
        ids.set(o.code, row!.id);
        pending.splice(pending.indexOf(o), 1);
      }
    }
    const aliases = province.orgUnits.flatMap((o) =>
      o.aliases.map((a) => ({
        orgUnitId: ids.get(o.code),
        alias: a.alias,
        normalized: normalizeName(a.alias),
        kind: a.kind,
        validTo: a.validTo ?? null,
      })),
    );
    const uniqueAliases = [...new Map(aliases.map((a) => [`${a.orgUnitId}|${a.normalized}`, a])).values()];
    await insertJson(
      tx,
      'org_unit_aliases',
      { orgUnitId: 'int', alias: 'text', normalized: 'text', kind: 'text', validTo: 'date' },
      uniqueAliases,
    );

    const personIds: number[] = [];
    for (const p of province.people) {
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO people (full_name, position, org_unit_id, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [p.fullName, p.position, ids.get(p.orgUnitCode) ?? null, p.phone, p.email],
      );
      personIds.push(row!.id);
    }
    await insertJson(
      tx,
      'users',
      {
        username: 'text',
        passwordHash: 'text',
        role: 'text',
        displayName: 'text',
        personId: 'int',
        orgUnitId: 'int',
        adminUnitId: 'text',
      },
      province.users.map((u, i) => ({
        username: u.username,
        passwordHash: passwordHashes[i],
        role: u.role,
        displayName: u.displayName,
        personId: u.personIndex == null ? null : personIds[u.personIndex],
        orgUnitId: u.orgUnitCode ? ids.get(u.orgUnitCode) : null,
        adminUnitId: u.adminUnitId,
      })),
    );

    await insertJson(
      tx,
      'roads',
      { code: 'text', name: 'text', kind: 'text', lengthKm: 'float8', markers: 'jsonb' },
      province.roads,
    );
    const roadIds = new Map(
      (await tx.query<{ id: number; code: string }>('SELECT id, code FROM roads')).map((r) => [r.code, r.id]),
    );
    const crashColumns = {
      occurredAt: 'timestamptz',
      adminUnitId: 'text',
      roadId: 'int',
      kmM: 'int',
      lat: 'float8',
      lon: 'float8',
      mode: 'text',
      deaths: 'int',
      injured: 'int',
      cause: 'text',
      vehicles: 'text[]',
      alcohol: 'boolean',
      severity: 'text',
      source: 'text',
      verified: 'boolean',
      description: 'text',
      causes: 'text[]',
      weather: 'text',
      light: 'text',
      surface: 'text',
      area: 'text',
      collisionType: 'text',
      commercial: 'boolean',
      students: 'int',
      severityRule: 'text',
    };
    const details = crashDetails(crashes);
    for (let i = 0; i < crashes.length; i += 2000) {
      await insertJson(
        tx,
        'crashes',
        crashColumns,
        crashes.slice(i, i + 2000).map(({ roadCode, ...c }, k) => ({
          ...c,
          ...details[i + k],
          severityRule: classifyByCounts(c.occurredAt.slice(0, 10), c.deaths, c.injured).ruleId,
          roadId: roadCode ? roadIds.get(roadCode) : null,
        })),
      );
    }
    await setMeta(tx, 'demo', true);
    await setMeta(tx, 'province_name', province.provinceName);
    return {
      adminUnits: province.adminUnits.length,
      orgUnits: province.orgUnits.length,
      people: province.people.length,
      users: province.users.length,
      roads: province.roads.length,
      crashes: crashes.length,
    };
  });
  const plan = await loadDemoPlan(db);
  const health = counts.crashes > 0 ? await loadDemoHealthRecords(db) : { records: 0, linked: 0 };
  // The reporting regime's history reads the crash records (flash report, review draft): like the hospital
  // records, it is left out when the caller asked for no crashes (the benchmarks start from a bare directory).
  const reports = counts.crashes > 0 ? await loadDemoReports(db, DEMO_AS_OF) : { submissions: 0 };
  // The response registry belongs to the directory (it decides who may dispatch); the history goes with the crashes.
  const incidents = await loadDemoIncidents(db, province, counts.crashes > 0 ? DEMO_AS_OF : null);
  if (counts.crashes > 0) await loadDemoBlackSpots(db, DEMO_AS_OF);
  if (counts.crashes > 0) await loadDemoEnforcement(db, province, DEMO_AS_OF);
  if (counts.crashes > 0) await loadDemoPropaganda(db, province, DEMO_AS_OF);
  // After everything the campaigns' data criteria are computed from.
  if (counts.crashes > 0) await loadDemoEmulation(db, DEMO_AS_OF);
  return {
    ...counts,
    planTasks: plan.tasks,
    healthRecords: health.records,
    reportSubmissions: reports.submissions,
    incidents: incidents.incidents,
  };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units');
  return (row?.n ?? 0) === 0;
}
