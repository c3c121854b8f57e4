import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

interface Detail {
  id: number;
  deaths: number;
  injured: number;
  students: number;
  severity: string;
  severityRule: string;
  kmMarker: string | null;
  currentAdminUnitId: string;
  persons: { injury: string }[];
  history: { action: string }[];
  duplicates: { id: number; score: number; reasons: string[] }[];
  mergedInto: number | null;
}

let t: TestContext;
let office: TestClient;
let police: TestClient;
let commune: TestClient;
let binhLu = ''; // today's xã Bình Lư (the commune officer's)
let tanPhong = ''; // another commune
let ql4d = 0;

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const crash = (over: Record<string, unknown> = {}) => ({
  occurredAt: '2026-10-05T18:40:00+07:00',
  adminUnitId: binhLu,
  roadId: ql4d,
  kmMarker: 'Km 12+300',
  lat: 22.35,
  lon: 103.45,
  vehicles: ['motorbike', 'truck'],
  causes: ['alcohol'],
  alcohol: true,
  source: 'police',
  verified: true,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  police = await TestClient.loggedIn(t.app, 'congan');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  const [a] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE name = 'Bình Lư' AND valid_to IS NULL`,
  );
  const [b] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE name = 'Tân Phong' AND valid_to IS NULL`,
  );
  const [r] = await t.db.query<{ id: number }>(`SELECT id FROM roads WHERE code = 'QL4D'`);
  binhLu = a!.id;
  tanPhong = b!.id;
  ql4d = r!.id;
});
afterAll(() => t.close());

