import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppendixItem } from './appendix.ts';
import { type ProseReading, readProsePlan } from './prose.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(here, '../../../fixtures/seeds');
const seed = (prefix: string): string => {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found`);
  return readFileSync(path.join(SEEDS, name), 'utf8');
};

const item = (r: ProseReading, p: string): AppendixItem => {
  const found = r.items.find((i) => i.path === p);
  if (!found) throw new Error(`no item ${p}; have ${r.items.map((i) => i.path).join(', ')}`);
  return found;
};
const isParent = (r: ProseReading, it: AppendixItem) => r.items.some((o) => o.parentPath === it.path);

/** A task part around the given lines, so that sentences are read too. */
const inTaskPart = (body: string) => `II. NHIỆM VỤ, GIẢI PHÁP\n${body}`;
const read = (text: string) => readProsePlan(text, { planYear: 2022, planDate: '2022-01-05' });

describe('readProsePlan — seed 004 (Hà Giang police, 2021)', () => {
  const r = readProsePlan(seed('004_'), { planYear: 2021 });

  it('reads the header: date line, title (KẾ HOẠCH + subtitle), issuing body from the opening sentence', () => {
    // The seed has no "Số: …" line and no header block: number stays absent.
    expect(r.header).toEqual({
      title:
        'KẾ HOẠCH\nTriển khai thực hiện Chiến lược quốc gia bảo đảm trật tự, an toàn giao thông đường bộ giai đoạn 2021 - 2030 và tầm nhìn đến năm 2045',
      date: '2021-09-10',
      issuingBody: 'Công an tỉnh Hà Giang',
    });
  });

  it('finds the structure: parts III and IV only, 17 tasks of which 13 carry units', () => {
    expect(r.items.map((i) => `${i.kind === 'section' ? 'S' : 'T'} ${i.path}`)).toEqual([
      'S III',
      'T III.1',
      'T III.1.1',
      'T III.1.2',
      'T III.1.2.1',
      'T III.1.2.2',
      'T III.1.3',
      'T III.1.4',
      'T III.1.4.1',
      'T III.1.4.2',
      'T III.1.5',
      'T III.1.5.1',
      'T III.1.5.2',
      'T III.1.5.3',
      'T III.1.6',
      'S IV',
      'T IV.1',
      'T IV.2',
      'T IV.3',
    ]);
    const tasks = r.items.filter((i) => i.kind === 'task');
    expect(tasks).toHaveLength(17);
    const leaves = tasks.filter((t) => !isParent(r, t));
    expect(leaves).toHaveLength(13);
    expect(tasks.filter((t) => isParent(r, t)).map((t) => t.path)).toEqual([
      'III.1',
      'III.1.2',
      'III.1.4',
      'III.1.5',
    ]);
    // numbers and parents
    expect(item(r, 'III.1.2.2')).toMatchObject({ number: '1.2.2', parentPath: 'III.1.2' });
    expect(item(r, 'III.1.6')).toMatchObject({ number: '1.6', parentPath: 'III.1' });
    expect(item(r, 'IV.3')).toMatchObject({ number: '3', parentPath: 'IV' });
    expect(item(r, 'III')).toMatchObject({
      number: 'III',
      parentPath: null,
      title: 'NHIỆM VỤ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN',
    });
  });

  it('reads no task from QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU or the legal bases', () => {
    const parts = new Set(r.items.map((i) => i.path.split('.')[0]));
    expect([...parts]).toEqual(['III', 'IV']);
    expect(r.items.every((i) => i.sourceRows.every((row) => row >= 41))).toBe(true);
  });

  const CASES: Array<{ path: string; title: string; leads: string[]; coord: string[] }> = [
    {
      path: 'III.1.1',
      title: 'Triển khai thực hiện có hiệu quả các văn bản quy phạm pháp luật về TTATGT\n- Tổ chức thực hiện',
      leads: ['Phòng Cảnh sát giao thông', 'Công an các huyện, thành phố'],
      coord: [],
    },
    {
      path: 'III.1.2.1',
      title: '- Tổ chức thực hiện có hiệu quả các chương trình, quy chế phối hợp với Mặt trận',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Các đơn vị chức năng liên quan', 'Công an các huyện, thành phố'],
    },
    {
      path: 'III.1.2.2',
      title: '- Đẩy mạnh công tác phối hợp tuyên truyền, giáo dục pháp luật về TTATGT',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: [
        'Phòng Công tác đảng và công tác chính trị',
        'Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc',
        'Các đơn vị chức năng liên quan',
        'Công an các huyện, thành phố',
      ],
    },
    {
      path: 'III.1.3',
      title:
        'Ứng dụng Công nghệ thông tin vào hệ thống cơ sở dữ liệu phục vụ công tác bảo đảm TTATGT\nĐẩy mạnh ứng dụng',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Công an các huyện, thành phố', 'Các đơn vị chức năng liên quan trong và ngoài ngành Công an'],
    },
    {
      path: 'III.1.4.1',
      title: '- Tiếp tục chỉ đạo quyết liệt việc kiểm tra, xử lý nghiêm',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Các đơn vị chức năng liên quan', 'Công an các huyện, thành phố'],
    },
    {
      path: 'III.1.4.2',
      title: 'Tổ chức điều tra, xử lý nghiêm các vụ TNGT theo đúng quy định',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: [
        'Văn phòng Cơ quan Cảnh sát điều tra',
        'Phòng Cảnh sát điều tra tội phạm về TTXH',
        'Công an các huyện, thành phố',
      ],
    },
    {
      path: 'III.1.5.1',
      title: '- Xây dựng chương trình, kế hoạch đào tạo, bồi dưỡng',
      leads: ['Phòng Tổ chức cán bộ', 'Phòng Cảnh sát giao thông', 'Công an các huyện, thành phố'],
      coord: [],
    },
    {
      path: 'III.1.5.2',
      title: '- Tập trung huấn luyện nâng cao trình độ, kỹ năng xử lý tình huống',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Các phòng chức năng liên quan', 'Công an các huyện, thành phố'],
    },
    {
      path: 'III.1.5.3',
      title: 'Phòng CSGT căn cứ chỉ đạo, hướng dẫn của Cục Cảnh sát giao thông tham mưu: (1) Triển khai',
      leads: ['Phòng CSGT'],
      coord: [],
    },
    {
      path: 'III.1.6',
      title: 'Tăng cường bố trí kinh phí phục vụ công tác bảo đảm TTATGT\nCăn cứ các nguồn kinh phí',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Phòng Hậu cần', 'Phòng Tham mưu'],
    },
    {
      path: 'IV.1',
      title: 'Phòng Cảnh sát giao thông, Công an các huyện, thành phố căn cứ Kế hoạch này',
      leads: ['Phòng Cảnh sát giao thông', 'Công an các huyện, thành phố'],
      coord: [],
    },
    {
      path: 'IV.2',
      title: 'Nguồn kinh phí thực hiện từ kinh phí Bộ Công an cấp thực hiện chương trình (nếu có),',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Phòng Tham mưu', 'Phòng Hậu cần'],
    },
    {
      path: 'IV.3',
      title: 'Giao Phòng Cảnh sát giao thông có trách nhiệm phối hợp chặt chẽ với các đơn vị liên quan',
      leads: ['Phòng Cảnh sát giao thông'],
      coord: ['Các đơn vị liên quan'],
    },
  ];
  for (const c of CASES) {
    it(`task ${c.path}: title, leads and coordinators`, () => {
      const t = item(r, c.path);
      expect(t.kind).toBe('task');
      expect(t.title.startsWith(c.title)).toBe(true);
      expect(t.leadNames).toEqual(c.leads);
      expect(t.coordinatingNames).toEqual(c.coord);
    });
  }

  it('keeps what the parenthesis says beyond the units', () => {
    expect(item(r, 'IV.2').title).toContain(
      '\nPhòng Cảnh sát giao thông phối hợp với phòng Tham mưu, phòng Hậu cần',
    );
    expect(item(r, 'III.1.2.2').note).toBe('Hướng dẫn Công an các huyện, thành phố thực hiện');
    expect(item(r, 'III.1.4.2').coordinatingText).toBe(
      'Văn phòng Cơ quan Cảnh sát điều tra và Phòng Cảnh sát điều tra tội phạm về TTXH hướng dẫn Công an các huyện, thành phố',
    );
    expect(item(r, 'III.1.1').leadText).toBe('Phòng Cảnh sát giao thông, Công an các huyện, thành phố');
    expect(item(r, 'III.1.2.1').sourceRows).toEqual([59, 61, 63]);
  });

  it('gives every leaf task at least one lead; parent headings carry none', () => {
    for (const t of r.items.filter((i) => i.kind === 'task')) {
      if (isParent(r, t)) expect(t.leadNames, t.path).toEqual([]);
      else expect(t.leadNames.length, t.path).toBeGreaterThan(0);
    }
  });

  it('never puts the responsibility parenthesis in a title', () => {
    const parens = [
      '(Phòng Cảnh sát giao thông, Công an các huyện, thành phố thực hiện)',
      '(Phòng Cảnh sát giao thông chủ trì phối hợp với các đơn vị chức năng liên quan',
      '(Phòng Cảnh sát giao thông chủ trì, phối hợp với Phòng Công tác đảng',
      '(Phòng Cảnh sát giao thông chủ trì, phối hợp với Công an các huyện, thành phố, các đơn vị',
      '(Phòng Cảnh sát giao thông chủ trì, phối hợp với các đơn vị chức năng liên quan và Công an',
      '(Phòng Cảnh sát giao thông chủ trì, phối hợp với Văn phòng Cơ quan Cảnh sát điều tra',
      '(Phòng Tổ chức cán bộ, Phòng Cảnh sát giao thông, Công an các huyện, thành phố thực hiện)',
      '(Phòng Cảnh sát giao thông chủ trì, phối hợp với các phòng chức năng liên quan',
    ];
    for (const t of r.items) {
      for (const p of parens) expect(t.title.includes(p), `${t.path}: ${p}`).toBe(false);
      expect(t.title).not.toMatch(/\([^()]*chủ trì[^()]*\)/);
      expect(t.title).not.toMatch(/\*/);
    }
  });

  it('joins lines that a page or line break split', () => {
    expect(item(r, 'III.1.1').title).toContain('đường bộ, đường sắt và đường thủy nội địa, (2) Các văn bản');
    expect(item(r, 'III.1.4.1').title).toContain('đồng thời theo dõi, đôn đốc');
    expect(item(r, 'III.1.2.2').title).toContain('liên tỉnh trong các đơn vị kinh doanh vận tải');
  });

  it('finds the timeframes the seed states, and no others', () => {
    const withTime = r.items.filter((i) => i.timeframeText !== '');
    expect(Object.fromEntries(withTime.map((i) => [i.path, i.timeframeText]))).toEqual({
      'III.1': 'Giai đoạn 2021 - 2030',
      'III.1.1': 'Triển khai thực hiện từ năm 2021; Thực hiện thường xuyên',
      'III.1.2.2': 'thường xuyên',
      'IV.1': 'trước ngày 17/9/2021; Định kỳ, đột xuất',
    });
    for (const i of r.items) if (i.timeframeText === '') expect(i.schedule, i.path).toBeNull();

    const s11 = item(r, 'III.1.1').schedule;
    expect(s11?.continuous).toBe(true);
    expect(s11?.dueDates[0]).toMatchObject({ from: '2021-01-01', kind: 'start' });
    expect(item(r, 'III.1.2.2').schedule?.continuous).toBe(true);
    const s41 = item(r, 'IV.1').schedule;
    expect(s41?.dueDates.map((d) => d.date)).toEqual(['2021-09-17']);
    expect(s41?.triggers).toContain('ad_hoc');
    expect(item(r, 'III.1').schedule?.dueDates[0]).toMatchObject({ from: '2021-01-01', date: '2030-12-31' });
  });

  it('reports what it guessed and what it left out, as warnings with line numbers', () => {
    expect(r.issues.map((i) => i.row)).toEqual([127, 131, 135, 153, 157, 159]);
    expect(r.issues.every((i) => i.severity === 'warning' && i.column === 'Nội dung')).toBe(true);
    // the vision-2045 tasks of III.2 name no unit
    expect(r.issues[2]?.message).toMatch(/^Đoạn "Tham mưu với Tỉnh ủy.*không ghi đơn vị thực hiện/);
    expect(r.issues[0]?.message).toContain('Nhiệm vụ III.1.5.3');
    expect(r.issues[0]?.message).toContain('không có ngoặc phân công');
  });
});

describe('readProsePlan — seed 000 (Lai Châu, 2025; no parentheses)', () => {
  const r = readProsePlan(seed('000_'), { planYear: 2025 });

  it('reads the title over a PDF line layout and the issuing body from the opening sentence', () => {
    expect(r.header).toEqual({
      title: 'KẾ HOẠCH\nBảo đảm trật tự, an toàn giao thông trên địa bàn tỉnh năm 2025',
      issuingBody: 'Ủy ban nhân dân tỉnh Lai Châu',
    });
  });

  it('reads the units named in TỔ CHỨC THỰC HIỆN and KINH PHÍ, and reports the unassigned tasks', () => {
    expect(r.items.map((i) => i.path)).toEqual(['III', 'III.2', 'IV', 'IV.1', 'IV.2']);
    expect(item(r, 'IV.1')).toMatchObject({
      leadNames: ['Ban An toàn giao thông tỉnh'],
      timeframeText: 'Định kỳ hàng quý',
    });
    expect(item(r, 'IV.1').title.startsWith('Ban An toàn giao thông tỉnh\n- Phối hợp chặt chẽ')).toBe(true);
    expect(item(r, 'IV.2').leadNames).toEqual([
      'Các sở, ban, ngành, đoàn thể',
      'UBND các huyện, thành phố',
      'Các cơ quan tổ chức có liên quan',
    ]);
    expect(item(r, 'III.2').leadNames).toEqual([
      'Ban An toàn giao thông tỉnh',
      'Các sở, ban, ngành',
      'Các tổ chức chính trị xã hội',
      'UBND các huyện, thành phố',
    ]);
    // II.1.1 … II.1.7 and II.2 ("Có biểu phân công kèm theo") name no unit
    const unassigned = r.issues.filter((i) => i.message.includes('không ghi đơn vị thực hiện'));
    expect(unassigned.map((i) => i.row)).toEqual([91, 127, 134, 146, 152, 170, 190, 204, 207]);
  });
});

describe('readProsePlan — responsibility parentheses', () => {
  const one = (paren: string, body = 'Tổ chức tuyên truyền luật giao thông.') => {
    const r = read(`1. ${body}\n${paren}`);
    const t = r.items[0];
    if (!t) throw new Error('no item');
    return { r, t };
  };

  it('(A, B thực hiện)', () => {
    const { t } = one('(Phòng CSGT, Công an các huyện, thành phố thực hiện)');
    expect(t).toMatchObject({
      path: '1',
      title: 'Tổ chức tuyên truyền luật giao thông.',
      leadNames: ['Phòng CSGT', 'Công an các huyện, thành phố'],
      coordinatingNames: [],
      timeframeText: '',
      schedule: null,
    });
  });

  it('(A chủ trì thực hiện) and (A chủ trì)', () => {
    expect(one('(Sở Y tế chủ trì thực hiện)').t.leadNames).toEqual(['Sở Y tế']);
    expect(one('(Sở Y tế chủ trì)').t.leadNames).toEqual(['Sở Y tế']);
  });

  it('(A chủ trì, phối hợp với B, C thực hiện), with or without the comma', () => {
    const a = one(
      '(Phòng CSGT chủ trì, phối hợp với Phòng Tham mưu, Công an các huyện, thành phố thực hiện).',
    ).t;
    expect(a.leadNames).toEqual(['Phòng CSGT']);
    expect(a.coordinatingNames).toEqual(['Phòng Tham mưu', 'Công an các huyện, thành phố']);
    const b = one('(Phòng CSGT chủ trì phối hợp với các đơn vị chức năng liên quan thực hiện)').t;
    expect(b.coordinatingNames).toEqual(['Các đơn vị chức năng liên quan']);
  });

  it('(A chủ trì, phối hợp với B hướng dẫn C triển khai thực hiện thường xuyên)', () => {
    const { t } = one(
      '*(Phòng CSGT chủ trì, phối hợp với Phòng Tham mưu hướng dẫn Công an các huyện triển khai thực hiện thường xuyên).*',
    );
    expect(t.leadNames).toEqual(['Phòng CSGT']);
    expect(t.coordinatingNames).toEqual(['Phòng Tham mưu', 'Công an các huyện']);
    expect(t.note).toBe('Hướng dẫn Công an các huyện thực hiện');
    expect(t.timeframeText).toBe('thường xuyên');
    expect(t.schedule?.continuous).toBe(true);
  });

  it('(A chủ trì, B phối hợp thực hiện) and (A phối hợp với B thực hiện)', () => {
    const a = one('(Sở Giáo dục và Đào tạo chủ trì, Tỉnh đoàn phối hợp thực hiện)').t;
    expect([a.leadNames, a.coordinatingNames]).toEqual([['Sở Giáo dục và Đào tạo'], ['Tỉnh đoàn']]);
    const b = one('(Phòng CSGT phối hợp với Phòng Hậu cần thực hiện)').t;
    expect([b.leadNames, b.coordinatingNames]).toEqual([['Phòng CSGT'], ['Phòng Hậu cần']]);
  });

  it('(Giao A chủ trì, phối hợp với B thực hiện) and (Giao A thực hiện)', () => {
    const a = one('(Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh thực hiện)').t;
    expect([a.leadNames, a.coordinatingNames]).toEqual([['Sở Xây dựng'], ['Công an tỉnh']]);
    const b = one('(Giao Ban ATGT tỉnh thực hiện)').t;
    expect([b.leadNames, b.coordinatingNames]).toEqual([['Ban ATGT tỉnh'], []]);
  });

  it('(Đơn vị chủ trì: A; đơn vị phối hợp: B, C)', () => {
    const { t } = one('(Đơn vị chủ trì: Sở Y tế; đơn vị phối hợp: Công an tỉnh, Sở Xây dựng)');
    expect([t.leadNames, t.coordinatingNames]).toEqual([['Sở Y tế'], ['Công an tỉnh', 'Sở Xây dựng']]);
  });

  it('a parenthesis in the middle of a paragraph ends the block there', () => {
    const r = read(
      inTaskPart(
        '1. Hạ tầng\n- Rà soát biển báo trên Quốc lộ 2 (Sở Xây dựng chủ trì thực hiện); lắp camera (Công an tỉnh thực hiện).',
      ),
    );
    expect(r.items.map((i) => [i.path, i.title, i.leadNames])).toEqual([
      ['II', 'NHIỆM VỤ, GIẢI PHÁP', []],
      ['II.1', 'Hạ tầng', []],
      ['II.1.1', 'Rà soát biển báo trên Quốc lộ 2', ['Sở Xây dựng']],
      ['II.1.2', 'lắp camera', ['Công an tỉnh']],
    ]);
    // in the heading line itself, the first parenthesis assigns the heading
    const h = read(
      inTaskPart('1. Rà soát biển báo (Sở Xây dựng chủ trì thực hiện); lắp camera (Công an tỉnh thực hiện).'),
    );
    expect(h.items.map((i) => [i.path, i.title, i.leadNames])).toEqual([
      ['II', 'NHIỆM VỤ, GIẢI PHÁP', []],
      ['II.1', 'Rà soát biển báo', ['Sở Xây dựng']],
      ['II.1.1', 'lắp camera', ['Công an tỉnh']],
    ]);
  });

  it('ignores parentheses that assign nothing', () => {
    const r = read(
      '1. Gửi báo cáo về Công an tỉnh (qua Phòng CSGT) và dùng kinh phí (nếu có); (trong đó lực lượng CSGT giữ vai trò nòng cốt thực hiện).',
    );
    expect(r.items).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^Đoạn "Gửi báo cáo.*không ghi đơn vị thực hiện/),
      expect.stringContaining('Không tìm thấy nhiệm vụ nào có ghi đơn vị thực hiện'),
    ]);
  });

  it('warns about a parenthesis without a unit and about units without any text', () => {
    const a = read('1. Việc chưa rõ\n(chủ trì thực hiện)');
    expect(a.items[0]).toMatchObject({ path: '1', title: 'Việc chưa rõ', leadNames: [] });
    expect(a.issues.find((i) => i.row === 2)).toEqual({
      row: 2,
      column: 'Nội dung',
      message: expect.stringContaining('không ghi đơn vị chủ trì'),
      severity: 'warning',
    });

    const b = read('1. Tuyên truyền\n- Nội dung A\n(Phòng CSGT thực hiện)\n(Phòng Tham mưu thực hiện)');
    expect(b.items.map((i) => [i.path, i.leadNames])).toEqual([['1', ['Phòng CSGT']]]);
    expect(b.issues).toEqual([
      {
        row: 4,
        column: 'Nội dung',
        message:
          'Ngoặc phân công "(Phòng Tham mưu thực hiện)" không đi kèm nội dung công việc nào; chưa tạo nhiệm vụ',
        severity: 'warning',
      },
    ]);
  });
});

describe('readProsePlan — structure', () => {
  it('a heading with one block is the task; with two it is a parent of numbered blocks', () => {
    const r = read(
      inTaskPart(
        [
          '1. Tuyên truyền',
          '- Việc một;',
          '- Việc hai.',
          '(Sở Văn hóa, Thể thao và Du lịch thực hiện)',
          '2. Kiểm soát',
          '- Tuần tra ban đêm.',
          '(Phòng CSGT thực hiện)',
          '- Xử lý vi phạm nồng độ cồn.',
          '(Công an các huyện thực hiện)',
        ].join('\n'),
      ),
    );
    expect(r.items.map((i) => [i.kind, i.number, i.path, i.parentPath, i.title, i.leadNames])).toEqual([
      ['section', 'II', 'II', null, 'NHIỆM VỤ, GIẢI PHÁP', []],
      [
        'task',
        '1',
        'II.1',
        'II',
        'Tuyên truyền\n- Việc một;\n- Việc hai.',
        ['Sở Văn hóa, Thể thao và Du lịch'],
      ],
      ['task', '2', 'II.2', 'II', 'Kiểm soát', []],
      ['task', '2.1', 'II.2.1', 'II.2', 'Tuần tra ban đêm.', ['Phòng CSGT']],
      ['task', '2.2', 'II.2.2', 'II.2', 'Xử lý vi phạm nồng độ cồn.', ['Công an các huyện']],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('a heading that carries the parenthesis keeps its units; later blocks become its children', () => {
    const r = read(
      '1. Tăng cường tuyên truyền (Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện)\n- Trên báo.\n(Báo Lai Châu thực hiện)',
    );
    expect(r.items.map((i) => [i.path, i.title, i.leadNames])).toEqual([
      ['1', 'Tăng cường tuyên truyền', ['Sở Văn hóa, Thể thao và Du lịch']],
      ['1.1', 'Trên báo.', ['Báo Lai Châu']],
    ]);
  });

  it('sub-items 1.1 and a) nest; a number already used is skipped for blocks', () => {
    const r = read(
      inTaskPart(
        [
          '1. Nhóm việc',
          '1.1. Việc có số (Phòng CSGT thực hiện)',
          'a) Việc con (Phòng Tham mưu thực hiện)',
          '1.2. Việc khác (Phòng Hậu cần thực hiện)',
        ].join('\n'),
      ),
    );
    expect(r.items.map((i) => [i.number, i.path, i.parentPath])).toEqual([
      ['II', 'II', null],
      ['1', 'II.1', 'II'],
      ['1.1', 'II.1.1', 'II.1'],
      ['1.1.a', 'II.1.1.a', 'II.1.1'],
      ['1.2', 'II.1.2', 'II.1'],
    ]);
  });

  it('a unit heading gives the lead of its duties a), b) (kept as tasks without own units)', () => {
    const r = read(
      inTaskPart('1. Ban An toàn giao thông tỉnh\na) Tham mưu kế hoạch.\nb) Tổng hợp báo cáo hằng quý.'),
    );
    expect(r.items.map((i) => [i.path, i.title, i.leadNames, i.timeframeText])).toEqual([
      ['II', 'NHIỆM VỤ, GIẢI PHÁP', [], ''],
      ['II.1', 'Ban An toàn giao thông tỉnh', ['Ban An toàn giao thông tỉnh'], ''],
      ['II.1.a', 'Tham mưu kế hoạch.', [], ''],
      ['II.1.b', 'Tổng hợp báo cáo hằng quý.', [], 'hằng quý'],
    ]);
    expect(r.issues.map((i) => i.row)).toEqual([2]);
  });

  it('reads units written as the subject of a sentence, in task parts only', () => {
    const text = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Công an tỉnh phối hợp với Sở Y tế bảo đảm an toàn.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Giao Sở Xây dựng có trách nhiệm phối hợp chặt chẽ với Công an tỉnh, các đơn vị liên quan để tổ chức kiểm tra.',
      '2. Kinh phí',
      'Căn cứ dự toán được giao, Sở Tài chính phối hợp với Kho bạc Nhà nước tỉnh, Sở Xây dựng tham mưu phân bổ kinh phí.',
      '3. Tăng cường tuyên truyền trên mạng xã hội.',
    ].join('\n');
    const r = read(text);
    expect(r.items.map((i) => [i.path, i.leadNames, i.coordinatingNames])).toEqual([
      ['II', [], []],
      ['II.1', ['Sở Xây dựng'], ['Công an tỉnh', 'Các đơn vị liên quan']],
      ['II.2', ['Sở Tài chính'], ['Kho bạc Nhà nước tỉnh', 'Sở Xây dựng']],
    ]);
    expect(r.issues.map((i) => [i.row, i.severity])).toEqual([
      [4, 'warning'],
      [6, 'warning'],
      [7, 'warning'],
    ]);
    expect(r.issues[2]?.message).toContain('không ghi đơn vị thực hiện');
  });

  it('a context part yields a task only from a parenthesis', () => {
    const r = read('I. MỤC ĐÍCH\n1. Nâng cao ý thức (Phòng CSGT thực hiện).\n2. Bảo đảm an toàn.');
    expect(r.items.map((i) => [i.kind, i.path, i.leadNames])).toEqual([
      ['section', 'I', []],
      ['task', 'I.1', ['Phòng CSGT']],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('a text with no headings: each block is a numbered task', () => {
    const r = read(
      'Tổ chức tuyên truyền.\n(Phòng CSGT thực hiện)\nKiểm tra xe khách.\n(Đội CSGT số 1 thực hiện)',
    );
    expect(r.items.map((i) => [i.number, i.path, i.parentPath, i.title])).toEqual([
      ['1', '1', null, 'Tổ chức tuyên truyền.'],
      ['2', '2', null, 'Kiểm tra xe khách.'],
    ]);
  });

  it('stops at "Nơi nhận", the signature and the closing words', () => {
    const r = read(
      '1. Việc (Phòng CSGT thực hiện)\nTrên đây là Kế hoạch của Công an tỉnh (Phòng X thực hiện).\nNơi nhận:\n- Phòng CSGT (để thực hiện);',
    );
    expect(r.items.map((i) => i.path)).toEqual(['1']);
  });
});

describe('readProsePlan — timeframes', () => {
  it('takes a timing paragraph right after the block, inline phrases and timing parentheses', () => {
    const r = read(
      inTaskPart(
        [
          '1. Tuyên truyền trong trường học (Thực hiện thường xuyên).',
          '(Phòng CSGT thực hiện)',
          '2. Kiểm tra xe khách',
          '(Phòng CSGT thực hiện)',
          '(Hoàn thành trước ngày 30/6/2022)',
          '3. Tổng kết hằng năm và báo cáo kết quả trong Quý I/2022.',
          '(Phòng Tham mưu thực hiện)',
          'Thời gian thực hiện: Quý II/2022',
          '4. Thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ.',
          '(Phòng CSGT thực hiện)',
        ].join('\n'),
      ),
    );
    expect(r.items.map((i) => [i.path, i.timeframeText])).toEqual([
      ['II', ''],
      ['II.1', 'Thực hiện thường xuyên'],
      ['II.2', 'Hoàn thành trước ngày 30/6/2022'],
      ['II.3', 'hằng năm; trong Quý I/2022; Quý II/2022'],
      ['II.4', ''],
    ]);
    expect(item(r, 'II.2').schedule?.dueDates.map((d) => d.date)).toEqual(['2022-06-30']);
    expect(item(r, 'II.3').schedule?.recurrence).toBe('yearly');
    expect(item(r, 'II.4').schedule).toBeNull();
    expect(item(r, 'II.2').sourceRows).toEqual([4, 5, 6]);
  });
});

describe('readProsePlan — header', () => {
  it('reads number, date, title and the issuing body of a standard header block', () => {
    const r = read(
      [
        'CÔNG AN TỈNH HÀ GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'PHÒNG CẢNH SÁT GIAO THÔNG | Độc lập - Tự do - Hạnh phúc',
        'Số: 123/KH-CAT-PC08 | Hà Giang, ngày 05 tháng 01 năm 2022',
        '',
        'KẾ HOẠCH',
        'Tuyên truyền an toàn giao thông',
        'năm 2022',
        '',
        'I. NỘI DUNG',
        '1. Tuyên truyền (Phòng CSGT thực hiện)',
      ].join('\n'),
    );
    expect(r.header).toEqual({
      number: '123/KH-CAT-PC08',
      date: '2022-01-05',
      title: 'KẾ HOẠCH\nTuyên truyền an toàn giao thông năm 2022',
      issuingBody: 'CÔNG AN TỈNH HÀ GIANG\nPHÒNG CẢNH SÁT GIAO THÔNG',
    });
    expect(r.items.map((i) => i.path)).toEqual(['I', 'I.1']);
  });

  it('has no header when the text has none, and an invalid date is not read', () => {
    expect(read('1. Việc (Phòng CSGT thực hiện)').header).toBeUndefined();
    expect(read('Hà Giang, ngày 31 tháng 02 năm 2022\nKẾ HOẠCH\nVề việc A').header).toEqual({
      title: 'KẾ HOẠCH\nVề việc A',
    });
  });
});

describe('readProsePlan — robustness', () => {
  it('reads an empty text', () => {
    const r = read('');
    expect(r.items).toEqual([]);
    expect(r.issues).toHaveLength(1);
  });

  it('does not throw on a non-string or a missing context', () => {
    expect(() =>
      readProsePlan(undefined as unknown as string, undefined as unknown as { planYear: number }),
    ).not.toThrow();
    expect(readProsePlan(42 as unknown as string, { planYear: 2022 }).items).toEqual([]);
  });

  it('never throws, and keeps its invariants, on arbitrary text', () => {
    const token = fc.constantFrom(
      'I. ',
      'II. ',
      '1. ',
      '1.1. ',
      'a) ',
      '- ',
      '+ ',
      '(',
      ')',
      '*',
      '#',
      '\n',
      '\n\n',
      ' ',
      ',',
      ';',
      'Phòng CSGT',
      'Công an các huyện, thành phố',
      ' chủ trì',
      ' phối hợp với ',
      ' thực hiện',
      ' hướng dẫn ',
      'Giao ',
      'Căn cứ ',
      'thường xuyên',
      'trước ngày 17/9/2021',
      'Quý I/2022',
      'KẾ HOẠCH',
      'Số: 1/KH',
      'ngày 10 tháng 9 năm 2021',
      'NHIỆM VỤ',
      'Nơi nhận',
      'văn bản',
    );
    const texts = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(token, { maxLength: 60 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(texts, fc.integer({ min: 1990, max: 2100 }), (text, planYear) => {
        const r = readProsePlan(text, { planYear });
        const paths = r.items.map((i) => i.path);
        expect(new Set(paths).size).toBe(paths.length);
        for (const i of r.items) {
          if (i.parentPath !== null) expect(paths.indexOf(i.parentPath)).toBeLessThan(paths.indexOf(i.path));
          expect(i.schedule === null).toBe(i.timeframeText === '');
        }
        for (const issue of r.issues) expect(issue.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
