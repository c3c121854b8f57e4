import type { z } from 'zod';
import { normalizeName } from '../../domain/directory/admin-units.ts';
import { type Actor, audit, changedFields } from '../platform/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { containing as ilike, Params, setClauses, whereClause } from '../platform/sql.ts';
import { assertMayEditPeopleOf, peopleScope, peopleScopeSql } from './policies.ts';
import * as s from './schemas.ts';

// ───────────── Administrative units (đơn vị hành chính) ─────────────

const ADMIN_UNIT_SELECT = `
  SELECT a.id, a.name, a.level, a.kind, a.parent_id AS "parentId", p.name AS "parentName",
         a.valid_from::text AS "validFrom", a.valid_to::text AS "validTo", a.lat, a.lon,
         COALESCE((SELECT array_agg(s.new_id ORDER BY s.new_id) FROM admin_unit_successions s WHERE s.old_id = a.id), '{}') AS "successorIds",
         COALESCE((SELECT array_agg(n.name ORDER BY s.new_id) FROM admin_unit_successions s JOIN admin_units n ON n.id = s.new_id WHERE s.old_id = a.id), '{}') AS "successorNames",
         COALESCE((SELECT array_agg(s.old_id ORDER BY s.old_id) FROM admin_unit_successions s WHERE s.new_id = a.id), '{}') AS "predecessorIds",
         COALESCE((SELECT array_agg(o.name ORDER BY s.old_id) FROM admin_unit_successions s JOIN admin_units o ON o.id = s.old_id WHERE s.new_id = a.id), '{}') AS "predecessorNames"
    FROM admin_units a LEFT JOIN admin_units p ON p.id = a.parent_id`;

type AdminUnitRow = z.infer<typeof s.adminUnit>;

export async function listAdminUnits(db: Db, q: z.infer<typeof s.adminUnitQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.level) where.push(`a.level = ${p.add(q.level)}`);
  if (q.parentId) where.push(`a.parent_id = ${p.add(q.parentId)}`);
  if (q.at) {
    const at = p.add(q.at);
    where.push(`a.valid_from <= ${at}::date AND (a.valid_to IS NULL OR a.valid_to >= ${at}::date)`);
  }
  if (q.q) {
    const text = p.add(ilike(q.q));
    where.push(`(a.name ILIKE ${text} OR a.id ILIKE ${text})`);
  }
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM admin_units a ${cond}`,
    p.values,
  );
  const items = await db.query<AdminUnitRow>(
    `${ADMIN_UNIT_SELECT} ${cond}
     ORDER BY CASE a.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, a.valid_to DESC NULLS FIRST, a.name
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getAdminUnit(db: Db, id: string): Promise<AdminUnitRow> {
  const [row] = await db.query<AdminUnitRow>(`${ADMIN_UNIT_SELECT} WHERE a.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy đơn vị hành chính.');
  return row;
}

// ───────────── Units of the Committee (đơn vị Ban ATGT) ─────────────

type OrgUnitRow = z.infer<typeof s.orgUnit>;
const ORG_UNIT_SELECT = `
  SELECT o.id, o.code, o.name, o.short_name AS "shortName", o.kind, o.parent_id AS "parentId",
         p.name AS "parentName", o.admin_unit_id AS "adminUnitId", o.is_member AS "isMember",
         o.valid_from::text AS "validFrom", o.valid_to::text AS "validTo",
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'alias', a.alias, 'kind', a.kind) ORDER BY a.id)
                     FROM org_unit_aliases a WHERE a.org_unit_id = o.id), '[]'::json) AS aliases
    FROM org_units o LEFT JOIN org_units p ON p.id = o.parent_id`;

export async function listOrgUnits(db: Db, q: z.infer<typeof s.orgUnitQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.kind) where.push(`o.kind = ${p.add(q.kind)}`);
  if (q.q) {
    const text = p.add(ilike(q.q));
    const norm = p.add(`%${normalizeName(q.q)}%`);
    where.push(`(o.name ILIKE ${text} OR o.code ILIKE ${text} OR o.short_name ILIKE ${text}
      OR EXISTS (SELECT 1 FROM org_unit_aliases a WHERE a.org_unit_id = o.id AND (a.alias ILIKE ${text} OR a.normalized LIKE ${norm})))`);
  }
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM org_units o ${cond}`,
    p.values,
  );
  const items = await db.query<OrgUnitRow>(
    `${ORG_UNIT_SELECT} ${cond}
     ORDER BY CASE o.kind WHEN 'committee' THEN 0 WHEN 'office' THEN 1 WHEN 'agency' THEN 2 WHEN 'division' THEN 3
                          WHEN 'commune_committee' THEN 4 ELSE 5 END, o.valid_to DESC NULLS FIRST, o.name
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function getOrgUnit(db: Pick<Db, 'query'>, id: number): Promise<OrgUnitRow> {
  const [row] = await db.query<OrgUnitRow>(`${ORG_UNIT_SELECT} WHERE o.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy đơn vị.');
  return row;
}

