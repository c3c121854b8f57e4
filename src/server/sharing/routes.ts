/**
 * Data sharing (chia sẻ dữ liệu):
 * - `/api/v1/api-clients…` (session, admin only): partner systems, their tokens and the log of their calls;
 * - `/api/share/v1/…` (bearer token): the shared datasets as pages, bulk exports and change feeds, and one
 *   write (a crash posted by a partner). Each route names the scope it needs in `config.scope`.
 *
 * The chain of a partner call: bearer token → client (401: missing, unknown, revoked) → scope (403) →
 * the client's token bucket (429 with Retry-After) → zod validation → handler; after the answer, one row in
 * `api_client_calls` for every call of a known client, refused ones included.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type Bucket,
  DATASET_PATH,
  type Dataset,
  decodeCursor,
  type Scope,
  takeToken,
} from '../../domain/sharing/sharing.ts';
import * as records from '../crashes/records.ts';
import { crashInput } from '../crashes/schemas.ts';
import { todayInVietnam } from '../plans/routes.ts';
import { audit } from '../platform/audit.ts';
import { ADMIN } from '../platform/auth/roles.ts';
import { badRequest } from '../platform/errors.ts';
import { type App, actorOf, emptyBody, errorSchema, idParam } from '../platform/http.ts';
import { XLSX_TYPE } from '../platform/media-types.ts';
import * as data from './datasets.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a partner's token needs for this /api/share route. */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** The partner system calling an /api/share route (set once its token is known). */
    shareClient: service.ShareClient | null;
    /** Rows the answer carried, for the call log. */
    shareRows: number | null;
  }
  interface FastifyInstance {
    /** Resolves when every pending call-log write is done (tests; shutdown). */
    shareCallsSettled: () => Promise<void>;
  }
}

export const SHARE_PREFIX = '/api/share/';
const BASE = '/api/share/v1';
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const partnerErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema };
const security = [{ bearer: [] }];
const MEDIA = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
  geojson: 'application/geo+json; charset=utf-8',
} as const;

export function registerSharingRoutes(app: App): void {
  registerAdminRoutes(app);
  registerPartnerGuard(app);
  registerPartnerRoutes(app);
}

// ───────────── Admin ─────────────

function registerAdminRoutes(app: App): void {
  const tags = ['api-clients'];
  app.get(
    '/api/v1/api-clients',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Ứng dụng đối tác được cấp khóa truy cập API chia sẻ dữ liệu',
        querystring: s.clientQuery,
        response: { 200: s.clientPage, ...errors },
      },
    },
    (request) => service.listClients(app.db, request.query),
  );

  app.post(
    '/api/v1/api-clients',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Cấp khóa truy cập cho một ứng dụng đối tác (khóa chỉ hiện một lần trong câu trả lời)',
        body: s.clientCreate,
        response: { 201: s.clientWithToken, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await service.createClient(app.db, actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/api-clients/:id/revoke',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Thu hồi khóa truy cập: mọi lần gọi sau bị từ chối (401)',
        params: idParam,
        body: emptyBody,
        response: { 200: s.apiClient, ...errors },
      },
    },
    (request) => service.revokeClient(app.db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/api-clients/:id/rotate',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Cấp lại khóa truy cập: khóa cũ hết hiệu lực ngay, khóa mới chỉ hiện một lần',
        params: idParam,
        body: emptyBody,
        response: { 200: s.clientWithToken, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await service.rotateClient(app.db, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/api-clients/:id/calls',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Nhật ký các lần gọi API của một ứng dụng đối tác (mới nhất trước)',
        params: idParam,
        querystring: s.callQuery,
        response: { 200: s.callPage, ...errors },
      },
    },
    (request) => service.listCalls(app.db, request.params.id, request.query),
  );
}

// ───────────── Partners: bearer token, scope, rate, call log ─────────────

