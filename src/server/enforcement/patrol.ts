/**
 * Violations recorded by patrols, their status and registered owner, and the notice of a violation (thông báo
 * vi phạm; phạt nguội for camera violations) as Word or PDF. The police only: every call checks it; every write
 * and every notice is audited. Personal data is kept out of the audit's before/after (it says what changed).
 */
import type { z } from 'zod';
import { VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import { violationLabel } from '../../domain/enforcement/campaigns.ts';
import { RULE_SETS } from '../../domain/enforcement/catalogue.ts';
import { type NoticeIssuer, violationNotice } from '../../domain/enforcement/notices.ts';
import { checkPatrolViolation } from '../../domain/enforcement/patrol-violation.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, conflict, type ErrorDetail, notFound } from '../platform/errors.ts';
import { DOCX_TYPE } from '../platform/media-types.ts';
import {
  docxToPdf,
  libreOfficeAvailable,
  NO_LIBREOFFICE_MESSAGE,
  reviewToDocx,
} from '../reports/review-docx.ts';
import { getMeta } from '../system/meta.ts';
import type * as s from './patrol-schemas.ts';
import { requirePolice } from './service.ts';

type Detail = z.infer<typeof s.violationDetail>;
type Input = z.infer<typeof s.patrolViolationInput>;

const DETAIL_SELECT = `SELECT v.id, v.source, v.camera_id AS "cameraId", v.type_code AS "typeCode", v.rule_set AS "ruleSet",
       to_json(v.occurred_at) #>> '{}' AS "occurredAt", v.place, v.lat, v.lon, v.plate, v.plate_display AS "plateDisplay",
       v.vehicle_type AS "vehicleType", v.speed_kmh AS "speedKmh", v.speed_limit_kmh AS "speedLimitKmh",
       v.fine_min AS "fineMin", v.fine_max AS "fineMax", v.fine_vnd AS "fineVnd", v.points, v.status,
       v.person_name AS "personName", o.name AS "personOrgUnitName", v.evidence,
       v.person_id_number AS "personIdNumber", v.person_org_unit_id AS "personOrgUnitId", v.person_school AS "personSchool",
       v.person_admin_unit_id AS "personAdminUnitId", v.admin_unit_id AS "adminUnitId", v.campaign_id AS "campaignId",
       v.owner_name AS "ownerName", v.owner_address AS "ownerAddress", a.name AS "communeName"
  FROM violations v LEFT JOIN org_units o ON o.id = v.person_org_unit_id LEFT JOIN admin_units a ON a.id = v.admin_unit_id`;

type Row = Omit<Detail, 'typeLabel' | 'masked' | 'id'> & { id: number | string; communeName: string | null };

const ruleSetTitles = new Map(RULE_SETS.map((r) => [r.id, r.title]));
const labelOf = (r: { ruleSet: string; typeCode: string; occurredAt: string }) =>
  RULE_SETS.find((x) => x.id === r.ruleSet)?.types.find((t) => t.code === r.typeCode)?.label ??
  violationLabel(r.typeCode, r.occurredAt.slice(0, 10));

async function row(db: Queryable, id: number): Promise<Row> {
  const [r] = await db.query<Row>(`${DETAIL_SELECT} WHERE v.id = $1`, [id]);
  if (!r) throw notFound('Không tìm thấy vi phạm.');
  return r;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function detailOf(r: Row): Detail {
  const { communeName: _, ...rest } = r;
  return {
    ...rest,
    id: Number(r.id),
    typeLabel: labelOf(r),
    fineMin: num(r.fineMin),
    fineMax: num(r.fineMax),
    fineVnd: num(r.fineVnd),
    masked: false,
  };
}

export async function getViolation(db: Db, actor: Actor, user: SessionUser, id: number): Promise<Detail> {
  await requirePolice(db, user);
  const d = detailOf(await row(db, id));
  if (d.personName !== null || d.ownerName !== null)
    await audit(db, actor, { action: 'read_personal', entity: 'violation', after: { ids: [id] } });
  return d;
}

/** Field errors for references that do not exist (units, communes, campaign). */
async function missingReferences(tx: Queryable, b: Partial<Input>): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  const exists = async (sql: string, v: unknown) => (await tx.query(sql, [v])).length > 0;
  if (
    b.personOrgUnitId != null &&
    !(await exists('SELECT 1 FROM org_units WHERE id = $1', b.personOrgUnitId))
  )
    out.push({ path: 'personOrgUnitId', message: 'Cơ quan, đơn vị công tác không tồn tại.' });
  if (
    b.personAdminUnitId != null &&
    !(await exists('SELECT 1 FROM admin_units WHERE id = $1', b.personAdminUnitId))
  )
    out.push({ path: 'personAdminUnitId', message: 'Xã, phường nơi cư trú không tồn tại.' });
  if (b.adminUnitId != null && !(await exists('SELECT 1 FROM admin_units WHERE id = $1', b.adminUnitId)))
    out.push({ path: 'adminUnitId', message: 'Xã, phường nơi vi phạm không tồn tại.' });
  if (b.campaignId != null && !(await exists('SELECT 1 FROM patrol_campaigns WHERE id = $1', b.campaignId)))
    out.push({ path: 'campaignId', message: 'Đợt cao điểm không tồn tại.' });
  return out;
}

export async function createPatrolViolation(
  db: Db,
  actor: Actor,
  user: SessionUser,
  body: Input,
): Promise<Detail> {
  await requirePolice(db, user);
  const checked = checkPatrolViolation(body);
  const problems: ErrorDetail[] = checked.ok ? [] : [...checked.problems];
  if ((body.lat == null) !== (body.lon == null))
    problems.push({ path: 'lon', message: 'Cần cả vĩ độ và kinh độ.' });
  return db.transaction(async (tx) => {
    problems.push(...(await missingReferences(tx, body)));
    if (problems.length || !checked.ok)
      throw badRequest('Dữ liệu vi phạm chưa hợp lệ; chưa lưu. Vui lòng sửa các trường được nêu.', problems);
    const v = checked.value;
    const [created] = await tx.query<{ id: number | string }>(
      `INSERT INTO violations (source, type_code, rule_set, occurred_at, place, lat, lon, admin_unit_id, plate, plate_display,
                               vehicle_type, person_name, person_id_number, person_org_unit_id, person_school,
                               person_admin_unit_id, fine_min, fine_max, fine_vnd, points, campaign_id, status, evidence,
                               recorded_by)
       VALUES ('patrol', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
               $22::jsonb, $23)
       RETURNING id`,
      [
        v.typeCode,
        v.ruleSet,
        v.occurredAt,
        body.place ?? null,
        body.lat ?? null,
        body.lon ?? null,
        body.adminUnitId ?? null,
        v.plate,
        v.plateDisplay,
        body.vehicleType,
        body.personName ?? null,
        body.personIdNumber ?? null,
        body.personOrgUnitId ?? null,
        body.personSchool ?? null,
        body.personAdminUnitId ?? null,
        v.fineMin,
        v.fineMax,
        v.fineVnd,
        v.points,
        body.campaignId ?? null,
        body.status,
        JSON.stringify(body.evidence),
        actor.userId,
      ],
    );
    const id = Number(created!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'violation',
      entityId: id,
      after: {
        source: 'patrol',
        typeCode: v.typeCode,
        ruleSet: v.ruleSet,
        occurredAt: v.occurredAt,
        plate: v.plate,
        fineVnd: v.fineVnd,
        points: v.points,
        status: body.status,
        campaignId: body.campaignId ?? null,
        person: body.personName != null || body.personIdNumber != null,
      },
    });
    return detailOf(await row(tx, id));
  });
}

