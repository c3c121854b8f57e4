import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import { createGate } from './ingest.ts';

let t: TestContext;
let police: TestClient;
let construction: TestClient;
let office: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  police = await TestClient.loggedIn(t.app, 'congan');
  construction = await TestClient.loggedIn(t.app, 'xaydung');
  office = await TestClient.loggedIn(t.app, 'vanphong');
});
afterAll(() => t.close());

const line = (i: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    cameraId: 'CAM-QL4D-KM45',
    eventId: `E-${String(i).padStart(6, '0')}`,
    occurredAt: '2026-11-20T07:15:30+07:00',
    violation: i % 2 ? 'speed_20_35' : 'red_light',
    plate: i % 3 ? `25A-${100 + (i % 900)}.45` : `25-B1 ${100 + (i % 900)}.67`,
    ...over,
  });
const batch = (n: number, from = 0) => Array.from({ length: n }, (_, i) => line(from + i)).join('\n');
const count = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM violations'))[0]!.n;

async function send(client: TestClient, body: string, contentType = 'application/x-ndjson') {
  return client.request<{ received: number; created: number; duplicates: number } & ErrorBody>(
    'POST',
    '/api/v1/camera-events/batch',
    undefined,
    { rawBody: body, contentType },
  );
}

describe('camera ingestion', () => {
  it('stores a batch once; the replayed batch creates nothing', async () => {
    const before = await count();
    const first = await send(police, batch(500));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 500, created: 500, duplicates: 0 });
    const replay = await send(police, batch(500));
    expect(replay.body).toMatchObject({ received: 500, created: 0, duplicates: 500 });
    // Overlapping: 250 old, 250 new.
    const overlap = await send(police, batch(500, 250));
    expect(overlap.body).toMatchObject({ received: 500, created: 250, duplicates: 250 });
    expect(await count()).toBe(before + 750);
    const [stored] = await t.db.query<Record<string, unknown>>(
      `SELECT plate, plate_display, rule_set, fine_min, points, source FROM violations WHERE camera_event_id = 'E-000001'`,
    );
    expect(stored).toEqual({
      plate: '25A10145',
      plate_display: '25A-101.45',
      rule_set: 'ND168-2024',
      fine_min: 6_000_000,
      points: 4,
      source: 'camera',
    });
  });

  it('takes CSV with a header as well', async () => {
    const csv = [
      'cameraId,eventId,occurredAt,violation,plate,place,imageSha256',
      `CAM-2,C-1,2026-11-21T08:00:00+07:00,no_helmet,25-B1 222.22,"Km 2, QL4D",${'a'.repeat(64)}`,
      'CAM-2,C-2,2026-11-21T08:00:05+07:00,phone,25A-333.33,,',
    ].join('\n');
    const res = await send(police, csv, 'text/csv');
    expect(res.body).toMatchObject({ received: 2, created: 2 });
    const [row] = await t.db.query<{ evidence: unknown; place: string }>(
      `SELECT evidence, place FROM violations WHERE camera_event_id = 'C-1'`,
    );
    expect(row).toEqual({ evidence: [{ sha256: 'a'.repeat(64) }], place: 'Km 2, QL4D' });
  });

  it('refuses a malformed batch with line numbers, and writes nothing of it', async () => {
    const before = await count();
    const body = [
      line(9001),
      '{"cameraId": ',
      line(9002, { plate: 'XYZ' }),
      line(9003, { violation: 'bay' }),
    ].join('\n');
    const res = await send(police, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Lô dữ liệu có 3 lỗi; không dòng nào được lưu. Sửa các dòng được nêu rồi gửi lại cả lô.',
    );
    expect(res.body.error.details).toEqual([
      { path: 'dòng 2', message: 'Dòng không phải JSON hợp lệ.' },
      { path: 'dòng 3.plate', message: 'Không nhận ra biển số "XYZ" (ví dụ: 29A-123.45, 29-B1 123.45).' },
      { path: 'dòng 4.violation', message: 'Hành vi "bay" không có trong danh mục áp dụng ngày 20/11/2026.' },
    ]);
    expect(await count()).toBe(before);
    expect((await send(police, '\n\n')).body.error.code).toBe('EMPTY_BATCH');
    expect((await send(police, 'a,b\n1,2', 'text/csv')).status).toBe(400);
  });

  it('takes single events, idempotent too; only the police feed camera data', async () => {
    const one = JSON.parse(line(777));
    const first = await police.post<{ created: number }>('/api/v1/camera-events', one);
    expect(first.status).toBe(201);
    const again = await police.post<{ created: number; duplicates: number }>('/api/v1/camera-events', one);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, duplicates: 1 });
    expect((await construction.post('/api/v1/camera-events', one)).status).toBe(403);
    expect((await send(construction, batch(2))).status).toBe(403);
    expect((await office.post('/api/v1/camera-events', one)).status).toBe(403);
  });
});

describe('back-pressure', () => {
  it('runs two batches at a time, queues eight, and refuses the next with 503 until one finishes', async () => {
    const gate = createGate(2, 8);
    const releases: (() => void)[] = [];
    const hold = () => gate(() => new Promise<void>((resolve) => releases.push(resolve)));
    const running = Array.from({ length: 10 }, hold);
    await new Promise((r) => setTimeout(r, 0));
    expect(releases).toHaveLength(2); // two started, eight wait
    await expect(hold()).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(releases).toHaveLength(2); // the first waiting one started
    for (let i = 0; i < 9; i++) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(running);
    await expect(gate(async () => 'free again')).resolves.toBe('free again');
  });
});

describe('reading violations', () => {
  it('finds a plate however it is written', async () => {
    const res = await office.get<{ total: number; items: { plateDisplay: string; typeLabel: string }[] }>(
      `/api/v1/violations?plate=${encodeURIComponent('25a 101 45')}`,
    );
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      plateDisplay: '25A-101.45',
      typeLabel: 'Chạy quá tốc độ trên 20 đến 35 km/h',
    });
    const bad = await office.get<ErrorBody>('/api/v1/violations?plate=khong-phai-bien');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]!.path).toBe('plate');
  });

  it('shows personal data in full to the police only, and audits each read of it', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>(
      `UPDATE violations SET person_name = 'Lò Văn Pản', person_org_unit_id = (SELECT id FROM org_units WHERE code = 'SXD')
        WHERE camera_event_id = 'E-000002' RETURNING id`,
    )) as [{ id: number }];
    const url = `/api/v1/violations?plate=${encodeURIComponent('25A-102.45')}`;
    const seen = await office.get<{
      items: { personName: string; masked: boolean; personOrgUnitName: string }[];
    }>(url);
    expect(seen.body.items[0]).toMatchObject({
      personName: 'Lò V. P.',
      masked: true,
      personOrgUnitName: 'Sở Xây dựng',
    });
    const full = await police.get<{ items: { personName: string; masked: boolean }[] }>(url);
    expect(full.body.items[0]).toMatchObject({ personName: 'Lò Văn Pản', masked: false });
    const reads = await t.db.query<{ username: string; after: { ids: number[] } }>(
      `SELECT username, after FROM audit_log WHERE action = 'read_personal' AND entity = 'violation' ORDER BY id`,
    );
    expect(reads).toEqual([{ username: 'congan', after: { ids: [Number(id)] } }]);
  });
});
