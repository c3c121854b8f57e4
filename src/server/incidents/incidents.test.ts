import { createHash, randomUUID } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import type { IncidentFeed } from './live.ts';
import type { IncidentDetail } from './schemas.ts';
import * as service from './service.ts';

const URL = '/api/v1/public/incident-reports';
// Dốc Cổng Trời on QL4D, Tam Đường; a point 200 m on; and one near the Sìn Hồ commune centre.
const PASS = { lat: 22.3527, lon: 103.7708 };
const NEAR = { lat: 22.3545, lon: 103.7708 };
const SIN_HO = { lat: 22.362, lon: 103.245 };

let t: TestContext;
let publicClient: TestClient;
let police: TestClient;
let health: TestClient;
let leader: TestClient;
let construction: TestClient;
let commune: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  publicClient = new TestClient(t.app);
  police = await TestClient.loggedIn(t.app, 'congan');
  health = await TestClient.loggedIn(t.app, 'capcuu');
  leader = await TestClient.loggedIn(t.app, 'lanhdao');
  construction = await TestClient.loggedIn(t.app, 'xaydung');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
});
afterAll(() => t.close());

const vn = (d: Date) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
function report(over: Record<string, unknown> = {}) {
  const now = new Date();
  return {
    clientId: randomUUID(),
    occurredAt: vn(now),
    createdAt: vn(now),
    location: { ...PASS, accuracyM: 12, source: 'gps' },
    victims: 2,
    trapped: 1,
    vehicles: ['motorbike', 'truck'],
    phone: '0912 345 678',
    phoneConsent: true,
    description: 'Xe máy va chạm xe tải ở khúc cua, 1 người mắc kẹt',
    ...over,
  };
}
function form(body: unknown, photos: { bytes: Buffer | Uint8Array; name?: string; type?: string }[] = []) {
  const f = new FormData();
  f.append('report', typeof body === 'string' ? body : JSON.stringify(body));
  for (const p of photos)
    f.append(
      'photos',
      new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'image/jpeg' }),
      p.name ?? 'anh.jpg',
    );
  return f;
}
/** A 2400 × 1800 camera photo with GPS and camera make in its EXIF block. */
async function cameraPhoto(): Promise<Buffer> {
  const noise = Buffer.alloc(2400 * 1800 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width: 2400, height: 1800, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'ATGT-Test', Model: 'Phone', Artist: 'Nguyen Van A' },
      // sharp writes GPS tags given as rational strings
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 21/1 952/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 46/1 1488/100',
      },
    })
    .toBuffer();
}
const counts = async () =>
  (
    await t.db.query<{ reports: number; incidents: number; photos: number }>(
      `SELECT (SELECT count(*)::int FROM incident_reports) AS reports, (SELECT count(*)::int FROM incidents) AS incidents,
              (SELECT count(*)::int FROM incident_photos) AS photos`,
    )
  )[0]!;
type Receipt = { trackingCode: string; status: string; statusLabel: string; duplicate: boolean };

