/**
 * Monthly notices to units (thông báo danh sách người vi phạm gửi cơ quan, trường học, xã): how many of each
 * unit's people violated in the month (counted by src/domain/enforcement/violators.ts), the list of one org
 * unit's people — names masked unless the caller is the police or an officer of that unit — and the notice
 * document sent to it. Cancelled violations never count.
 */
import type { z } from 'zod';
import { calendarPeriod } from '../../domain/crashes/periods.ts';
import { violationLabel } from '../../domain/enforcement/campaigns.ts';
import { unitNotice } from '../../domain/enforcement/notices.ts';
import { countViolatorsByUnit, type ViolatorRecord } from '../../domain/enforcement/violators.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { reviewToDocx } from '../reports/review-docx.ts';
import { documentBytes, policeIssuer } from './patrol.ts';
import type * as s from './patrol-schemas.ts';
import { isPolice, maskName } from './service.ts';

export function monthPeriod(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return calendarPeriod('month', y, m);
}

const IN_MONTH = `v.status <> 'cancelled' AND v.occurred_at >= ${dayStart('$1')} AND v.occurred_at < ${dayEnd('$2')}`;

/** How many people of these org units violated over local days [from, to] (emulation; one person counts once). */
export async function staffViolators(
  db: Queryable,
  orgUnitIds: readonly number[],
  from: string,
  to: string,
): Promise<number> {
  const records = await db.query<ViolatorRecord>(
    `SELECT to_json(v.occurred_at) #>> '{}' AS "occurredAt", v.person_name AS "personName",
            v.person_id_number AS "personIdNumber", 0 AS "orgUnitId", NULL AS school, NULL AS "communeId"
       FROM violations v
      WHERE ${IN_MONTH} AND v.person_org_unit_id = ANY($3::int[])
        AND (v.person_name IS NOT NULL OR v.person_id_number IS NOT NULL)`,
    [from, to, orgUnitIds],
  );
  return countViolatorsByUnit(records, { from, to }).reduce((sum, u) => sum + u.violators, 0);
}

export async function unitNoticeSummary(
  db: Queryable,
  month: string,
): Promise<z.infer<typeof s.unitNoticeSummary>> {
  const period = monthPeriod(month);
  const records = await db.query<ViolatorRecord>(
    `SELECT to_json(v.occurred_at) #>> '{}' AS "occurredAt", v.person_name AS "personName",
            v.person_id_number AS "personIdNumber", v.person_org_unit_id AS "orgUnitId", v.person_school AS school,
            v.person_admin_unit_id AS "communeId"
       FROM violations v
      WHERE ${IN_MONTH} AND (v.person_name IS NOT NULL OR v.person_id_number IS NOT NULL)`,
    [period.from, period.to],
  );
  const units = countViolatorsByUnit(records, period);
  const orgIds = units.filter((u) => u.kind === 'org_unit').map((u) => Number(u.key));
  const communeIds = units.filter((u) => u.kind === 'commune').map((u) => u.key);
  const orgNames = new Map(
    (
      await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM org_units WHERE id = ANY($1::int[])',
        [orgIds],
      )
    ).map((o) => [o.id, o.name]),
  );
  const communeNames = new Map(
    (
      await db.query<{ id: string; name: string }>(
        'SELECT id, name FROM admin_units WHERE id = ANY($1::text[])',
        [communeIds],
      )
    ).map((a) => [a.id, a.name]),
  );
  return {
    month,
    label: period.label,
    from: period.from,
    to: period.to,
    orgUnits: units
      .filter((u) => u.kind === 'org_unit')
      .map((u) => ({
        id: Number(u.key),
        name: orgNames.get(Number(u.key)) ?? u.key,
        violators: u.violators,
        violations: u.violations,
      })),
    schools: units
      .filter((u) => u.kind === 'school')
      .map((u) => ({ name: u.label, violators: u.violators, violations: u.violations })),
    communes: units
      .filter((u) => u.kind === 'commune')
      .map((u) => ({
        id: u.key,
        name: communeNames.get(u.key) ?? u.key,
        violators: u.violators,
        violations: u.violations,
      })),
  };
}

