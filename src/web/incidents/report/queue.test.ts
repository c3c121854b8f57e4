import { describe, expect, it } from 'vitest';
import type { Receipt, ReportPayload } from './form.ts';
import {
  applyOutcome,
  BACKOFF,
  backoffMs,
  classifyNetworkError,
  classifyResponse,
  dueReports,
  type Fetch,
  localLock,
  MemoryStore,
  newQueuedReport,
  nextWake,
  parseRetryAfter,
  ReportQueue,
} from './queue.ts';
import { S } from './strings.ts';

const receipt = (code = 'TN-0001', duplicate = false): Receipt => ({
  trackingCode: code,
  receivedAt: '2026-11-23T03:05:10Z',
  status: 'received',
  statusLabel: 'Đã tiếp nhận tin báo',
  duplicate,
  timeline: [{ status: 'received', label: 'Đã tiếp nhận tin báo', at: '2026-11-23T03:05:10Z' }],
});

const payload = (clientId: string, extra: Partial<ReportPayload> = {}): ReportPayload => ({
  clientId,
  occurredAt: '2026-11-23T10:00:00+07:00',
  createdAt: '2026-11-23T10:05:00+07:00',
  location: { lat: 22.39, lon: 103.46, accuracyM: 12, source: 'gps' },
  placeText: null,
  victims: 2,
  trapped: 1,
  vehicles: ['truck'],
  phone: null,
  phoneConsent: false,
  description: null,
  photoMeta: [],
  ...extra,
});