describe('a public crash report', () => {
  let first: Receipt;
  let incidentId: number;

  it('is received with its photo shrunk and stripped, the camera position kept as numbers', async () => {
    const body = report();
    const res = await publicClient.multipart<Receipt>(URL, form(body, [{ bytes: await cameraPhoto() }]));
    expect(res.status).toBe(201);
    first = res.body;
    expect(first.trackingCode).toMatch(/^TN-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(first).toMatchObject({
      status: 'received',
      statusLabel: 'Đã tiếp nhận tin báo',
      duplicate: false,
    });

    const [stored] = await t.db.query<{
      incident_id: number;
      phone: string;
      width: number;
      height: number;
      content: Uint8Array;
      exif_lat: number;
      exif_lon: number;
      sha256: string;
    }>(
      `SELECT r.incident_id, r.phone, p.width, p.height, p.content, p.exif_lat, p.exif_lon, p.sha256
         FROM incident_reports r JOIN incident_photos p ON p.report_id = r.id WHERE r.tracking_code = $1`,
      [first.trackingCode],
    );
    incidentId = stored!.incident_id;
    expect(stored!.phone).toBe('0912345678');
    expect([stored!.width, stored!.height]).toEqual([1600, 1200]);
    const bytes = Buffer.from(stored!.content);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined(); // make, model, artist and GPS all gone from the file
    expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
    // 22°21'9.52" N, 103°46'14.88" E
    expect(stored!.exif_lat).toBeCloseTo(22 + 21 / 60 + 9.52 / 3600, 5);
    expect(stored!.exif_lon).toBeCloseTo(103 + 46 / 60 + 14.88 / 3600, 5);
    expect(stored!.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The resend of the same report (the phone never heard the answer) gives the same receipt, once.
    const before = await counts();
    const again = await publicClient.multipart<Receipt>(URL, form(body, [{ bytes: await cameraPhoto() }]));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ trackingCode: first.trackingCode, duplicate: true });
    expect(await counts()).toEqual(before);
  });

  it('of the same crash 200 m away joins the incident; a far one opens another', async () => {
    const second = await publicClient.multipart<Receipt>(
      URL,
      form(
        report({
          location: { ...NEAR, accuracyM: 8, source: 'gps' },
          victims: 3,
          trapped: 0,
          phone: null,
          phoneConsent: false,
        }),
      ),
    );
    expect(second.status).toBe(201);
    const third = await publicClient.multipart<Receipt>(
      URL,
      form(report({ location: null, placeText: 'Bản Phìn Hồ, gần trường tiểu học', victims: 1, trapped: 0 })),
    );
    expect(third.status).toBe(201);
    const [rows] = [
      await t.db.query<{ tracking_code: string; incident_id: number }>(
        'SELECT tracking_code, incident_id FROM incident_reports WHERE tracking_code = ANY($1::text[])',
        [[second.body.trackingCode, third.body.trackingCode]],
      ),
    ];
    const byCode = new Map(rows.map((r) => [r.tracking_code, r.incident_id]));
    expect(byCode.get(second.body.trackingCode)).toBe(incidentId);
    expect(byCode.get(third.body.trackingCode)).not.toBe(incidentId);

    const detail = await health.get<IncidentDetail>(`/api/v1/incidents/${incidentId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      reportCount: 2,
      photoCount: 1,
      victims: 3,
      trapped: 1,
      status: 'received',
    });
    // The better GPS fix (8 m) now places the incident.
    expect(detail.body).toMatchObject({ lat: NEAR.lat, lon: NEAR.lon, accuracyM: 8 });
    expect(detail.body.adminUnitName).toBeTruthy();
    expect(detail.body.reports[0]!.photos[0]!.url).toBe(
      `/api/v1/incidents/${incidentId}/photos/${detail.body.reports[0]!.photos[0]!.id}`,
    );
    const photo = await health.download(detail.body.reports[0]!.photos[0]!.url);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    // The bytes come back exactly as stored (they travel as base64 both ways).
    expect(createHash('sha256').update(photo.bytes).digest('hex')).toBe(
      detail.body.reports[0]!.photos[0]!.sha256,
    );
    expect(photo.bytes.length).toBe(detail.body.reports[0]!.photos[0]!.bytes);
  });

  it('bad uploads get clear Vietnamese messages and nothing is stored', async () => {
    const before = await counts();
    const bad = async (f: FormData) => await publicClient.multipart<ErrorBody>(URL, f);

    const text = await bad(form(report(), [{ bytes: Buffer.from('đây không phải ảnh'), name: 'anh.jpg' }]));
    expect(text.status).toBe(415);
    expect(text.body.error.details).toEqual([
      { path: 'photos.0', message: 'Tệp không phải ảnh JPEG, PNG hoặc WebP.' },
    ]);

    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'red' } })
      .gif()
      .toBuffer();
    const wrong = await bad(form(report(), [{ bytes: gif, name: 'anh.jpg', type: 'image/jpeg' }]));
    expect(wrong.status).toBe(415);
    expect(wrong.body.error.details[0]!.message).toBe('Tệp là GIF, chỉ nhận ảnh JPEG, PNG hoặc WebP.');

    const big = await bad(form(report(), [{ bytes: Buffer.alloc(6 * 1024 * 1024, 1) }]));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('Ảnh thứ 1 quá lớn (tối đa 5 MB).');

    const good = await cameraPhoto();
    const corrupt = await bad(
      form(report(), [{ bytes: good }, { bytes: good.subarray(0, good.length / 3) }]),
    );
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.error).toMatchObject({ message: 'Ảnh thứ 2 bị hỏng hoặc không đọc được.' });
    expect(corrupt.body.error.details[0]!.path).toBe('photos.1');

    const nowhere = await bad(form(report({ location: null, placeText: '  ' })));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.details).toContainEqual({
      path: 'location',
      message: 'Cần vị trí: bật định vị, chọn điểm trên bản đồ hoặc nhập địa điểm.',
    });

    const rules = await bad(
      form(report({ trapped: 5, victims: 2, phone: '0912345678', phoneConsent: false })),
    );
    expect(rules.body.error.details.map((d) => d.path).sort()).toEqual(['phoneConsent', 'trapped']);

    const later = await bad(
      form(report({ occurredAt: vn(new Date(Date.now() + 3_600_000)), createdAt: vn(new Date()) })),
    );
    expect(later.body.error.details).toEqual([
      { path: 'occurredAt', message: 'Thời điểm xảy ra không được sau lúc lập tin báo.' },
    ]);

    const noJson = await bad(form('{"clientId": '));
    expect(noJson.body.error.details).toEqual([{ path: 'report', message: 'JSON không hợp lệ.' }]);

    const tooMany = await bad(
      form(
        report(),
        [1, 2, 3, 4].map(() => ({ bytes: good })),
      ),
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.message).toBe('Chỉ gửi được tối đa 3 ảnh.');

    const json = await publicClient.post<ErrorBody>(URL, report());
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);

    expect(await counts()).toEqual(before);
  });

  it('tells the reporter the status behind the tracking code, without personal data', async () => {
    const res = await publicClient.get<Record<string, unknown>>(`${URL}/${first.trackingCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ trackingCode: first.trackingCode, status: 'received' });
    expect(JSON.stringify(res.body)).not.toMatch(/0912345678|mắc kẹt|lat/);
    expect((await publicClient.get(`${URL}/TN-0000-0000`)).status).toBe(404);
  });
});