const ORG_COLUMNS = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  kind: 'kind',
  parentId: 'parent_id',
  adminUnitId: 'admin_unit_id',
  isMember: 'is_member',
  validFrom: 'valid_from',
  validTo: 'valid_to',
} as const;

export async function createOrgUnit(db: Db, actor: Actor, input: z.infer<typeof s.orgUnitCreate>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO org_units (code, name, short_name, kind, parent_id, admin_unit_id, is_member, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::date, CURRENT_DATE), $9) RETURNING id`,
      [
        input.code,
        input.name,
        input.shortName ?? null,
        input.kind,
        input.parentId ?? null,
        input.adminUnitId ?? null,
        input.isMember,
        input.validFrom ?? null,
        input.validTo ?? null,
      ],
    );
    const created = await getOrgUnit(tx, row!.id);
    await audit(tx, actor, { action: 'create', entity: 'org_unit', entityId: created.id, after: created });
    return created;
  });
}

export async function updateOrgUnit(db: Db, actor: Actor, id: number, input: z.infer<typeof s.orgUnitPatch>) {
  return db.transaction(async (tx) => {
    const before = await getOrgUnit(tx, id);
    if (input.parentId === id)
      throw badRequest('Dữ liệu không hợp lệ.', [
        { path: 'parentId', message: 'Đơn vị không thể là cấp trên của chính nó.' },
      ]);
    const p = new Params();
    const sets = setClauses(input, ORG_COLUMNS, p);
    if (sets.length === 0) return before;
    await tx.query(
      `UPDATE org_units SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`,
      p.values,
    );
    const after = await getOrgUnit(tx, id);
    const diff = changedFields(before, after);
    await audit(tx, actor, { action: 'update', entity: 'org_unit', entityId: id, ...diff });
    return after;
  });
}

export async function addAlias(
  db: Db,
  actor: Actor,
  orgUnitId: number,
  input: z.infer<typeof s.aliasCreate>,
) {
  return db.transaction(async (tx) => {
    await getOrgUnit(tx, orgUnitId);
    const normalized = normalizeName(input.alias);
    const clash = await tx.query<{ name: string }>(
      `SELECT o.name FROM org_unit_aliases a JOIN org_units o ON o.id = a.org_unit_id
        WHERE a.normalized = $1 AND a.org_unit_id <> $2 AND o.valid_to IS NULL`,
      [normalized, orgUnitId],
    );
    if (clash[0])
      throw badRequest('Tên gọi này đã được dùng cho đơn vị khác.', [
        { path: 'alias', message: `Tên gọi đã thuộc về "${clash[0].name}".` },
      ]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO org_unit_aliases (org_unit_id, alias, normalized, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (normalized, org_unit_id) DO NOTHING RETURNING id`,
      [orgUnitId, input.alias, normalized, input.kind],
    );
    if (!row)
      throw badRequest('Đơn vị đã có tên gọi này.', [
        { path: 'alias', message: 'Tên gọi đã có cho đơn vị này.' },
      ]);
    await audit(tx, actor, {
      action: 'create',
      entity: 'org_unit_alias',
      entityId: row.id,
      after: { orgUnitId, ...input },
    });
    return getOrgUnit(tx, orgUnitId);
  });
}

// ───────────── People (cán bộ) ─────────────

type PersonRow = z.infer<typeof s.person>;
const PERSON_SELECT = `
  SELECT p.id, p.full_name AS "fullName", p.position, p.org_unit_id AS "orgUnitId", o.name AS "orgUnitName",
         p.phone, p.email
    FROM people p LEFT JOIN org_units o ON o.id = p.org_unit_id`;

