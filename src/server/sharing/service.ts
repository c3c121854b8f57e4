/**
 * API clients of partner agencies: created, revoked and rotated by the admin (each audited), found by the
 * SHA-256 of their bearer token, and every call they make written to `api_client_calls`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { TOKEN_PATTERN, TOKEN_PREFIX, TOKEN_PREFIX_LENGTH } from '../../domain/sharing/sharing.ts';
import { isPolice } from '../enforcement/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import { containing, Params, whereClause } from '../platform/sql.ts';
import type * as s from './schemas.ts';

export type ApiClient = z.infer<typeof s.apiClient>;

export const newToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const POLICE_UNITS = `(SELECT id FROM org_unit_subtree((SELECT id FROM org_units WHERE code = 'CA')))`;

const CLIENT_SELECT = `
  SELECT c.id, c.name, c.partner_org_unit_id AS "partnerOrgUnitId", o.name AS "partnerOrgUnitName",
         COALESCE(c.partner_org_unit_id IN ${POLICE_UNITS}, false) AS "partnerIsPolice",
         c.contact, c.scopes, c.rate_per_minute AS "ratePerMinute", c.token_prefix AS "tokenPrefix",
         u.username AS "createdBy", to_json(c.created_at) #>> '{}' AS "createdAt",
         to_json(c.rotated_at) #>> '{}' AS "rotatedAt", to_json(c.revoked_at) #>> '{}' AS "revokedAt",
         to_json(c.last_used_at) #>> '{}' AS "lastUsedAt",
         (SELECT count(*)::int FROM api_client_calls k WHERE k.client_id = c.id AND k.at > now() - interval '1 day') AS "calls24h"
    FROM api_clients c
    LEFT JOIN org_units o ON o.id = c.partner_org_unit_id
    LEFT JOIN users u ON u.id = c.created_by`;

export async function getClient(db: Queryable, id: number): Promise<ApiClient> {
  const [row] = await db.query<ApiClient>(`${CLIENT_SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy ứng dụng đối tác.');
  return row;
}

export async function listClients(db: Db, q: z.infer<typeof s.clientQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.q) {
    const text = p.add(containing(q.q));
    where.push(
      `(c.name ILIKE ${text} OR c.contact ILIKE ${text} OR o.name ILIKE ${text} OR c.token_prefix ILIKE ${text})`,
    );
  }
  if (q.status === 'active') where.push('c.revoked_at IS NULL');
  if (q.status === 'revoked') where.push('c.revoked_at IS NOT NULL');
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM api_clients c LEFT JOIN org_units o ON o.id = c.partner_org_unit_id ${cond}`,
    p.values,
  );
  const items = await db.query<ApiClient>(
    `${CLIENT_SELECT} ${cond} ORDER BY c.revoked_at IS NOT NULL, c.name, c.id
     LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** What the audit log keeps of a client: never the token or its hash. */
const audited = (c: ApiClient) => ({
  name: c.name,
  partnerOrgUnitId: c.partnerOrgUnitId,
  contact: c.contact,
  scopes: c.scopes,
  ratePerMinute: c.ratePerMinute,
  tokenPrefix: c.tokenPrefix,
  revokedAt: c.revokedAt,
});

export async function createClient(db: Db, actor: Actor, input: z.infer<typeof s.clientCreate>) {
  if (input.partnerOrgUnitId != null) {
    const [unit] = await db.query('SELECT 1 FROM org_units WHERE id = $1', [input.partnerOrgUnitId]);
    if (!unit)
      throw badRequest('Dữ liệu không hợp lệ.', [
        { path: 'partnerOrgUnitId', message: 'Không có đơn vị này trong danh mục.' },
      ]);
  }
  const token = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO api_clients (name, partner_org_unit_id, contact, scopes, rate_per_minute, token_hash, token_prefix, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        input.name,
        input.partnerOrgUnitId ?? null,
        input.contact ?? null,
        input.scopes,
        input.ratePerMinute,
        tokenHash(token),
        token.slice(0, TOKEN_PREFIX_LENGTH),
        actor.userId,
      ],
    );
    const client = await getClient(tx, row!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'api_client',
      entityId: client.id,
      after: audited(client),
    });
    return { client, token };
  });
}

