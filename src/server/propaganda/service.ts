/**
 * Propaganda and education (tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT): sessions with photos,
 * statistics, and the schools' three-party commitments.
 *
 * Who writes: the office of the Committee (office, admin) for any unit; an agency officer for its agency and
 * its divisions; a commune officer for its commune's units (src/server/plans/policies.ts). Everyone signed
 * in reads. Every write is audited in its own transaction.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { z } from 'zod';
import { formatDateVi } from '../../domain/crashes/periods.ts';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { PHOTO_LIMITS } from '../../domain/propaganda/codes.ts';
import { type SessionFacts, summarizeSessions } from '../../domain/propaganda/statistics.ts';
import { isMyUnit, myUnitsSql } from '../plans/policies.ts';
import { type Actor, audit, changedFields } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, type ErrorDetail, forbidden, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { bytesColumn, bytesFrom, bytesOf, bytesParam, Params, whereClause } from '../platform/sql.ts';
import type * as s from './schemas.ts';

type SessionInput = z.infer<typeof s.sessionInput>;
type SessionUpdate = z.infer<typeof s.sessionUpdate>;
type SessionItem = z.infer<typeof s.sessionItem>;
type SessionDetail = z.infer<typeof s.sessionDetail>;
type PhotoInput = z.infer<typeof s.photoInput>;
type CommitmentInput = z.infer<typeof s.commitmentInput>;
type CommitmentItem = z.infer<typeof s.commitmentItem>;
export type StatsResult = z.infer<typeof s.statsResult>;

// ───────────── For other capabilities ─────────────

/**
 * Sessions held by a unit and every unit under it (org_unit_subtree) between two ISO dates, both included,
 * and the people they reached. Used by the emulation capability to score a unit's propaganda work.
 */
export async function sessionsHeld(
  db: Queryable,
  rootOrgUnitId: number,
  from: string,
  to: string,
): Promise<{ sessions: number; participants: number }> {
  const [row] = await db.query<{ sessions: number; participants: number }>(
    `SELECT count(*)::int AS sessions, COALESCE(sum(participants), 0)::int AS participants
       FROM propaganda_sessions
      WHERE org_unit_id IN (SELECT id FROM org_unit_subtree($1)) AND held_on BETWEEN $2::date AND $3::date`,
    [rootOrgUnitId, from, to],
  );
  return { sessions: row?.sessions ?? 0, participants: row?.participants ?? 0 };
}

// ───────────── Who may write ─────────────

const mayWriteAny = (user: SessionUser) => user.role === 'admin' || user.role === 'office';

async function assertMayWriteFor(db: Queryable, user: SessionUser, orgUnitId: number): Promise<void> {
  if (mayWriteAny(user)) return;
  if ((user.role === 'agency' || user.role === 'commune') && (await isMyUnit(db, user, orgUnitId))) return;
  throw forbidden('Bạn chỉ được ghi công tác tuyên truyền của đơn vị mình.');
}

/** SQL that is true for rows of `column` (an org unit id) the user may edit. */
function editableSql(user: SessionUser, column: string, params: Params): string {
  if (mayWriteAny(user)) return 'true';
  if (user.role === 'agency' || user.role === 'commune')
    return `(${column} IN (${myUnitsSql(user, params)}))`;
  return 'false';
}

/** The units the user may record for, valid today: every unit for the office, its own for the others. */
export async function writableUnits(db: Queryable, user: SessionUser, today: string) {
  if (user.role === 'leader') return { items: [] };
  const p = new Params();
  const mine = mayWriteAny(user) ? '' : `AND o.id IN (${myUnitsSql(user, p)})`;
  const day = p.add(today);
  const items = await db.query<{ id: number; name: string; kind: string; adminUnitId: string | null }>(
    `SELECT o.id, o.name, o.kind, o.admin_unit_id AS "adminUnitId" FROM org_units o
      WHERE o.valid_from <= ${day}::date AND (o.valid_to IS NULL OR o.valid_to >= ${day}::date) ${mine}
      ORDER BY array_position(ARRAY['agency', 'division', 'commune_committee', 'locality', 'office', 'committee'], o.kind),
               o.name`,
    p.values,
  );
  return { items };
}