describe('entering and editing a crash', () => {
  it('takes the counts from the persons, classes the severity by the rule in force, keeps history', async () => {
    const res = await police.post<Detail>(
      '/api/v1/crashes',
      crash({
        persons: [
          { role: 'driver', age: 34, sex: 'male', injury: 'died_at_scene', alcohol: 'positive' },
          { role: 'passenger', age: 16, sex: 'female', injury: 'serious', student: true },
          { role: 'driver', age: 45, sex: 'male', injury: 'none' },
        ],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      deaths: 1,
      injured: 1,
      students: 1,
      severity: 'nghiem_trong',
      kmMarker: 'Km 12+300',
    });
    expect(res.body.severityRule).toMatch(/26\/2024|26-2024|TT26/i);
    expect(res.body.persons).toHaveLength(3);
    const edited = await police.patch<Detail>(`/api/v1/crashes/${res.body.id}`, {
      kmMarker: 'Km 12+350',
      description: 'Xe máy va chạm xe tải',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.kmMarker).toBe('Km 12+350');
    expect(edited.body.history.map((h) => h.action)).toEqual(['create', 'update']);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    const cases: [Record<string, unknown>, string][] = [
      [{ occurredAt: '2024-05-01T10:00:00+07:00' }, 'adminUnitId'], // today's commune did not exist in 2024
      [{ lat: 22.3, lon: null }, 'lon'],
      [{ kmMarker: '12 km 300' }, 'kmMarker'],
      [{ causes: ['bad_cause'] }, 'causes.0'],
      [{ occurredAt: '05/10/2026 18:40' }, 'occurredAt'],
      [{ deaths: -1 }, 'deaths'],
    ];
    for (const [over, path] of cases) {
      const res = await office.post<ErrorBody>('/api/v1/crashes', crash(over));
      expect(res.status, path).toBe(400);
      expect(
        res.body.error.details.map((d) => d.path),
        path,
      ).toContain(path);
    }
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    expect(after?.n).toBe(before?.n);
  });

  it('lets a commune officer enter only its own commune, and see only its own', async () => {
    const own = await commune.post<Detail>('/api/v1/crashes', crash({ lat: null, lon: null }));
    expect(own.status).toBe(201);
    const other = await commune.post(
      '/api/v1/crashes',
      crash({ adminUnitId: tanPhong, roadId: null, kmMarker: null }),
    );
    expect(other.status).toBe(403);
    const elsewhere = await office.post<Detail>(
      '/api/v1/crashes',
      crash({ adminUnitId: tanPhong, roadId: null, kmMarker: null }),
    );
    expect((await commune.get(`/api/v1/crashes/${elsewhere.body.id}`)).status).toBe(404);
  });
});

describe('likely duplicates', () => {
  it('finds the same event entered twice and lets the office merge it', async () => {
    const first = await police.post<Detail>(
      '/api/v1/crashes',
      crash({ occurredAt: '2026-09-12T07:05:00+07:00', deaths: 0, injured: 2 }),
    );
    const second = await commune.post<Detail>(
      '/api/v1/crashes',
      crash({
        occurredAt: '2026-09-12T07:25:00+07:00',
        deaths: 0,
        injured: 2,
        kmMarker: 'Km 12+200',
        source: 'citizen',
        verified: false,
      }),
    );
    const detail = await office.get<Detail>(`/api/v1/crashes/${second.body.id}`);
    const dup = detail.body.duplicates.find((d) => d.id === first.body.id);
    expect(dup?.score).toBeGreaterThanOrEqual(60);
    expect(dup?.reasons.join(' ')).toMatch(/20 phút/);
    expect(
      (await commune.post(`/api/v1/crashes/${second.body.id}/merge`, { intoId: first.body.id })).status,
    ).toBe(403);
    const merged = await office.post<Detail>(`/api/v1/crashes/${second.body.id}/merge`, {
      intoId: first.body.id,
    });
    expect(merged.status).toBe(200);
    const gone = await office.get<Detail>(`/api/v1/crashes/${second.body.id}`);
    expect(gone.body.mergedInto).toBe(first.body.id);
    const list = await office.get<{ items: { id: number }[] }>(
      '/api/v1/crashes?from=2026-09-12&to=2026-09-12',
    );
    expect(list.body.items.map((c) => c.id)).not.toContain(second.body.id);
    expect(
      (await office.post(`/api/v1/crashes/${first.body.id}/merge`, { intoId: first.body.id })).status,
    ).toBe(400);
  });
});

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Vu TNGT');
  for (const r of rows) ws.addRow(r);
  return b64(new Uint8Array(await wb.xlsx.writeBuffer()));
}
const HEAD = [
  'Ngày (dd/mm/yyyy)',
  'Giờ (hh:mm)',
  'Xã, phường (mã hoặc tên)',
  'Tuyến đường (mã)',
  'Lý trình',
  'Vĩ độ',
  'Kinh độ',
  'Loại hình (đường bộ/đường sắt/đường thủy)',
  'Số người chết',
  'Số người bị thương',
  'Nguyên nhân (mã, cách nhau bởi ;)',
  'Phương tiện (mã, cách nhau bởi ;)',
  'Nồng độ cồn (có/không)',
  'Xe kinh doanh vận tải (có/không)',
  'Số học sinh bị nạn',
  'Nguồn tin (công an/y tế/người dân)',
  'Đã xác minh (có/không)',
  'Mô tả',
];
const good = (day: string, commune = 'Bình Lư') => [
  day,
  '06:30',
  commune,
  'QL4D',
  'Km 20+100',
  '',
  '',
  'đường bộ',
  '0',
  '1',
  'speed',
  'motorbike',
  'không',
  'không',
  '0',
  'công an',
  'có',
  'Tự ngã',
];

describe('import from a file', () => {
  it('offers the template with the Vietnamese headings', async () => {
    const res = await office.download('/api/v1/crashes/import/template');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).values).toEqual([undefined, ...HEAD]);
  });

  it('names every bad row and column and saves nothing', async () => {
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    const bad = [...good('12/10/2026')];
    bad[0] = '31/02/2026';
    const bad2 = [...good('13/10/2026', 'Xã Không Có')];
    const bad3 = [...good('14/10/2026')];
    bad3[10] = 'ngủ gật';
    bad3[12] = 'hơi say';
    const content = await xlsx([HEAD, good('11/10/2026'), bad, bad2, bad3]);
    const res = await office.post<ErrorBody>('/api/v1/crashes/import', {
      fileName: 'tngt.xlsx',
      contentBase64: content,
    });
    expect(res.status).toBe(400);
    const where = res.body.error.details.map((d) => d.path);
    expect(where).toEqual(
      expect.arrayContaining([
        'Dòng 3, cột Ngày (dd/mm/yyyy)',
        'Dòng 4, cột Xã, phường (mã hoặc tên)',
        'Dòng 5, cột Nguyên nhân (mã, cách nhau bởi ;)',
        'Dòng 5, cột Nồng độ cồn (có/không)',
      ]),
    );
    expect(where.some((w) => w.startsWith('Dòng 2,'))).toBe(false);
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    expect(after?.n).toBe(before?.n);
  });

  it('previews, reports likely duplicates, and saves a good file in one go', async () => {
    const rows = [HEAD, good('20/10/2026'), good('21/10/2026'), good('21/10/2026')];
    const content = await xlsx(rows);
    const preview = await office.post<{
      valid: boolean;
      rows: number;
      duplicates: { row: number; reasons: string[] }[];
    }>('/api/v1/crashes/import/preview', { fileName: 'tngt.xlsx', contentBase64: content });
    expect(preview.body).toMatchObject({ valid: true, rows: 3 });
    expect(preview.body.duplicates.map((d) => d.row)).toEqual([4]); // row 4 repeats row 3
    const saved = await office.post<{ created: number }>('/api/v1/crashes/import', {
      fileName: 'tngt.xlsx',
      contentBase64: content,
    });
    expect(saved.status).toBe(201);
    expect(saved.body.created).toBe(3);
    const csv = [
      'Ngày (dd/mm/yyyy),Giờ (hh:mm),"Xã, phường (mã hoặc tên)",Số người chết,Số người bị thương',
      '22/10/2026,07:00,Bình Lư,1,0',
    ].join('\n');
    const fromCsv = await office.post<{ created: number }>('/api/v1/crashes/import', {
      fileName: 'tngt.csv',
      contentBase64: b64(csv),
    });
    expect(fromCsv.status, JSON.stringify(fromCsv.body)).toBe(201);
  });
});