describe('the dispatch board', () => {
  let id: number;
  beforeAll(async () => {
    const res = await publicClient.multipart<Receipt>(
      URL,
      form(report({ location: { lat: 22.4005, lon: 103.4702, accuracyM: 20, source: 'gps' } })),
    );
    [{ id }] = (await t.db.query<{ id: number }>(
      'SELECT incident_id AS id FROM incident_reports WHERE tracking_code = $1',
      [res.body.trackingCode],
    )) as [{ id: number }];
  });

  it('is open to police, health, the office and leaders; not to other agencies or communes', async () => {
    expect((await police.get('/api/v1/incidents/access')).body).toEqual({
      view: true,
      dispatch: true,
      manageFacilities: false,
    });
    expect((await health.get('/api/v1/incidents/access')).body).toEqual({
      view: true,
      dispatch: true,
      manageFacilities: false,
    });
    expect((await leader.get('/api/v1/incidents/access')).body).toEqual({
      view: true,
      dispatch: false,
      manageFacilities: false,
    });
    expect((await construction.get('/api/v1/incidents/access')).body).toEqual({
      view: false,
      dispatch: false,
      manageFacilities: false,
    });
    expect((await construction.get('/api/v1/incidents')).status).toBe(403);
    expect((await commune.get('/api/v1/incidents')).status).toBe(403);
    const list = await police.get<{ items: { id: number; status: string }[] }>(
      '/api/v1/incidents?pageSize=100',
    );
    expect(list.body.items.map((i) => i.id)).toContain(id);
    expect(
      list.body.items.every((i) => ['received', 'dispatched', 'on_scene', 'transported'].includes(i.status)),
    ).toBe(true);
    const refused = await leader.post<ErrorBody>(`/api/v1/incidents/${id}/status`, {
      status: 'dismissed',
      note: 'x',
    });
    expect(refused.status).toBe(403);
  });

  it('takes an incident from received to closed, and it becomes a crash record', async () => {
    const detail = (await health.get<IncidentDetail>(`/api/v1/incidents/${id}`)).body;
    const groups = detail.nearest.map((f) => f.group);
    expect(groups.filter((g) => g === 'health')).toHaveLength(3);
    expect(groups.filter((g) => g === 'police')).toHaveLength(3);
    const healthNearest = detail.nearest.filter((f) => f.group === 'health');
    expect(healthNearest.map((f) => f.distanceKm)).toEqual(
      [...healthNearest.map((f) => f.distanceKm)].sort((a, b) => a - b),
    );
    expect(detail.nextStatuses).toEqual(['dispatched', 'on_scene', 'dismissed']);

    const assigned = await health.post<IncidentDetail>(`/api/v1/incidents/${id}/assignments`, {
      facilityId: healthNearest[0]!.id,
      note: 'Xe cấp cứu số 2',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('dispatched');
    expect(assigned.body.assignments).toEqual([
      expect.objectContaining({
        facilityId: healthNearest[0]!.id,
        note: 'Xe cấp cứu số 2',
        distanceKm: healthNearest[0]!.distanceKm,
      }),
    ]);
    const twice = await health.post<ErrorBody>(`/api/v1/incidents/${id}/assignments`, {
      facilityId: healthNearest[0]!.id,
    });
    expect(twice.status).toBe(409);

    const future = await health.post<ErrorBody>(`/api/v1/incidents/${id}/status`, {
      status: 'on_scene',
      at: vn(new Date(Date.now() + 3_600_000)),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'at', message: 'Thời điểm không được ở tương lai.' }]);

    for (const status of ['on_scene', 'transported', 'closed'])
      expect((await police.post(`/api/v1/incidents/${id}/status`, { status })).status).toBe(200);
    const back = await police.post<ErrorBody>(`/api/v1/incidents/${id}/status`, { status: 'dispatched' });
    expect(back.status).toBe(400);

    const done = (await police.get<IncidentDetail>(`/api/v1/incidents/${id}`)).body;
    expect(done.timeline.map((e) => e.status)).toEqual([
      'received',
      'dispatched',
      'on_scene',
      'transported',
      'closed',
    ]);
    expect(done.timeline[1]).toMatchObject({
      by: expect.stringContaining('Hoa'),
      label: 'Đã điều lực lượng',
    });
    expect(done.responseMinutes).not.toBeNull();

    const made = await police.post<{ crashId: number }>(`/api/v1/incidents/${id}/crash`, {});
    expect(made.status).toBe(201);
    const crash = await police.get<Record<string, unknown>>(`/api/v1/crashes/${made.body.crashId}`);
    expect(crash.body).toMatchObject({
      lat: 22.4005,
      lon: 103.4702,
      adminUnitId: done.adminUnitId,
      vehicles: ['motorbike', 'truck'],
      injured: 2,
      source: 'citizen',
      verified: false,
    });
    expect(String(crash.body.description)).toContain(done.code);
    expect((await police.post<ErrorBody>(`/api/v1/incidents/${id}/crash`, {})).status).toBe(409);

    const tracked = await publicClient.get<{
      status: string;
      statusLabel: string;
      timeline: { status: string }[];
    }>(
      `${URL}/${(await t.db.query<{ c: string }>('SELECT tracking_code AS c FROM incident_reports WHERE incident_id = $1', [id]))[0]!.c}`,
    );
    expect(tracked.body).toMatchObject({ status: 'closed', statusLabel: 'Đã xử lý xong' });
    expect(tracked.body.timeline.map((e) => e.status)).toEqual([
      'received',
      'dispatched',
      'on_scene',
      'transported',
      'closed',
    ]);
  });

  it('refuses a dismissal without a reason and a crash record before anyone reached the scene', async () => {
    const res = await publicClient.multipart<Receipt>(
      URL,
      form(report({ location: { lat: 22.6, lon: 103.3, accuracyM: 30, source: 'gps' } })),
    );
    const [{ id: other }] = (await t.db.query<{ id: number }>(
      'SELECT incident_id AS id FROM incident_reports WHERE tracking_code = $1',
      [res.body.trackingCode],
    )) as [{ id: number }];
    const noReason = await police.post<ErrorBody>(`/api/v1/incidents/${other}/status`, {
      status: 'dismissed',
    });
    expect(noReason.body.error.details).toEqual([{ path: 'note', message: 'Cần ghi lý do.' }]);
    const early = await police.post<ErrorBody>(`/api/v1/incidents/${other}/crash`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/tới hiện trường/);
  });
});

describe('the 30-minute response KPI', () => {
  it('counts the share reached within 30 minutes by month and commune, as worked out by hand', async () => {
    // 20/11/2026, after the demo's history ends: four incidents, one dismissed.
    const feed = { publish: () => {} } as unknown as IncidentFeed;
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 20, h - 7, m));
    const actor = { userId: null, username: 'test', ip: null };
    const user = (await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'capcuu'"))[0]!;
    const session = {
      id: user.id,
      username: 'capcuu',
      displayName: 'Hoa',
      role: 'agency' as const,
      orgUnitId: null,
      orgUnitName: null,
      adminUnitId: null,
      adminUnitName: null,
    };
    const officeUser = { ...session, role: 'office' as const };
    const cases = [
      { place: PASS, start: at(8, 0), onScene: 26 }, // reached
      { place: { lat: 22.25, lon: 103.75 }, start: at(9, 0), onScene: 12 }, // reached
      { place: SIN_HO, start: at(10, 0), onScene: 41 }, // late, in Sìn Hồ
      { place: { lat: 22.5, lon: 103.6 }, start: at(11, 0), onScene: null }, // dismissed: not counted
    ];
    for (const c of cases) {
      const input = {
        ...report({ location: { ...c.place, accuracyM: 10, source: 'gps' } }),
        occurredAt: vn(c.start),
        createdAt: vn(c.start),
        vehicles: [],
        photoMeta: [],
      };
      const { receipt } = await service.receiveReport(t.db, feed, input as never, [], null, c.start);
      const [{ id }] = (await t.db.query<{ id: number }>(
        'SELECT incident_id AS id FROM incident_reports WHERE tracking_code = $1',
        [receipt.trackingCode],
      )) as [{ id: number }];
      if (c.onScene === null)
        await service.changeStatus(t.db, feed, actor, officeUser, id, {
          status: 'dismissed',
          note: 'Tin báo nhầm',
        });
      else
        await service.changeStatus(t.db, feed, actor, officeUser, id, {
          status: 'on_scene',
          at: new Date(c.start.getTime() + c.onScene * 60_000).toISOString(),
        });
    }
    const kpi = await health.get<{
      total: { incidents: number; reached: number; share: number; medianMinutes: number };
      months: { key: string; incidents: number }[];
      communes: { label: string; incidents: number; reached: number; share: number }[];
    }>('/api/v1/incident-kpi?from=2026-11-20&to=2026-11-20');
    expect(kpi.status).toBe(200);
    expect(kpi.body.total).toMatchObject({ incidents: 3, reached: 2, medianMinutes: 26 });
    expect(kpi.body.total.share).toBeCloseTo(2 / 3, 10);
    expect(kpi.body.months).toEqual([expect.objectContaining({ key: '2026-11', incidents: 3 })]);
    expect(kpi.body.communes[0]).toMatchObject({ label: 'Sìn Hồ', incidents: 1, reached: 0, share: 0 });

    const xlsx = await health.download('/api/v1/incident-kpi.xlsx?from=2026-11-20&to=2026-11-20');
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows = wb
      .getWorksheet('Theo xã, phường')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Sìn Hồ', 1, 0, '0,0 %', 41]);
    expect(rows).toContainEqual(['Toàn tỉnh', 3, 2, '66,7 %', 26]);

    const reversed = await health.get<ErrorBody>('/api/v1/incident-kpi?from=2026-11-21&to=2026-11-20');
    expect(reversed.status).toBe(400);
  });
});