const jpeg = (bytes = 10) => ({
  blob: new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
  name: 'IMG_1.HEIC',
  width: 1600,
  height: 1200,
  exifLat: 22.4,
  exifLon: 103.5,
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const errorBody = (message: string, details: { path: string; message: string }[] = []) => ({
  error: { code: 'VALIDATION', message, details },
});

describe('what an answer means', () => {
  it('a receipt (new or already received) means sent', () => {
    expect(classifyResponse(201, receipt())).toEqual({ kind: 'sent', receipt: receipt() });
    expect(classifyResponse(200, receipt('TN-0001', true))).toMatchObject({
      kind: 'sent',
      receipt: { duplicate: true },
    });
  });

  it('a success without a readable receipt is retried (resending is idempotent)', () => {
    expect(classifyResponse(200, null)).toMatchObject({ kind: 'retry', reason: S.reasonBadAnswer });
    expect(classifyResponse(201, { trackingCode: '' })).toMatchObject({ kind: 'retry' });
  });

  it('408, 429 and 5xx are passing troubles: retry', () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(classifyResponse(status, null).kind, String(status)).toBe('retry');
    expect(
      classifyResponse(429, errorBody('Quá nhiều yêu cầu. Vui lòng thử lại sau 30 giây.')),
    ).toMatchObject({
      reason: 'Quá nhiều yêu cầu. Vui lòng thử lại sau 30 giây.',
    });
    expect(classifyResponse(503, null)).toMatchObject({ reason: S.reasonServer(503), offline: false });
  });

  it('any other 4xx means the report is wrong: needs fixing, with the server message', () => {
    const bad = classifyResponse(
      400,
      errorBody('Dữ liệu không hợp lệ.', [
        { path: 'trapped', message: 'Số người mắc kẹt không thể lớn hơn số người bị nạn.' },
        { path: 'photos.0', message: 'Ảnh phải là JPEG, PNG hoặc WebP.' },
      ]),
    );
    expect(bad).toEqual({
      kind: 'needs_fix',
      message: 'Dữ liệu không hợp lệ.',
      details: [
        { path: 'trapped', message: 'Số người mắc kẹt không thể lớn hơn số người bị nạn.' },
        { path: 'photos.0', message: 'Ảnh phải là JPEG, PNG hoặc WebP.' },
      ],
    });
    expect(classifyResponse(413, errorBody('Ảnh quá lớn.'))).toMatchObject({
      kind: 'needs_fix',
      message: 'Ảnh quá lớn.',
    });
    expect(classifyResponse(415, 'not json')).toMatchObject({
      kind: 'needs_fix',
      message: S.rejected(415),
      details: [],
    });
  });

  it('a failed fetch is the network: offline, unreachable, or too slow', () => {
    expect(classifyNetworkError(new TypeError('Failed to fetch'), false)).toMatchObject({
      kind: 'retry',
      reason: S.reasonOffline,
      offline: true,
    });
    expect(classifyNetworkError(new TypeError('Failed to fetch'), true)).toMatchObject({
      reason: S.reasonNetwork,
    });
    expect(classifyNetworkError(new DOMException('timed out', 'TimeoutError'), true)).toMatchObject({
      reason: S.reasonTimeout,
    });
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-11-23T03:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 03:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles from 5 s up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((a) => backoffMs(a))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('spreads phones apart by ±20 %', () => {
    expect(backoffMs(1, 0)).toBe(4_000);
    expect(backoffMs(1, 0.999999)).toBe(6_000);
    expect(backoffMs(20, 0)).toBe(BACKOFF.maxMs * 0.8);
  });
});

describe('the state machine', () => {
  const now = Date.parse('2026-11-23T03:05:00Z');
  const fresh = () => newQueuedReport(payload('11111111-1111-4111-8111-111111111111'), [jpeg()], now);

  it('a new report waits to be sent, due at once', () => {
    const r = fresh();
    expect(r).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      photoCount: 1,
      receipt: null,
    });
  });

  it('sent: keeps the receipt, drops the photos, plans nothing more', () => {
    const r = applyOutcome(fresh(), { kind: 'sent', receipt: receipt() }, now + 1000);
    expect(r).toMatchObject({
      state: 'sent',
      attempts: 1,
      sentAt: now + 1000,
      nextAttemptAt: null,
      lastError: null,
      photos: [],
      photoCount: 1,
    });
    expect(r.receipt?.trackingCode).toBe('TN-0001');
  });

  it('retry: waiting again, with the reason and the backoff (or Retry-After when longer)', () => {
    const once = applyOutcome(fresh(), classifyNetworkError(new TypeError('x'), false), now);
    expect(once).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: S.reasonOffline,
      nextAttemptAt: now + 5_000,
    });
    const twice = applyOutcome(once, classifyResponse(503, null), now + 5_000);
    expect(twice).toMatchObject({
      attempts: 2,
      nextAttemptAt: now + 5_000 + 10_000,
      lastError: S.reasonServer(503),
    });
    const limited = applyOutcome(twice, classifyResponse(429, null, 120_000), now + 15_000);
    expect(limited.nextAttemptAt).toBe(now + 15_000 + 120_000);
    expect(limited.photos).toHaveLength(1); // kept until sent
  });

  it('needs fixing: not retried, with the server messages', () => {
    const r = applyOutcome(
      fresh(),
      classifyResponse(
        400,
        errorBody('Dữ liệu không hợp lệ.', [{ path: 'location', message: 'Cần vị trí' }]),
      ),
      now,
    );
    expect(r).toMatchObject({
      state: 'needs_fix',
      nextAttemptAt: null,
      lastError: 'Dữ liệu không hợp lệ.',
      fieldErrors: [{ path: 'location', message: 'Cần vị trí' }],
    });
    expect(dueReports([r], now + 3600_000, true)).toEqual([]);
    expect(nextWake([r])).toBeNull();
  });

  it('due reports: waiting (or left "sending" by a closed page), oldest first; forced ignores the backoff', () => {
    const a = { ...fresh(), clientId: 'a', savedAt: now - 2000, nextAttemptAt: now + 60_000 };
    const b = { ...fresh(), clientId: 'b', savedAt: now - 3000, nextAttemptAt: now - 1 };
    const c = { ...fresh(), clientId: 'c', savedAt: now - 1000, state: 'sending' as const };
    const d = { ...fresh(), clientId: 'd', state: 'sent' as const };
    expect(dueReports([a, b, c, d], now, false).map((r) => r.clientId)).toEqual(['b', 'c']);
    expect(dueReports([a, b, c, d], now, true).map((r) => r.clientId)).toEqual(['b', 'a', 'c']);
    expect(dueReports([a, b, c, d], now, true, 'a').map((r) => r.clientId)).toEqual(['a']);
    expect(nextWake([a, b, d])).toBe(now - 1);
  });
});