// ───────────── Search without diacritics ─────────────

const ACCENTED = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const FROM_CHARS = ACCENTED + ACCENTED.toUpperCase();
const TO_CHARS = [...FROM_CHARS].map((c) => normalizeName(c)).join('');
/** SQL folding a text column as {@link normalizeName} folds the search words (lower case, no diacritics). */
const folded = (expr: string) => `lower(translate(${expr}, '${FROM_CHARS}', '${TO_CHARS}'))`;
const foldedLike = (text: string) => `%${normalizeName(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ───────────── Sessions ─────────────

const communeName = `CASE WHEN a.id IS NULL THEN NULL ELSE a.kind || ' ' || a.name END`;

function sessionSelect(user: SessionUser, p: Params): string {
  return `SELECT s.id, s.held_on::text AS "heldOn", s.org_unit_id AS "orgUnitId", o.name AS "orgUnitName",
                 s.admin_unit_id AS "adminUnitId", ${communeName} AS "adminUnitName",
                 s.place, s.topic, s.audiences, s.channel, s.participants, s.materials,
                 s.materials_count AS "materialsCount", s.note,
                 (SELECT count(*)::int FROM propaganda_photos f WHERE f.session_id = s.id) AS "photoCount",
                 ${editableSql(user, 's.org_unit_id', p)} AS editable
            FROM propaganda_sessions s
            JOIN org_units o ON o.id = s.org_unit_id
            LEFT JOIN admin_units a ON a.id = s.admin_unit_id`;
}

function sessionFilters(q: z.infer<typeof s.sessionListQuery>, p: Params): string[] {
  const where: string[] = [];
  if (q.from) where.push(`s.held_on >= ${p.add(q.from)}::date`);
  if (q.to) where.push(`s.held_on <= ${p.add(q.to)}::date`);
  if (q.orgUnitId) where.push(`s.org_unit_id IN (SELECT id FROM org_unit_subtree(${p.add(q.orgUnitId)}))`);
  if (q.channel) where.push(`s.channel = ${p.add(q.channel)}`);
  if (q.audience) where.push(`${p.add(q.audience)} = ANY(s.audiences)`);
  if (q.q) {
    const text = p.add(foldedLike(q.q));
    where.push(
      `(${['s.topic', 's.place', "coalesce(s.materials, '')", "coalesce(s.note, '')", 'o.name']
        .map((c) => `${folded(c)} LIKE ${text}`)
        .join(' OR ')})`,
    );
  }
  return where;
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to)
    throw badRequest('Khoảng thời gian chưa hợp lệ.', [
      { path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' },
    ]);
}

export async function listSessions(db: Queryable, user: SessionUser, q: z.infer<typeof s.sessionListQuery>) {
  checkRange(q.from, q.to);
  const cp = new Params();
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM propaganda_sessions s JOIN org_units o ON o.id = s.org_unit_id
      ${whereClause(sessionFilters(q, cp))}`,
    cp.values,
  );
  const p = new Params();
  const select = sessionSelect(user, p);
  const items = await db.query<SessionItem>(
    `${select} ${whereClause(sessionFilters(q, p))}
      ORDER BY s.held_on DESC, s.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function sessionItem(db: Queryable, user: SessionUser, id: number): Promise<SessionItem> {
  const p = new Params();
  const select = sessionSelect(user, p);
  const [row] = await db.query<SessionItem>(`${select} WHERE s.id = ${p.add(id)}`, p.values);
  if (!row) throw notFound('Không tìm thấy hoạt động tuyên truyền.');
  return row;
}

export async function getSession(db: Queryable, user: SessionUser, id: number): Promise<SessionDetail> {
  const item = await sessionItem(db, user, id);
  const [meta] = await db.query<{ createdBy: string | null; createdAt: string; updatedAt: string }>(
    `SELECT u.display_name AS "createdBy", to_json(s.created_at)#>>'{}' AS "createdAt",
            to_json(s.updated_at)#>>'{}' AS "updatedAt"
       FROM propaganda_sessions s LEFT JOIN users u ON u.id = s.created_by WHERE s.id = $1`,
    [id],
  );
  const photos = await db.query<z.infer<typeof s.photoItem>>(
    `SELECT id, file_name AS "fileName", media_type AS "mediaType", size
       FROM propaganda_photos WHERE session_id = $1 ORDER BY id`,
    [id],
  );
  return { ...item, ...meta!, photos };
}

interface PreparedPhoto {
  fileName: string;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

const MEDIA_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png' };

/** Decodes and checks each photo: size, and the real type read from the content (JPEG or PNG). */
async function preparePhotos(
  photos: PhotoInput[],
): Promise<{ photos: PreparedPhoto[]; problems: ErrorDetail[] }> {
  const problems: ErrorDetail[] = [];
  const prepared: PreparedPhoto[] = [];
  for (const [i, photo] of photos.entries()) {
    const path = `photos.${i}`;
    const content = Buffer.from(photo.contentBase64, 'base64');
    if (content.length === 0) {
      problems.push({ path, message: `Ảnh "${photo.fileName}" không có nội dung.` });
      continue;
    }
    if (content.length > PHOTO_LIMITS.maxPhotoBytes) {
      problems.push({ path, message: `Ảnh "${photo.fileName}" vượt quá 10 MB.` });
      continue;
    }
    let format: string | undefined;
    try {
      format = (await sharp(content, { limitInputPixels: 100_000_000 }).metadata()).format;
    } catch {
      format = undefined;
    }
    const mediaType = format ? MEDIA_TYPES[format] : undefined;
    if (!mediaType) {
      problems.push({ path, message: `Tệp "${photo.fileName}" không phải ảnh JPEG hoặc PNG.` });
      continue;
    }
    prepared.push({
      fileName: photo.fileName,
      mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
  return { photos: prepared, problems };
}

/** Checks a unit or a commune exists and was in force on a date. */
async function validOn(
  tx: Queryable,
  table: 'org_units' | 'admin_units',
  id: number | string,
  day: string,
  extra = '',
): Promise<'missing' | 'not_valid' | 'ok'> {
  const [row] = await tx.query<{ ok: boolean }>(
    `SELECT (valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $2::date)) AS ok
       FROM ${table} WHERE id = $1 ${extra}`,
    [id, day],
  );
  return row ? (row.ok ? 'ok' : 'not_valid') : 'missing';
}

async function checkSession(tx: Queryable, body: SessionInput | SessionUpdate, today: string) {
  const problems: ErrorDetail[] = [];
  if (body.heldOn > today)
    problems.push({
      path: 'heldOn',
      message: `Ngày tổ chức không được sau hôm nay (${formatDateVi(today)}).`,
    });
  const unit = await validOn(tx, 'org_units', body.orgUnitId, body.heldOn);
  if (unit === 'missing') problems.push({ path: 'orgUnitId', message: 'Đơn vị không tồn tại.' });
  if (unit === 'not_valid')
    problems.push({
      path: 'orgUnitId',
      message: `Đơn vị chưa thành lập hoặc đã thôi hoạt động vào ngày ${formatDateVi(body.heldOn)}.`,
    });
  if (body.adminUnitId) {
    const commune = await validOn(tx, 'admin_units', body.adminUnitId, body.heldOn, "AND level = 'commune'");
    if (commune === 'missing') problems.push({ path: 'adminUnitId', message: 'Xã, phường không tồn tại.' });
    if (commune === 'not_valid')
      problems.push({
        path: 'adminUnitId',
        message: `Xã, phường không còn (hoặc chưa có) vào ngày ${formatDateVi(body.heldOn)}; chọn đơn vị hành chính của ngày đó.`,
      });
  }
  return problems;
}

function refuse(problems: ErrorDetail[]): void {
  if (problems.length) throw badRequest('Dữ liệu hoạt động tuyên truyền chưa hợp lệ; chưa lưu gì.', problems);
}

const sessionValues = (b: SessionInput | SessionUpdate) => [
  b.heldOn,
  b.orgUnitId,
  b.adminUnitId || null,
  b.place,
  b.topic,
  [...new Set(b.audiences)],
  b.channel,
  b.participants,
  b.materials ?? null,
  b.materialsCount ?? null,
  b.note ?? null,
];

async function insertPhotos(tx: Queryable, sessionId: number, photos: PreparedPhoto[]): Promise<void> {
  for (const f of photos)
    await tx.query(
      `INSERT INTO propaganda_photos (session_id, file_name, media_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, ${bytesFrom('$6')})`,
      [sessionId, f.fileName, f.mediaType, f.content.length, f.sha256, bytesParam(f.content)],
    );
}

/** What the audit keeps of a session: its fields and its photos' names, never their bytes. */
const auditView = (d: SessionDetail) => {
  const { editable: _e, photoCount: _c, createdAt: _a, updatedAt: _u, createdBy: _b, ...rest } = d;
  return { ...rest, photos: d.photos.map((p) => `${p.id}:${p.fileName}`) };
};

export async function createSession(
  db: Db,
  actor: Actor,
  user: SessionUser,
  body: SessionInput,
  today: string,
): Promise<SessionDetail> {
  const photos = await preparePhotos(body.photos);
  await assertMayWriteFor(db, user, body.orgUnitId);
  return db.transaction(async (tx) => {
    refuse([...(await checkSession(tx, body, today)), ...photos.problems]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO propaganda_sessions (held_on, org_unit_id, admin_unit_id, place, topic, audiences, channel,
                                        participants, materials, materials_count, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [...sessionValues(body), actor.userId],
    );
    await insertPhotos(tx, row!.id, photos.photos);
    const created = await getSession(tx, user, row!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'propaganda_session',
      entityId: row!.id,
      after: auditView(created),
    });
    return created;
  });
}

export async function updateSession(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: SessionUpdate,
  today: string,
): Promise<SessionDetail> {
  const photos = await preparePhotos(body.photos);
  const current = await sessionItem(db, user, id);
  await assertMayWriteFor(db, user, current.orgUnitId);
  if (body.orgUnitId !== current.orgUnitId) await assertMayWriteFor(db, user, body.orgUnitId);
  return db.transaction(async (tx) => {
    const before = await getSession(tx, user, id);
    const problems = [...(await checkSession(tx, body, today)), ...photos.problems];
    const have = new Set(before.photos.map((p) => p.id));
    const remove = [...new Set(body.removePhotoIds)];
    remove.forEach((photoId, i) => {
      if (!have.has(photoId))
        problems.push({ path: `removePhotoIds.${i}`, message: 'Ảnh không thuộc hoạt động này.' });
    });
    const kept = before.photos.length - remove.filter((p) => have.has(p)).length;
    if (kept + body.photos.length > PHOTO_LIMITS.maxPhotos)
      problems.push({
        path: 'photos',
        message: `Mỗi hoạt động có tối đa ${PHOTO_LIMITS.maxPhotos} ảnh (đang giữ ${kept}, thêm ${body.photos.length}).`,
      });
    refuse(problems);
    await tx.query(
      `UPDATE propaganda_sessions SET held_on = $1, org_unit_id = $2, admin_unit_id = $3, place = $4, topic = $5,
              audiences = $6, channel = $7, participants = $8, materials = $9, materials_count = $10, note = $11,
              updated_at = now()
        WHERE id = $12`,
      [...sessionValues(body), id],
    );
    if (remove.length)
      await tx.query('DELETE FROM propaganda_photos WHERE session_id = $1 AND id = ANY($2::int[])', [
        id,
        remove,
      ]);
    await insertPhotos(tx, id, photos.photos);
    const after = await getSession(tx, user, id);
    const diff = changedFields(auditView(before), auditView(after));
    await audit(tx, actor, { action: 'update', entity: 'propaganda_session', entityId: id, ...diff });
    return after;
  });
}

export async function deleteSession(db: Db, actor: Actor, user: SessionUser, id: number): Promise<void> {
  const current = await sessionItem(db, user, id);
  await assertMayWriteFor(db, user, current.orgUnitId);
  await db.transaction(async (tx) => {
    const before = await getSession(tx, user, id);
    await tx.query('DELETE FROM propaganda_sessions WHERE id = $1', [id]);
    await audit(tx, actor, {
      action: 'delete',
      entity: 'propaganda_session',
      entityId: id,
      before: auditView(before),
    });
  });
}

export async function getPhoto(db: Queryable, id: number) {
  const [row] = await db.query<{ fileName: string; mediaType: string; content: string }>(
    `SELECT file_name AS "fileName", media_type AS "mediaType", ${bytesColumn('content')} AS content
       FROM propaganda_photos WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy ảnh.');
  return { ...row, content: bytesOf(row.content) };
}