describe('the facility registry', () => {
  it('lists the demo facilities; the office adds and edits one, others may not', async () => {
    const list = await police.get<{ total: number; items: { kind: string }[] }>(
      '/api/v1/response-facilities?kind=health_station&pageSize=5',
    );
    expect(list.body.total).toBeGreaterThan(30);
    expect(list.body.items.every((f) => f.kind === 'health_station')).toBe(true);
    const office = await TestClient.loggedIn(t.app, 'vanphong');
    const body = {
      name: 'Trạm cứu hộ đèo Ô Quy Hồ',
      kind: 'rescue',
      lat: 22.35,
      lon: 103.77,
      phone: '0213 3888 111',
    };
    const created = await office.post<{ id: number; kindLabel: string; active: boolean }>(
      '/api/v1/response-facilities',
      body,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kindLabel: 'Cứu nạn, cứu hộ', active: true });
    const edited = await office.put<{ active: boolean }>(`/api/v1/response-facilities/${created.body.id}`, {
      ...body,
      active: false,
    });
    expect(edited.body.active).toBe(false);
    expect((await police.post('/api/v1/response-facilities', body)).status).toBe(403);
    const badKind = await office.post<ErrorBody>('/api/v1/response-facilities', {
      ...body,
      kind: 'ufo',
      lat: 200,
    });
    expect(badKind.body.error.details.map((d) => d.path).sort()).toEqual(['kind', 'lat']);
  });
});

