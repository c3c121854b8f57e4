import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuditRoutes } from '../audit/routes.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import { registerBlackSpotRoutes } from '../blackspots/routes.ts';
import { registerCrashRoutes } from '../crashes/routes.ts';
import { registerDashboardRoutes } from '../dashboard/routes.ts';
import { registerDirectoryRoutes } from '../directory/routes.ts';
import { registerEmulationRoutes } from '../emulation/routes.ts';
import { registerPatrolRoutes } from '../enforcement/patrol-routes.ts';
import { registerEnforcementRoutes } from '../enforcement/routes.ts';
import { registerIncidentRoutes } from '../incidents/routes.ts';
import { registerPlanRoutes } from '../plans/routes.ts';
import { registerPropagandaRoutes } from '../propaganda/routes.ts';
import { registerReportRoutes } from '../reports/routes.ts';
import { registerSharingRoutes, SHARE_PREFIX } from '../sharing/routes.ts';
import { registerSystemRoutes } from '../system/routes.ts';
import { registerTransparencyRoutes } from '../transparency/routes.ts';
import { type Access, allows } from './auth/roles.ts';
import { SESSION_COOKIE, userOfSession } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { AppError, type ErrorDetail } from './errors.ts';
import type { App } from './http.ts';
import { configureZod } from './zod-locale.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes anyone may make without a session (the public crash report), exempt from CSRF. */
const PUBLIC_WRITES = '/api/v1/public/';

export interface BuildOptions {
  db: Db;
  config: Config;
  /** Requests per minute per client before 429; high in tests */
  rateLimitPerMinute?: number;
}

export async function buildApp({ db, config, rateLimitPerMinute = 600 }: BuildOptions): Promise<App> {
  configureZod();
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: config.env === 'production',
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('appConfig', config);
  app.decorateRequest('user', null);

  // Every /api/v1 route must declare who may call it; a forgotten declaration stops the start.
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} has no access declaration`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    cookieKey: 'atgt_csrf',
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: config.env === 'production',
    },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, {
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    // The API is limited; the web app's own files (20–30 per page load) are not.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        429,
        'RATE_LIMITED',
        `Quá nhiều yêu cầu. Vui lòng thử lại sau ${Math.ceil(ctx.ttl / 1000)} giây.`,
      ),
  });
  // Photos of public crash reports; limits are set per route.
  await app.register(multipart);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ATGT API',
        description: 'API của nền tảng quản lý trật tự, an toàn giao thông cấp tỉnh',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          // Partner systems (/api/share/v1): the token an admin issued (Chia sẻ dữ liệu → Ứng dụng đối tác).
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Khóa truy cập atgt_… của ứng dụng đối tác',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Who is calling: the session cookie, then the route's access rule, then CSRF for writes.
  // Only the API uses the user: static files and the page shell do not cost a database query.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const raw = request.cookies[SESSION_COOKIE];
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) request.user = await userOfSession(db, unsigned.value);
    }
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const verdict = allows(access, request.user);
    if (verdict === 'unauthenticated')
      throw new AppError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
    if (verdict === 'forbidden')
      throw new AppError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return done();
    // The public crash report carries no session and acts for nobody: there is nothing to forge.
    if (request.url.startsWith(PUBLIC_WRITES) && request.routeOptions.config.access === 'public')
      return done();
    // Partner systems write with a bearer token in a header, never with a cookie: nothing to forge either.
    if (request.url.startsWith(SHARE_PREFIX) && request.routeOptions.config.scope !== undefined)
      return done();
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    // A missing asset is a 404, never the page: a service worker must not cache HTML as JavaScript.
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (wantsPage && existsSync(path.join(WEB_DIST, 'index.html'))) return reply.sendFile('index.html');
    return reply
      .status(404)
      .send(
        errorBody('NOT_FOUND', `Không tìm thấy đường dẫn ${request.method} ${request.url.split('?')[0]}.`),
      );
  });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: 'index.html',
      // Hashed build files never change; pages and the service worker are checked on every load.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }

  registerSystemRoutes(app);
  registerAuthRoutes(app);
  registerDirectoryRoutes(app);
  registerCrashRoutes(app);
  registerPlanRoutes(app);
  registerBlackSpotRoutes(app);
  registerReportRoutes(app);
  registerIncidentRoutes(app);
  registerEnforcementRoutes(app);
  registerPatrolRoutes(app);
  registerPropagandaRoutes(app);
  registerEmulationRoutes(app);
  registerDashboardRoutes(app);
  registerTransparencyRoutes(app);
  registerSharingRoutes(app);
  registerAuditRoutes(app);
  return app;
}

const errorBody = (code: string, message: string, details: ErrorDetail[] = []) => ({
  error: { code, message, details },
});

/** Maps any thrown error to the one error shape; never leaks SQL or stack traces. */
export function toErrorResponse(error: unknown): { status: number; body: ReturnType<typeof errorBody> } {
  if (error instanceof AppError)
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  const e = error as FastifyError & { code?: string; validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const details = e.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (e.validationContext ?? ''),
      message: v.message ?? 'Giá trị không hợp lệ.',
    }));
    return {
      status: 400,
      body: errorBody(
        'VALIDATION_FAILED',
        'Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
        details,
      ),
    };
  }
  switch (e.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return {
        status: 403,
        body: errorBody(
          'CSRF_INVALID',
          'Phiên làm việc đã hết hạn bảo vệ (CSRF). Vui lòng tải lại trang và thử lại.',
        ),
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody('INVALID_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: errorBody('UNSUPPORTED_MEDIA_TYPE', 'Định dạng nội dung không được hỗ trợ.'),
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.') };
    case '23505':
      return { status: 409, body: errorBody('CONFLICT', 'Dữ liệu bị trùng với bản ghi đã có.') };
    case '23503':
      return {
        status: 400,
        body: errorBody('INVALID_REFERENCE', 'Dữ liệu tham chiếu tới bản ghi không tồn tại.'),
      };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return { status: 400, body: errorBody('BAD_REQUEST', 'Giá trị gửi lên không hợp lệ.') };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: errorBody('BAD_REQUEST', 'Yêu cầu không hợp lệ.') };
  }
  return { status: 500, body: errorBody('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.') };
}
