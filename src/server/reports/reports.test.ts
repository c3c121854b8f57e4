/**
 * The reporting regime through the HTTP API: a full quarter with 25 units (3 late, 2 missing), the board, the
 * consolidated figures and the review report's DOCX tables, all against numbers worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';
import { readDocx } from './docx-reader.ts';
import { libreOfficeAvailable, NO_LIBREOFFICE_MESSAGE } from './review-docx.ts';

let t: TestContext;
let office: TestClient;
let police: TestClient;
let commune: TestClient;
let leader: TestClient;
let agencies: { id: number; name: string }[] = [];
let communes: { id: number; name: string }[] = [];
let scheduleId = 0;
let formId = 0;
let binhLuCommittee = 0;

const DEFINITION = {
  indicators: [
    {
      code: 'sessions',
      label: 'Số buổi tuyên truyền',
      unit: 'buổi',
      kind: 'integer',
      required: true,
      group: 'Tuyên truyền',
    },
    {
      code: 'participants',
      label: 'Số người tham dự',
      unit: 'người',
      kind: 'integer',
      required: true,
      group: 'Tuyên truyền',
    },
    {
      code: 'students',
      label: 'Trong đó học sinh',
      unit: 'người',
      kind: 'integer',
      required: false,
      group: 'Tuyên truyền',
    },
    {
      code: 'budget',
      label: 'Kinh phí',
      unit: 'đồng',
      kind: 'money',
      required: false,
      min: 0,
      max: 10_000_000_000,
    },
  ],
  sections: [
    { code: 'results', title: 'Kết quả thực hiện', required: true },
    { code: 'shortcomings', title: 'Tồn tại, hạn chế', required: false },
    { code: 'next_tasks', title: 'Nhiệm vụ kỳ tới', required: false },
  ],
  tables: [
    {
      code: 'campaigns',
      title: 'Các đợt cao điểm',
      columns: [
        { code: 'name', label: 'Tên đợt', kind: 'text' },
        { code: 'violations', label: 'Số vi phạm', kind: 'integer' },
      ],
      maxRows: 10,
    },
  ],
  rules: [
    {
      code: 'students_within',
      left: ['students'],
      operator: '<=',
      right: ['participants'],
      message: 'Số học sinh không được lớn hơn số người tham dự.',
    },
  ],
};

interface Period {
  key: string;
  from: string;
  to: string;
  dueOn: string;
}
interface DueReport {
  scheduleId: number;
  unitId: number;
  unitName: string;
  submissionId: number | null;
  status: string | null;
  timeliness: string;
  daysLate: number;
  period: Period;
}
interface Submission {
  id: number;
  status: string;
  timeliness: string;
  problems: { path: string; message: string }[];
  history: { action: string }[];
  may: { edit: boolean; submit: boolean; decide: boolean; reopen: boolean };
}
interface Counts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  accepted: number;
}

const values = (k: number) => ({
  indicators: { sessions: k + 1, participants: 100 + k, students: k, budget: 1_000_000 },
  sections: { results: `Đơn vị số ${k + 1} đã tổ chức tuyên truyền.` },
  tables: { campaigns: [{ name: 'Cao điểm Tết', violations: 2 }] },
});

async function crash(body: Record<string, unknown>) {
  const res = await office.post<{ id: number }>('/api/v1/crashes', {
    mode: 'road',
    vehicles: ['motorbike'],
    verified: true,
    source: 'police',
    ...body,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  police = await TestClient.loggedIn(t.app, 'congan');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
  leader = await TestClient.loggedIn(t.app, 'lanhdao');
  const [binhLu] = await t.db.query<{ id: string; old: string }>(
    `SELECT n.id, o.id AS old FROM admin_units n JOIN admin_units o ON o.name = n.name AND o.valid_to IS NOT NULL
      WHERE n.level = 'commune' AND n.name = 'Bình Lư' AND n.valid_to IS NULL`,
  );
  const [other] = await t.db.query<{ id: string }>(
    `SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND name <> 'Bình Lư' ORDER BY name LIMIT 1`,
  );
  agencies = await t.db.query(
    `SELECT id, name FROM org_units WHERE kind = 'agency' AND valid_to IS NULL ORDER BY code <> 'CA', code LIMIT 15`,
  );
  communes = await t.db.query(
    `SELECT id, name FROM org_units WHERE kind = 'commune_committee' AND valid_to IS NULL
      ORDER BY admin_unit_id <> $1, code LIMIT 10`,
    [binhLu!.id],
  );
  binhLuCommittee = communes[0]!.id;

  // Crashes of quarter I/2026 on the reporting regime's days (15/12/2025 – 14/3/2026) and of the same
  // period a year earlier. Worked out by hand: now 3 crashes, 2 deaths, 3 injured; then 1, 0, 1.
  await t.db.exec('DELETE FROM health_records; DELETE FROM crashes;');
  const [ql4d] = await t.db.query<{ id: number }>(`SELECT id FROM roads WHERE code = 'QL4D'`);
  const base = { causes: ['speed'] };
  await crash({
    ...base,
    occurredAt: '2026-01-10T07:00:00+07:00',
    adminUnitId: binhLu!.id,
    roadId: ql4d!.id,
    kmMarker: 'Km 10+000',
    deaths: 1,
    injured: 0,
  });
  await crash({
    ...base,
    occurredAt: '2026-02-01T07:00:00+07:00',
    adminUnitId: binhLu!.id,
    roadId: ql4d!.id,
    kmMarker: 'Km 11+000',
    deaths: 0,
    injured: 2,
  });
  await crash({
    causes: ['alcohol'],
    occurredAt: '2026-03-10T21:00:00+07:00',
    adminUnitId: other!.id,
    deaths: 1,
    injured: 1,
  });
  await crash({
    ...base,
    occurredAt: '2026-03-20T07:00:00+07:00',
    adminUnitId: other!.id,
    deaths: 5,
    injured: 0,
  }); // after 14/3
  await crash({
    ...base,
    occurredAt: '2025-01-05T07:00:00+07:00',
    adminUnitId: binhLu!.old,
    roadId: ql4d!.id,
    kmMarker: 'Km 12+000',
    deaths: 0,
    injured: 1,
  });
}, 120_000);
afterAll(() => t.close());

describe('forms and schedules', () => {
  it('the office defines a form as data; a bad definition is refused with its fields named', async () => {
    const bad = await office.post<ErrorBody>('/api/v1/report-forms', {
      code: 'bad',
      name: 'Sai',
      definition: {
        ...DEFINITION,
        indicators: [DEFINITION.indicators[0], DEFINITION.indicators[0]],
        rules: [{ ...DEFINITION.rules[0], right: ['nothing'] }],
      },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d) => d.path);
    expect(paths).toContain('definition.indicators.1.code');
    expect(paths).toContain('definition.rules.0.left.0');
    expect(paths).toContain('definition.rules.0.right.0');
    expect((await t.db.query('SELECT 1 FROM report_forms WHERE code = $1', ['bad'])).length).toBe(0);

    const res = await office.post<{ id: number; version: number }>('/api/v1/report-forms', {
      code: 'quarterly_atgt',
      name: 'Báo cáo quý công tác bảo đảm TTATGT',
      definition: DEFINITION,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.version).toBe(1);
    formId = res.body.id;
    expect(
      (await police.post('/api/v1/report-forms', { code: 'x', name: 'x', definition: DEFINITION })).status,
    ).toBe(403);
  });

  it('a quarterly schedule for 25 units gives the regime periods and due dates', async () => {
    expect(agencies).toHaveLength(15);
    expect(communes).toHaveLength(10);
    const bad = await office.post<ErrorBody>('/api/v1/report-schedules', {
      formId,
      title: 'x',
      kind: 'periodic',
      year: 2026,
      unitIds: [999_999],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['frequency', 'unitIds.0']),
    );
    const res = await office.post<{ id: number; periods: Period[]; units: number }>(
      '/api/v1/report-schedules',
      {
        formId,
        title: 'Báo cáo quý 2026',
        kind: 'periodic',
        frequency: 'quarter',
        year: 2026,
        unitIds: [...agencies, ...communes].map((u) => u.id),
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    scheduleId = res.body.id;
    expect(res.body.units).toBe(25);
    expect(res.body.periods.map((p) => [p.key, p.from, p.to, p.dueOn])).toEqual([
      ['2026-Q1', '2025-12-15', '2026-03-14', '2026-03-14'],
      ['2026-Q2', '2026-03-15', '2026-06-14', '2026-06-14'],
      ['2026-Q3', '2026-06-15', '2026-09-14', '2026-09-14'],
      ['2026-Q4', '2026-09-15', '2026-12-14', '2026-12-14'],
    ]);
  });
});

describe('a full quarter: 25 units, 3 late, 2 missing', () => {
  // Units 0–14 are agencies, 15–24 communes. 23 and 24 send nothing; 20, 21, 22 send after 14/3/2026.
  const LATE = [20, 21, 22];
  const MISSING = [23, 24];
  const units = () => [...agencies, ...communes];

  it('the commune officer saves a draft, is told what is missing, then submits', async () => {
    const mine = await commune.get<{ items: DueReport[] }>('/api/v1/my-reports?state=open');
    expect(mine.status).toBe(200);
    // The demo province has its own 2026 schedules: this test counts only the rows of its schedule.
    const q1 = mine.body.items.find(
      (r) => r.scheduleId === scheduleId && r.period.key === '2026-Q1' && r.unitId === binhLuCommittee,
    );
    expect(q1).toMatchObject({ submissionId: null, timeliness: 'missing' });
    // A field the form does not have is refused, and nothing is saved.
    const bad = await commune.put<ErrorBody>('/api/v1/report-submissions', {
      scheduleId,
      periodKey: '2026-Q1',
      unitId: binhLuCommittee,
      values: { indicators: { sessions: -1, participants: 1.5, unknown: 3 }, sections: {}, tables: {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path)).toEqual(['values.indicators.unknown']);
    expect(
      (await t.db.query('SELECT 1 FROM report_submissions WHERE schedule_id = $1', [scheduleId])).length,
    ).toBe(0);
    // Figures that break a limit are kept in the draft as typed, and listed by field.
    const typo = await commune.put<Submission>('/api/v1/report-submissions', {
      scheduleId,
      periodKey: '2026-Q1',
      unitId: binhLuCommittee,
      values: { indicators: { sessions: -1, participants: 1.5 }, sections: {}, tables: {} },
    });
    expect(typo.status).toBe(200);
    expect(typo.body.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['indicators.sessions', 'indicators.participants']),
    );
    // Another unit's report is not hers.
    const foreign = await commune.put('/api/v1/report-submissions', {
      scheduleId,
      periodKey: '2026-Q1',
      unitId: agencies[0]!.id,
      values: { indicators: {}, sections: {}, tables: {} },
    });
    expect(foreign.status).toBe(403);
    // A partial draft is kept; submitting it names what is missing.
    const draft = await commune.put<Submission>('/api/v1/report-submissions', {
      scheduleId,
      periodKey: '2026-Q1',
      unitId: binhLuCommittee,
      values: { indicators: { sessions: 16, students: 500, participants: 115 }, sections: {}, tables: {} },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', may: { edit: true, submit: true, decide: false } });
    const refused = await commune.post<ErrorBody>(`/api/v1/report-submissions/${draft.body.id}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'values.indicators.students', message: 'Số học sinh không được lớn hơn số người tham dự.' },
        { path: 'values.sections.results', message: 'Chưa viết mục "Kết quả thực hiện".' },
      ]),
    );
    const sent = await commune.post<Submission>(`/api/v1/report-submissions/${draft.body.id}/submit`, {
      values: values(15),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe('submitted');
    // Sent: no more edits until the office returns it.
    const locked = await commune.put('/api/v1/report-submissions', {
      scheduleId,
      periodKey: '2026-Q1',
      unitId: binhLuCommittee,
      values: values(15),
    });
    expect(locked.status).toBe(409);
  });

  it('everyone else reports; the board counts on time, late and missing', async () => {
    const all = units();
    for (let k = 0; k < all.length; k++) {
      if (MISSING.includes(k) || all[k]!.id === binhLuCommittee) continue;
      const d = await office.put<Submission>('/api/v1/report-submissions', {
        scheduleId,
        periodKey: '2026-Q1',
        unitId: all[k]!.id,
        values: values(k),
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      expect((await office.post(`/api/v1/report-submissions/${d.body.id}/submit`, {})).status).toBe(200);
    }
    // The clock of the test machine is not March 2026: set when each report was first sent.
    const onTime = all.filter((_, k) => !LATE.includes(k) && !MISSING.includes(k)).map((u) => u.id);
    await t.db.query(
      `UPDATE report_submissions SET first_submitted_at = '2026-03-13T09:00:00+07:00'
        WHERE org_unit_id = ANY($1::int[]) AND schedule_id = $2`,
      [onTime, scheduleId],
    );
    // Late by 1, 3 and 10 days; 23:30 local on the due day is still on time, so the day is local.
    const late = LATE.map((k) => all[k]!.id);
    for (const [i, at] of [
      '2026-03-15T00:30:00+07:00',
      '2026-03-17T10:00:00+07:00',
      '2026-03-24T10:00:00+07:00',
    ].entries())
      await t.db.query(
        'UPDATE report_submissions SET first_submitted_at = $2 WHERE org_unit_id = $1 AND schedule_id = $3',
        [late[i], at, scheduleId],
      );
    await t.db.query(
      `UPDATE report_submissions SET first_submitted_at = '2026-03-14T23:30:00+07:00' WHERE org_unit_id = $1 AND schedule_id = $2`,
      [all[0]!.id, scheduleId],
    );

    const res = await office.get<{ counts: Counts; rows: DueReport[] }>(
      `/api/v1/report-board?scheduleId=${scheduleId}&period=2026-Q1`,
    );
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({
      expected: 25,
      onTime: 20,
      late: 3,
      missing: 2,
      pending: 0,
      accepted: 0,
    });
    const by = new Map(res.body.rows.map((r) => [r.unitId, r]));
    expect(LATE.map((k) => by.get(all[k]!.id)?.daysLate)).toEqual([1, 3, 10]);
    expect(MISSING.map((k) => by.get(all[k]!.id)?.timeliness)).toEqual(['missing', 'missing']);
    expect(by.get(all[0]!.id)?.timeliness).toBe('on_time');
    // Q2 is a later period: nobody has sent it, and on the day of this test it is overdue too.
    expect((await police.get(`/api/v1/report-board?scheduleId=${scheduleId}&period=2026-Q1`)).status).toBe(
      403,
    );
    expect((await leader.get(`/api/v1/report-board?scheduleId=${scheduleId}&period=2026-Q1`)).status).toBe(
      200,
    );
    const badPeriod = await office.get<ErrorBody>(
      `/api/v1/report-board?scheduleId=${scheduleId}&period=2026-Q9`,
    );
    expect(badPeriod.status).toBe(400);
  });

  it('reminds the units that have not sent, before and after the deadline, once each', async () => {
    const run = (asOf: string) =>
      office.post<{ created: number }>('/api/v1/notifications/run-reminders', { asOf });
    const mine = (kind: string) =>
      t.db.query<{ unit: number }>(
        `SELECT org_unit_id AS unit FROM notifications WHERE dedupe_key LIKE $1 ORDER BY org_unit_id`,
        [`${kind}:${scheduleId}:2026-Q1:%`],
      );
    // 16/3/2026: two days after the deadline; only the two units that never sent are reminded.
    expect((await run('2026-03-16')).status).toBe(200);
    expect((await mine('report_overdue')).map((r) => r.unit)).toEqual(
      MISSING.map((k) => units()[k]!.id).sort((a, b) => a - b),
    );
    await run('2026-03-16');
    expect(await mine('report_overdue')).toHaveLength(2);
    // A quarter later the first quarter is no longer chased (over 30 days), Q2 is due within 3 days.
    await run('2026-06-12');
    expect(await mine('report_overdue')).toHaveLength(2);
    const q2 = await t.db.query(`SELECT 1 FROM notifications WHERE dedupe_key LIKE $1`, [
      `report_due_soon:${scheduleId}:2026-Q2:%`,
    ]);
    expect(q2).toHaveLength(25);
    const bell = await commune.get<{ items: { title: string }[] }>('/api/v1/notifications');
    expect(bell.body.items.map((n) => n.title)).toContain('Sắp đến hạn: Báo cáo quý 2026 — Quý II/2026');
  });

  it('the office reminds, from the board, the units that have not sent — once a day', async () => {
    const first = await office.post<{ reminded: number; units: string[] }>('/api/v1/report-board/remind', {
      scheduleId,
      period: '2026-Q1',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.units.sort()).toEqual(MISSING.map((k) => units()[k]!.name).sort());
    const again = await office.post<{ reminded: number }>('/api/v1/report-board/remind', {
      scheduleId,
      period: '2026-Q1',
    });
    expect(again.body.reminded).toBe(0);
    expect((await police.post('/api/v1/report-board/remind', { scheduleId, period: '2026-Q1' })).status).toBe(
      403,
    );
    const bad = await office.post<ErrorBody>('/api/v1/report-board/remind', { scheduleId, period: 'Q9' });
    expect(bad.status).toBe(400);
  });

  it('the office returns one report with a comment, accepts it after correction; reopening is audited', async () => {
    const [row] = await t.db.query<{ id: number }>(
      'SELECT id FROM report_submissions WHERE org_unit_id = $1 AND schedule_id = $2',
      [binhLuCommittee, scheduleId],
    );
    const id = row!.id;
    expect((await commune.post(`/api/v1/report-submissions/${id}/accept`, {})).status).toBe(403);
    const returned = await office.post<Submission>(`/api/v1/report-submissions/${id}/return`, {
      comment: 'Bổ sung số học sinh',
    });
    expect(returned.body.status).toBe('returned');
    const fixed = await commune.post<Submission>(`/api/v1/report-submissions/${id}/submit`, {
      values: values(15),
    });
    expect(fixed.body.status).toBe('submitted');
    const accepted = await office.post<Submission>(`/api/v1/report-submissions/${id}/accept`, {});
    expect(accepted.body).toMatchObject({ status: 'accepted', may: { reopen: true, decide: false } });
    // Locked once accepted.
    expect((await commune.post(`/api/v1/report-submissions/${id}/submit`, {})).status).toBe(409);
    const reopened = await office.post<Submission>(`/api/v1/report-submissions/${id}/reopen`, {
      comment: 'Sai số liệu kinh phí',
    });
    expect(reopened.body.status).toBe('returned');
    expect(reopened.body.history.map((h) => h.action)).toEqual([
      'save',
      'submit',
      'return',
      'submit',
      'accept',
      'reopen',
    ]);
    const [audited] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'report_submission' AND action = 'reopen' AND entity_id = $1`,
      [String(id)],
    );
    expect(audited!.n).toBe(1);
    // Accepted again; a returned report keeps the day it was first sent, so it stays on time.
    await commune.post(`/api/v1/report-submissions/${id}/submit`, {});
    await office.post(`/api/v1/report-submissions/${id}/accept`, {});
    const board = await office.get<{ counts: Counts }>(
      `/api/v1/report-board?scheduleId=${scheduleId}&period=2026-Q1`,
    );
    expect(board.body.counts).toMatchObject({ onTime: 20, late: 3, missing: 2, accepted: 1 });
  });

  it('consolidates the figures: indicator sums, the three criteria and what drove the rise', async () => {
    const res = await office.get<{
      indicators: { code: string; total: number; agencies: number; communes: number; reporting: number }[];
      sections: { code: string; entries: { unitName: string }[] }[];
      crashes: {
        sentence: string;
        drivers: string;
        total: { current: Record<string, number>; previous: Record<string, number> };
        byRoute: { label: string; current: { crashes: number } }[];
      };
      counts: Counts;
    }>(`/api/v1/report-consolidation?scheduleId=${scheduleId}&period=2026-Q1`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ind = new Map(res.body.indicators.map((i) => [i.code, i]));
    // 23 units reported, unit k giving k + 1 sessions: agencies k = 0…14 → 1 + … + 15 = 120;
    // communes k = 15…22 → 16 + … + 23 = 156; in all 276.
    expect(ind.get('sessions')).toEqual(
      expect.objectContaining({ total: 276, agencies: 120, communes: 156, reporting: 23 }),
    );
    // participants 100 + k: 23 × 100 + (0 + … + 22 = 253) = 2553; budget 23 × 1,000,000.
    expect(ind.get('participants')?.total).toBe(2553);
    expect(ind.get('budget')?.total).toBe(23_000_000);
    expect(res.body.sections.find((s) => s.code === 'results')?.entries).toHaveLength(23);
    expect(res.body.crashes.total.current).toEqual({ crashes: 3, deaths: 2, injured: 3 });
    expect(res.body.crashes.total.previous).toEqual({ crashes: 1, deaths: 0, injured: 1 });
    expect(res.body.crashes.sentence).toMatch(
      /^Từ ngày 15\/12\/2025 đến ngày 14\/3\/2026, toàn tỉnh xảy ra 3 vụ TNGT, làm chết 2 người, bị thương 3 người; so với cùng kỳ năm 2025 tăng 2 vụ/,
    );
    expect(res.body.crashes.drivers).toContain('Số vụ TNGT tăng chủ yếu tại');
    expect(res.body.crashes.drivers).toMatch(/^Số vụ TNGT tăng chủ yếu tại xã Bình Lư \(\+1 vụ\), xã /);
    expect(res.body.crashes.drivers).toContain('trên tuyến QL4D (+1 vụ)');
    expect(res.body.crashes.drivers).toContain(
      'do nguyên nhân chạy quá tốc độ quy định (+1 vụ), vi phạm nồng độ cồn (+1 vụ).',
    );
    // Crashes off the numbered routes are not "a route that drove the rise".
    expect(res.body.crashes.drivers).not.toContain('Ngoài các tuyến');
  });

  it('writes the review report; the DOCX read back carries the same figures', async () => {
    const created = await office.post<{
      id: number;
      content: { title: string; sections: { paragraphs: string[] }[] };
    }>('/api/v1/review-reports', { scheduleId, periodKey: '2026-Q1' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const content = created.body.content;
    expect(content.title).toBe(
      'Sơ kết công tác bảo đảm trật tự, an toàn giao thông quý I năm 2026, nhiệm vụ trọng tâm quý II năm 2026',
    );
    const body = content.sections[0]!.paragraphs.join('\n');
    expect(body).toContain(
      'Có 23/25 cơ quan, đơn vị gửi báo cáo, trong đó 20 đơn vị đúng hạn, 3 đơn vị gửi muộn',
    );
    expect(body).toContain(`2 đơn vị chưa gửi báo cáo (${communes[8]!.name}, ${communes[9]!.name})`);

    // The office edits a paragraph before issue.
    const edited = structuredClone(created.body.content) as { sections: { paragraphs: string[] }[] };
    edited.sections[3]!.paragraphs = ['Tập trung cao điểm bảo đảm TTATGT dịp nghỉ lễ 30/4 – 1/5.'];
    const saved = await office.put<{ content: typeof edited }>(`/api/v1/review-reports/${created.body.id}`, {
      content: edited,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const badEdit = await office.put<ErrorBody>(`/api/v1/review-reports/${created.body.id}`, {
      content: { ...edited, issuingBody: '' },
    });
    expect(badEdit.status).toBe(400);

    const file = await office.download(`/api/v1/review-reports/${created.body.id}/document?format=docx`);
    expect(file.status).toBe(200);
    const doc = await readDocx(new Uint8Array(file.bytes));
    expect(doc.sections[0]).toMatchObject({ width: 11906, height: 16838 });
    expect(doc.lines).toContain('Tập trung cao điểm bảo đảm TTATGT dịp nghỉ lễ 30/4 – 1/5.');
    // Table 1 (by commune) ends with the totals: now 3 / 2 / 3, same period 1 / 0 / 1.
    const table = doc.tables.find((x) => x.rows.some((r) => r[0] === 'Tổng cộng'));
    const total = table!.rows.find((r) => r[0] === 'Tổng cộng')!;
    expect(total.filter((c) => c !== '').slice(1)).toEqual(['3', '1', '+2', '2', '0', '+2', '3', '1', '+2']);
    const indicators = doc.tables.find((x) => x.rows.some((r) => r[0] === 'Số buổi tuyên truyền'));
    expect(indicators!.rows.find((r) => r[0] === 'Số buổi tuyên truyền')).toEqual([
      'Số buổi tuyên truyền',
      'buổi',
      '120',
      '156',
      '276',
    ]);
    // Thousands written the Vietnamese way: 2553 → 2.553.
    expect(indicators!.rows.find((r) => r[0] === 'Số người tham dự')?.at(-1)).toBe('2.553');

    const issued = await office.post<{ status: string; number: string }>(
      `/api/v1/review-reports/${created.body.id}/issue`,
      { number: '45/BC-BATGT', issuedOn: '2026-04-10' },
    );
    expect(issued.body).toMatchObject({ status: 'issued', number: '45/BC-BATGT' });
    expect((await office.put(`/api/v1/review-reports/${created.body.id}`, { content: edited })).status).toBe(
      409,
    );
    const after = await readDocx(
      new Uint8Array((await office.download(`/api/v1/review-reports/${created.body.id}/document`)).bytes),
    );
    expect(after.lines.join('\n')).toContain('Số: 45/BC-BATGT');
    expect(after.lines.join('\n')).toContain('ngày 10 tháng 4 năm 2026');
    // PDF where LibreOffice is installed (CI installs it); a clear message where it is not.
    const pdf = await office.download(`/api/v1/review-reports/${created.body.id}/document?format=pdf`);
    if (await libreOfficeAvailable()) {
      expect(pdf.status).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      expect(pdf.status).toBe(400);
      expect(JSON.parse(pdf.bytes.toString('utf8')).error.message).toBe(NO_LIBREOFFICE_MESSAGE);
    }
  });
});