export async function updateViolation(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: z.infer<typeof s.violationPatch>,
): Promise<Detail> {
  await requirePolice(db, user);
  return db.transaction(async (tx) => {
    const before = await row(tx, id);
    if (before.status === 'cancelled')
      throw conflict('Vi phạm đã hủy; không sửa được nữa. Nếu hủy nhầm, hãy ghi nhận lại vi phạm mới.');
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${values.push(value)}`);
    if (body.status !== undefined) set('status', body.status);
    if (body.ownerName !== undefined) set('owner_name', body.ownerName);
    if (body.ownerAddress !== undefined) set('owner_address', body.ownerAddress);
    await tx.query(
      `UPDATE violations SET ${sets.join(', ')}, updated_at = now() WHERE id = $${values.push(id)}`,
      values,
    );
    const after = await row(tx, id);
    const changed = (k: 'ownerName' | 'ownerAddress') => body[k] !== undefined && before[k] !== after[k];
    await audit(tx, actor, {
      action: 'update',
      entity: 'violation',
      entityId: id,
      before: { status: before.status },
      after: {
        status: after.status,
        ...(changed('ownerName') ? { ownerName: 'changed' } : {}),
        ...(changed('ownerAddress') ? { ownerAddress: 'changed' } : {}),
      },
    });
    return detailOf(after);
  });
}

/** The police issuing body of the province, for notices. */
export async function policeIssuer(db: Queryable): Promise<NoticeIssuer> {
  const { provinceName } = await getMeta(db);
  return {
    parentBody: provinceName ? `Công an tỉnh ${provinceName}` : 'Công an tỉnh',
    issuingBody: 'Phòng Cảnh sát giao thông',
    symbol: 'TB-CSGT',
    place: provinceName,
    issuedOn: null,
    signer: { authority: 'KT. Trưởng phòng', position: 'Phó Trưởng phòng', name: '' },
  };
}

const vehicleLabels = new Map<string, string>(VEHICLE_TYPES.map((v) => [v.code, v.label]));

/** A document in the format asked for; PDF through LibreOffice (400 with the reason when it is missing). */
export async function documentBytes(
  docx: Uint8Array,
  format: 'docx' | 'pdf',
): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  if (format === 'pdf') {
    if (!(await libreOfficeAvailable())) throw badRequest(NO_LIBREOFFICE_MESSAGE);
    return { bytes: Buffer.from(await docxToPdf(docx)), contentType: 'application/pdf', extension: 'pdf' };
  }
  return { bytes: Buffer.from(docx), contentType: DOCX_TYPE, extension: 'docx' };
}

export async function violationNoticeFile(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  format: 'docx' | 'pdf',
) {
  await requirePolice(db, user);
  const r = await row(db, id);
  if (r.status === 'cancelled') throw conflict('Vi phạm đã hủy; không lập thông báo.');
  const d = detailOf(r);
  const doc = violationNotice(
    {
      id: d.id,
      source: d.source === 'camera' ? 'camera' : 'patrol',
      typeLabel: d.typeLabel,
      ruleSetTitle: ruleSetTitles.get(d.ruleSet) ?? d.ruleSet,
      occurredAt: d.occurredAt,
      place: d.place,
      communeName: r.communeName,
      lat: d.lat,
      lon: d.lon,
      plateDisplay: d.plateDisplay,
      vehicleTypeLabel: d.vehicleType ? (vehicleLabels.get(d.vehicleType) ?? d.vehicleType) : null,
      speedKmh: d.speedKmh,
      speedLimitKmh: d.speedLimitKmh,
      fineMin: d.fineMin,
      fineMax: d.fineMax,
      fineVnd: d.fineVnd,
      points: d.points,
      evidence: d.evidence,
      ownerName: d.ownerName,
      ownerAddress: d.ownerAddress,
    },
    await policeIssuer(db),
  );
  const file = await documentBytes(await reviewToDocx(doc), format);
  await db.transaction((tx) =>
    audit(tx, actor, { action: 'generate_notice', entity: 'violation', entityId: id, after: { format } }),
  );
  return { ...file, filename: `Thong-bao-vi-pham-${id}.${file.extension}` };
}