describe('statistics extras', () => {
  it('exports the table to Excel with the same figures', async () => {
    const api = await office.get<{ total: { current: { crashes: number } } }>(
      '/api/v1/crash-stats?period=year:2025&by=cause',
    );
    const file = await office.download('/api/v1/crash-stats/export?period=year:2025&by=cause');
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.getCell(2).value).toBe(api.body.total.current.crashes);
  });

  it('cuts a period still under way at today, and its comparison at the same day last year', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const res = await office.get<{
      period: { from: string; to: string; label: string };
      previous: { from: string; to: string };
    }>(`/api/v1/crash-stats?period=year:${year}`);
    expect(res.body.period).toMatchObject({ from: `${year}-01-01`, to: today });
    expect(res.body.period.label).toMatch(/đến ngày/);
    expect(res.body.previous).toMatchObject({
      from: `${year - 1}-01-01`,
      to: `${year - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28'),
    });
    const past = await office.get<{ period: { to: string } }>(`/api/v1/crash-stats?period=year:${year - 1}`);
    expect(past.body.period.to).toBe(`${year - 1}-12-31`);
  });

  it('checks the year against the 2026 plan’s targets with a projection', async () => {
    const res = await office.get<{
      plan: { number: string } | null;
      indicators: {
        indicator: string;
        ytd: number;
        previousYear: number;
        projected: number;
        target: { targetValueMax: number; status: string } | null;
      }[];
    }>('/api/v1/crash-stats/targets?year=2026&asOf=2026-11-14');
    expect(res.status).toBe(200);
    expect(res.body.plan?.number).toBe('12/KH-UBND');
    const ytd = await office.get<{ total: { current: { crashes: number } } }>(
      '/api/v1/crash-stats?period=range:2026-01-01..2026-11-14',
    );
    const crashes = res.body.indicators.find((i) => i.indicator === 'crashes')!;
    expect(crashes.ytd).toBe(ytd.body.total.current.crashes);
    // A 5–10 % cut on last year: at most 95 % of 2025's figure.
    expect(crashes.target?.targetValueMax).toBe(Math.floor(crashes.previousYear * 0.95));
    expect(crashes.projected).toBeGreaterThan(crashes.ytd);
    expect(['on_track', 'at_risk', 'off_track']).toContain(crashes.target?.status);
  });

  it('gives the map only located crashes of the period, scoped to the user', async () => {
    const all = await office.get<{ features: unknown[]; truncated: boolean }>(
      '/api/v1/crashes/map?from=2026-01-01&to=2026-12-31&verified=all',
    );
    const [n] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE merged_into IS NULL AND lat IS NOT NULL
          AND occurred_at >= '2025-12-31T17:00:00Z' AND occurred_at < '2026-12-31T17:00:00Z'`,
    );
    expect(all.body.features.length).toBe(n?.n);
    const mine = await commune.get<{ features: unknown[] }>(
      '/api/v1/crashes/map?from=2026-01-01&to=2026-12-31&verified=all',
    );
    expect(mine.body.features.length).toBeLessThan(all.body.features.length);
  });
});

