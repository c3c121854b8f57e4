import { z } from 'zod';
import { OFFICE } from '../platform/auth/roles.ts';
import { type App, errorSchema, offsetOf, paged, pageQuery, searchText } from '../platform/http.ts';
import { containing, Params, whereClause } from '../platform/sql.ts';

const auditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  userId: z.coerce.number().int().positive().optional(),
  q: searchText,
  ...pageQuery,
});

const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export function registerAuditRoutes(app: App): void {
  app.get(
    '/api/v1/audit',
    {
      config: { access: OFFICE },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi: ai, lúc nào, thay đổi gì',
        querystring: auditQuery,
        response: { 200: paged(auditItem), 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const p = new Params();
      const where: string[] = [];
      if (q.entity) where.push(`entity = ${p.add(q.entity)}`);
      if (q.entityId) where.push(`entity_id = ${p.add(q.entityId)}`);
      if (q.userId) where.push(`user_id = ${p.add(q.userId)}`);
      if (q.q) {
        const text = p.add(containing(q.q));
        where.push(`(username ILIKE ${text} OR action ILIKE ${text})`);
      }
      const cond = whereClause(where);
      const [count] = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log ${cond}`,
        p.values,
      );
      const rows = await app.db.query<z.infer<typeof auditItem> & { at: Date | string }>(
        `SELECT id, at, user_id AS "userId", username, action, entity, entity_id AS "entityId", before, after, ip
           FROM audit_log ${cond} ORDER BY id DESC LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
        p.values,
      );
      return {
        items: rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() })),
        total: count?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