export async function revokeClient(db: Db, actor: Actor, id: number): Promise<ApiClient> {
  return db.transaction(async (tx) => {
    const before = await getClient(tx, id);
    if (before.revokedAt !== null) throw conflict('Khóa truy cập của ứng dụng này đã bị thu hồi trước đó.');
    await tx.query('UPDATE api_clients SET revoked_at = now() WHERE id = $1', [id]);
    const after = await getClient(tx, id);
    await audit(tx, actor, {
      action: 'revoke',
      entity: 'api_client',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
    return after;
  });
}

/** A new token; the old one stops working at once. */
export async function rotateClient(db: Db, actor: Actor, id: number) {
  const token = newToken();
  return db.transaction(async (tx) => {
    const before = await getClient(tx, id);
    if (before.revokedAt !== null)
      throw conflict('Ứng dụng đã bị thu hồi khóa truy cập; hãy tạo ứng dụng mới thay vì cấp lại khóa.');
    await tx.query(
      'UPDATE api_clients SET token_hash = $2, token_prefix = $3, rotated_at = now() WHERE id = $1',
      [id, tokenHash(token), token.slice(0, TOKEN_PREFIX_LENGTH)],
    );
    const client = await getClient(tx, id);
    await audit(tx, actor, {
      action: 'rotate',
      entity: 'api_client',
      entityId: id,
      before: { tokenPrefix: before.tokenPrefix },
      after: { tokenPrefix: client.tokenPrefix },
    });
    return { client, token };
  });
}

export async function listCalls(db: Db, id: number, q: z.infer<typeof s.callQuery>) {
  await getClient(db, id);
  const p = new Params();
  const where = [`client_id = ${p.add(id)}`];
  if (q.outcome === 'ok') where.push('status < 400');
  if (q.outcome === 'refused') where.push('status >= 400');
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM api_client_calls ${cond}`,
    p.values,
  );
  const rows = await db.query<z.infer<typeof s.apiCall> & { id: number | string }>(
    `SELECT id, to_json(at) #>> '{}' AS at, method, path, query, status, rows_returned AS "rowsReturned",
            duration_ms AS "durationMs", ip
       FROM api_client_calls ${cond} ORDER BY at DESC, id DESC
      LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return {
    items: rows.map((r) => ({ ...r, id: Number(r.id) })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

// ───────────── Partners: who is calling ─────────────

export interface ShareClient {
  id: number;
  name: string;
  scopes: string[];
  ratePerMinute: number;
  partnerOrgUnitId: number | null;
  revoked: boolean;
}

/** The client whose token this is (revoked ones too, so that their refused calls are logged), or null. */
export async function clientByToken(db: Queryable, token: string): Promise<ShareClient | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db.query<ShareClient>(
    `SELECT id, name, scopes, rate_per_minute AS "ratePerMinute", partner_org_unit_id AS "partnerOrgUnitId",
            revoked_at IS NOT NULL AS revoked
       FROM api_clients WHERE token_hash = $1`,
    [tokenHash(token)],
  );
  return row ?? null;
}

/** The partner as a user of the other capabilities' services: an agency officer of its unit. */
export function partnerAsUser(client: ShareClient): SessionUser {
  return {
    id: 0,
    username: `api:${client.name}`,
    displayName: client.name,
    role: 'agency',
    orgUnitId: client.partnerOrgUnitId,
    orgUnitName: null,
    adminUnitId: null,
    adminUnitName: null,
  };
}

export const partnerActor = (client: ShareClient, ip: string): Actor => ({
  userId: null,
  username: `api:${client.name}`,
  ip,
});

/** The police (Công an tỉnh and its divisions) see violators' names and id numbers; nobody else does. */
export const partnerIsPolice = (db: Queryable, client: ShareClient): Promise<boolean> =>
  client.partnerOrgUnitId === null ? Promise.resolve(false) : isPolice(db, partnerAsUser(client));

export interface CallRecord {
  clientId: number;
  at: Date;
  method: string;
  path: string;
  query: string | null;
  status: number;
  rowsReturned: number | null;
  durationMs: number;
  ip: string;
  /** The token was accepted (not revoked): the client's "last used" moves. */
  used: boolean;
}

export async function recordCall(db: Db, call: CallRecord): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO api_client_calls (client_id, at, method, path, query, status, rows_returned, duration_ms, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        call.clientId,
        call.at.toISOString(),
        call.method,
        call.path.slice(0, 500),
        call.query === null ? null : call.query.slice(0, 2000),
        call.status,
        call.rowsReturned,
        Math.round(call.durationMs),
        call.ip,
      ],
    );
    if (call.used)
      await tx.query(
        'UPDATE api_clients SET last_used_at = GREATEST(last_used_at, $2::timestamptz) WHERE id = $1',
        [call.clientId, call.at.toISOString()],
      );
  });
}