describe('the queue with a store and a network', () => {
  const ids = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'] as const;

  function setup(answer: (n: number, body: FormData) => Response | Promise<Response>) {
    let clock = Date.parse('2026-11-23T03:05:00Z');
    const calls: FormData[] = [];
    const fetch: Fetch = async (_url, init) => {
      calls.push(init.body as FormData);
      return answer(calls.length, init.body as FormData);
    };
    const store = new MemoryStore();
    const changes: string[] = [];
    const queue = new ReportQueue({
      store,
      fetch,
      lock: localLock(),
      now: () => clock,
      random: () => 0.5,
      online: () => false,
      onChange: (r) => changes.push(`${r.clientId.slice(0, 1)}:${r.state}`),
    });
    return { queue, store, calls, changes, tick: (ms: number) => (clock += ms), now: () => clock };
  }

  it('saves first, then sends the multipart body and keeps the receipt', async () => {
    const t = setup(() => json(201, receipt('TN-7')));
    await t.queue.save(payload(ids[0]), [jpeg(), jpeg()]);
    expect((await t.store.get(ids[0]))?.state).toBe('pending');
    const res = await t.queue.flush({ force: true });
    expect(res).toEqual({ sent: [ids[0]], waiting: [], needsFix: [] });
    expect(t.changes).toEqual(['a:pending', 'a:sending', 'a:sent']);
    const stored = await t.store.get(ids[0]);
    expect(stored?.receipt?.trackingCode).toBe('TN-7');
    expect(stored?.photos).toEqual([]);
    const body = t.calls[0]!;
    expect(body.getAll('photos')).toHaveLength(2);
    expect(JSON.parse(body.get('report') as string)).toMatchObject({
      clientId: ids[0],
      victims: 2,
      trapped: 1,
    });
  });

  it('offline: stays waiting with the reason, is not retried before it is due, is retried when due', async () => {
    let up = false;
    const t = setup(() => {
      if (!up) throw new TypeError('Failed to fetch');
      return json(200, receipt('TN-8', true));
    });
    await t.queue.save(payload(ids[0]), [jpeg()]);
    await t.queue.flush({ force: true });
    expect(await t.store.get(ids[0])).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: S.reasonOffline,
    });
    expect(t.calls).toHaveLength(1);

    t.tick(1_000);
    await t.queue.flush(); // not due yet (5 s backoff)
    expect(t.calls).toHaveLength(1);

    up = true;
    t.tick(5_000);
    await t.queue.flush();
    expect(t.calls).toHaveLength(2);
    expect(await t.store.get(ids[0])).toMatchObject({
      state: 'sent',
      attempts: 2,
      receipt: { trackingCode: 'TN-8' },
    });
  });

  it('stops at the first network failure instead of trying every report', async () => {
    const t = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    await t.queue.save(payload(ids[0]), []);
    t.tick(10);
    await t.queue.save(payload(ids[1]), []);
    const res = await t.queue.flush({ force: true });
    expect(t.calls).toHaveLength(1);
    expect(res.waiting.sort()).toEqual([...ids].sort());
    expect((await t.store.get(ids[1]))?.attempts).toBe(0);
  });

  it('a refused report waits for the citizen; "Gửi lại" queues it again under the same clientId', async () => {
    let n = 0;
    const t = setup(() =>
      ++n === 1
        ? json(400, errorBody('Dữ liệu không hợp lệ.', [{ path: 'trapped', message: 'Số người mắc kẹt…' }]))
        : json(201, receipt('TN-9')),
    );
    await t.queue.save(payload(ids[0]), []);
    await t.queue.flush({ force: true });
    expect(await t.store.get(ids[0])).toMatchObject({
      state: 'needs_fix',
      lastError: 'Dữ liệu không hợp lệ.',
    });
    await t.queue.flush({ force: true });
    expect(t.calls).toHaveLength(1); // never retried on its own

    await t.queue.requeue(ids[0]);
    await t.queue.flush({ force: true, only: ids[0] });
    expect(await t.store.get(ids[0])).toMatchObject({ state: 'sent', fieldErrors: [] });
    expect(JSON.parse(t.calls[1]?.get('report') as string).clientId).toBe(ids[0]);
  });

  it('two flushes at once (page and service worker) send each report once', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const t = setup(async () => {
      await gate;
      return json(201, receipt());
    });
    await t.queue.save(payload(ids[0]), []);
    const first = t.queue.flush({ force: true });
    const second = t.queue.flush({ force: true });
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(t.calls).toHaveLength(1);
    expect(a.sent).toEqual([ids[0]]);
    expect(b.sent).toEqual([]);
  });

  it('a report left "sending" by a page closed mid-send is sent again', async () => {
    const t = setup(() => json(200, receipt('TN-10', true)));
    const r = await t.queue.save(payload(ids[0]), []);
    await t.store.put({ ...r, state: 'sending' });
    await t.queue.flush();
    expect((await t.store.get(ids[0]))?.state).toBe('sent');
  });
});
