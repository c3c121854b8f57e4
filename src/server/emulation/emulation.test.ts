/**
 * Seed 003 end to end: the campaign "Bảo đảm trật tự An toàn giao thông năm 2023" of Tam Đường district,
 * with the template's criteria (seed 003's aims computed from the records, its content items assessed by hand),
 * four participants, their 2022 and 2023 records written here, and the ranking worked out by hand.
 *
 * Participants: three communes of the old district — A = Bình Lư, B = Bản Hon, C = Sơn Bình — and
 * P = Phòng Kinh tế và Hạ tầng (the district's office of the committee; no area of its own, so it is scored on
 * the district's crashes).
 *
 *                       2022 (crashes/deaths/injured/alcohol)   2023                        very serious 2023
 *   A Bình Lư           10 / 4 / 8 / 2                          9 / 3 / 8 / 1               0
 *   B Bản Hon            5 / 2 / 6 / 0                          4 / 1 / 3 / 0               0
 *   C Sơn Bình           2 / 1 / 3 / 0                          3 / 3 / 3 / 0               1 (3 deaths)
 *   district (P)        17 / 7 / 17 / 2                        16 / 7 / 14 / 1              1
 *
 * Points (template: change −10 % or better = full, 0 % = 0; none in both years = full; very serious 0 = full):
 *   A: 1.1 −10,0 % → 10; 1.2 −25,0 % → 10; 1.3 0 % → 0; 1.4 −50 % → 5; 1.5 → 5                   I = 30
 *      tasks 3/4 on time = 75 % → 11,25; reports 2/2 → 10; 12 sessions → 10; 1 violator → 4;
 *      by hand 5 + 5 + 4 + 4 = 18, the office lowers 4.1 to 4 (with a reason) → 17     total 82,25
 *   B: 1.1 −20 % → 10; 1.2 −50 % → 10; 1.3 −50 % → 10; 1.4 none in both → 5; 1.5 → 5              I = 40
 *      tasks 2/2 → 15; reports 2/2 → 10; 6 sessions → 5; 0 violators → 5; by hand 20             total 95
 *   C: 1.1 +50 % → 0; 1.2 +200 % → 0; 1.3 0 % → 0; 1.4 none in both → 5; 1.5 one → 0              I = 5
 *      no task due → 15; reports 1/2 (one late) → 5; 3 sessions → 2,5; 2 violators → 3; by hand 14
 *                                                                                               total 44,5
 *   P: 1.1 −5,9 % → 5,9; 1.2 0 % → 0; 1.3 −17,6 % → 10; 1.4 −50 % → 5; 1.5 → 0                     I = 20,9
 *      tasks 5/5 → 15; reports 0/2 (one late, one never sent) → 0; no session → 0; 0 violators → 5;
 *      by hand 20 (sent, not reviewed)                                                          total 60,9
 * Ranking: B 95 (1, Hoàn thành xuất sắc), A 82,25 (2, Hoàn thành tốt), P 60,9 (3, Hoàn thành),
 * C 44,5 (4, Không hoàn thành). Suggested awards: B the emulation flag (≥ 95, no very serious crash),
 * A the committee's certificate (≥ 80); P none (not reviewed); C none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { defaultAwardLevels, trafficOrderCriteria } from '../../domain/emulation/criteria.ts';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import { readDocx } from '../reports/docx-reader.ts';
import type * as s from './schemas.ts';

type Assessment = z.infer<typeof s.assessment>;
type Detail = z.infer<typeof s.campaignDetail>;
type Ranking = z.infer<typeof s.ranking>;

let t: TestContext;
let office: TestClient;
let commune: TestClient;
let agency: TestClient;
const unit: Record<'A' | 'B' | 'C' | 'P', number> = { A: 0, B: 0, C: 0, P: 0 };
const area: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
let campaignId = 0;

const PDF = Buffer.from('%PDF-1.4\n% minh chứng\n%%EOF\n').toString('base64');
const MANUAL = ['4.1', '4.2', '4.3', '4.4'];

async function crashes(
  adminUnitId: string,
  year: number,
  rows: [deaths: number, injured: number, alcohol: boolean, severity?: string][],
) {
  for (const [i, [deaths, injured, alcohol, severity]] of rows.entries())
    await t.db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, deaths, injured, alcohol, severity, verified)
       VALUES ($1, $2, $3, $4, $5, $6, true)`,
      [
        `${year}-0${(i % 9) + 1}-10T03:00:00Z`,
        adminUnitId,
        deaths,
        injured,
        alcohol,
        severity ?? 'it_nghiem_trong',
      ],
    );
}

/** Lead assignments of a 2023 plan with occurrences: [due, done or null]. */
async function occurrences(orgUnitId: number, list: [string, string | null][]) {
  const [plan] = await t.db.query<{ id: number }>(
    `INSERT INTO plans (number, issued_on, issuing_body, title) VALUES ($1, '2023-01-18', 'UBND huyện Tam Đường', 'Kế hoạch năm ATGT 2023')
     ON CONFLICT (number, issued_on) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
    ['60/KH-UBND'],
  );
  const [task] = await t.db.query<{ id: number }>(
    `INSERT INTO plan_tasks (plan_id, kind, number, path, position, title)
     VALUES ($1, 'task', $2, $2, $3, 'Kiểm tra, đôn đốc thực hiện Kết luận 45-KL/TW') RETURNING id`,
    [plan!.id, String(orgUnitId), orgUnitId],
  );
  const [assignment] = await t.db.query<{ id: number }>(
    `INSERT INTO task_assignments (task_id, org_unit_id, role, is_primary) VALUES ($1, $2, 'lead', true) RETURNING id`,
    [task!.id, orgUnitId],
  );
  for (const [due, done] of list)
    await t.db.query(
      `INSERT INTO task_occurrences (assignment_id, due_on, label, source, done_on) VALUES ($1, $2, $3, 'recurrence', $4)`,
      [assignment!.id, due, `Hạn ${due}`, done],
    );
}

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  agency = await TestClient.loggedIn(t.app, 'xaydung');
  // The figures are worked out by hand: no demo crash before 2024, and none of the demo's campaigns.
  await t.db.exec('DELETE FROM emulation_campaigns');
  await t.db.exec(`UPDATE crashes SET merged_into = NULL WHERE merged_into IN (SELECT id FROM crashes WHERE occurred_at < '2024-01-01');
                   DELETE FROM crashes WHERE occurred_at < '2024-01-01';`);
  for (const [key, name] of [
    ['A', 'Bình Lư'],
    ['B', 'Bản Hon'],
    ['C', 'Sơn Bình'],
  ] as const) {
    const [row] = await t.db.query<{ id: string; orgUnitId: number }>(
      `SELECT a.id, o.id AS "orgUnitId" FROM admin_units a JOIN org_units o ON o.admin_unit_id = a.id AND o.kind = 'locality'
        WHERE a.parent_id = 'LC-TD' AND a.name = $1`,
      [name],
    );
    area[key] = row!.id;
    unit[key] = row!.orgUnitId;
  }
  const [p] = await t.db.query<{ id: number }>(
    `INSERT INTO org_units (code, name, kind, valid_from, valid_to)
     VALUES ('KTHT-TD', 'Phòng Kinh tế và Hạ tầng huyện Tam Đường', 'agency', '2004-01-01', '2025-06-30') RETURNING id`,
  );
  unit.P = p!.id;

  await crashes(area.A, 2022, [
    [1, 1, true],
    [1, 1, true],
    [1, 1, false],
    [1, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 0, false],
    [0, 0, false],
  ]);
  await crashes(area.A, 2023, [
    [1, 1, true],
    [1, 1, false],
    [1, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 0, false],
  ]);
  await crashes(area.B, 2022, [
    [1, 2, false],
    [1, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 1, false],
  ]);
  await crashes(area.B, 2023, [
    [1, 1, false],
    [0, 1, false],
    [0, 1, false],
    [0, 0, false],
  ]);
  await crashes(area.C, 2022, [
    [1, 1, false],
    [0, 2, false],
  ]);
  await crashes(area.C, 2023, [
    [3, 0, false, 'dac_biet_nghiem_trong'],
    [0, 2, false],
    [0, 1, false],
  ]);
  // Unverified reports and duplicates do not count.
  await t.db.query(
    `INSERT INTO crashes (occurred_at, admin_unit_id, deaths, injured, verified) VALUES ('2023-05-05T03:00:00Z', $1, 2, 2, false)`,
    [area.B],
  );

  await occurrences(unit.A, [
    ['2023-03-31', '2023-03-30'],
    ['2023-06-30', '2023-06-30'],
    ['2023-09-30', '2023-09-29'],
    ['2023-12-31', null],
  ]);
  await occurrences(unit.B, [
    ['2023-06-30', '2023-06-01'],
    ['2023-12-31', '2023-12-20'],
  ]);
  await occurrences(unit.P, [
    ['2023-02-28', '2023-02-01'],
    ['2023-05-31', '2023-05-30'],
    ['2023-08-31', '2023-08-31'],
    ['2023-10-31', '2023-10-01'],
    ['2023-12-15', '2023-12-15'],
  ]);
  // A task due after the period does not count.
  await occurrences(unit.C, [['2024-03-31', null]]);

  // Two ad-hoc reports of 2023, due 20/6 and 20/12, from the four units.
  const [form] = await t.db.query<{ id: number }>('SELECT id FROM report_forms ORDER BY id LIMIT 1');
  const sent: Record<string, [string | null, string | null]> = {
    A: ['2023-06-19T02:00:00Z', '2023-12-19T02:00:00Z'],
    B: ['2023-06-20T09:00:00Z', '2023-12-01T02:00:00Z'],
    C: ['2023-06-10T02:00:00Z', '2023-12-22T02:00:00Z'],
    P: ['2023-06-25T02:00:00Z', null],
  };
  for (const [i, due] of ['2023-06-20', '2023-12-20'].entries()) {
    const [schedule] = await t.db.query<{ id: number }>(
      `INSERT INTO report_schedules (form_id, title, kind, year, period_from, period_to, due_on)
       VALUES ($1, $2, 'adhoc', 2023, $3, $4, $4) RETURNING id`,
      [form!.id, `Báo cáo kết quả phong trào thi đua ${i + 1}`, i === 0 ? '2023-01-01' : '2023-06-21', due],
    );
    for (const key of ['A', 'B', 'C', 'P'] as const) {
      await t.db.query('INSERT INTO report_schedule_units (schedule_id, org_unit_id) VALUES ($1, $2)', [
        schedule!.id,
        unit[key],
      ]);
      const at = sent[key]![i];
      if (at)
        await t.db.query(
          `INSERT INTO report_submissions (schedule_id, period_key, org_unit_id, form_version, status, first_submitted_at, submitted_at)
           VALUES ($1, 'ADHOC', $2, 1, 'submitted', $3, $3)`,
          [schedule!.id, unit[key], at],
        );
    }
  }

  // Propaganda sessions: A 12, B 6, C 3 (one of C's in 2022 does not count).
  for (const [key, n] of [
    ['A', 12],
    ['B', 6],
    ['C', 3],
  ] as const)
    for (let i = 0; i < n; i++)
      await t.db.query(
        `INSERT INTO propaganda_sessions (held_on, org_unit_id, place, topic, audiences, channel, participants)
         VALUES ($1, $2, 'Nhà văn hóa bản', 'Đội mũ bảo hiểm', '{residents}', 'meeting', 40)`,
        [`2023-${String((i % 12) + 1).padStart(2, '0')}-15`, unit[key]],
      );
  await t.db.query(
    `INSERT INTO propaganda_sessions (held_on, org_unit_id, place, topic, audiences, channel, participants)
     VALUES ('2022-11-15', $1, 'Trường học', 'ATGT', '{students}', 'school', 100)`,
    [unit.C],
  );

  // Staff among violators: A one person (twice); C two people (one of them twice, written two ways).
  const violation = (orgUnitId: number, at: string, name: string, idNumber: string | null) =>
    t.db.query(
      `INSERT INTO violations (source, type_code, rule_set, occurred_at, person_name, person_id_number, person_org_unit_id)
       VALUES ('patrol', 'no_helmet', 'ND100-2019', $1, $2, $3, $4)`,
      [at, name, idNumber, orgUnitId],
    );
  await violation(unit.A, '2023-03-01T01:00:00Z', 'Lò Văn Pản', '012345678901');
  await violation(unit.A, '2023-04-01T01:00:00Z', 'Lò Văn Pản', '012345678901');
  await violation(unit.C, '2023-05-01T01:00:00Z', 'Tao Thị Mai', null);
  await violation(unit.C, '2023-06-01T01:00:00Z', 'tao  thị mai', null);
  await violation(unit.C, '2023-07-01T01:00:00Z', 'Vàng A Sử', null);
  await violation(unit.B, '2022-07-01T01:00:00Z', 'Vàng A Dình', null);
});
afterAll(() => t.close());

const input = (over: Record<string, unknown> = {}) => ({
  name: 'Phong trào thi đua "Bảo đảm trật tự An toàn giao thông năm 2023" trên địa bàn huyện Tam Đường',
  documentNumber: null,
  issuingBody: 'Ban An toàn giao thông huyện Tam Đường',
  areaAdminUnitId: 'LC-TD',
  from: '2023-01-01',
  to: '2023-12-31',
  selfAssessmentDue: '2023-12-20',
  criteria: trafficOrderCriteria(),
  // The usual levels; a district campaign's own certificate is the district committee's.
  awardLevels: defaultAwardLevels().map((l) =>
    l.code === 'giay_khen' ? { ...l, title: 'Giấy khen của Trưởng Ban ATGT huyện' } : l,
  ),
  participantIds: [unit.A, unit.B, unit.C, unit.P],
  ...over,
});

const url = (key: keyof typeof unit, tail = '') =>
  `/api/v1/emulation-campaigns/${campaignId}/units/${unit[key]}${tail}`;
const pointsOf = (a: Assessment) => Object.fromEntries(a.rows.map((r) => [r.code, r.finalPoints]));

async function selfAssess(client: TestClient, key: keyof typeof unit, points: number[]) {
  for (const code of MANUAL) {
    const res = await client.post(url(key, '/evidence'), {
      criterionCode: code,
      fileName: `minh-chung-${code}.pdf`,
      contentBase64: PDF,
    });
    expect(res.status).toBe(201);
  }
  const saved = await client.put<Assessment>(url(key, '/self'), {
    scores: MANUAL.map((code, i) => ({ code, points: points[i], comment: 'Có hồ sơ kèm theo' })),
    comment: 'Đơn vị hoàn thành các nhiệm vụ của phong trào',
  });
  expect(saved.status).toBe(200);
  const sent = await client.post<Assessment>(url(key, '/submit'), {});
  expect(sent.status).toBe(200);
  expect(sent.body.status).toBe('submitted');
  return sent.body;
}

describe('seed 003: the 2023 campaign of Tam Đường, end to end', () => {
  it('creates the campaign with seed 003 criteria (100 points), refusing a broken tree first', async () => {
    const broken = await office.post<ErrorBody>('/api/v1/emulation-campaigns', {
      ...input(),
      criteria: [
        {
          code: 'I',
          title: 'Kết quả',
          children: [
            { code: '1.1', title: 'Giảm số vụ', maxPoints: 10, kind: 'computed', appliesTo: 'all' },
            {
              code: '1.1',
              title: 'Trùng mã',
              maxPoints: 5,
              kind: 'manual',
              appliesTo: 'all',
              metric: 'crashes_change',
            },
          ],
        },
      ],
      participantIds: [unit.A, 999999],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'criteria.0.children.0.metric', message: 'Tiêu chí tính từ dữ liệu cần chọn chỉ số' },
        { path: 'criteria.0.children.1.code', message: 'Mã "1.1" bị trùng' },
        { path: 'criteria.0.children.1.metric', message: 'Tiêu chí chấm tay không có chỉ số' },
        { path: 'participantIds.1', message: 'Không có đơn vị mã 999999' },
      ]),
    );
    expect((await t.db.query('SELECT 1 FROM emulation_campaigns')).length).toBe(0);

    expect((await agency.post('/api/v1/emulation-campaigns', input())).status).toBe(403);
    const created = await office.post<Detail>('/api/v1/emulation-campaigns', input());
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    expect(created.body.maxTotal).toBe(100);
    expect(created.body.status).toBe('draft');
    expect(created.body.baseline).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(created.body.participantList.map((p) => p.areaName).sort()).toEqual(
      ['Bản Hon', 'Bình Lư', 'Sơn Bình', 'Tam Đường'].sort(),
    );
  });

  it('opens self-assessment and computes every data criterion from the records', async () => {
    const locked = await commune.get<Assessment>(url('A'));
    expect(locked.body.maySelfAssess).toBe(false);
    expect(locked.body.lockedReason).toBe('Phong trào chưa mở tự chấm điểm.');
    const opened = await office.post<Detail>(`/api/v1/emulation-campaigns/${campaignId}/status`, {
      status: 'self_assessment',
    });
    expect(opened.status).toBe(200);
    expect(opened.body.computedAt).not.toBeNull();

    const a = (await commune.get<Assessment>(url('A'))).body;
    expect(a.maySelfAssess).toBe(true);
    expect(pointsOf(a)).toMatchObject({
      '1.1': 10,
      '1.2': 10,
      '1.3': 0,
      '1.4': 5,
      '1.5': 5,
      '2.1': 11.25,
      '2.2': 10,
      '3.1': 10,
      '3.2': 4,
    });
    const row = (code: string) => a.rows.find((r) => r.code === code)!;
    expect(row('1.1').computed?.explanation).toBe('Kỳ này 9 vụ, cùng kỳ 10 vụ: giảm 10,0 %');
    expect(row('2.1').computed?.explanation).toBe('3/4 nhiệm vụ đúng hạn (75,0 %)');
    expect(row('3.2').computed?.explanation).toBe('1 cán bộ, nhân viên vi phạm');

    const b = (await office.get<Assessment>(url('B'))).body;
    expect(pointsOf(b)).toMatchObject({
      '1.1': 10,
      '1.2': 10,
      '1.3': 10,
      '1.4': 5,
      '1.5': 5,
      '2.1': 15,
      '2.2': 10,
      '3.1': 5,
      '3.2': 5,
    });
    expect(b.rows.find((r) => r.code === '1.4')!.computed?.explanation).toBe(
      'Không có vụ do rượu, bia ở cả kỳ này và cùng kỳ',
    );
    const c = (await office.get<Assessment>(url('C'))).body;
    expect(pointsOf(c)).toMatchObject({
      '1.1': 0,
      '1.2': 0,
      '1.3': 0,
      '1.4': 5,
      '1.5': 0,
      '2.1': 15,
      '2.2': 5,
      '3.1': 2.5,
      '3.2': 3,
    });
    const p = (await office.get<Assessment>(url('P'))).body;
    expect(pointsOf(p)).toMatchObject({
      '1.1': 5.9,
      '1.2': 0,
      '1.3': 10,
      '1.4': 5,
      '1.5': 0,
      '2.1': 15,
      '2.2': 0,
      '3.1': 0,
      '3.2': 5,
    });
    expect(p.rows.find((r) => r.code === '1.1')!.computed?.explanation).toBe(
      'Kỳ này 16 vụ, cùng kỳ 17 vụ: giảm 5,9 %',
    );
    expect(p.areaName).toBe('Tam Đường');
  });

  it('keeps the unit to its own manual criteria, with evidence, before it can send', async () => {
    const other = await agency.put<ErrorBody>(url('A', '/self'), { scores: [{ code: '4.1', points: 5 }] });
    expect(other.status).toBe(403);
    const computed = await commune.put<ErrorBody>(url('A', '/self'), {
      scores: [
        { code: '1.3', points: 10 },
        { code: '4.1', points: 6 },
        { code: '9.9', points: 1 },
      ],
    });
    expect(computed.status).toBe(400);
    expect(computed.body.error.details).toEqual([
      { path: 'scores.0.points', message: 'Tiêu chí 1.3 được tính từ dữ liệu, đơn vị không tự chấm' },
      { path: 'scores.1.points', message: 'Điểm tiêu chí 4.1 tối đa 5' },
      { path: 'scores.2.code', message: 'Không có tiêu chí "9.9"' },
    ]);
    const early = await commune.post<ErrorBody>(url('A', '/submit'), {});
    expect(early.status).toBe(400);
    expect(early.body.error.details).toContainEqual({
      path: '4.1.points',
      message: 'Tiêu chí 4.1 chưa chấm điểm',
    });
    expect(early.body.error.details).toContainEqual({
      path: '4.1.evidence',
      message: 'Tiêu chí 4.1 cần tệp minh chứng',
    });
    const gif = await commune.post<ErrorBody>(url('A', '/evidence'), {
      criterionCode: '4.1',
      fileName: 'anh.gif',
      contentBase64: Buffer.from('GIF89a....').toString('base64'),
    });
    expect(gif.status).toBe(415);
    const onComputed = await commune.post<ErrorBody>(url('A', '/evidence'), {
      criterionCode: '1.1',
      fileName: 'a.pdf',
      contentBase64: PDF,
    });
    expect(onComputed.status).toBe(400);
    expect((await t.db.query('SELECT 1 FROM emulation_evidence')).length).toBe(0);

    const a = await selfAssess(commune, 'A', [5, 5, 4, 4]);
    expect(a.totals).toEqual({ earned: 83.25, max: 100, score: 83.25 });
    expect(a.maySelfAssess).toBe(false);
    expect(a.lockedReason).toMatch(/^Đơn vị đã gửi kết quả tự chấm ngày \d\d\/\d\d\/\d{4}/);
    const evidence = a.rows.find((r) => r.code === '4.1')!.evidence[0]!;
    const file = await office.download(`/api/v1/emulation-evidence/${evidence.id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.bytes.toString('base64')).toBe(PDF);
    // Sent: the unit can no longer change it.
    expect((await commune.put(url('A', '/self'), { scores: [{ code: '4.1', points: 1 }] })).status).toBe(409);

    await selfAssess(office, 'B', [5, 5, 5, 5]);
    await selfAssess(office, 'C', [4, 4, 3, 3]);
    await selfAssess(office, 'P', [5, 5, 5, 5]);
  });

  it('reviews: a changed score needs a reason and is audited', async () => {
    expect((await commune.put(url('A', '/review'), { scores: [], done: true })).status).toBe(403);
    const silent = await office.put<ErrorBody>(url('A', '/review'), {
      scores: [{ code: '4.1', points: 4 }],
      done: true,
    });
    expect(silent.status).toBe(400);
    expect(silent.body.error.details).toEqual([
      { path: 'scores.0.comment', message: 'Cần ghi lý do khi thay đổi điểm tiêu chí 4.1 (5 → 4)' },
    ]);
    const reviewed = await office.put<Assessment>(url('A', '/review'), {
      scores: [{ code: '4.1', points: 4, comment: 'Chưa có biên bản kiểm tra quý IV' }],
      done: true,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('reviewed');
    expect(reviewed.body.totals.score).toBe(82.25);
    const row = reviewed.body.rows.find((r) => r.code === '4.1')!;
    expect(row.review).toMatchObject({ points: 4, comment: 'Chưa có biên bản kiểm tra quý IV' });
    const audits = await t.db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'review_score' AND entity_id = $1`,
      [`${campaignId}/${unit.A}`],
    );
    expect(audits).toEqual([
      {
        before: { code: '4.1', points: 5 },
        after: { code: '4.1', points: 4, comment: 'Chưa có biên bản kiểm tra quý IV' },
      },
    ]);
    for (const key of ['B', 'C'] as const)
      expect(
        (await office.put<Assessment>(url(key, '/review'), { scores: [], done: true })).body.status,
      ).toBe('reviewed');
  });

  it('ranks the four units as worked out by hand and suggests the awards', async () => {
    const r = (await office.get<Ranking>(`/api/v1/emulation-campaigns/${campaignId}/ranking`)).body;
    expect(r.rows.map((x) => [x.rank, x.orgUnitId, x.score, x.classification, x.suggestedLevel])).toEqual([
      [1, unit.B, 95, 'Hoàn thành xuất sắc', 'co_thi_dua'],
      [2, unit.A, 82.25, 'Hoàn thành tốt', 'giay_khen'],
      [3, unit.P, 60.9, 'Hoàn thành', null],
      [4, unit.C, 44.5, 'Không hoàn thành', null],
    ]);
  });

  it('refuses award proposals that break the rules, then keeps a valid list and writes its documents', async () => {
    const campaignUrl = `/api/v1/emulation-campaigns/${campaignId}`;
    const early = await office.put<ErrorBody>(`${campaignUrl}/awards`, { items: [] });
    expect(early.status).toBe(409);
    expect((await office.post(`${campaignUrl}/status`, { status: 'review' })).status).toBe(200);
    const changed = await office.put<ErrorBody>(campaignUrl, { ...input(), participantIds: [unit.A] });
    expect(changed.status).toBe(409);

    const wrong = await office.put<ErrorBody>(`${campaignUrl}/awards`, {
      items: [
        { orgUnitId: unit.A, levelCode: 'bang_khen' },
        { orgUnitId: unit.P, levelCode: 'giay_khen' },
        { orgUnitId: unit.C, levelCode: 'khac' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([
      {
        path: 'items.0.levelCode',
        message: expect.stringMatching(
          /Bình Lư đạt 82,25 điểm, chưa đủ 90 điểm để đề nghị Bằng khen của Chủ tịch UBND tỉnh$/,
        ),
      },
      {
        path: 'items.1.orgUnitId',
        message: 'Phòng Kinh tế và Hạ tầng huyện Tam Đường chưa được thẩm định kết quả chấm điểm',
      },
      {
        path: 'items.1.levelCode',
        message:
          'Phòng Kinh tế và Hạ tầng huyện Tam Đường đạt 60,9 điểm, chưa đủ 80 điểm để đề nghị Giấy khen của Trưởng Ban ATGT huyện',
      },
      { path: 'items.2.levelCode', message: 'Hình thức khen thưởng không có trong phong trào' },
    ]);
    expect((await t.db.query('SELECT 1 FROM emulation_awards')).length).toBe(0);

    const saved = await office.put<Ranking>(`${campaignUrl}/awards`, {
      items: [
        { orgUnitId: unit.B, levelCode: 'co_thi_dua', achievement: 'Giảm cả ba tiêu chí trên 20 %' },
        { orgUnitId: unit.A, levelCode: 'giay_khen', achievement: null },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rows.filter((x) => x.proposedLevel).map((x) => [x.orgUnitId, x.proposedLevel])).toEqual(
      [
        [unit.B, 'co_thi_dua'],
        [unit.A, 'giay_khen'],
      ],
    );

    const list = await readDocx((await office.download(`${campaignUrl}/awards.docx`)).bytes);
    const text = list.lines.join('\n');
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Cờ thi đua của UBND tỉnh');
    const bHon = list.lines.findIndex((l) => l.includes('Bản Hon'));
    expect(list.lines.slice(bHon, bHon + 4)).toEqual(
      expect.arrayContaining(['95', '1', 'Hoàn thành xuất sắc']),
    );
    expect(text).toContain('Giảm cả ba tiêu chí trên 20 %');
    expect(text).toContain('82,25');

    const decision = await readDocx((await office.download(`${campaignUrl}/award-decision.docx`)).bytes);
    const lines = decision.lines.join('\n');
    expect(lines).toContain('QUYẾT ĐỊNH:');
    expect(lines).toMatch(/Điều 1\. Tặng Cờ thi đua của UBND tỉnh cho 1 tập thể/);
    expect(lines).toMatch(/Điều 2\. Tặng Giấy khen của Trưởng Ban ATGT huyện cho 1 tập thể/);
    expect(lines).toContain('Điều 4. Chánh Văn phòng Ban An toàn giao thông');

    const xlsx = await office.download(`${campaignUrl}/ranking.xlsx`);
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Xếp hạng')!;
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining([1, 95, 'Cờ thi đua của UBND tỉnh']));
  });

  it('closes; reopening needs a reason', async () => {
    const campaignUrl = `/api/v1/emulation-campaigns/${campaignId}`;
    expect((await office.post<Detail>(`${campaignUrl}/status`, { status: 'closed' })).body.status).toBe(
      'closed',
    );
    expect((await office.post(`${campaignUrl}/compute`, {})).status).toBe(409);
    const bad = await office.post<ErrorBody>(`${campaignUrl}/status`, { status: 'draft' });
    expect(bad.status).toBe(409);
    const silent = await office.post<ErrorBody>(`${campaignUrl}/status`, { status: 'review' });
    expect(silent.status).toBe(400);
    expect(silent.body.error.details).toEqual([
      { path: 'comment', message: 'Cần ghi lý do mở lại phong trào' },
    ]);
    const list = await commune.get<{
      items: { id: number; myUnitIds: number[]; submitted: number; reviewed: number }[];
    }>('/api/v1/emulation-campaigns?year=2023');
    // The three old communes merged into the commune of xa.binhlu on 1/7/2025: its officers answer for all three.
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: campaignId,
        myUnitIds: [unit.A, unit.B, unit.C].sort((x, y) => x - y),
        submitted: 4,
        reviewed: 3,
      }),
    ]);
  });
});
