/**
 * Propaganda sessions, photos, statistics and school commitments, with figures worked out by hand.
 *
 * The sessions recorded here (demo propaganda data removed first):
 *   S1  05/03/2026  Công an tỉnh (CA), by the office   meeting      officials, drivers     120  materials 200  2 photos
 *   S2  20/03/2026  Phòng CSGT (PC08), by congan       mobile_team  drivers, ethnic        80  materials 50   in Bình Lư
 *   S3  02/04/2026  Ban ATGT xã Bình Lư, by xa.binhlu   loudspeaker  residents             300
 *   S4  15/04/2026  Sở GD&ĐT (SGDDT), by the office     school       students, parents     500
 * 01/03–30/04/2026: 4 sessions, 1.000 people, 250 materials, 4 units.
 *   by unit: SGDDT 1/500, Ban ATGT Bình Lư 1/300, CA 1/120, PC08 1/80 (one session each: most people first)
 *   by audience: drivers 2/200, students 1/500, parents 1/500, residents 1/300, officials 1/120, ethnic 1/80
 *   by month: 03/2026 2/200, 04/2026 2/800
 * Công an tỉnh with its divisions: 2 sessions, 200 people (S1 + S2).
 */
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../plans/routes.ts';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import { sessionsHeld } from './service.ts';

let t: TestContext;
let office: TestClient;
let police: TestClient;
let construction: TestClient;
let commune: TestClient;
let leader: TestClient;
const unit: Record<string, number> = {};
let binhLu: string;
let oldCommune: string;
let jpeg: Buffer;
let png: Buffer;
const ids: Record<string, number> = {};

type Detail = {
  id: number;
  heldOn: string;
  orgUnitId: number;
  orgUnitName: string;
  adminUnitId: string | null;
  adminUnitName: string | null;
  place: string;
  topic: string;
  audiences: string[];
  channel: string;
  participants: number;
  materials: string | null;
  materialsCount: number | null;
  note: string | null;
  photoCount: number;
  editable: boolean;
  photos: { id: number; fileName: string; mediaType: string; size: number }[];
  createdBy: string | null;
};
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const b64 = (b: Buffer) => b.toString('base64');

