import { z } from 'zod';
import { audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import { createSession, deleteSession, SESSION_COOKIE, userOfSession } from '../platform/auth/sessions.ts';
import { type App, actorOf, errorSchema, userOf } from '../platform/http.ts';
import { getMeta } from '../system/meta.ts';
import { checkLogin } from './service.ts';

const meSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'office', 'agency', 'commune', 'leader']),
    orgUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
    adminUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  demo: z.boolean(),
  provinceName: z.string(),
});

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

function presentMe(
  user: SessionUser,
  meta: { demo: boolean; provinceName: string },
): z.infer<typeof meSchema> {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnit: user.orgUnitId != null ? { id: user.orgUnitId, name: user.orgUnitName ?? '' } : null,
      adminUnit: user.adminUnitId != null ? { id: user.adminUnitId, name: user.adminUnitName ?? '' } : null,
    },
    demo: meta.demo,
    provinceName: meta.provinceName,
  };
}

export function registerAuthRoutes(app: App): void {
  const cookieOptions = () => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    signed: true,
    secure: app.appConfig.env === 'production',
    maxAge: app.appConfig.sessionHours * 3600,
  });

  app.get(
    '/api/v1/auth/csrf',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Lấy mã CSRF; gửi lại trong tiêu đề x-csrf-token ở mọi yêu cầu ghi',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
        body: loginBody,
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 423: errorSchema },
      },
    },
    async (request, reply) => {
      const userId = await checkLogin(app.db, request.body.username, request.body.password, request.ip);
      const token = await createSession(app.db, userId, app.appConfig.sessionHours, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      const user = await userOfSession(app.db, token);
      if (!user) throw new Error('session vanished right after login');
      reply.setCookie(SESSION_COOKIE, token, cookieOptions());
      return presentMe(user, await getMeta(app.db));
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Đăng xuất' } },
    async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      const token = raw ? request.unsignCookie(raw).value : null;
      await app.db.transaction(async (tx) => {
        if (token) await deleteSession(tx, token);
        await audit(tx, actorOf(request), { action: 'logout', entity: 'user', entityId: request.user?.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập và phạm vi dữ liệu',
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (request) => presentMe(userOf(request), await getMeta(app.db)),
  );
}