// ───────────── Statistics ─────────────

/** At most this many years in one statistics request (the months are listed one by one). */
const MAX_STATS_YEARS = 10;

export interface StatsSession extends SessionFacts {
  id: number;
  topic: string;
  place: string;
  adminUnitName: string | null;
}

export async function loadStats(
  db: Queryable,
  q: z.infer<typeof s.statsQuery>,
): Promise<{ result: StatsResult; sessions: StatsSession[] }> {
  checkRange(q.from, q.to);
  if (Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) >= MAX_STATS_YEARS)
    throw badRequest('Khoảng thời gian quá dài.', [
      { path: 'to', message: `Thống kê tối đa ${MAX_STATS_YEARS} năm một lần.` },
    ]);
  let orgUnit: { id: number; name: string } | null = null;
  if (q.orgUnitId) {
    [orgUnit = null] = await db.query<{ id: number; name: string }>(
      'SELECT id, name FROM org_units WHERE id = $1',
      [q.orgUnitId],
    );
    if (!orgUnit)
      throw badRequest('Đơn vị không tồn tại.', [{ path: 'orgUnitId', message: 'Đơn vị không tồn tại.' }]);
  }
  const p = new Params();
  const where = [`s.held_on BETWEEN ${p.add(q.from)}::date AND ${p.add(q.to)}::date`];
  if (q.orgUnitId) where.push(`s.org_unit_id IN (SELECT id FROM org_unit_subtree(${p.add(q.orgUnitId)}))`);
  const sessions = await db.query<StatsSession>(
    `SELECT s.id, s.held_on::text AS "heldOn", s.org_unit_id AS "orgUnitId", o.name AS "orgUnitName",
            s.channel, s.audiences, s.participants, s.materials_count AS "materialsCount",
            s.topic, s.place, ${communeName} AS "adminUnitName"
       FROM propaganda_sessions s JOIN org_units o ON o.id = s.org_unit_id
       LEFT JOIN admin_units a ON a.id = s.admin_unit_id
      ${whereClause(where)}
      ORDER BY s.held_on, s.id`,
    p.values,
  );
  const summary = summarizeSessions(sessions, q);
  return { result: { period: { from: q.from, to: q.to }, orgUnit, ...summary }, sessions };
}

