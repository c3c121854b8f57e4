import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db.ts';
import type { SessionUser } from './roles.ts';

export const SESSION_COOKIE = 'atgt_session';

export const newSessionToken = () => randomBytes(32).toString('base64url');
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Queryable,
  userId: number,
  hours: number,
  meta: { ip: string; userAgent: string | undefined },
): Promise<string> {
  const token = newSessionToken();
  await db.query(
    `INSERT INTO sessions (id, user_id, expires_at, ip, user_agent)
     VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5)`,
    [sessionId(token), userId, hours, meta.ip, meta.userAgent ?? null],
  );
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId(token)]);
}

interface SessionRow {
  id: number;
  username: string;
  display_name: string;
  role: SessionUser['role'];
  org_unit_id: number | null;
  org_unit_name: string | null;
  admin_unit_id: string | null;
  admin_unit_name: string | null;
}

export async function userOfSession(db: Queryable, token: string): Promise<SessionUser | null> {
  const rows = await db.query<SessionRow>(
    `SELECT u.id, u.username, u.display_name, u.role, u.org_unit_id, o.name AS org_unit_name,
            u.admin_unit_id, a.name AS admin_unit_name
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN org_units o ON o.id = u.org_unit_id
       LEFT JOIN admin_units a ON a.id = u.admin_unit_id
      WHERE s.id = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [sessionId(token)],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    adminUnitId: r.admin_unit_id,
    adminUnitName: r.admin_unit_name,
  };
}
