import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

interface Candidate {
  kind: string;
  source: string;
  roadCode: string | null;
  fromM: number | null;
  toM: number | null;
  lat: number | null;
  crashIds: number[];
  crashes: number;
  fatalCrashes: number;
  existingSpotId: number | null;
}
interface Detail {
  id: number;
  status: string;
  next: string[];
  remedyTaskId: number | null;
  crashList: { id: number }[];
  photos: { id: number }[];
  evaluation: {
    before: { crashes: number };
    after: { crashes: number };
    statement: string;
    significant: boolean;
  } | null;
}

let t: TestContext;
let office: TestClient;
let police: TestClient;
let ql4d = 0;
let commune = ''; // old xã Bình Lư, before 1/7/2025
let communeNow = ''; // today's xã Bình Lư
const ids: Record<string, number[]> = { spot: [], potential: [], spatial: [], after: [] };

const post = async (body: Record<string, unknown>) => {
  const res = await office.post<{ id: number }>('/api/v1/crashes', {
    mode: 'road',
    causes: ['speed'],
    vehicles: ['motorbike'],
    verified: true,
    source: 'police',
    adminUnitId: commune,
    ...body,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
};

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  police = await TestClient.loggedIn(t.app, 'congan');
  // Worked out on an empty register: none of the demo's crashes or black spots.
  await t.db.exec('DELETE FROM black_spots; DELETE FROM health_records; DELETE FROM crashes;');
  const [road] = await t.db.query<{ id: number }>(`SELECT id FROM roads WHERE code = 'QL4D'`);
  ql4d = road!.id;
  const [unit] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE level = 'commune' AND name = 'Bình Lư' AND valid_to IS NOT NULL`,
  );
  commune = unit!.id;
  const [now] = await t.db.query<{ id: string }>(
    `SELECT current_id AS id FROM admin_unit_rollup WHERE id = $1`,
    [commune],
  );
  communeNow = now!.id;
  // A black spot on QL4D: three crashes with deaths within 400 m (Km 12+100 … 12+500) in 2025.
  for (const [day, km] of [
    ['2025-01-10', 'Km 12+100'],
    ['2025-02-20', 'Km 12+300'],
    ['2025-03-15', 'Km 12+500'],
  ] as const)
    ids.spot!.push(
      await post({ occurredAt: `${day}T07:00:00+07:00`, roadId: ql4d, kmMarker: km, deaths: 1, injured: 1 }),
    );
  // Two crashes with injuries only, 30 km further: a potential crash location at most.
  for (const [day, km] of [
    ['2025-04-01', 'Km 42+000'],
    ['2025-05-01', 'Km 42+200'],
  ] as const)
    ids.potential!.push(
      await post({ occurredAt: `${day}T07:00:00+07:00`, roadId: ql4d, kmMarker: km, injured: 1 }),
    );
  // Scattered crashes: nothing.
  for (const km of [60_000, 65_000, 70_000])
    await post({
      occurredAt: '2025-06-01T07:00:00+07:00',
      roadId: ql4d,
      kmMarker: `Km ${km / 1000}+000`,
      injured: 1,
    });
  // Three fatal crashes with coordinates only, within 100 m of each other, off the routes.
  for (const [day, lat, lon] of [
    ['2025-02-01', 22.3001, 103.1001],
    ['2025-03-01', 22.3004, 103.1003],
    ['2025-04-01', 22.2999, 103.0998],
  ] as const)
    ids.spatial!.push(await post({ occurredAt: `${day}T18:00:00+07:00`, lat, lon, deaths: 1 }));
  // A crash with neither a km marker nor coordinates: it cannot be placed, detection does not consider it.
  await post({ occurredAt: '2025-05-05T07:00:00+07:00', injured: 1 });
  // After the works (30/6/2025): one crash at the spot.
  ids.after!.push(
    await post({
      occurredAt: '2025-10-10T07:00:00+07:00',
      adminUnitId: communeNow,
      roadId: ql4d,
      kmMarker: 'Km 12+250',
      injured: 1,
    }),
  );
}, 60_000);
afterAll(() => t.close());

describe('detection from the crash history', () => {
  it('finds exactly the known spots, by km marker and by coordinates', async () => {
    const res = await office.post<{
      candidates: Candidate[];
      saved: number;
      criteria: { citation: string };
      crashesConsidered: number;
      totalCandidates: number;
      newCandidates: number;
    }>('/api/v1/black-spots/detect', { from: '2025-01-01', to: '2025-06-29' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.saved).toBe(0);
    // 3 at the spot + 2 potential + 3 scattered on QL4D + 3 by coordinates; not the unplaced one.
    expect(res.body.crashesConsidered).toBe(11);
    expect(res.body.totalCandidates).toBe(res.body.candidates.length);
    expect(res.body.newCandidates).toBe(res.body.candidates.length);
    const c = res.body.candidates;
    const linear = c.filter((x) => x.source === 'linear');
    const black = linear.find((x) => x.kind === 'black_spot');
    expect(black).toMatchObject({
      roadCode: 'QL4D',
      fromM: 12_100,
      toM: 12_500,
      crashes: 3,
      fatalCrashes: 3,
    });
    expect([...(black?.crashIds ?? [])].sort()).toEqual([...ids.spot!].sort());
    expect(linear.filter((x) => x.kind === 'black_spot')).toHaveLength(1);
    const spatial = c.filter((x) => x.source === 'spatial');
    expect(spatial).toHaveLength(1);
    expect([...spatial[0]!.crashIds].sort()).toEqual([...ids.spatial!].sort());
    expect(res.body.criteria.citation).toMatch(/165\/2024|26\/2012/);
  });

  it('saves the candidates once', async () => {
    const first = await office.post<{ saved: number; candidates: Candidate[] }>(
      '/api/v1/black-spots/detect',
      {
        from: '2025-01-01',
        to: '2025-06-29',
        save: true,
      },
    );
    expect(first.body.saved).toBe(first.body.candidates.length);
    const again = await office.post<{ saved: number; newCandidates: number; candidates: Candidate[] }>(
      '/api/v1/black-spots/detect',
      {
        from: '2025-01-01',
        to: '2025-06-29',
        save: true,
      },
    );
    expect(again.body.saved).toBe(0);
    expect(again.body.newCandidates).toBe(0);
    expect(again.body.candidates.every((x) => x.existingSpotId !== null)).toBe(true);
    expect(
      (await police.post('/api/v1/black-spots/detect', { from: '2025-01-01', to: '2025-06-29' })).status,
    ).toBe(403);
  });
});

describe('the lifecycle, from candidate to evaluated', () => {
  it('walks one spot through every step; a remedy becomes a task of the plans', async () => {
    const list = await office.get<{ items: { id: number; kind: string; roadCode: string | null }[] }>(
      '/api/v1/black-spots?kind=black_spot&roadId=' + ql4d,
    );
    const id = list.body.items[0]!.id;
    const go = (body: Record<string, unknown>) =>
      office.post<Detail & ErrorBody>(`/api/v1/black-spots/${id}/transition`, body);
    expect((await go({ to: 'surveyed', surveyOn: '2025-05-01', findings: 'x' })).status).toBe(400); // not yet confirmed
    expect((await go({ to: 'confirmed' })).body.next).toEqual(['surveyed', 'dismissed']);
    const noFindings = await go({ to: 'surveyed', surveyOn: '2025-05-05' });
    expect(noFindings.status).toBe(400);
    expect(noFindings.body.error.details[0]?.path).toBe('findings');
    expect(
      (
        await go({
          to: 'surveyed',
          surveyOn: '2025-05-05',
          findings: 'Đường cong bán kính nhỏ, thiếu biển báo, tầm nhìn bị che khuất',
        })
      ).status,
    ).toBe(200);
    const [sxd] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'SXD'`);
    const planned = await go({
      to: 'remedy_planned',
      measures: 'Cắm biển cảnh báo, sơn gờ giảm tốc, phát quang tầm nhìn',
      costVnd: 350_000_000,
      leadUnitId: sxd!.id,
      dueOn: '2025-06-30',
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const task = await office.get<{
      planNumber: string;
      assignments: { orgUnitName: string; role: string }[];
    }>(`/api/v1/tasks/${planned.body.remedyTaskId}`);
    expect(task.body.planNumber).toBe('XLĐĐ-2025');
    expect(task.body.assignments.find((a) => a.role === 'lead')?.orgUnitName).toBe('Sở Xây dựng');
    expect((await go({ to: 'remedied', remediedOn: '2030-01-01' })).status).toBe(400);
    const beforeSurvey = await go({ to: 'remedied', remediedOn: '2025-04-01' });
    expect(beforeSurvey.status).toBe(400);
    expect(beforeSurvey.body.error.details[0]?.path).toBe('remediedOn');
    expect((await go({ to: 'remedied', remediedOn: '2025-06-30' })).status).toBe(200);
    const evaluated = await go({ to: 'evaluated' });
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
    // 12 months before 30/6/2025: the 3 crashes of the spot; 12 months after: 1.
    expect(evaluated.body.evaluation).toMatchObject({
      before: { from: '2024-06-30', to: '2025-06-30', crashes: 3 },
      after: { from: '2025-06-30', to: '2026-06-30', crashes: 1 },
      change: -2,
    });
    expect(evaluated.body.evaluation?.statement).toMatch(/\S/);
    expect(evaluated.body.next).toEqual([]);
    const history = await office.get<{ history: { action: string }[] }>(`/api/v1/black-spots/${id}`);
    expect(history.body.history.map((h) => h.action)).toEqual([
      'confirmed',
      'surveyed',
      'remedy_planned',
      'remedied',
      'evaluated',
    ]);
  });

  it('dismisses a spot only with a reason', async () => {
    const list = await office.get<{ items: { id: number; status: string }[] }>(
      '/api/v1/black-spots?status=candidate',
    );
    const id = list.body.items[0]!.id;
    expect((await office.post(`/api/v1/black-spots/${id}/transition`, { to: 'dismissed' })).status).toBe(400);
    expect(
      (
        await office.post(`/api/v1/black-spots/${id}/transition`, {
          to: 'dismissed',
          reason: 'Trùng với điểm đã xử lý',
        })
      ).status,
    ).toBe(200);
  });
});

