/**
 * Violations: reading them (by plate, type, source, period) with personal data for the police only — masked
 * for every other role, and every read of it audited — and who may feed camera data.
 */
import type { z } from 'zod';
import { localDateOf } from '../../domain/crashes/periods.ts';
import { violationLabel } from '../../domain/enforcement/campaigns.ts';
import { plateKey } from '../../domain/enforcement/plates.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, forbidden } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { Params, whereClause } from '../platform/sql.ts';
import type * as s from './schemas.ts';

/** The police: the provincial police (org unit 'CA') and its divisions; the admin. */
export async function isPolice(db: Queryable, user: SessionUser): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'agency' || user.orgUnitId === null) return false;
  const [row] = await db.query<{ ok: boolean }>(
    `WITH RECURSIVE up(id, code, parent_id) AS (
       SELECT id, code, parent_id FROM org_units WHERE id = $1
       UNION SELECT o.id, o.code, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
     SELECT EXISTS (SELECT 1 FROM up WHERE code = 'CA') AS ok`,
    [user.orgUnitId],
  );
  return row?.ok === true;
}

export async function requirePolice(db: Queryable, user: SessionUser): Promise<void> {
  if (!(await isPolice(db, user)))
    throw forbidden('Chỉ lực lượng Công an được nhập dữ liệu vi phạm và dữ liệu camera.');
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": enough to recognise a list, not to identify a stranger. */
export function maskName(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  return [first, ...rest.map((w) => `${w.charAt(0)}.`)].join(' ');
}

type Row = Omit<z.infer<typeof s.violationItem>, 'typeLabel' | 'masked'> & { id: number | string };

export async function listViolations(
  db: Db,
  actor: Actor,
  user: SessionUser,
  q: z.infer<typeof s.violationQuery>,
) {
  const p = new Params();
  const where: string[] = [];
  if (q.plate !== undefined) {
    const key = plateKey(q.plate);
    if (!key)
      throw badRequest('Biển số không hợp lệ.', [
        { path: 'plate', message: `Không nhận ra biển số "${q.plate}".` },
      ]);
    where.push(`v.plate = ${p.add(key)}`);
  }
  if (q.type) where.push(`v.type_code = ${p.add(q.type)}`);
  if (q.source) where.push(`v.source = ${p.add(q.source)}`);
  if (q.from && q.to && q.from > q.to)
    throw badRequest('Ngày bắt đầu phải trước ngày kết thúc.', [
      { path: 'from', message: 'Sau ngày kết thúc.' },
    ]);
  if (q.from) where.push(`v.occurred_at >= ${dayStart(p.add(q.from))}`);
  if (q.to) where.push(`v.occurred_at < ${dayEnd(p.add(q.to))}`);
  const w = whereClause(where);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM violations v ${w}`, p.values);
  const rows = await db.query<Row>(
    `SELECT v.id, v.source, v.camera_id AS "cameraId", v.type_code AS "typeCode", v.rule_set AS "ruleSet",
            to_json(v.occurred_at) #>> '{}' AS "occurredAt", v.place, v.lat, v.lon, v.plate, v.plate_display AS "plateDisplay",
            v.vehicle_type AS "vehicleType", v.speed_kmh AS "speedKmh", v.speed_limit_kmh AS "speedLimitKmh",
            v.fine_min AS "fineMin", v.fine_max AS "fineMax", v.fine_vnd AS "fineVnd", v.points, v.status,
            v.person_name AS "personName", o.name AS "personOrgUnitName", v.evidence
       FROM violations v LEFT JOIN org_units o ON o.id = v.person_org_unit_id
       ${w} ORDER BY v.occurred_at DESC, v.id DESC LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  const full = await isPolice(db, user);
  const withPerson = rows.filter((r) => r.personName !== null).map((r) => Number(r.id));
  if (full && withPerson.length)
    await audit(db, actor, { action: 'read_personal', entity: 'violation', after: { ids: withPerson } });
  return {
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      typeLabel: violationLabel(r.typeCode, localDateOf(Date.parse(r.occurredAt))),
      personName: r.personName === null ? null : full ? r.personName : maskName(r.personName),
      masked: !full,
    })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
