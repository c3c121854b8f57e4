import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ErrorBody, TestClient, type TestContext } from '../platform/testing/index.ts';

const SAMPLE = readFileSync(resolve('fixtures', 'plans', 'appendix-sample.tsv'), 'utf8');
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

interface Preview {
  format: string;
  layout: string;
  reference: { number?: string; date?: string };
  planDate: string;
  items: {
    path: string;
    kind: string;
    title: string;
    scheduleKind: string;
    leads: { text: string; status: string; display: string; units: { id: number; name: string }[] }[];
    coordinators: { display: string; status: string }[];
    uncertain: string[];
    occurrences: { dueOn: string }[];
  }[];
  problems: { row: number; column: string; message: string; severity: string }[];
  unresolved: { text: string; suggestions: { id: number; name: string }[] }[];
  counts: { sections: number; tasks: number; assignments: number };
  canSave: boolean;
}
interface Assignment {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  role: string;
  isPrimary: boolean;
  status: string;
  progress: number;
  nextDueOn: string | null;
  dueState: string;
}
interface Task {
  id: number;
  path: string;
  kind: string;
  scheduleKind: string;
  parentId: number | null;
  assignments: Assignment[];
}
interface Plan {
  id: number;
  number: string;
  progress: number;
  leadAssignments: number;
  overdueAssignments: number;
  childCount: number;
}
type Page<T> = { items: T[]; total: number };

const PLAN = {
  number: '15/KH-UBND',
  issuedOn: '2025-02-10',
  issuingBody: 'UBND tỉnh Lai Châu',
  title: 'Kế hoạch bảo đảm trật tự, an toàn giao thông năm 2025',
  theme: 'Năm An toàn giao thông 2025',
  directives: ['Chỉ thị 23-CT/TW', 'Nghị quyết 149/NQ-CP'],
  targets: [
    {
      indicator: 'deaths',
      direction: 'decrease',
      minPercent: 5,
      maxPercent: 10,
      description: 'Giảm 5–10 % số người chết',
    },
  ],
};

let t: TestContext;
let office: TestClient;
let police: TestClient;
let construction: TestClient;
let commune: TestClient;
let planId: number;
let tasks: Task[];

const countPlans = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans'))[0]?.n;
const countTasks = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_tasks'))[0]?.n;
const task = (path: string) => {
  const found = tasks.find((x) => x.path === path);
  if (!found) throw new Error(`no task ${path}`);
  return found;
};
const leadNames = (path: string) =>
  task(path)
    .assignments.filter((a) => a.role === 'lead')
    .map((a) => a.orgUnitName);

beforeAll(async () => {
  t = await createTestApp();
  office = await TestClient.loggedIn(t.app, 'vanphong');
  police = await TestClient.loggedIn(t.app, 'congan');
  construction = await TestClient.loggedIn(t.app, 'xaydung');
  commune = await TestClient.loggedIn(t.app, 'xa.binhlu');
});
afterAll(() => t.close());

describe('import preview', () => {
  it('reads the pasted sample, resolves its units at the plan date and saves nothing', async () => {
    const before = await countPlans();
    const res = await office.post<Preview>('/api/v1/plans/import/preview', { source: { text: SAMPLE } });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.format).toBe('paste');
    expect(p.reference).toMatchObject({ number: '15/KH-UBND', date: '2025-02-10' });
    expect(p.canSave).toBe(true);
    expect(p.counts.sections).toBe(6);
    const joint = p.items.find((i) => i.path === 'I.3.2');
    expect(joint?.leads.map((l) => [l.display, l.status])).toEqual([
      ['Công an tỉnh', 'resolved'],
      ['Sở Xây dựng', 'resolved'],
    ]);
    // "Các sở, ban, ngành" stands for the 20 member agencies; "UBND các xã, phường" on 10/02/2025 for
    // the 106 communes before the reform.
    const i1 = p.items.find((i) => i.path === 'I.1');
    expect(i1?.leads.map((l) => [l.status, l.units.length])).toEqual([
      ['group', 20],
      ['group', 106],
    ]);
    expect(i1?.uncertain).toEqual([]);
    expect(p.items.find((i) => i.path === 'III.3')?.scheduleKind).toBe('recurring');
    expect(p.items.find((i) => i.path === 'III.3')?.occurrences).toHaveLength(11);
    expect(p.items.find((i) => i.path === 'II.3')?.scheduleKind).toBe('event');
    expect(await countPlans()).toBe(before);
  });

  it('reads the same table from a TSV file', async () => {
    const res = await office.post<Preview>('/api/v1/plans/import/preview', {
      source: { fileName: 'phu-luc.tsv', contentBase64: b64(SAMPLE) },
    });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('tsv');
    expect(res.body.items.map((i) => i.path)).toContain('IV.2');
  });
});