beforeAll(async () => {
  t = await createTestApp();
  await t.db.exec('DELETE FROM propaganda_sessions; DELETE FROM school_commitments;');
  office = await TestClient.loggedIn(t.app, 'vanphong');
  police = await TestClient.loggedIn(t.app, 'congan');
  construction = await TestClient.loggedIn(t.app, 'xaydung');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  leader = await TestClient.loggedIn(t.app, 'lanhdao');
  binhLu = (
    await t.db.query<{ id: string }>(`SELECT admin_unit_id AS id FROM users WHERE username = 'xa.binhlu'`)
  )[0]!.id;
  for (const code of ['CA', 'PC08', 'SGDDT', 'SXD', `BATGT-${binhLu}`])
    unit[code] = (
      await t.db.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [code])
    )[0]!.id;
  unit.BINHLU = unit[`BATGT-${binhLu}`]!;
  oldCommune = (
    await t.db.query<{ id: string }>(
      `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NOT NULL ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } });
  jpeg = await image.clone().jpeg().toBuffer();
  png = await image.clone().png().toBuffer();
});
afterAll(() => t.close());

const session = (over: Record<string, unknown> = {}) => ({
  heldOn: '2026-03-05',
  orgUnitId: unit.CA,
  place: 'Hội trường Công an tỉnh',
  topic: 'Quán triệt Luật Trật tự, an toàn giao thông đường bộ năm 2024',
  audiences: ['officials', 'drivers'],
  channel: 'meeting',
  participants: 120,
  materials: 'Tờ rơi Luật TTATGTĐB',
  materialsCount: 200,
  ...over,
});

/** A PUT body from a session as read, with changes. */
const asInput = (d: Detail, over: Record<string, unknown> = {}) => ({
  heldOn: d.heldOn,
  orgUnitId: d.orgUnitId,
  adminUnitId: d.adminUnitId,
  place: d.place,
  topic: d.topic,
  audiences: d.audiences,
  channel: d.channel,
  participants: d.participants,
  materials: d.materials,
  materialsCount: d.materialsCount,
  note: d.note,
  ...over,
});

describe('propaganda sessions', () => {
  it('the office records a session with photos; the photos read back byte for byte', async () => {
    const res = await office.post<Detail>(
      '/api/v1/propaganda-sessions',
      session({
        photos: [
          { fileName: 'hoi-nghi.jpg', mediaType: 'image/jpeg', contentBase64: b64(jpeg) },
          // The declared type is a hint: the content decides (a PNG sent as JPEG is stored as PNG).
          { fileName: 'pano.png', mediaType: 'image/jpeg', contentBase64: b64(png) },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      heldOn: '2026-03-05',
      orgUnitName: 'Công an tỉnh',
      adminUnitId: null,
      audiences: ['officials', 'drivers'],
      participants: 120,
      materialsCount: 200,
      photoCount: 2,
      editable: true,
      createdBy: expect.any(String),
    });
    expect(res.body.photos.map((p) => [p.fileName, p.mediaType, p.size])).toEqual([
      ['hoi-nghi.jpg', 'image/jpeg', jpeg.length],
      ['pano.png', 'image/png', png.length],
    ]);
    ids.S1 = res.body.id;
    const photo = await office.download(`/api/v1/propaganda-photos/${res.body.photos[0]!.id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(photo.bytes, jpeg)).toBe(0);
    const second = await leader.download(`/api/v1/propaganda-photos/${res.body.photos[1]!.id}`);
    expect(second.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(second.bytes, png)).toBe(0);
    // Audited in the same transaction, without the photos' bytes.
    const [log] = await t.db.query<{ username: string; after: { photos: string[] } }>(
      `SELECT username, after FROM audit_log WHERE entity = 'propaganda_session' AND entity_id = $1`,
      [String(ids.S1)],
    );
    expect(log!.username).toBe('vanphong');
    expect(log!.after.photos).toHaveLength(2);
    expect(JSON.stringify(log!.after).length).toBeLessThan(2000);
  });

  it('refuses bad fields with Vietnamese messages by path and stores nothing', async () => {
    const before = [
      await count('propaganda_sessions'),
      await count('propaganda_photos'),
      await count('audit_log'),
    ];
    // The shape: checked before anything else.
    const shape = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({ participants: -1, audiences: [], channel: 'bao_chi', heldOn: '2026-02-30', place: ' ' }),
    );
    expect(shape.status).toBe(400);
    expect(shape.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'heldOn', message: 'Ngày không tồn tại' },
        { path: 'place', message: 'Không được để trống.' },
        { path: 'audiences', message: 'Chọn ít nhất một đối tượng.' },
        { path: 'channel', message: 'Hình thức không nằm trong danh sách.' },
        { path: 'participants', message: 'Không được âm.' },
      ]),
    );
    const audience = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({ audiences: ['students', 'aliens'] }),
    );
    expect(audience.body.error.details).toEqual([
      { path: 'audiences.1', message: 'Đối tượng không nằm trong danh sách.' },
    ]);
    // The rules: the date, the unit and the commune on that date, the photos' content.
    const tomorrow = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const rules = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({
        heldOn: tomorrow,
        orgUnitId: 999_999,
        adminUnitId: 'KHONG-CO',
        photos: [
          { fileName: 'anh.jpg', mediaType: 'image/jpeg', contentBase64: b64(jpeg) },
          {
            fileName: 'ghi-chu.jpg',
            mediaType: 'image/jpeg',
            contentBase64: b64(Buffer.from('không phải ảnh')),
          },
        ],
      }),
    );
    expect(rules.status).toBe(400);
    expect(rules.body.error.message).toMatch(/chưa lưu gì/);
    expect(rules.body.error.details).toEqual([
      {
        path: 'heldOn',
        message: expect.stringMatching(/^Ngày tổ chức không được sau hôm nay \(\d\d\/\d\d\/\d{4}\)\.$/),
      },
      { path: 'orgUnitId', message: 'Đơn vị không tồn tại.' },
      { path: 'adminUnitId', message: 'Xã, phường không tồn tại.' },
      { path: 'photos.1', message: 'Tệp "ghi-chu.jpg" không phải ảnh JPEG hoặc PNG.' },
    ]);
    // A commune merged away in 2025 is not where a 2026 session was held; a commune committee did not
    // exist before the reform (1/7/2025).
    const dated = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({ adminUnitId: oldCommune, orgUnitId: unit.BINHLU, heldOn: '2025-03-01' }),
    );
    expect(dated.body.error.details.map((d) => d.path)).toEqual(['orgUnitId']);
    const merged = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({ adminUnitId: oldCommune }),
    );
    expect(merged.body.error.details).toEqual([
      {
        path: 'adminUnitId',
        message: expect.stringMatching(/^Xã, phường không còn .* vào ngày 05\/03\/2026/),
      },
    ]);
    const six = await office.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({
        photos: Array.from({ length: 6 }, (_, i) => ({
          fileName: `${i}.jpg`,
          mediaType: 'image/jpeg',
          contentBase64: b64(jpeg),
        })),
      }),
    );
    expect(six.status).toBe(400);
    expect(six.body.error.details).toEqual([{ path: 'photos', message: 'Tối đa 5 ảnh.' }]);
    expect([
      await count('propaganda_sessions'),
      await count('propaganda_photos'),
      await count('audit_log'),
    ]).toEqual(before);
  });

  it('an agency writes for itself and its divisions only; a commune for its own units', async () => {
    const own = await police.post<Detail>(
      '/api/v1/propaganda-sessions',
      session({
        heldOn: '2026-03-20',
        orgUnitId: unit.PC08,
        adminUnitId: binhLu,
        place: 'Chợ phiên Bình Lư',
        topic: 'Đội tuyên truyền lưu động: đội mũ bảo hiểm, không uống rượu bia khi lái xe',
        audiences: ['drivers', 'ethnic_minorities'],
        channel: 'mobile_team',
        participants: 80,
        materialsCount: 50,
      }),
    );
    expect(own.status).toBe(201);
    expect(own.body.adminUnitName).toMatch(/Bình Lư$/);
    ids.S2 = own.body.id;

    const other = await police.post<ErrorBody>(
      '/api/v1/propaganda-sessions',
      session({ orgUnitId: unit.SXD }),
    );
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('Bạn chỉ được ghi công tác tuyên truyền của đơn vị mình.');
    const detail = (await office.get<Detail>(`/api/v1/propaganda-sessions/${ids.S1}`)).body;
    expect((await construction.put(`/api/v1/propaganda-sessions/${ids.S1}`, asInput(detail))).status).toBe(
      403,
    );
    expect((await construction.request('DELETE', `/api/v1/propaganda-sessions/${ids.S1}`)).status).toBe(403);
    // Moving one's own session to another unit is writing for that unit.
    const s2 = (await police.get<Detail>(`/api/v1/propaganda-sessions/${ids.S2}`)).body;
    expect(s2.editable).toBe(true);
    expect(
      (await police.put(`/api/v1/propaganda-sessions/${ids.S2}`, asInput(s2, { orgUnitId: unit.SGDDT })))
        .status,
    ).toBe(403);
    expect((await leader.post('/api/v1/propaganda-sessions', session())).status).toBe(403);

    const mine = await commune.post<Detail>(
      '/api/v1/propaganda-sessions',
      session({
        heldOn: '2026-04-02',
        orgUnitId: unit.BINHLU,
        adminUnitId: binhLu,
        place: 'Loa truyền thanh các bản',
        topic: 'Phát thanh quy định về an toàn giao thông đường thủy, đường bộ',
        audiences: ['residents'],
        channel: 'loudspeaker',
        participants: 300,
        materials: null,
        materialsCount: null,
      }),
    );
    expect(mine.status).toBe(201);
    ids.S3 = mine.body.id;
    expect((await commune.post('/api/v1/propaganda-sessions', session({ orgUnitId: unit.CA }))).status).toBe(
      403,
    );

    const units = await commune.get<{ items: { id: number }[] }>('/api/v1/propaganda-units');
    expect(units.body.items.map((u) => u.id)).toContain(unit.BINHLU);
    expect(units.body.items.map((u) => u.id)).not.toContain(unit.CA);
    const policeUnits = await police.get<{ items: { id: number }[] }>('/api/v1/propaganda-units');
    expect(policeUnits.body.items.map((u) => u.id)).toEqual(expect.arrayContaining([unit.CA, unit.PC08]));
    expect((await leader.get<{ items: unknown[] }>('/api/v1/propaganda-units')).body.items).toEqual([]);

    const s4 = await office.post<Detail>(
      '/api/v1/propaganda-sessions',
      session({
        heldOn: '2026-04-15',
        orgUnitId: unit.SGDDT,
        place: 'Trường THPT Chuyên Lê Quý Đôn',
        topic: 'Ngoại khóa "Cổng trường an toàn giao thông"',
        audiences: ['students', 'parents'],
        channel: 'school',
        participants: 500,
        materials: null,
        materialsCount: null,
      }),
    );
    expect(s4.status).toBe(201);
    ids.S4 = s4.body.id;
  });

  it('an update replaces the fields, adds and removes photos, keeps at most five', async () => {
    const d = (await office.get<Detail>(`/api/v1/propaganda-sessions/${ids.S1}`)).body;
    const [first, second] = d.photos;
    const res = await office.put<Detail>(
      `/api/v1/propaganda-sessions/${ids.S1}`,
      asInput(d, {
        note: 'Có lãnh đạo Công an tỉnh dự',
        removePhotoIds: [first!.id],
        photos: [{ fileName: 'toan-canh.jpg', mediaType: 'image/jpeg', contentBase64: b64(jpeg) }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.note).toBe('Có lãnh đạo Công an tỉnh dự');
    expect(res.body.photos.map((p) => p.fileName)).toEqual(['pano.png', 'toan-canh.jpg']);
    expect((await office.download(`/api/v1/propaganda-photos/${first!.id}`)).status).toBe(404);
    const [log] = await t.db.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT before, after FROM audit_log WHERE entity = 'propaganda_session' AND action = 'update'`,
    );
    expect(Object.keys(log!.after).sort()).toEqual(['note', 'photos']);

    const tooMany = await office.put<ErrorBody>(
      `/api/v1/propaganda-sessions/${ids.S1}`,
      asInput(d, {
        photos: Array.from({ length: 5 }, (_, i) => ({
          fileName: `${i}.png`,
          mediaType: 'image/png',
          contentBase64: b64(png),
        })),
        removePhotoIds: [second!.id, 987_654],
      }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual([
      { path: 'removePhotoIds.1', message: 'Ảnh không thuộc hoạt động này.' },
      { path: 'photos', message: 'Mỗi hoạt động có tối đa 5 ảnh (đang giữ 1, thêm 5).' },
    ]);
    expect((await office.get<Detail>(`/api/v1/propaganda-sessions/${ids.S1}`)).body.photoCount).toBe(2);
  });

  it('lists newest first, filters, and finds words typed without diacritics', async () => {
    const all = await construction.get<Page<Detail>>('/api/v1/propaganda-sessions');
    expect(all.body.items.map((i) => i.id)).toEqual([ids.S4, ids.S3, ids.S2, ids.S1]);
    expect(all.body.items.every((i) => i.editable === false)).toBe(true);
    const mine = await police.get<Page<Detail>>('/api/v1/propaganda-sessions');
    expect(mine.body.items.filter((i) => i.editable).map((i) => i.id)).toEqual([ids.S2, ids.S1]);

    const ca = await office.get<Page<Detail>>(`/api/v1/propaganda-sessions?orgUnitId=${unit.CA}`);
    expect(ca.body.items.map((i) => i.id)).toEqual([ids.S2, ids.S1]);
    const drivers = await office.get<Page<Detail>>(
      '/api/v1/propaganda-sessions?audience=drivers&from=2026-03-10',
    );
    expect(drivers.body.items.map((i) => i.id)).toEqual([ids.S2]);
    const school = await office.get<Page<Detail>>('/api/v1/propaganda-sessions?channel=school');
    expect(school.body.items.map((i) => i.id)).toEqual([ids.S4]);
    const words = await office.get<Page<Detail>>(
      `/api/v1/propaganda-sessions?q=${encodeURIComponent('CONG TRUONG an toan')}`,
    );
    expect(words.body.items.map((i) => i.id)).toEqual([ids.S4]);
    const paged = await office.get<Page<Detail>>('/api/v1/propaganda-sessions?pageSize=3&page=2');
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.body.items.map((i) => i.id)).toEqual([ids.S1]);

    const bad = await office.get<ErrorBody>('/api/v1/propaganda-sessions?from=2026-05-01&to=2026-04-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' },
    ]);
  });
});

type Stats = {
  totals: { sessions: number; participants: number; materials: number; units: number };
  byUnit: { orgUnitId: number; name: string; sessions: number; participants: number }[];
  byChannel: { code: string; sessions: number; participants: number }[];
  byAudience: { code: string; sessions: number; participants: number }[];
  byMonth: { month: string; sessions: number; participants: number }[];
};

describe('propaganda statistics', () => {
  it('counts by unit, channel, audience and month (worked by hand)', async () => {
    const res = await leader.get<Stats>('/api/v1/propaganda-stats?from=2026-03-01&to=2026-04-30');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.totals).toEqual({ sessions: 4, participants: 1000, materials: 250, units: 4 });
    expect(r.byUnit.map((u) => [u.orgUnitId, u.sessions, u.participants])).toEqual([
      [unit.SGDDT, 1, 500],
      [unit.BINHLU, 1, 300],
      [unit.CA, 1, 120],
      [unit.PC08, 1, 80],
    ]);
    const channels = Object.fromEntries(r.byChannel.map((c) => [c.code, [c.sessions, c.participants]]));
    expect(channels).toMatchObject({
      meeting: [1, 120],
      mobile_team: [1, 80],
      loudspeaker: [1, 300],
      school: [1, 500],
      radio: [0, 0],
    });
    const audiences = Object.fromEntries(r.byAudience.map((a) => [a.code, [a.sessions, a.participants]]));
    expect(audiences).toEqual({
      students: [1, 500],
      parents: [1, 500],
      ethnic_minorities: [1, 80],
      drivers: [2, 200],
      commercial_drivers: [0, 0],
      officials: [1, 120],
      workers: [0, 0],
      residents: [1, 300],
    });
    expect(r.byMonth).toEqual([
      { month: '2026-03', sessions: 2, participants: 200 },
      { month: '2026-04', sessions: 2, participants: 800 },
    ]);

    const police = await leader.get<Stats & { orgUnit: { name: string } }>(
      `/api/v1/propaganda-stats?from=2026-03-01&to=2026-04-30&orgUnitId=${unit.CA}`,
    );
    expect(police.body.orgUnit.name).toBe('Công an tỉnh');
    expect(police.body.totals).toMatchObject({ sessions: 2, participants: 200 });
    expect(police.body.byUnit.map((u) => u.orgUnitId)).toEqual([unit.CA, unit.PC08]);

    const bad = await leader.get<ErrorBody>('/api/v1/propaganda-stats?from=2026-03-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['to']);
  });

  it('sessionsHeld counts a division’s sessions for its parent agency, both ends included', async () => {
    expect(await sessionsHeld(t.db, unit.CA!, '2026-03-01', '2026-03-31')).toEqual({
      sessions: 2,
      participants: 200,
    });
    expect(await sessionsHeld(t.db, unit.PC08!, '2026-03-01', '2026-12-31')).toEqual({
      sessions: 1,
      participants: 80,
    });
    expect(await sessionsHeld(t.db, unit.CA!, '2026-03-06', '2026-03-20')).toEqual({
      sessions: 1,
      participants: 80,
    });
    expect(await sessionsHeld(t.db, unit.SXD!, '2026-01-01', '2026-12-31')).toEqual({
      sessions: 0,
      participants: 0,
    });
  });

  it('exports the statistics to Excel with real dates and numbers', async () => {
    const file = await office.download('/api/v1/propaganda-stats.xlsx?from=2026-03-01&to=2026-04-30');
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="Tuyen-truyen-2026-03-01-2026-04-30.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo tháng', 'Danh sách buổi']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(String(summary.getCell('A1').value)).toBe(
      'Công tác tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT từ 01/03/2026 đến 30/04/2026',
    );
    const rows = summary.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['Số buổi, hoạt động tuyên truyền', 4]);
    expect(rows).toContainEqual(['Số lượt người tham dự', 1000]);
    expect(rows).toContainEqual(['Tại trường học', 1, 500]);
    expect(summary.getColumn(3).numFmt).toBe('#,##0');
    const list = wb.getWorksheet('Danh sách buổi')!;
    const first = list.getRow(4);
    expect(first.getCell(2).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(3).value).toBe('Công an tỉnh');
    expect(first.getCell(8).value).toBe('Cán bộ, công chức, viên chức; Người điều khiển phương tiện');
    expect(list.getRow(7).getCell(9).value).toBe(500);
    const months = wb.getWorksheet('Theo tháng')!;
    expect(months.getRow(4).values).toEqual([undefined, '03/2026', 2, 200]);
  });

  it('deletes a session with its photos, audited', async () => {
    const d = (await office.get<Detail>(`/api/v1/propaganda-sessions/${ids.S1}`)).body;
    expect((await office.request('DELETE', `/api/v1/propaganda-sessions/${ids.S1}`, { x: 1 })).status).toBe(
      400,
    );
    const res = await office.request('DELETE', `/api/v1/propaganda-sessions/${ids.S1}`);
    expect(res.status).toBe(204);
    expect((await office.get(`/api/v1/propaganda-sessions/${ids.S1}`)).status).toBe(404);
    expect((await office.download(`/api/v1/propaganda-photos/${d.photos[0]!.id}`)).status).toBe(404);
    const [log] = await t.db.query<{ before: { topic: string } }>(
      `SELECT before FROM audit_log WHERE entity = 'propaganda_session' AND action = 'delete'`,
    );
    expect(log!.before.topic).toBe(d.topic);
  });
});

type Commitment = {
  id: number;
  orgUnitId: number;
  school: string;
  schoolYear: string;
  students: number;
  signed: number;
  signedOn: string | null;
  editable: boolean;
};

describe('school three-party commitments', () => {
  const commitment = (over: Record<string, unknown> = {}) => ({
    orgUnitId: unit.SGDDT,
    school: 'Trường THPT Chuyên Lê Quý Đôn',
    schoolYear: '2025-2026',
    students: 820,
    signed: 815,
    signedOn: '2025-09-20',
    ...over,
  });

  it('records, refuses more signatures than students and a second record of a school for a year', async () => {
    const res = await office.post<Commitment>('/api/v1/school-commitments', commitment());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ school: 'Trường THPT Chuyên Lê Quý Đôn', signed: 815, editable: true });
    const before = await count('school_commitments');
    const over = await office.post<ErrorBody>(
      '/api/v1/school-commitments',
      commitment({ school: 'Trường PTDTBT THCS Bình Lư', students: 300, signed: 301 }),
    );
    expect(over.status).toBe(400);
    expect(over.body.error.details).toEqual([
      { path: 'signed', message: 'Số bản cam kết đã ký (301) không được vượt số học sinh (300).' },
    ]);
    const twice = await office.post<ErrorBody>(
      '/api/v1/school-commitments',
      commitment({ school: '  trường thpt chuyên  LÊ QUÝ ĐÔN ' }),
    );
    expect(twice.body.error.details).toEqual([
      {
        path: 'school',
        message: '"Trường THPT Chuyên Lê Quý Đôn" đã có cam kết năm học 2025-2026; hãy sửa bản đã có.',
      },
    ]);
    const year = await office.post<ErrorBody>(
      '/api/v1/school-commitments',
      commitment({ schoolYear: '2025-2027' }),
    );
    expect(year.status).toBe(400);
    expect(year.body.error.details).toEqual([
      { path: 'schoolYear', message: 'Năm sau phải liền năm trước, ví dụ 2025-2026.' },
    ]);
    expect(await count('school_commitments')).toBe(before);
    // The next school year is a new record.
    expect(
      (await office.post('/api/v1/school-commitments', commitment({ schoolYear: '2026-2027' }))).status,
    ).toBe(201);
  });

  it('agencies and communes write for their own units; the list sums what it matches', async () => {
    expect(
      (await construction.post('/api/v1/school-commitments', commitment({ school: 'Trường A' }))).status,
    ).toBe(403);
    const own = await commune.post<Commitment>(
      '/api/v1/school-commitments',
      commitment({
        orgUnitId: unit.BINHLU,
        school: 'Trường PTDTBT THCS Bình Lư',
        students: 300,
        signed: 290,
      }),
    );
    expect(own.status).toBe(201);
    const upd = await commune.put<Commitment>(
      `/api/v1/school-commitments/${own.body.id}`,
      commitment({
        orgUnitId: unit.BINHLU,
        school: 'Trường PTDTBT THCS Bình Lư',
        students: 300,
        signed: 300,
      }),
    );
    expect(upd.status).toBe(200);
    expect(upd.body.signed).toBe(300);
    const list = await commune.get<Page<Commitment> & { summary: Record<string, number> }>(
      '/api/v1/school-commitments?schoolYear=2025-2026',
    );
    expect(list.body.summary).toEqual({ schools: 2, students: 1120, signed: 1115 });
    expect(list.body.items.map((c) => [c.school, c.editable])).toEqual([
      ['Trường PTDTBT THCS Bình Lư', true],
      ['Trường THPT Chuyên Lê Quý Đôn', false],
    ]);
    const found = await office.get<Page<Commitment>>('/api/v1/school-commitments?q=le%20quy%20don');
    expect(found.body.items.map((c) => c.schoolYear)).toEqual(['2026-2027', '2025-2026']);
    const [log] = await t.db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE entity = 'school_commitment' AND action = 'update'`,
    );
    expect(log).toEqual({ before: { signed: 290 }, after: { signed: 300 } });
  });
});
