import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from './audit.ts';
import type { Access, SessionUser } from './auth/roles.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { unauthorized } from './errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    appConfig: Config;
    /** Every /api/v1 route with its access rule (for the authorization matrix and docs) */
    routeTable: { method: string; url: string; access: Access }[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Who may call this route; every /api/v1 route must say. */
    access?: Access;
  }
}

/** The Fastify instance as capabilities see it: zod schemas type the handlers. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, username: request.user?.username ?? null, ip: request.ip };
}

/** The signed-in user; routes whose access is not 'public' are guaranteed one by the access hook. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

// Shared schema pieces, so that every list endpoint pages the same way.
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};
export const searchText = z.string().trim().max(200).optional();
/** Required text, trimmed, 1..max characters. */
export const trimmed = (max: number) => z.string().trim().min(1).max(max);
/** Optional text, trimmed; an empty string is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Ngày không tồn tại',
  );
export const idParam = z.object({ id: z.coerce.number().int().positive() });
/** The body of an action that takes none: nothing, or an empty object. */
export const emptyBody = z.object({}).strict();

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const offsetOf = (q: { page: number; pageSize: number }) => (q.page - 1) * q.pageSize;

/** Sends a generated file (a Word or Excel document) as a download. */
export function sendAttachment(
  reply: FastifyReply,
  file: { bytes: Uint8Array; contentType: string; filename: string },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(Buffer.from(file.bytes));
}
