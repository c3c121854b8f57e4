/**
 * Loads the demo response registry and, when asOf is given, the year's quick reports with their
 * dispatch timelines (src/domain/demo/incidents.ts), in bulk.
 */
import { demoFacilities, demoIncidents } from '../../domain/demo/incidents.ts';
import type { DemoProvince } from '../../domain/demo/types.ts';
import type { Db } from '../platform/db.ts';
import { insertJson } from './insert-json.ts';

const MINUTE = 60_000;
const STEP_COLUMN = {
  dispatched: 'dispatchedAt',
  on_scene: 'onSceneAt',
  transported: 'transportedAt',
  closed: 'closedAt',
  dismissed: 'closedAt',
} as const;

export async function loadDemoIncidents(
  db: Db,
  province: DemoProvince,
  asOf: string | null,
  now = new Date(),
) {
  const facilities = demoFacilities(province);
  const incidents = asOf ? demoIncidents(province, facilities, asOf, now) : [];
  await db.transaction(async (tx) => {
    const units = await tx.query<{ id: number; code: string }>('SELECT id, code FROM org_units');
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    await insertJson(
      tx,
      'response_facilities',
      {
        id: 'int',
        name: 'text',
        kind: 'text',
        adminUnitId: 'text',
        orgUnitId: 'int',
        lat: 'float8',
        lon: 'float8',
        phone: 'text',
      },
      facilities.map((f, i) => ({ ...f, id: i + 1, orgUnitId: unitId.get(f.orgUnitCode) ?? null })),
    );
    await tx.query(`SELECT setval(pg_get_serial_sequence('response_facilities', 'id'), $1::int)`, [
      facilities.length,
    ]);
    if (incidents.length === 0) return;
    const [office] = await tx.query<{ id: number }>(`SELECT id FROM users WHERE username = 'capcuu'`);
    const by = office?.id ?? null;
    const at = (first: string, minutes: number) =>
      new Date(Date.parse(first) + minutes * MINUTE).toISOString();
    await insertJson(
      tx,
      'incidents',
      {
        id: 'int',
        code: 'text',
        status: 'text',
        firstReportedAt: 'timestamptz',
        occurredAt: 'timestamptz',
        lat: 'float8',
        lon: 'float8',
        accuracyM: 'float8',
        placeText: 'text',
        adminUnitId: 'text',
        victims: 'int',
        trapped: 'int',
        dispatchedAt: 'timestamptz',
        onSceneAt: 'timestamptz',
        transportedAt: 'timestamptz',
        closedAt: 'timestamptz',
      },
      incidents.map((inc, i) => ({
        id: i + 1,
        code: `SC-${inc.firstReportedAt.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`,
        status: inc.status,
        firstReportedAt: inc.firstReportedAt,
        occurredAt: inc.occurredAt,
        lat: inc.lat,
        lon: inc.lon,
        accuracyM: inc.accuracyM,
        placeText: inc.placeText,
        adminUnitId: inc.adminUnitId,
        victims: inc.victims,
        trapped: inc.trapped,
        ...Object.fromEntries(
          inc.steps.map((s) => [
            STEP_COLUMN[s.status as keyof typeof STEP_COLUMN],
            at(inc.firstReportedAt, s.afterMinutes),
          ]),
        ),
      })),
    );
    await tx.query(`SELECT setval(pg_get_serial_sequence('incidents', 'id'), $1::int)`, [incidents.length]);
    await insertJson(
      tx,
      'incident_events',
      { incidentId: 'int', status: 'text', at: 'timestamptz', userId: 'int', note: 'text' },
      incidents.flatMap((inc, i) => [
        { incidentId: i + 1, status: 'received', at: inc.firstReportedAt, userId: null, note: null },
        ...inc.steps.map((s) => ({
          incidentId: i + 1,
          status: s.status,
          at: at(inc.firstReportedAt, s.afterMinutes),
          userId: by,
          note:
            s.status === 'dismissed' ? 'Gọi lại người báo tin: va quẹt nhẹ, không có người bị thương.' : null,
        })),
      ]),
    );
    await insertJson(
      tx,
      'incident_assignments',
      { incidentId: 'int', facilityId: 'int', assignedAt: 'timestamptz', assignedBy: 'int' },
      incidents.flatMap((inc, i) =>
        inc.assigned.map((f) => ({
          incidentId: i + 1,
          facilityId: f + 1,
          assignedAt: at(inc.firstReportedAt, inc.steps[0]?.afterMinutes ?? 0),
          assignedBy: by,
        })),
      ),
    );
    await insertJson(
      tx,
      'incident_reports',
      {
        clientId: 'uuid',
        trackingCode: 'text',
        incidentId: 'int',
        receivedAt: 'timestamptz',
        createdAt: 'timestamptz',
        occurredAt: 'timestamptz',
        lat: 'float8',
        lon: 'float8',
        accuracyM: 'float8',
        locationSource: 'text',
        victims: 'int',
        trapped: 'int',
        vehicles: 'text[]',
        description: 'text',
      },
      incidents.flatMap((inc, i) =>
        inc.reports.map((r) => ({ ...r, incidentId: i + 1, createdAt: r.receivedAt, locationSource: 'gps' })),
      ),
    );
  });
  return { facilities: facilities.length, incidents: incidents.length };
}