describe('bad files get Vietnamese errors by row and column, and change nothing', () => {
  const cases: [string, unknown, RegExp][] = [
    ['empty file', { fileName: 'a.tsv', contentBase64: '' }, /rỗng/],
    [
      'binary file',
      { fileName: 'a.xlsx', contentBase64: b64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4])) },
      /định dạng/,
    ],
    ['over the size limit', { fileName: 'a.tsv', contentBase64: 'A'.repeat(7 * 1024 * 1024) }, /dung lượng/],
    ['wrong columns', { text: 'Tên\tNgày\tGhi chú\nA\tB\tC' }, /tiêu đề/],
    [
      'duplicate numbers',
      {
        text: 'STT\tNội dung công tác\tThời gian thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp\tGhi chú\nI\tPhần một\t\t\t\t\n1\tViệc A\tQuý I/2025\tCông an tỉnh\t\t\n1\tViệc B\tQuý II/2025\tSở Y tế\t\t',
      },
      /trùng/,
    ],
  ];
  for (const [name, source, message] of cases) {
    it(name, async () => {
      const before = [await countPlans(), await countTasks()];
      const res = await office.post<ErrorBody>('/api/v1/plans/import', {
        source,
        plan: PLAN,
        planDate: '2025-02-10',
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toMatch(message);
      if (name === 'duplicate numbers' || name === 'wrong columns')
        expect(res.body.error.details.some((d) => /^Dòng \d+, cột /.test(d.path))).toBe(true);
      expect([await countPlans(), await countTasks()]).toEqual(before);
    });
  }

  it('rejects a plan with a missing number or a bad date', async () => {
    const res = await office.post<ErrorBody>('/api/v1/plans/import', {
      source: { text: SAMPLE },
      plan: { ...PLAN, number: '', issuedOn: '2025-02-30' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['plan.number', 'plan.issuedOn']),
    );
  });

  it('does not let a commune officer import a provincial plan', async () => {
    const res = await commune.post('/api/v1/plans/import', { source: { text: SAMPLE }, plan: PLAN });
    expect(res.status).toBe(403);
  });
});

describe('saving the sample plan', () => {
  it('saves plan, tasks, assignments and occurrences in one go', async () => {
    const res = await office.post<{
      planId: number;
      tasks: number;
      assignments: number;
      occurrences: number;
    }>('/api/v1/plans/import', {
      source: { fileName: 'phu-luc.tsv', contentBase64: b64(SAMPLE) },
      plan: PLAN,
    });
    expect(res.status).toBe(201);
    planId = res.body.planId;
    const list = await office.get<{ items: Task[] }>(`/api/v1/plans/${planId}/tasks?asOf=2025-03-01`);
    tasks = list.body.items;
    expect(tasks.filter((x) => x.kind === 'task')).toHaveLength(res.body.tasks);
    expect(task('I.3.1').parentId).toBe(task('I.3').id);
    expect(leadNames('I.3.2')).toEqual(['Công an tỉnh', 'Sở Xây dựng']);
    expect(task('I.3.2').assignments.find((a) => a.orgUnitName === 'Công an tỉnh')?.isPrimary).toBe(true);
    expect(leadNames('I.1')).toHaveLength(126);
    expect(
      task('I.3.2')
        .assignments.filter((a) => a.role === 'coordinating')
        .map((a) => a.orgUnitName),
    ).toContain('Ban An toàn giao thông tỉnh');
    // "Hoàn thành trong Quý II/2025 và duy trì thường xuyên" is due 30/06/2025.
    expect(task('IV.1').assignments.find((a) => a.role === 'lead')).toMatchObject({
      orgUnitName: 'Sở Xây dựng',
      nextDueOn: '2025-06-30',
      dueState: 'upcoming',
    });
    const plan = await office.get<Plan>(`/api/v1/plans/${planId}`);
    expect(plan.body).toMatchObject({ number: '15/KH-UBND', progress: 0 });
    expect(plan.body.leadAssignments).toBe(
      tasks.flatMap((x) => x.assignments).filter((a) => a.role === 'lead').length,
    );
  });

  it('refuses the same plan twice', async () => {
    const res = await office.post<ErrorBody>('/api/v1/plans/import', {
      source: { text: SAMPLE },
      plan: PLAN,
    });
    expect(res.status).toBe(409);
  });

  it('lists my unit’s tasks, overdue and due soon, for the police', async () => {
    const mine = await police.get<Page<Assignment & { taskPath: string }>>(
      '/api/v1/assignments?mine=true&role=lead&pageSize=100&asOf=2025-04-05',
    );
    const paths = mine.body.items.map((a) => a.taskPath).sort();
    expect(paths).toEqual(expect.arrayContaining(['I.3.2', 'III.1', 'III.2', 'III.3', 'V.2']));
    expect(
      mine.body.items.every((a) => a.orgUnitName === 'Công an tỉnh' || /PC|Phòng/.test(a.orgUnitName)),
    ).toBe(true);
    // III.3 is monthly: March's report was due 31/03; on 05/04 it is overdue.
    const overdue = await police.get<Page<Assignment & { taskPath: string }>>(
      '/api/v1/assignments?mine=true&dueState=overdue&asOf=2025-04-05',
    );
    expect(overdue.body.items.map((a) => a.taskPath)).toContain('III.3');
    // Every due state filters without error; together they cover every open lead assignment.
    const states = ['overdue', 'due_soon', 'upcoming', 'none'] as const;
    let open = 0;
    for (const state of states) {
      const res = await police.get<Page<Assignment>>(
        `/api/v1/assignments?mine=true&role=lead&status=not_started&dueState=${state}&asOf=2025-04-05`,
      );
      expect(res.status, state).toBe(200);
      open += res.body.total;
    }
    const notStarted = await police.get<Page<Assignment>>(
      '/api/v1/assignments?mine=true&role=lead&status=not_started',
    );
    expect(open).toBe(notStarted.body.total);
    const coordinating = await police.get<Page<Assignment & { taskPath: string }>>(
      '/api/v1/assignments?mine=true&role=coordinating&pageSize=100',
    );
    expect(coordinating.body.items.map((a) => a.taskPath)).toEqual(expect.arrayContaining(['I.3.1', 'II.1']));
  });

  it('lists the dues of a period for the timeline, with their state on a day', async () => {
    const res = await office.get<Page<{ dueOn: string; taskPath: string; dueState: string; label: string }>>(
      `/api/v1/occurrences?planId=${planId}&from=2025-03-01&to=2025-03-31&asOf=2025-03-28&pageSize=500`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.every((o) => o.dueOn >= '2025-03-01' && o.dueOn <= '2025-03-31')).toBe(true);
    expect(res.body.items.find((o) => o.taskPath === 'III.3')).toMatchObject({
      dueOn: '2025-03-31',
      dueState: 'due_soon',
      label: 'Tháng 3/2025',
    });
    const mine = await police.get<Page<{ taskPath: string }>>(
      `/api/v1/occurrences?mine=true&from=2025-01-01&to=2025-12-31&pageSize=500`,
    );
    expect(mine.body.total).toBeGreaterThan(0);
    const bad = await office.get<ErrorBody>('/api/v1/occurrences?from=2025-05-01&to=2025-01-01');
    expect(bad.status).toBe(400);
  });

  it('shows a commune officer the tasks its commune leads in the demo plan for 2026', async () => {
    const mine = await commune.get<
      Page<Assignment & { taskPath: string; planNumber: string; orgUnitName: string }>
    >('/api/v1/assignments?mine=true&role=lead&pageSize=100');
    const demo = mine.body.items.filter((a) => a.planNumber === '12/KH-UBND');
    expect(demo.map((a) => a.taskPath)).toEqual(expect.arrayContaining(['I.1', 'I.2']));
    // "Ban ATGT các cấp" (II.3) reaches its commune committee too.
    expect(new Set(demo.map((a) => a.orgUnitName))).toEqual(
      new Set(['UBND xã Bình Lư', 'Ban ATGT xã Bình Lư']),
    );
    expect(demo.find((a) => a.taskPath === 'II.3')?.orgUnitName).toBe('Ban ATGT xã Bình Lư');
  });

  it('takes a progress report with a file from the lead unit only', async () => {
    const assignment = task('III.3').assignments.find((a) => a.role === 'lead')!;
    const detail = await police.get<{ occurrences: { id: number; dueOn: string }[] }>(
      `/api/v1/tasks/${task('III.3').id}`,
    );
    const march = detail.body.occurrences.find((o) => o.dueOn === '2025-03-31')!;
    const res = await police.post<{
      progressUpdates: { text: string; attachments: { id: number }[] }[];
      occurrences: { id: number; doneOn: string | null }[];
    }>(`/api/v1/assignments/${assignment.id}/progress`, {
      text: 'Đã gửi danh sách 120 người vi phạm tháng 3 về 14 cơ quan, 6 trường học.',
      percent: 25,
      status: 'in_progress',
      occurrenceId: march.id,
      attachments: [
        { fileName: 'danh-sach-thang-3.txt', mediaType: 'text/plain', contentBase64: b64('danh sách') },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.progressUpdates[0]?.text).toMatch(/120 người/);
    expect(res.body.occurrences.find((o) => o.id === march.id)?.doneOn).not.toBeNull();
    const file = await police.get<string>(
      `/api/v1/attachments/${res.body.progressUpdates[0]?.attachments[0]?.id}`,
    );
    expect(file.body).toBe('danh sách');

    const other = task('IV.1').assignments.find((a) => a.role === 'lead')!;
    const denied = await police.post(`/api/v1/assignments/${other.id}/progress`, {
      text: 'x',
      percent: 10,
      status: 'in_progress',
    });
    expect(denied.status).toBe(403);
    const invalid = await police.post<ErrorBody>(`/api/v1/assignments/${assignment.id}/progress`, {
      text: 'Xong',
      percent: 50,
      status: 'done',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]?.path).toBe('percent');
  });

  it('rolls progress up from an implementing plan to its parent', async () => {
    const caId = task('III.3').assignments.find((a) => a.role === 'lead')!.orgUnitId;
    const child = await police.post<Plan>('/api/v1/plans', {
      number: '20/KH-CAT',
      issuedOn: '2025-02-20',
      issuingBody: 'Công an tỉnh Lai Châu',
      title: 'Kế hoạch thực hiện Kế hoạch 15/KH-UBND',
      parentId: planId,
      ownerUnitId: caId,
    });
    expect(child.status).toBe(201);
    const parent = await office.get<Plan>(`/api/v1/plans/${planId}`);
    expect(parent.body.childCount).toBe(1);
    expect(parent.body.progress).toBeGreaterThanOrEqual(0);
    const rogue = await police.post('/api/v1/plans', { ...PLAN, number: '99/KH-CAT' });
    expect(rogue.status).toBe(403);
  });
});

describe('event-triggered tasks and reminders', () => {
  it('activates the peak-campaign tasks when the office records a campaign', async () => {
    const res = await office.post<{ activatedAssignments: number }>('/api/v1/plan-triggers', {
      planId,
      kind: 'peak_campaign',
      title: 'Đợt cao điểm bảo đảm TTATGT dịp Tết Nguyên đán',
      startsOn: '2025-03-01',
      dueOn: '2025-03-10',
    });
    expect(res.status).toBe(201);
    expect(res.body.activatedAssignments).toBeGreaterThan(0);
    const soon = await police.get<Page<Assignment & { taskPath: string }>>(
      '/api/v1/assignments?mine=true&dueState=due_soon&asOf=2025-03-05',
    );
    expect(soon.body.items.map((a) => a.taskPath)).toContain('III.1');
    const bad = await office.post<ErrorBody>('/api/v1/plan-triggers', {
      kind: 'peak_campaign',
      title: 'x',
      startsOn: '2025-03-10',
      dueOn: '2025-03-01',
    });
    expect(bad.status).toBe(400);
  });

  it('creates each reminder once and shows it to the unit', async () => {
    const first = await office.post<{ created: number }>('/api/v1/notifications/run-reminders', {
      asOf: '2025-04-05',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBeGreaterThan(0);
    const again = await office.post<{ created: number }>('/api/v1/notifications/run-reminders', {
      asOf: '2025-04-05',
    });
    expect(again.body.created).toBe(0);
    const inbox = await police.get<{ items: { id: number; title: string; body: string }[]; unread: number }>(
      '/api/v1/notifications?pageSize=500',
    );
    const overdue = inbox.body.items
      .filter((n) => /^Quá hạn: nhiệm vụ III\.3 \(KH 15/.test(n.title))
      .map((n) => n.body);
    // February's list was never reported; March's was (above), so only February is overdue.
    expect(overdue.some((b) => /Tháng 2\/2025/.test(b))).toBe(true);
    expect(overdue.some((b) => /Tháng 3\/2025/.test(b))).toBe(false);
    const id = inbox.body.items[0]!.id;
    expect((await police.post(`/api/v1/notifications/${id}/read`)).status).toBe(204);
    const after = await police.get<{ unread: number }>('/api/v1/notifications');
    expect(after.body.unread).toBe(inbox.body.unread - 1);
    expect((await construction.post(`/api/v1/notifications/${id}/read`)).status).toBe(404);
  });
});

describe('export', () => {
  for (const format of ['xlsx', 'docx'] as const) {
    it(`exports the appendix as ${format} and reads back the same tasks`, async () => {
      const res = await office.download(`/api/v1/plans/${planId}/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}`));
      const again = await office.post<Preview>('/api/v1/plans/import/preview', {
        source: { fileName: `x.${format}`, contentBase64: res.bytes.toString('base64') },
        planDate: '2025-02-10',
      });
      expect(again.status).toBe(200);
      const original = await office.post<Preview>('/api/v1/plans/import/preview', {
        source: { text: SAMPLE },
      });
      const shape = (p: Preview) =>
        p.items.map((i) => [
          i.path,
          i.title,
          i.scheduleKind,
          i.leads.map((l) => l.display),
          i.coordinators.map((c) => c.display),
        ]);
      expect(shape(again.body)).toEqual(shape(original.body));
    });
  }
});

describe('a plan written as prose (seed 004)', () => {
  const seed004 = readFileSync(resolve('fixtures', 'seeds', '004_b8ba7cc76bec0c0e.txt'), 'utf8');

  it('is read as prose: task blocks with their lead and coordinating units', async () => {
    const res = await office.post<Preview>('/api/v1/plans/import/preview', {
      source: { fileName: 'ke-hoach-004.txt', contentBase64: b64(seed004) },
    });
    expect(res.status).toBe(200);
    expect(res.body.layout).toBe('prose');
    const first = res.body.items.find((i) => i.path === 'III.1.1');
    // "(Phòng Cảnh sát giao thông, Công an các huyện, thành phố … thực hiện)": the traffic police division.
    expect(first?.leads.map((l) => l.display)).toContain('Phòng Cảnh sát giao thông');
    const withUnits = res.body.items.filter((i) => i.leads.length > 0);
    expect(withUnits.length).toBeGreaterThanOrEqual(13);
    expect(res.body.canSave).toBe(true);
  });

  it('saves as a plan whose tasks carry their assignments', async () => {
    const res = await office.post<{ planId: number; tasks: number; assignments: number }>(
      '/api/v1/plans/import',
      {
        source: { text: seed004 },
        layout: 'prose',
        plan: {
          ...PLAN,
          number: '123/KH-CAT',
          issuedOn: '2021-09-10',
          title: 'Kế hoạch thực hiện Chiến lược ATGT',
        },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.tasks).toBeGreaterThanOrEqual(13);
    expect(res.body.assignments).toBeGreaterThan(0);
    const plan = await office.get<{ sourceFormat: string }>(`/api/v1/plans/${res.body.planId}`);
    expect(plan.body.sourceFormat).toBe('prose');
  });
});

describe('an unknown unit name, mapped once', () => {
  const table = (lead: string) =>
    [
      'Kèm theo Kế hoạch số 31/KH-BATGT ngày 05/03/2026',
      'STT\tNội dung công tác\tThời gian thực hiện\tĐơn vị chủ trì\tĐơn vị phối hợp\tGhi chú',
      'I\tKiểm tra\t\t\t\t',
      `1\tKiểm tra phương tiện thủy chở khách trên lòng hồ\tQuý II/2026\t${lead}\tCông an tỉnh\t`,
    ].join('\n');

  it('is flagged in the preview, saved with the mapping, and remembered as an alias', async () => {
    const first = await office.post<Preview>('/api/v1/plans/import/preview', {
      source: { text: table('Đội quản lý bến thủy nội địa') },
    });
    expect(first.body.unresolved.map((u) => u.text)).toEqual(['Đội quản lý bến thủy nội địa']);
    expect(first.body.problems).toContainEqual(
      expect.objectContaining({ row: 4, column: 'Đơn vị chủ trì', severity: 'warning' }),
    );
    const [construction] = await t.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'SXD'`);
    const saved = await office.post<{ planId: number; aliases: number }>('/api/v1/plans/import', {
      source: { text: table('Đội quản lý bến thủy nội địa') },
      mappings: [{ text: 'Đội quản lý bến thủy nội địa', orgUnitId: construction!.id }],
      plan: { ...PLAN, number: '31/KH-BATGT', issuedOn: '2026-03-05' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.aliases).toBe(1);
    const tree = await office.get<{ items: Task[] }>(`/api/v1/plans/${saved.body.planId}/tasks`);
    expect(
      tree.body.items.find((x) => x.path === 'I.1')?.assignments.find((a) => a.role === 'lead')?.orgUnitName,
    ).toBe('Sở Xây dựng');
    // The next import knows the name.
    const again = await office.post<Preview>('/api/v1/plans/import/preview', {
      source: { text: table('Đội quản lý bến thủy nội địa') },
    });
    expect(again.body.unresolved).toEqual([]);
    expect(again.body.items.find((i) => i.path === 'I.1')?.leads[0]).toMatchObject({
      status: 'resolved',
      display: 'Sở Xây dựng',
    });
  });

  it('refuses a mapping to a unit that does not exist', async () => {
    const res = await office.post<ErrorBody>('/api/v1/plans/import/preview', {
      source: { text: table('Đội lạ') },
      mappings: [{ text: 'Đội lạ', orgUnitId: 999999 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]?.path).toBe('mappings');
  });
});