export async function listPeople(db: Db, user: SessionUser, q: z.infer<typeof s.peopleQuery>) {
  const p = new Params();
  const where = [peopleScopeSql(peopleScope(user), p)];
  if (q.orgUnitId) where.push(`p.org_unit_id = ${p.add(q.orgUnitId)}`);
  if (q.q) {
    const text = p.add(ilike(q.q));
    where.push(`(p.full_name ILIKE ${text} OR p.position ILIKE ${text} OR o.name ILIKE ${text})`);
  }
  const cond = `WHERE ${where.join(' AND ')}`;
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people p LEFT JOIN org_units o ON o.id = p.org_unit_id ${cond}`,
    p.values,
  );
  const items = await db.query<PersonRow>(
    `${PERSON_SELECT} ${cond} ORDER BY o.name NULLS LAST, p.full_name, p.id
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function getPerson(db: Pick<Db, 'query'>, id: number): Promise<PersonRow> {
  const [row] = await db.query<PersonRow>(`${PERSON_SELECT} WHERE p.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy cán bộ.');
  return row;
}

export async function createPerson(
  db: Db,
  user: SessionUser,
  actor: Actor,
  input: z.infer<typeof s.personCreate>,
) {
  return db.transaction(async (tx) => {
    await assertMayEditPeopleOf(tx, user, input.orgUnitId ?? null);
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO people (full_name, position, org_unit_id, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [
        input.fullName,
        input.position ?? null,
        input.orgUnitId ?? null,
        input.phone ?? null,
        input.email ?? null,
      ],
    );
    const created = await getPerson(tx, row!.id);
    await audit(tx, actor, { action: 'create', entity: 'person', entityId: created.id, after: created });
    return created;
  });
}

const PERSON_COLUMNS = {
  fullName: 'full_name',
  position: 'position',
  orgUnitId: 'org_unit_id',
  phone: 'phone',
  email: 'email',
} as const;

export async function updatePerson(
  db: Db,
  user: SessionUser,
  actor: Actor,
  id: number,
  input: z.infer<typeof s.personPatch>,
) {
  return db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    await assertMayEditPeopleOf(tx, user, before.orgUnitId);
    if (input.orgUnitId !== undefined) await assertMayEditPeopleOf(tx, user, input.orgUnitId ?? null);
    const p = new Params();
    const sets = setClauses(input, PERSON_COLUMNS, p);
    if (sets.length === 0) return before;
    await tx.query(
      `UPDATE people SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`,
      p.values,
    );
    const after = await getPerson(tx, id);
    await audit(tx, actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      ...changedFields(before, after),
    });
    return after;
  });
}

// ───────────── User accounts (tài khoản) ─────────────

type UserRow = z.infer<typeof s.user>;
const USER_SELECT = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.org_unit_id AS "orgUnitId",
         o.name AS "orgUnitName", u.admin_unit_id AS "adminUnitId", a.name AS "adminUnitName", u.disabled,
         to_char(u.locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lockedUntil",
         u.failed_attempts AS "failedAttempts"
    FROM users u LEFT JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN admin_units a ON a.id = u.admin_unit_id`;

export async function listUsers(db: Db, q: z.infer<typeof s.usersQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.q) {
    const text = p.add(ilike(q.q));
    where.push(`(u.username ILIKE ${text} OR u.display_name ILIKE ${text})`);
  }
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u ${cond}`, p.values);
  const items = await db.query<UserRow>(
    `${USER_SELECT} ${cond} ORDER BY u.username LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function getUser(db: Pick<Db, 'query'>, id: number): Promise<UserRow> {
  const [row] = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy tài khoản.');
  return row;
}

export async function createUser(db: Db, actor: Actor, input: z.infer<typeof s.userCreate>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [input.username]);
    if (taken.length)
      throw badRequest('Tên đăng nhập đã tồn tại.', [
        { path: 'username', message: 'Tên đăng nhập đã tồn tại.' },
      ]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, role, display_name, org_unit_id, admin_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        input.username,
        passwordHash,
        input.role,
        input.displayName,
        input.orgUnitId ?? null,
        input.adminUnitId ?? null,
      ],
    );
    const created = await getUser(tx, row!.id);
    await audit(tx, actor, { action: 'create', entity: 'user', entityId: created.id, after: created });
    return created;
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, input: z.infer<typeof s.userPatch>) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    const role = input.role ?? before.role;
    const orgUnitId = input.orgUnitId !== undefined ? input.orgUnitId : before.orgUnitId;
    const adminUnitId = input.adminUnitId !== undefined ? input.adminUnitId : before.adminUnitId;
    const missing = s.missingUnitForRole({ role, orgUnitId, adminUnitId });
    if (missing.length) throw badRequest('Dữ liệu không hợp lệ.', missing);
    await tx.query(
      `UPDATE users SET display_name = $2, role = $3, org_unit_id = $4, admin_unit_id = $5,
              disabled = $6, password_hash = COALESCE($7, password_hash),
              failed_attempts = CASE WHEN $8 THEN 0 ELSE failed_attempts END,
              locked_until = CASE WHEN $8 THEN NULL ELSE locked_until END, updated_at = now()
        WHERE id = $1`,
      [
        id,
        input.displayName ?? before.displayName,
        role,
        orgUnitId,
        adminUnitId,
        input.disabled ?? before.disabled,
        passwordHash ?? null,
        input.unlock === true,
      ],
    );
    // A changed password or a disabled account ends the user's sessions.
    if (passwordHash || input.disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    const after = await getUser(tx, id);
    const diff = changedFields(before, after);
    await audit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: diff.before,
      after: passwordHash ? { ...diff.after, password: '(đã đổi)' } : diff.after,
    });
    return after;
  });
}
