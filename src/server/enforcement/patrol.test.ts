/**
 * Patrol violations, campaigns, notices, notices to units and statistics, with figures worked out by hand.
 *
 * The violations recorded here (all motorbikes, Nghị định 168/2024 in force):
 *   a  alcohol_1  03/02/2026 21:00  An (ID 001088000001), Sở Xây dựng, lives in X   fine 2.000.000  paid
 *   b  no_helmet  05/02/2026 07:30  An again (same ID), Sở Xây dựng, lives in X        fine 400.000    recorded
 *   c  phone      06/02/2026 10:00  Trần Thị Bình (no ID), Sở Xây dựng, school LQĐ    fine 800.000    paid, campaign
 *   d  phone      07/02/2026 16:00  "trần  thị bình" (same person), Sở Xây dựng       fine 900.000    recorded
 *   g  no_helmet  01/02/2026 00:30 (31/01 17:30 UTC)  Lò Văn Pản, school "trường thpt chuyên lê quý đôn", lives in X
 *   e  alcohol_1  25/01/2026 20:00  Sở Xây dựng                                       fine 2.500.000
 *   f  alcohol_1  30/01/2026 20:00  cancelled later
 *   h  no_helmet  31/01/2026 23:30  Sở Xây dựng
 * Campaign 01/02–10/02/2026 (10 days), focus alcohol_1 and no_helmet; the 10 days before: 22/01–31/01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import { readDocx } from '../reports/docx-reader.ts';
import { libreOfficeAvailable, NO_LIBREOFFICE_MESSAGE } from '../reports/review-docx.ts';

let t: TestContext;
let police: TestClient;
let construction: TestClient;
let office: TestClient;
let commune: TestClient;
let health: TestClient;
let sxd: number;
let communeX: string;
const ids: Record<string, number> = {};

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const audits = (action: string, entity: string) =>
  t.db.query<{ username: string; entity_id: string | null; before: unknown; after: unknown }>(
    'SELECT username, entity_id, before, after FROM audit_log WHERE action = $1 AND entity = $2 ORDER BY id',
    [action, entity],
  );

beforeAll(async () => {
  t = await createTestApp();
  // The figures below are worked out by hand on an empty register: leave out any demo enforcement data.
  await t.db.exec(
    'DELETE FROM patrol_campaign_tallies; DELETE FROM violations; DELETE FROM patrol_campaigns;',
  );
  police = await TestClient.loggedIn(t.app, 'congan');
  construction = await TestClient.loggedIn(t.app, 'xaydung');
  office = await TestClient.loggedIn(t.app, 'vanphong');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  health = await TestClient.loggedIn(t.app, 'capcuu');
  sxd = (await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'SXD'`))[0]!.id;
  communeX = (
    await t.db.query<{ id: string }>(
      `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
});
afterAll(() => t.close());

const base = (over: Record<string, unknown>) => ({
  vehicleType: 'motorbike',
  place: 'Km 45+200 QL4D',
  plate: '25-B1 123.45',
  ...over,
});

describe('patrol violations', () => {
  it('records one with the plate read, the fine range and points of the day', async () => {
    const res = await police.post<Record<string, unknown>>(
      '/api/v1/violations',
      base({
        typeCode: 'alcohol_1',
        occurredAt: '2026-02-03T21:00:00+07:00',
        plate: '25b1 12345',
        personName: 'Nguyễn Văn An',
        personIdNumber: '001088000001',
        personOrgUnitId: sxd,
        personAdminUnitId: communeX,
        adminUnitId: communeX,
        fineVnd: 2_000_000,
        status: 'paid',
        lat: 22.39,
        lon: 103.47,
        evidence: [{ sha256: 'ab'.repeat(32), url: 'https://camera.example/anh/1.jpg' }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      source: 'patrol',
      typeCode: 'alcohol_1',
      ruleSet: 'ND168-2024',
      occurredAt: expect.stringMatching(/^2026-02-03T14:00:00/),
      plate: '25B112345',
      plateDisplay: '25-B1 123.45',
      fineMin: 2_000_000,
      fineMax: 3_000_000,
      fineVnd: 2_000_000,
      points: 4,
      status: 'paid',
      personName: 'Nguyễn Văn An',
      personOrgUnitName: 'Sở Xây dựng',
      masked: false,
    });
    ids.a = res.body.id as number;
    const [log] = await audits('create', 'violation');
    expect(log).toMatchObject({ username: 'congan', entity_id: String(ids.a) });
    // No personal data in the audit, only that there is some.
    expect(JSON.stringify(log!.after)).not.toContain('Nguyễn');
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await count('violations');
    const auditsBefore = await count('audit_log');
    const res = await police.post<ErrorBody>(
      '/api/v1/violations',
      base({
        typeCode: 'no_helmet',
        occurredAt: '2026-02-05T07:30:00+07:00',
        plate: 'XYZ',
        fineVnd: 1_000_000,
        personOrgUnitId: 999_999,
        campaignId: 999_999,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'plate', message: 'Không nhận ra biển số "XYZ" (ví dụ: 29A-123.45, 29-B1 123.45).' },
      {
        path: 'fineVnd',
        message: 'Mức phạt phải từ 400.000 đến 600.000 đồng (ND168-2024, ngày 05/02/2026).',
      },
      { path: 'personOrgUnitId', message: 'Cơ quan, đơn vị công tác không tồn tại.' },
      { path: 'campaignId', message: 'Đợt cao điểm không tồn tại.' },
    ]);
    // A car does not commit "no helmet"; an old catalogue prices a 2024 fine.
    const car = await police.post<ErrorBody>(
      '/api/v1/violations',
      base({ typeCode: 'no_helmet', occurredAt: '2026-02-05T07:30:00+07:00', vehicleType: 'car' }),
    );
    expect(car.body.error.details.map((d) => d.path)).toEqual(['vehicleType']);
    const old = await police.post<ErrorBody>(
      '/api/v1/violations',
      base({ typeCode: 'red_light', occurredAt: '2024-06-01T08:00:00+07:00', fineVnd: 4_000_000 }),
    );
    expect(old.body.error.details).toEqual([
      {
        path: 'fineVnd',
        message: 'Mức phạt phải từ 800.000 đến 1.000.000 đồng (ND100-2019, ngày 01/06/2024).',
      },
    ]);
    const when = await police.post<ErrorBody>(
      '/api/v1/violations',
      base({ typeCode: 'no_helmet', occurredAt: '2026-02-05 07:30' }),
    );
    expect(when.body.error.details[0]!.path).toBe('occurredAt');
    const unknown = await police.post<ErrorBody>(
      '/api/v1/violations',
      base({ typeCode: 'flying', occurredAt: '2026-02-05T07:30:00+07:00' }),
    );
    expect(unknown.body.error.details[0]!.path).toBe('typeCode');
    expect(await count('violations')).toBe(before);
    expect(await count('audit_log')).toBe(auditsBefore);
  });

  it('only the police record violations', async () => {
    const body = base({ typeCode: 'no_helmet', occurredAt: '2026-02-05T07:30:00+07:00' });
    expect((await construction.post('/api/v1/violations', body)).status).toBe(403);
    expect((await office.post('/api/v1/violations', body)).status).toBe(403);
    expect((await commune.post('/api/v1/violations', body)).status).toBe(403);
  });

  it('records the rest of the month', async () => {
    const rows: [string, Record<string, unknown>][] = [
      [
        'b',
        {
          typeCode: 'no_helmet',
          occurredAt: '2026-02-05T07:30:00+07:00',
          personName: 'Nguyễn Văn An',
          personIdNumber: '001088000001',
          personOrgUnitId: sxd,
          personAdminUnitId: communeX,
          fineVnd: 400_000,
        },
      ],
      [
        'd',
        {
          typeCode: 'phone',
          occurredAt: '2026-02-07T16:00:00+07:00',
          personName: 'trần  thị bình',
          personOrgUnitId: sxd,
          fineVnd: 900_000,
        },
      ],
      [
        'g',
        {
          typeCode: 'no_helmet',
          occurredAt: '2026-02-01T00:30:00+07:00',
          personName: 'Lò Văn Pản',
          personIdNumber: '001099000002',
          personSchool: 'trường thpt  chuyên lê quý đôn',
          personAdminUnitId: communeX,
        },
      ],
      [
        'e',
        {
          typeCode: 'alcohol_1',
          occurredAt: '2026-01-25T20:00:00+07:00',
          personOrgUnitId: sxd,
          personName: 'Vàng A Dình',
          fineVnd: 2_500_000,
        },
      ],
      ['f', { typeCode: 'alcohol_1', occurredAt: '2026-01-30T20:00:00+07:00' }],
      [
        'h',
        {
          typeCode: 'no_helmet',
          occurredAt: '2026-01-31T23:30:00+07:00',
          personOrgUnitId: sxd,
          personName: 'Vàng A Dình',
        },
      ],
    ];
    for (const [key, body] of rows) {
      const res = await police.post<{ id: number }>('/api/v1/violations', base(body));
      expect(res.status, key).toBe(201);
      ids[key] = res.body.id;
    }
  });

  it('changes status and records the owner, audited; a cancelled violation stays cancelled', async () => {
    const res = await police.patch<Record<string, unknown>>(`/api/v1/violations/${ids.a}`, {
      ownerName: 'Nguyễn Văn An',
      ownerAddress: 'Tổ 5, phường Tân Phong, Lai Châu',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerName: 'Nguyễn Văn An', status: 'paid' });
    const cancel = await police.patch(`/api/v1/violations/${ids.f}`, { status: 'cancelled' });
    expect(cancel.status).toBe(200);
    const again = await police.patch<ErrorBody>(`/api/v1/violations/${ids.f}`, { status: 'paid' });
    expect(again.status).toBe(409);
    const updates = await audits('update', 'violation');
    expect(updates).toEqual([
      {
        username: 'congan',
        entity_id: String(ids.a),
        before: { status: 'paid' },
        after: { status: 'paid', ownerName: 'changed', ownerAddress: 'changed' },
      },
      {
        username: 'congan',
        entity_id: String(ids.f),
        before: { status: 'recorded' },
        after: { status: 'cancelled' },
      },
    ]);
    const empty = await police.patch<ErrorBody>(`/api/v1/violations/${ids.a}`, {});
    expect(empty.status).toBe(400);
    const bad = await police.patch<ErrorBody>(`/api/v1/violations/${ids.a}`, { status: 'lost' });
    expect(bad.body.error.details[0]!.path).toBe('status');
    expect((await construction.patch(`/api/v1/violations/${ids.a}`, { status: 'paid' })).status).toBe(403);
    expect((await police.patch('/api/v1/violations/999999', { status: 'paid' })).status).toBe(404);
  });

  it('writes the notice to the owner as Word, and audits it', async () => {
    const res = await police.download(`/api/v1/violations/${ids.a}/notice?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Thong-bao-vi-pham-${ids.a}.docx"`);
    const doc = await readDocx(res.bytes);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Về việc vi phạm trật tự, an toàn giao thông đường bộ');
    expect(doc.lines).toContain(`Số: ${ids.a}/TB-CSGT`);
    expect(doc.lines).toContain('CÔNG AN TỈNH LAI CHÂU');
    expect(text).toContain('Kính gửi: Nguyễn Văn An, địa chỉ: Tổ 5, phường Tân Phong, Lai Châu.');
    expect(text.some((p) => p.includes(`"TB ${ids.a}/TB-CSGT 25-B1 123.45"`))).toBe(true);
    const facts = Object.fromEntries(doc.tables[1]!.rows.slice(1).map((r) => [r[0], r[1]]));
    expect(facts).toMatchObject({
      'Biển số': '25-B1 123.45',
      'Thời gian vi phạm': '21 giờ 00 phút, ngày 03/02/2026',
      'Hành vi vi phạm': 'Nồng độ cồn mức 1 (chưa vượt 50 mg/100 ml máu hoặc 0,25 mg/l khí thở)',
      'Căn cứ': 'Nghị định 168/2024/NĐ-CP',
      'Mức phạt tiền theo quy định': 'Từ 2.000.000 đồng đến 3.000.000 đồng',
      'Mức phạt đã quyết định': '2.000.000 đồng',
      'Điểm trừ giấy phép lái xe': '4 điểm',
    });
    expect(facts['Địa điểm vi phạm']).toMatch(/^Km 45\+200 QL4D, .+ \(tọa độ 22\.39000, 103\.47000\)$/);
    expect(doc.tables[2]!.rows[1]).toEqual(['1', 'ab'.repeat(32), 'https://camera.example/anh/1.jpg']);
    expect(await audits('generate_notice', 'violation')).toEqual([
      { username: 'congan', entity_id: String(ids.a), before: null, after: { format: 'docx' } },
    ]);
    expect((await construction.download(`/api/v1/violations/${ids.a}/notice`)).status).toBe(403);
    expect((await police.download(`/api/v1/violations/${ids.f}/notice`)).status).toBe(409);
  });

  it('writes it as PDF through LibreOffice, or says why not', { timeout: 90_000 }, async () => {
    const res = await police.download(`/api/v1/violations/${ids.a}/notice?format=pdf`);
    if (await libreOfficeAvailable()) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(res.status).toBe(400);
      expect(JSON.parse(res.bytes.toString()).error.message).toBe(NO_LIBREOFFICE_MESSAGE);
    }
  });
});

describe('patrol campaigns', () => {
  let id: number;
  it('is created by the office, with field errors for bad input', async () => {
    const bad = await office.post<ErrorBody>('/api/v1/patrol-campaigns', {
      name: 'Cao điểm Tết',
      from: '2026-02-10',
      to: '2026-02-01',
      focus: ['alcohol_1'],
      leadOrgUnitId: 999_999,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['to', 'leadOrgUnitId']);
    expect(await count('patrol_campaigns')).toBe(0);
    const res = await office.post<{ id: number; previousPeriod: unknown }>('/api/v1/patrol-campaigns', {
      name: 'Cao điểm Tết',
      from: '2026-02-01',
      to: '2026-02-10',
      focus: ['alcohol_1', 'no_helmet'],
      forces: 'CSGT, Cảnh sát cơ động, Công an xã',
      leadOrgUnitId: (await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'CA'`))[0]!.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.previousPeriod).toEqual({ from: '2026-01-22', to: '2026-01-31' });
    id = res.body.id;
    expect(
      (
        await construction.post('/api/v1/patrol-campaigns', {
          name: 'x',
          from: '2026-01-01',
          to: '2026-01-02',
        })
      ).status,
    ).toBe(403);
    expect(
      (await commune.post('/api/v1/patrol-campaigns', { name: 'x', from: '2026-01-01', to: '2026-01-02' }))
        .status,
    ).toBe(403);
  });

  it('links a violation to it', async () => {
    const res = await police.post<{ id: number; campaignId: number }>(
      '/api/v1/violations',
      base({
        typeCode: 'phone',
        occurredAt: '2026-02-06T10:00:00+07:00',
        personName: 'Trần Thị Bình',
        personOrgUnitId: sxd,
        personSchool: 'Trường THPT Chuyên Lê Quý Đôn',
        fineVnd: 800_000,
        status: 'paid',
        campaignId: id,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.campaignId).toBe(id);
    ids.c = res.body.id;
  });

  it('upserts a day of hand tallies; bad days and repeated codes write nothing', async () => {
    const post = (client: TestClient, body: unknown) =>
      client.post<ErrorBody>(`/api/v1/patrol-campaigns/${id}/tallies`, body);
    expect(
      (
        await post(police, {
          day: '2026-02-03',
          rows: [
            { typeCode: 'alcohol_1', count: 5, finesVnd: 10_000_000 },
            { typeCode: 'no_helmet', count: 12, finesVnd: 4_800_000 },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(office, {
          day: '2026-02-03',
          rows: [{ typeCode: 'alcohol_1', count: 6, finesVnd: 12_000_000 }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post(police, {
          day: '2026-02-04',
          rows: [{ typeCode: 'no_helmet', count: 3, finesVnd: 1_200_000 }],
        })
      ).status,
    ).toBe(200);
    const before = await count('patrol_campaign_tallies');
    const outside = await post(police, { day: '2026-02-11', rows: [{ typeCode: 'no_helmet', count: 1 }] });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([
      { path: 'day', message: 'Ngày phải trong thời gian của đợt (01/02/2026 – 10/02/2026).' },
    ]);
    const twice = await post(police, {
      day: '2026-02-05',
      rows: [
        { typeCode: 'no_helmet', count: 1 },
        { typeCode: 'no_helmet', count: 2 },
      ],
    });
    expect(twice.body.error.details.map((d) => d.path)).toEqual(['rows.1.typeCode']);
    const negative = await post(police, { day: '2026-02-05', rows: [{ typeCode: 'no_helmet', count: -1 }] });
    expect(negative.body.error.details[0]!.path).toBe('rows.0.count');
    expect(await count('patrol_campaign_tallies')).toBe(before);
    expect(
      (await post(construction, { day: '2026-02-05', rows: [{ typeCode: 'no_helmet', count: 1 }] })).status,
    ).toBe(403);
    const tallyAudits = await audits('tally', 'patrol_campaign');
    expect(tallyAudits.map((a) => a.username)).toEqual(['congan', 'vanphong', 'congan']);
    expect(tallyAudits[1]!.before).toEqual({
      day: '2026-02-03',
      rows: [{ typeCode: 'alcohol_1', count: 5, finesVnd: 10_000_000 }],
    });
  });

  it('computes results = hand tallies + recorded violations, against the 10 days before', async () => {
    const res = await commune.get<{
      results: {
        rows: Record<string, unknown>[];
        total: Record<string, unknown>;
      };
      tallies: unknown[];
    }>(`/api/v1/patrol-campaigns/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.tallies).toEqual([
      { day: '2026-02-03', typeCode: 'alcohol_1', count: 6, finesVnd: 12_000_000 },
      { day: '2026-02-03', typeCode: 'no_helmet', count: 12, finesVnd: 4_800_000 },
      { day: '2026-02-04', typeCode: 'no_helmet', count: 3, finesVnd: 1_200_000 },
    ]);
    const pick = (r: Record<string, unknown>) => ({
      code: r.typeCode,
      focus: r.focus,
      hand: r.hand,
      recorded: r.recorded,
      total: r.total,
      previous: r.previous,
      percent: (r.comparison as { percent: number | null }).percent,
    });
    expect(res.body.results.rows.map(pick)).toEqual([
      // hand 6 (5 replaced by 6); recorded a (paid 2.000.000); before: e (f was cancelled)
      {
        code: 'alcohol_1',
        focus: true,
        hand: { count: 6, finesVnd: 12_000_000 },
        recorded: { count: 1, finesVnd: 2_000_000 },
        total: { count: 7, finesVnd: 14_000_000 },
        previous: 1,
        percent: 600,
      },
      // hand 12 + 3; recorded b (not paid) and g (00:30 on 1/2 local time); before: h (23:30 on 31/1)
      {
        code: 'no_helmet',
        focus: true,
        hand: { count: 15, finesVnd: 6_000_000 },
        recorded: { count: 2, finesVnd: 0 },
        total: { count: 17, finesVnd: 6_000_000 },
        previous: 1,
        percent: 1600,
      },
      // not a focus: only c, linked to the campaign (d is not); nothing before: no percent
      {
        code: 'phone',
        focus: false,
        hand: { count: 0, finesVnd: 0 },
        recorded: { count: 1, finesVnd: 800_000 },
        total: { count: 1, finesVnd: 800_000 },
        previous: 0,
        percent: null,
      },
    ]);
    expect(res.body.results.total).toEqual({
      hand: { count: 21, finesVnd: 18_000_000 },
      recorded: { count: 4, finesVnd: 2_800_000 },
      total: { count: 25, finesVnd: 20_800_000 },
      previous: 2,
      comparison: { current: 25, previous: 2, change: 23, percent: 1150, direction: 'up' },
    });
  });

  it('is edited with PUT, audited, and listed for every signed-in user', async () => {
    const res = await police.put<{ focus: string[]; results: { rows: unknown[] } }>(
      `/api/v1/patrol-campaigns/${id}`,
      {
        name: 'Cao điểm Tết Bính Ngọ 2026',
        from: '2026-02-01',
        to: '2026-02-10',
        focus: ['alcohol_1', 'no_helmet', 'alcohol_1'],
        forces: null,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.focus).toEqual(['alcohol_1', 'no_helmet']);
    const [log] = await audits('update', 'patrol_campaign');
    expect(log).toMatchObject({
      username: 'congan',
      before: { name: 'Cao điểm Tết', forces: 'CSGT, Cảnh sát cơ động, Công an xã' },
      after: { name: 'Cao điểm Tết Bính Ngọ 2026', forces: null, leadOrgUnitId: null },
    });
    const list = await health.get<{ total: number; items: { name: string }[] }>(
      '/api/v1/patrol-campaigns?year=2026',
    );
    expect(list.body).toMatchObject({ total: 1, items: [{ name: 'Cao điểm Tết Bính Ngọ 2026' }] });
    expect((await health.get('/api/v1/patrol-campaigns?year=2025')).body).toMatchObject({ total: 0 });
    expect((await office.get('/api/v1/patrol-campaigns/999999')).status).toBe(404);
  });
});

describe('notices to units', () => {
  it('counts violators per workplace, school and commune of residence in the month', async () => {
    const res = await office.get<{
      orgUnits: { id: number; name: string; violators: number; violations: number }[];
      schools: unknown[];
      communes: { id: string; violators: number; violations: number }[];
      label: string;
    }>('/api/v1/unit-notices?month=2026-02');
    expect(res.status).toBe(200);
    expect(res.body.label).toBe('Tháng 2/2026');
    // Sở Xây dựng: a, b (An, by ID), c, d (Bình, by name) — e and h are in January.
    expect(res.body.orgUnits).toEqual([{ id: sxd, name: 'Sở Xây dựng', violators: 2, violations: 4 }]);
    // c and g: the school written two ways is one school, two people.
    expect(res.body.schools).toEqual([
      { name: 'Trường THPT Chuyên Lê Quý Đôn', violators: 2, violations: 2 },
    ]);
    // a, b (An) and g (Pản).
    expect(res.body.communes).toEqual([
      expect.objectContaining({ id: communeX, violators: 2, violations: 3 }),
    ]);
    // January: e and h are one person (same name), f cancelled and without a person.
    const jan = await office.get<{ orgUnits: unknown[] }>('/api/v1/unit-notices?month=2026-01');
    expect(jan.body.orgUnits).toEqual([{ id: sxd, name: 'Sở Xây dựng', violators: 1, violations: 2 }]);
    expect((await office.get<ErrorBody>('/api/v1/unit-notices?month=2026-13')).status).toBe(400);
  });

  it("lists a unit's people: masked for others, in full for the police and the unit itself", async () => {
    const url = `/api/v1/unit-notices/${sxd}?month=2026-02`;
    type List = {
      masked: boolean;
      violators: number;
      violations: number;
      items: { personName: string; typeCode: string }[];
    };
    const masked = await office.get<List>(url);
    expect(masked.body).toMatchObject({ masked: true, violators: 2, violations: 4 });
    expect(masked.body.items.map((i) => [i.personName, i.typeCode])).toEqual([
      ['Nguyễn V. A.', 'alcohol_1'],
      ['Nguyễn V. A.', 'no_helmet'],
      ['Trần T. B.', 'phone'],
      ['trần t. b.', 'phone'],
    ]);
    const own = await construction.get<List>(url);
    expect(own.body.masked).toBe(false);
    expect(own.body.items[0]!.personName).toBe('Nguyễn Văn An');
    const byPolice = await police.get<List>(url);
    expect(byPolice.body.masked).toBe(false);
    expect((await health.get<List>(url)).body.masked).toBe(true);
    const reads = (await audits('read_personal', 'violation')).map((r) => r.username);
    expect(reads).toEqual(['xaydung', 'congan']);
    expect((await office.get('/api/v1/unit-notices/999999?month=2026-02')).status).toBe(404);
  });

  it('writes the notice document to the unit for the police and the unit itself', async () => {
    const res = await police.download(`/api/v1/unit-notices/${sxd}/document?month=2026-02&format=docx`);
    expect(res.status).toBe(200);
    const doc = await readDocx(res.bytes);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain(
      'Danh sách cán bộ, công chức, viên chức, người lao động của Sở Xây dựng vi phạm trật tự, an toàn giao thông tháng 2/2026',
    );
    expect(text).toContain('Kính gửi: Sở Xây dựng.');
    expect(
      text.some((p) => p.includes('đã phát hiện, xử lý 2 cán bộ') && p.includes('với 4 lượt vi phạm')),
    ).toBe(true);
    expect(text.some((p) => p.includes('bình xét thi đua, khen thưởng năm 2026'))).toBe(true);
    const table = doc.tables[1]!.rows;
    expect(table[0]).toEqual([
      'TT',
      'Họ và tên',
      'Thời gian',
      'Hành vi vi phạm',
      'Biển số',
      'Mức phạt (đồng)',
    ]);
    expect(table.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['1', 'Nguyễn Văn An', '03/02/2026', '2.000.000'],
      ['2', 'Nguyễn Văn An', '05/02/2026', '400.000'],
      ['3', 'Trần Thị Bình', '06/02/2026', '800.000'],
      ['4', 'trần  thị bình', '07/02/2026', '900.000'],
    ]);
    expect((await construction.download(`/api/v1/unit-notices/${sxd}/document?month=2026-02`)).status).toBe(
      200,
    );
    expect((await health.download(`/api/v1/unit-notices/${sxd}/document?month=2026-02`)).status).toBe(403);
    const logs = await audits('generate_notice', 'unit_notice');
    expect(logs.map((l) => [l.username, l.entity_id])).toEqual([
      ['congan', String(sxd)],
      ['xaydung', String(sxd)],
    ]);
  });
});

describe('violation statistics', () => {
  it('compares by group and type with the 10 days before, crashes of the related cause beside', async () => {
    type Cmp = { current: number; previous: number; change: number; percent: number | null };
    const res = await office.get<{
      previous: { from: string; to: string };
      total: Cmp;
      groups: { group: string; comparison: Cmp; types: { typeCode: string; comparison: Cmp }[] }[];
      crashCauses: { cause: string; violationCodes: string[]; violations: Cmp; crashes: Cmp }[];
    }>('/api/v1/violation-stats?from=2026-02-01&to=2026-02-10');
    expect(res.status).toBe(200);
    expect(res.body.previous).toEqual({ from: '2026-01-22', to: '2026-01-31' });
    // now: a, b, c, d, g; before: e, h (f cancelled)
    expect(res.body.total).toMatchObject({ current: 5, previous: 2, change: 3, percent: 150 });
    const group = (g: string) => res.body.groups.find((x) => x.group === g)!;
    expect(group('alcohol_drugs').comparison).toMatchObject({
      current: 1,
      previous: 1,
      change: 0,
      percent: 0,
    });
    expect(group('protective').comparison).toMatchObject({ current: 2, previous: 1, percent: 100 });
    expect(group('phone').comparison).toMatchObject({ current: 2, previous: 0, percent: null });
    expect(group('speed').comparison).toMatchObject({ current: 0, previous: 0 });
    expect(group('alcohol_drugs').types.map((x) => x.typeCode)).toEqual([
      'alcohol_1',
      'alcohol_2',
      'alcohol_3',
      'drugs',
    ]);
    const alcohol = res.body.crashCauses.find((c) => c.cause === 'alcohol')!;
    expect(alcohol.violationCodes).toEqual(['alcohol_1', 'alcohol_2', 'alcohol_3', 'drugs']);
    expect(alcohol.violations).toMatchObject({ current: 1, previous: 1 });
    // Crashes of the same cause, counted straight from the records (verified, not merged, local days).
    const crashes = async (from: string, to: string) =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM crashes
            WHERE cause = 'alcohol' AND verified AND merged_into IS NULL
              AND (occurred_at AT TIME ZONE 'UTC' + interval '7 hours')::date BETWEEN $1::date AND $2::date`,
          [from, to],
        )
      )[0]!.n;
    expect(alcohol.crashes).toMatchObject({
      current: await crashes('2026-02-01', '2026-02-10'),
      previous: await crashes('2026-01-22', '2026-01-31'),
    });
    const bad = await office.get<ErrorBody>('/api/v1/violation-stats?from=2026-02-10&to=2026-02-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]!.path).toBe('to');
  });
});

describe('OpenAPI', () => {
  it('documents the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/patrol-campaigns/{id}/tallies',
      '/api/v1/violations/{id}/notice',
      '/api/v1/unit-notices/{id}/document',
      '/api/v1/violation-stats',
    ])
      expect(paths).toContain(p);
  });
});