describe('health records', () => {
  it('imports a hospital list, links it to the crashes and estimates under-reporting', async () => {
    await t.db.exec('DELETE FROM health_records'); // the demo's own hospital lists
    // Three crashes on 2/11/2026 in Bình Lư; the hospital admitted people from two of them, and one
    // person on 20/11/2026, when no crash was recorded.
    const ids: number[] = [];
    for (const [time, deaths] of [
      ['08:00', 1],
      ['13:00', 0],
      ['19:00', 0],
    ] as const) {
      const c = await office.post<Detail>(
        '/api/v1/crashes',
        crash({
          occurredAt: `2026-11-02T${time}:00+07:00`,
          lat: null,
          lon: null,
          roadId: null,
          kmMarker: null,
          vehicles: ['car'],
          persons: [{ role: 'driver', age: 40, sex: 'male', injury: deaths ? 'died_later' : 'serious' }],
        }),
      );
      ids.push(c.body.id);
    }
    const rows = [
      [
        'Cơ sở y tế',
        'Số hồ sơ',
        'Ngày giờ nhập viện',
        'Xã, phường',
        'Tuổi',
        'Giới tính',
        'Phương tiện',
        'Kết quả điều trị',
      ],
      ['BV Đa khoa tỉnh', 'CC-001', '02/11/2026 09:10', 'Bình Lư', '40', 'nam', 'car', 'tử vong'],
      ['BV Đa khoa tỉnh', 'CC-002', '02/11/2026 14:05', 'Bình Lư', '41', 'nam', 'car', 'nặng'],
      ['TTYT Tam Đường', 'TD-77', '20/11/2026 22:00', 'Tân Phong', '19', 'nữ', 'motorbike', 'nhẹ'], // after the demo data ends
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('YTe');
    for (const r of rows) ws.addRow(r);
    const content = b64(new Uint8Array(await wb.xlsx.writeBuffer()));
    const res = await office.post<{ rows: number; linked: number }>('/api/v1/health-records/import', {
      fileName: 'yte.xlsx',
      contentBase64: content,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.rows).toBe(3);
    const links = await t.db.query<{ record_no: string; crash_id: number | string | null }>(
      'SELECT record_no, crash_id FROM health_records ORDER BY record_no',
    );
    expect(Number(links.find((l) => l.record_no === 'CC-001')?.crash_id)).toBe(ids[0]);
    expect(Number(links.find((l) => l.record_no === 'CC-002')?.crash_id)).toBe(ids[1]);
    expect(links.find((l) => l.record_no === 'TD-77')?.crash_id ?? null).toBeNull();
    const again = await office.post<ErrorBody>('/api/v1/health-records/import', {
      fileName: 'yte.xlsx',
      contentBase64: content,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0]?.path).toMatch(/^Dòng 2, cột Số hồ sơ/);
    const summary = await office.get<{
      health: { records: number };
      linked: { records: number };
      estimate: { deaths: { reliable: boolean } };
    }>('/api/v1/health-records/summary?period=month:2026-11');
    expect(summary.body.health.records).toBe(3);
    expect(summary.body.linked.records).toBe(2);
    expect(summary.body.estimate.deaths.reliable).toBe(false);
  });

  it('refuses a list with bad rows, naming them, and saves none', async () => {
    const bad = [
      'Cơ sở y tế;Số hồ sơ;Ngày giờ nhập viện;Xã, phường;Tuổi;Giới tính;Phương tiện;Kết quả điều trị',
      'BV;X-1;32/11/2026 10:00;Bình Lư;40;nam;car;nặng',
      'BV;X-2;02/11/2026 10:00;Bình Lư;200;không rõ;car;khỏi',
    ].join('\n');
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM health_records');
    const res = await office.post<ErrorBody>('/api/v1/health-records/import', {
      fileName: 'yte.csv',
      contentBase64: b64(bad),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        'Dòng 2, cột Ngày giờ nhập viện',
        'Dòng 3, cột Tuổi',
        'Dòng 3, cột Giới tính',
        'Dòng 3, cột Kết quả điều trị',
      ]),
    );
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM health_records');
    expect(after?.n).toBe(before?.n);
  });
});