function refuse(reply: FastifyReply, status: number, code: string, message: string, challenge?: string) {
  if (challenge) void reply.header('www-authenticate', challenge);
  return reply.status(status).send({ error: { code, message, details: [] } });
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

function registerPartnerGuard(app: App): void {
  app.decorateRequest('shareClient', null);
  app.decorateRequest('shareRows', null);
  const buckets = new Map<number, Bucket>();
  const pending = new Set<Promise<void>>();
  app.decorate('shareCallsSettled', async () => {
    await Promise.allSettled([...pending]);
  });

  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (scope === undefined || !request.url.startsWith(SHARE_PREFIX)) return;
    const realm = 'Bearer realm="atgt-share"';
    const token = bearerOf(request);
    if (!token)
      return refuse(
        reply,
        401,
        'UNAUTHENTICATED',
        'Thiếu khóa truy cập. Gửi khóa do Quản trị hệ thống cấp trong tiêu đề "Authorization: Bearer <khóa>".',
        realm,
      );
    const client = await service.clientByToken(app.db, token);
    if (!client)
      return refuse(
        reply,
        401,
        'INVALID_TOKEN',
        'Khóa truy cập không hợp lệ hoặc đã được cấp lại. Liên hệ Quản trị hệ thống để nhận khóa mới.',
        `${realm}, error="invalid_token"`,
      );
    request.shareClient = client;
    if (client.revoked)
      return refuse(
        reply,
        401,
        'TOKEN_REVOKED',
        'Khóa truy cập đã bị thu hồi. Liên hệ Quản trị hệ thống nếu cần tiếp tục trao đổi dữ liệu.',
        `${realm}, error="invalid_token"`,
      );
    if (!client.scopes.includes(scope))
      return refuse(
        reply,
        403,
        'INSUFFICIENT_SCOPE',
        `Khóa truy cập này không được cấp quyền "${scope}".`,
        `${realm}, error="insufficient_scope", scope="${scope}"`,
      );
    const take = takeToken(buckets.get(client.id), client.ratePerMinute, Date.now());
    buckets.set(client.id, take.bucket);
    if (!take.allowed) {
      void reply.header('retry-after', String(take.retryAfterSeconds));
      return refuse(
        reply,
        429,
        'RATE_LIMITED',
        `Vượt quá ${client.ratePerMinute} lần gọi mỗi phút của ứng dụng này. Vui lòng thử lại sau ${take.retryAfterSeconds} giây.`,
      );
    }
  });

  app.addHook('onResponse', (request, reply, done) => {
    const client = request.shareClient;
    if (client) {
      const [path = '', query] = request.url.split(/\?(.*)/s);
      const job: Promise<void> = service
        .recordCall(app.db, {
          clientId: client.id,
          at: new Date(Date.now() - reply.elapsedTime),
          method: request.method,
          path,
          query: query ? query : null,
          status: reply.statusCode,
          rowsReturned: request.shareRows,
          durationMs: reply.elapsedTime,
          ip: request.ip,
          used: !client.revoked,
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'could not log an API call'))
        .finally(() => pending.delete(job));
      pending.add(job);
    }
    done();
  });
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });
}

// ───────────── Partners: datasets ─────────────

const LABEL: Record<Dataset, string> = {
  crashes: 'vụ TNGT (không có dữ liệu cá nhân)',
  black_spots: 'điểm đen, điểm tiềm ẩn TNGT',
  violations: 'vi phạm (họ tên che bớt, trừ Công an)',
};

