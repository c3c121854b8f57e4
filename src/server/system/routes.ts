import { z } from 'zod';
import type { App } from '../platform/http.ts';
import { getMeta } from './meta.ts';

export function registerSystemRoutes(app: App): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Kiểm tra tình trạng máy chủ và cơ sở dữ liệu',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await app.db.query('SELECT 1');
        return { status: 'ok' as const, database: app.db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: app.db.kind });
      }
    },
  );

  app.get(
    '/api/v1/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Thông tin chung: tên tỉnh, có phải dữ liệu minh họa',
        response: { 200: z.object({ demo: z.boolean(), provinceName: z.string(), version: z.string() }) },
      },
    },
    async () => getMeta(app.db),
  );
}