/** The police, or an officer of the unit itself, see its people in full. */
async function seesInFull(db: Queryable, user: SessionUser, orgUnitId: number): Promise<boolean> {
  return user.orgUnitId === orgUnitId || (await isPolice(db, user));
}

type Item = z.infer<typeof s.unitNoticeList>['items'][number] & {
  ruleSet: string;
  personIdNumber: string | null;
};

async function unitRows(db: Queryable, orgUnitId: number, month: string) {
  const [unit] = await db.query<{ id: number; name: string }>(
    'SELECT id, name FROM org_units WHERE id = $1',
    [orgUnitId],
  );
  if (!unit) throw notFound('Không tìm thấy cơ quan, đơn vị.');
  const period = monthPeriod(month);
  const rows = await db.query<Item>(
    `SELECT v.id, to_json(v.occurred_at) #>> '{}' AS "occurredAt", v.type_code AS "typeCode", v.rule_set AS "ruleSet",
            v.person_name AS "personName", v.person_id_number AS "personIdNumber", v.plate_display AS "plateDisplay",
            v.place, v.fine_vnd AS "fineVnd", v.status
       FROM violations v
      WHERE ${IN_MONTH} AND v.person_org_unit_id = $3 AND (v.person_name IS NOT NULL OR v.person_id_number IS NOT NULL)
      ORDER BY v.occurred_at, v.id`,
    [period.from, period.to, orgUnitId],
  );
  const counted = countViolatorsByUnit(
    rows.map((r) => ({
      occurredAt: r.occurredAt,
      personName: r.personName,
      personIdNumber: r.personIdNumber,
      orgUnitId,
      school: null,
      communeId: null,
    })),
    period,
  )[0];
  return { unit, period, rows, violators: counted?.violators ?? 0 };
}

export async function unitNoticeList(
  db: Db,
  actor: Actor,
  user: SessionUser,
  orgUnitId: number,
  month: string,
): Promise<z.infer<typeof s.unitNoticeList>> {
  const { unit, period, rows, violators } = await unitRows(db, orgUnitId, month);
  const full = await seesInFull(db, user, orgUnitId);
  if (full && rows.length)
    await audit(db, actor, {
      action: 'read_personal',
      entity: 'violation',
      after: { ids: rows.map((r) => Number(r.id)) },
    });
  return {
    orgUnit: unit,
    month,
    label: period.label,
    masked: !full,
    violators,
    violations: rows.length,
    items: rows.map(({ ruleSet: _, personIdNumber: __, ...r }) => ({
      ...r,
      id: Number(r.id),
      fineVnd: r.fineVnd === null ? null : Number(r.fineVnd),
      typeLabel: violationLabel(r.typeCode, period.to),
      personName: r.personName === null ? null : full ? r.personName : maskName(r.personName),
    })),
  };
}

export async function unitNoticeFile(
  db: Db,
  actor: Actor,
  user: SessionUser,
  orgUnitId: number,
  month: string,
  format: 'docx' | 'pdf',
) {
  if (!(await seesInFull(db, user, orgUnitId)))
    throw forbidden(
      'Chỉ lực lượng Công an và chính đơn vị được nhận thông báo danh sách người vi phạm của đơn vị.',
    );
  const { unit, period, rows, violators } = await unitRows(db, orgUnitId, month);
  const doc = unitNotice(
    { name: unit.name, kind: 'org_unit' },
    { label: period.label, year: Number(month.slice(0, 4)) },
    violators,
    rows.map((r) => ({
      personName: r.personName ?? `Số định danh ${r.personIdNumber}`,
      occurredAt: r.occurredAt,
      typeLabel: violationLabel(r.typeCode, period.to),
      place: r.place,
      plateDisplay: r.plateDisplay,
      fineVnd: r.fineVnd === null ? null : Number(r.fineVnd),
    })),
    await policeIssuer(db),
  );
  const file = await documentBytes(await reviewToDocx(doc), format);
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'generate_notice',
      entity: 'unit_notice',
      entityId: orgUnitId,
      after: { month, format, violations: rows.map((r) => Number(r.id)) },
    }),
  );
  return { ...file, filename: `Thong-bao-vi-pham-${month}-don-vi-${orgUnitId}.${file.extension}` };
}