describe('the public basemap', () => {
  it('serves the province outline, communes and routes without an account', async () => {
    const res = await publicClient.get<{ communes: { features: unknown[] }; roads: { features: unknown[] } }>(
      '/api/v1/public/basemap',
    );
    expect(res.status).toBe(200);
    expect(res.body.communes.features.length).toBeGreaterThan(30);
    expect(res.body.roads.features.length).toBeGreaterThan(5);
    expect((await publicClient.get('/api/v1/map/basemap')).status).toBe(401);
  });
});

describe('limits on the public endpoint', () => {
  it('answers 429 in Vietnamese after the per-address limit', async () => {
    const limited = await createTestApp({ publicReportsPerMinute: 2 });
    try {
      const client = new TestClient(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await client.multipart<ErrorBody>(URL, form(report()))).status);
      expect(statuses).toEqual([201, 201, 429]);
      const last = await client.multipart<ErrorBody>(URL, form(report()));
      expect(last.body.error.message).toMatch(/Quá nhiều yêu cầu/);
    } finally {
      await limited.close();
    }
  });
});

describe('the live stream', () => {
  it('pushes a new incident to an open board', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/v1/incidents/stream`, {
      headers: { cookie: health.cookieHeader() },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const received = (async () => {
      let text = '';
      while (!text.includes('event: incident')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    const sent = await publicClient.multipart<Receipt>(
      URL,
      form(report({ location: { lat: 22.2, lon: 103.1, accuracyM: 5, source: 'gps' } })),
    );
    expect(sent.status).toBe(201);
    const text = await received;
    const data = JSON.parse(text.split('event: incident\ndata: ')[1]!.split('\n')[0]!);
    expect(data).toMatchObject({ kind: 'created', status: 'received' });
    controller.abort();
    const refused = await fetch(`${address}/api/v1/incidents/stream`, {
      headers: { cookie: construction.cookieHeader() },
    });
    expect(refused.status).toBe(403);
  });
});
