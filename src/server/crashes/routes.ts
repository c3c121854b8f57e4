import { z } from 'zod';
import { type App, errorSchema, isoDate, paged, pageQuery, searchText, userOf } from '../platform/http.ts';
import { listCrashes } from './service.ts';

export const crashQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    adminUnitId: z.string().max(50).optional(),
    q: searchText,
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
  });

export const crashItem = z.object({
  id: z.number(),
  occurredAt: z.string(),
  adminUnitId: z.string(),
  adminUnitName: z.string(),
  currentAdminUnitId: z.string(),
  currentAdminUnitName: z.string(),
  roadCode: z.string().nullable(),
  kmM: z.number().nullable(),
  deaths: z.number(),
  injured: z.number(),
  cause: z.string().nullable(),
  causeLabel: z.string().nullable(),
  severity: z.string().nullable(),
  severityLabel: z.string().nullable(),
  verified: z.boolean(),
  description: z.string().nullable(),
});

const crashPage = paged(crashItem).extend({
  summary: z.object({ crashes: z.number(), deaths: z.number(), injured: z.number() }),
});

export function registerCrashRoutes(app: App): void {
  app.get(
    '/api/v1/crashes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['crashes'],
        summary: 'Danh sách vụ TNGT trong phạm vi của người dùng, với tổng số vụ, số người chết, bị thương',
        querystring: crashQuery,
        response: { 200: crashPage, 400: errorSchema, 401: errorSchema },
      },
    },
    (request) => listCrashes(app.db, userOf(request), request.query),
  );
}
