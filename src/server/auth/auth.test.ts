import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DEMO_PASSWORD,
  type ErrorBody,
  TestClient,
  type TestContext,
} from '../platform/testing/index.ts';
import { MAX_FAILED_ATTEMPTS } from './service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('signs in with the right password, sets an httpOnly session cookie, and /me returns the user', async () => {
    const client = new TestClient(t.app);
    const res = await client.post<{ user: { username: string; role: string } }>('/api/v1/auth/login', {
      username: 'vanphong',
      password: DEMO_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'vanphong', role: 'office' });
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/atgt_session=.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await client.get<{ user: { username: string } }>('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('vanphong');
  });

  it('stores sessions hashed: the cookie token is not in the sessions table', async () => {
    const client = await TestClient.loggedIn(t.app, 'lanhdao');
    const res = await client.get('/api/v1/auth/me');
    expect(res.status).toBe(200);
    const ids = await t.db.query<{ id: string }>('SELECT id FROM sessions');
    const raw = (client as unknown as { cookies: Map<string, string> }).cookies.get('atgt_session') ?? '';
    const token = decodeURIComponent(raw).split('.')[0] ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(ids.map((r) => r.id)).not.toContain(token);
  });

  it('refuses a wrong password with the same message as an unknown user, in Vietnamese', async () => {
    const client = new TestClient(t.app);
    const wrong = await client.post<ErrorBody>('/api/v1/auth/login', {
      username: 'lanhdao',
      password: 'sai-mat-khau',
    });
    const unknown = await client.post<ErrorBody>('/api/v1/auth/login', {
      username: 'khong-ton-tai',
      password: 'x',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.body.error.message).toMatch(/mật khẩu không đúng/);
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    const client = new TestClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      statuses.push(
        (await client.post('/api/v1/auth/login', { username: 'xaydung', password: `sai-${i}` })).status,
      );
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(423);
    const right = await client.post<ErrorBody>('/api/v1/auth/login', {
      username: 'xaydung',
      password: DEMO_PASSWORD,
    });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(right.body.error.message).toMatch(/tạm khóa/);
    const audits = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE username = 'xaydung' ORDER BY id",
    );
    expect(audits.filter((a) => a.action === 'login_failed')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(audits.map((a) => a.action)).toContain('account_locked');

    // The admin unlocks it; then the right password works again.
    const admin = await TestClient.loggedIn(t.app, 'admin');
    const [user] = await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'xaydung'");
    expect((await admin.patch(`/api/v1/directory/users/${user!.id}`, { unlock: true })).status).toBe(200);
    expect(
      (await client.post('/api/v1/auth/login', { username: 'xaydung', password: DEMO_PASSWORD })).status,
    ).toBe(200);
  });

  it('rejects malformed login input with field details, never a 500', async () => {
    const client = new TestClient(t.app);
    const missing = await client.post<ErrorBody>('/api/v1/auth/login', { username: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.details.map((d) => d.path).sort()).toEqual(['password', 'username']);
    const notJson = await client.request<ErrorBody>('POST', '/api/v1/auth/login', undefined, {
      rawBody: '{"username":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('INVALID_JSON');
    const wrongType = await client.post<ErrorBody>('/api/v1/auth/login', { username: 12, password: ['x'] });
    expect(wrongType.status).toBe(400);
  });

  it('requires a CSRF token for writes, even with a valid session', async () => {
    const client = await TestClient.loggedIn(t.app, 'vanphong');
    const res = await client.request<ErrorBody>(
      'POST',
      '/api/v1/directory/people',
      { fullName: 'Nguyễn Văn A' },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    const [{ n }] = (await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE full_name = 'Nguyễn Văn A'",
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('logs out: the session no longer works', async () => {
    const client = await TestClient.loggedIn(t.app, 'congan');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('answers a burst of logins from one address with 429 and a Vietnamese message, changing nothing', async () => {
    const own = await createTestApp(); // its own app, so the other tests' logins do not count
    try {
      const client = new TestClient(own.app);
      const statuses: number[] = [];
      let last: ErrorBody | undefined;
      for (let i = 0; i < 35; i++) {
        const res = await client.post<ErrorBody>('/api/v1/auth/login', {
          username: `khach${i}`,
          password: 'x',
        });
        statuses.push(res.status);
        last = res.body;
      }
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      expect(last?.error.code).toBe('RATE_LIMITED');
      expect(last?.error.message).toMatch(/Quá nhiều yêu cầu/);
    } finally {
      await own.close();
    }
  });
});