// ───────────── School three-party commitments ─────────────

function commitmentSelect(user: SessionUser, p: Params): string {
  return `SELECT c.id, c.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", c.school,
                 c.school_year AS "schoolYear", c.students, c.signed, c.signed_on::text AS "signedOn", c.note,
                 ${editableSql(user, 'c.org_unit_id', p)} AS editable
            FROM school_commitments c JOIN org_units o ON o.id = c.org_unit_id`;
}

function commitmentFilters(q: z.infer<typeof s.commitmentListQuery>, p: Params): string[] {
  const where: string[] = [];
  if (q.schoolYear) where.push(`c.school_year = ${p.add(q.schoolYear)}`);
  if (q.orgUnitId) where.push(`c.org_unit_id IN (SELECT id FROM org_unit_subtree(${p.add(q.orgUnitId)}))`);
  if (q.q) {
    const text = p.add(foldedLike(q.q));
    where.push(`(c.school_key LIKE ${text} OR ${folded('o.name')} LIKE ${text})`);
  }
  return where;
}

export async function listCommitments(
  db: Queryable,
  user: SessionUser,
  q: z.infer<typeof s.commitmentListQuery>,
) {
  const cp = new Params();
  const [summary] = await db.query<{ n: number; students: number; signed: number }>(
    `SELECT count(*)::int AS n, COALESCE(sum(c.students), 0)::int AS students,
            COALESCE(sum(c.signed), 0)::int AS signed
       FROM school_commitments c JOIN org_units o ON o.id = c.org_unit_id
      ${whereClause(commitmentFilters(q, cp))}`,
    cp.values,
  );
  const p = new Params();
  const select = commitmentSelect(user, p);
  const items = await db.query<CommitmentItem>(
    `${select} ${whereClause(commitmentFilters(q, p))}
      ORDER BY c.school_year DESC, c.school, c.id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    p.values,
  );
  return {
    items,
    total: summary?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    summary: { schools: summary?.n ?? 0, students: summary?.students ?? 0, signed: summary?.signed ?? 0 },
  };
}

async function commitmentItem(db: Queryable, user: SessionUser, id: number): Promise<CommitmentItem> {
  const p = new Params();
  const select = commitmentSelect(user, p);
  const [row] = await db.query<CommitmentItem>(`${select} WHERE c.id = ${p.add(id)}`, p.values);
  if (!row) throw notFound('Không tìm thấy bản cam kết.');
  return row;
}

async function checkCommitment(tx: Queryable, body: CommitmentInput, today: string, id: number | null) {
  const problems: ErrorDetail[] = [];
  if (body.signed > body.students)
    problems.push({
      path: 'signed',
      message: `Số bản cam kết đã ký (${body.signed.toLocaleString('vi-VN')}) không được vượt số học sinh (${body.students.toLocaleString('vi-VN')}).`,
    });
  if (body.signedOn && body.signedOn > today)
    problems.push({ path: 'signedOn', message: `Ngày ký không được sau hôm nay (${formatDateVi(today)}).` });
  const [unit] = await tx.query('SELECT 1 FROM org_units WHERE id = $1', [body.orgUnitId]);
  if (!unit) problems.push({ path: 'orgUnitId', message: 'Đơn vị không tồn tại.' });
  const [dup] = await tx.query<{ school: string }>(
    'SELECT school FROM school_commitments WHERE school_key = $1 AND school_year = $2 AND id <> $3',
    [normalizeName(body.school), body.schoolYear, id ?? 0],
  );
  if (dup)
    problems.push({
      path: 'school',
      message: `"${dup.school}" đã có cam kết năm học ${body.schoolYear}; hãy sửa bản đã có.`,
    });
  if (problems.length) throw badRequest('Dữ liệu cam kết chưa hợp lệ; chưa lưu gì.', problems);
}

const commitmentValues = (b: CommitmentInput) => [
  b.orgUnitId,
  b.school,
  normalizeName(b.school),
  b.schoolYear,
  b.students,
  b.signed,
  b.signedOn ?? null,
  b.note ?? null,
];

const commitmentAudit = ({ editable: _e, ...rest }: CommitmentItem) => rest;

export async function createCommitment(
  db: Db,
  actor: Actor,
  user: SessionUser,
  body: CommitmentInput,
  today: string,
): Promise<CommitmentItem> {
  await assertMayWriteFor(db, user, body.orgUnitId);
  return db.transaction(async (tx) => {
    await checkCommitment(tx, body, today, null);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO school_commitments (org_unit_id, school, school_key, school_year, students, signed, signed_on,
                                       note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [...commitmentValues(body), actor.userId],
    );
    const created = await commitmentItem(tx, user, row!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'school_commitment',
      entityId: row!.id,
      after: commitmentAudit(created),
    });
    return created;
  });
}

export async function updateCommitment(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: CommitmentInput,
  today: string,
): Promise<CommitmentItem> {
  const current = await commitmentItem(db, user, id);
  await assertMayWriteFor(db, user, current.orgUnitId);
  if (body.orgUnitId !== current.orgUnitId) await assertMayWriteFor(db, user, body.orgUnitId);
  return db.transaction(async (tx) => {
    const before = await commitmentItem(tx, user, id);
    await checkCommitment(tx, body, today, id);
    await tx.query(
      `UPDATE school_commitments SET org_unit_id = $1, school = $2, school_key = $3, school_year = $4,
              students = $5, signed = $6, signed_on = $7, note = $8, updated_at = now()
        WHERE id = $9`,
      [...commitmentValues(body), id],
    );
    const after = await commitmentItem(tx, user, id);
    await audit(tx, actor, {
      action: 'update',
      entity: 'school_commitment',
      entityId: id,
      ...changedFields(commitmentAudit(before), commitmentAudit(after)),
    });
    return after;
  });
}