describe('the registry of hazards, photos, exports and map data', () => {
  it('records a hazard by hand, with a checked photo', async () => {
    const bad = await police.post<ErrorBody>('/api/v1/black-spots', {
      kind: 'hazard',
      name: 'Lối đi tự mở',
      lat: 22.4,
      lon: 103.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.path).toBe('hazardType');
    const res = await police.post<Detail>('/api/v1/black-spots', {
      kind: 'hazard',
      hazardType: 'landslide',
      name: 'Đoạn có nguy cơ sạt lở taluy dương QL4D Km 75',
      roadId: ql4d,
      fromM: 75_000,
      toM: 75_400,
      lat: 22.41,
      lon: 103.52,
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('confirmed');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const photo = await police.post<Detail>(`/api/v1/black-spots/${res.body.id}/photos`, {
      fileName: 'taluy.png',
      mediaType: 'image/png',
      contentBase64: png.toString('base64'),
    });
    expect(photo.status).toBe(201);
    expect(photo.body.photos).toHaveLength(1);
    const fake = await police.post<ErrorBody>(`/api/v1/black-spots/${res.body.id}/photos`, {
      fileName: 'x.png',
      mediaType: 'image/png',
      contentBase64: Buffer.from('not an image').toString('base64'),
    });
    expect(fake.status).toBe(400);
  });

  it('exports the list to Excel and Word', async () => {
    const xlsx = await office.download('/api/v1/black-spots/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toMatch(/QL4D Km 12\+100 – Km 12\+500/);
    expect(text).toMatch(/Đã đánh giá sau xử lý/);
    const docx = await office.download('/api/v1/black-spots/export?format=docx');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toMatch(/DANH SÁCH ĐIỂM ĐEN/);
  });

  it('gives the spots and an offline basemap to the map', async () => {
    const spots = await office.get<{ features: { properties: { kind: string } }[] }>(
      '/api/v1/black-spots/geojson',
    );
    expect(spots.body.features.some((f) => f.properties.kind === 'hazard')).toBe(true);
    const base = await office.get<{
      tileUrl: string | null;
      province: { geometry: { coordinates: number[][][] } };
      communes: { features: unknown[] };
      roads: { features: unknown[] };
    }>('/api/v1/map/basemap');
    expect(base.body.tileUrl).toBeNull();
    expect(base.body.communes.features).toHaveLength(38);
    expect(base.body.roads.features).toHaveLength(10);
    const ring = base.body.province.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
  });
});