function registerPartnerRoutes(app: App): void {
  const tags = ['sharing'];
  const context = async (request: FastifyRequest): Promise<data.ReadContext> => ({
    police: await service.partnerIsPolice(app.db, request.shareClient!),
  });
  const auditPersonal = async (request: FastifyRequest, after: Record<string, unknown>) =>
    audit(app.db, service.partnerActor(request.shareClient!, request.ip), {
      action: 'read_personal',
      entity: 'violation',
      after: { ...after, apiClientId: request.shareClient!.id },
    });

  const dataset = <Q extends z.ZodType, P extends z.ZodType>(
    name: Dataset,
    spec: data.AnySpec,
    item: z.ZodType,
    exportQuery: Q,
    pageQuery: P,
  ) => {
    const path = `${BASE}/${DATASET_PATH[name]}`;
    const scope = `${name}:read` as Scope;
    const label = LABEL[name];

    app.get(
      path,
      {
        config: { scope },
        schema: {
          tags,
          summary: `Trang dữ liệu ${label}, theo id tăng dần (phạm vi ${scope})`,
          security,
          querystring: pageQuery,
          response: { 200: s.sharePage(item), ...partnerErrors },
        },
      },
      async (request) => {
        const ctx = await context(request);
        const result = await data.readPage(
          app.db,
          spec,
          request.query as { page: number; pageSize: number },
          ctx,
        );
        request.shareRows = result.items.length;
        const personal = data.withPersonalData(result.items);
        if (personal.length) await auditPersonal(request, { ids: personal });
        return result;
      },
    );

    for (const format of ['csv', 'xlsx', 'geojson'] as const) {
      app.get(
        `${path}.${format}`,
        {
          config: { scope },
          schema: {
            tags,
            summary: `Xuất toàn bộ ${label} (${format.toUpperCase()}, tối đa ${data.EXPORT_LIMIT.toLocaleString('vi-VN')} dòng; phạm vi ${scope})`,
            security,
            querystring: exportQuery,
            response: partnerErrors,
          },
        },
        async (request, reply) => {
          const filters = request.query as object;
          const ctx = await context(request);
          const total = await data.exportCount(app.db, spec, filters);
          const rows = Math.min(total, data.EXPORT_LIMIT);
          request.shareRows = rows;
          if (ctx.police && name === 'violations' && rows > 0)
            await auditPersonal(request, { export: format, rows, filters });
          const body =
            format === 'csv'
              ? data.csvStream(app.db, spec, filters, ctx)
              : format === 'geojson'
                ? data.geoJsonStream(app.db, spec, filters, ctx)
                : data.xlsxStream(app.db, spec, filters, ctx, name);
          return reply
            .header('content-type', MEDIA[format])
            .header(
              'content-disposition',
              `attachment; filename="${DATASET_PATH[name]}-${todayInVietnam()}.${format}"`,
            )
            .header('x-total-count', String(total))
            .header('x-export-limit', String(data.EXPORT_LIMIT))
            .header('x-export-truncated', String(total > data.EXPORT_LIMIT))
            .header('cache-control', 'no-store')
            .send(body as never); // a stream: sent as it is read, never serialised
        },
      );
    }

    app.get(
      `${path}/changes`,
      {
        config: { scope },
        schema: {
          tags,
          summary: `Các thay đổi của ${label} sau con trỏ "since", cũ trước (phạm vi ${scope})`,
          description:
            'Gọi lần đầu không có `since`; lưu `nextCursor` và gọi lại với `since=<nextCursor>` cho tới khi `hasMore` là false. ' +
            '`op: "upsert"` kèm bản ghi mới nhất trong `data`; `op: "delete"` là bản ghi đã xóa (hoặc vụ TNGT đã gộp vào vụ khác).',
          security,
          querystring: s.changesQuery,
          response: { 200: s.changesPage(item), ...partnerErrors },
        },
      },
      async (request) => {
        const since = request.query.since === undefined ? 0 : decodeCursor(request.query.since);
        if (since === null)
          throw badRequest(
            'Con trỏ "since" không hợp lệ. Dùng đúng giá trị nextCursor của lần gọi trước, hoặc bỏ trống để lấy từ đầu.',
            [{ path: 'since', message: 'Không phải con trỏ do hệ thống cấp.' }],
          );
        const ctx = await context(request);
        const result = await data.readChanges(app.db, spec, since, request.query.limit, ctx);
        request.shareRows = result.items.length;
        const personal = data.withPersonalData(result.items.flatMap((i) => (i.data ? [i.data] : [])));
        if (personal.length) await auditPersonal(request, { ids: personal });
        return result;
      },
    );
  };

  dataset('crashes', data.crashes, s.sharedCrash, s.crashExportQuery, s.crashPageQuery);
  dataset('black_spots', data.blackSpots, s.sharedSpot, s.spotExportQuery, s.spotPageQuery);
  dataset('violations', data.violations, s.sharedViolation, s.violationExportQuery, s.violationPageQuery);

  // A partner (the hospital, the police system) posts one crash: the same validation and rules as the web
  // form. It arrives unverified, for the office to check; its place must be valid on its date.
  app.post(
    `${BASE}/crashes`,
    {
      config: { scope: 'crashes:write' },
      schema: {
        tags,
        summary:
          'Gửi một vụ TNGT từ hệ thống đối tác (phạm vi crashes:write); lưu ở trạng thái chưa xác minh',
        security,
        body: crashInput,
        response: { 201: s.sharedCrash, ...partnerErrors, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const client = request.shareClient!;
      const created = await records.createCrash(
        app.db,
        service.partnerActor(client, request.ip),
        service.partnerAsUser(client),
        { ...request.body, verified: false },
      );
      const [item] = await data.readByIds(app.db, data.crashes, [created.id], { police: false });
      request.shareRows = 1;
      return reply.status(201).send(item as z.infer<typeof s.sharedCrash>);
    },
  );
}
