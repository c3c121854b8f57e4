/**
 * The draft of a review report (sơ kết quý, 6 tháng, 9 tháng; tổng kết năm) written from the data: the
 * three-criteria sentence and tables, what drove a rise, task progress, the units' reports and the reporting
 * discipline. The office edits the result before issue; sections it must write itself say so.
 */
import { formatNumberVi, formatPercentVi } from '../crashes/comparison.ts';
import { formatDateVi } from '../crashes/periods.ts';
import type { BreakdownRow, CriteriaCounts, IndicatorTotal, NarrativeEntries } from './consolidate.ts';
import type { CriteriaTable, PlainTable, ReviewDocument, ReviewSection } from './review-document.ts';
import type { BoardCounts } from './schedule.ts';

export interface ReviewInput {
  /** province name for the place line, e.g. 'Lai Châu' */
  place: string;
  parentBody: string;
  issuingBody: string;
  /** symbol part of the number, e.g. 'BC-BATGT' */
  symbol: string;
  /** the period key of the schedule ('2026-Q1', '2026-H1', '2026-N9', '2026-Y', '2026-M03', 'ADHOC') */
  periodKey: string;
  periodLabel: string;
  year: number;
  crashes: {
    sentence: string;
    drivers: string;
    currentLabel: string;
    previousLabel: string;
    total: { current: CriteriaCounts; previous: CriteriaCounts };
    byCommune: BreakdownRow[];
    byRoute: BreakdownRow[];
    byCause: BreakdownRow[];
  };
  tasks: {
    planNumber: string | null;
    total: number;
    done: number;
    inProgress: number;
    notStarted: number;
    overdue: number;
    rows: {
      path: string;
      title: string;
      leadUnits: string;
      status: string;
      percent: number;
      dueOn: string | null;
    }[];
  };
  indicators: IndicatorTotal[];
  narratives: NarrativeEntries[];
  board: { counts: BoardCounts; late: string[]; missing: string[] };
  /** The sentence on rescue within 30 minutes (src/domain/incidents/response.ts), when there were reports. */
  response?: string | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The summary line of the report for a period key. */
export function reviewTitle(periodKey: string, periodLabel: string, year: number): string {
  const topic = 'công tác bảo đảm trật tự, an toàn giao thông';
  const q = /^\d{4}-Q([1-4])$/.exec(periodKey);
  if (q) {
    const i = Number(q[1]);
    const next = i < 4 ? `quý ${ROMAN[i]} năm ${year}` : `quý I năm ${year + 1}`;
    return `Sơ kết ${topic} quý ${ROMAN[i - 1]} năm ${year}, nhiệm vụ trọng tâm ${next}`;
  }
  if (periodKey.endsWith('-H1'))
    return `Sơ kết ${topic} 6 tháng đầu năm ${year}, nhiệm vụ trọng tâm 6 tháng cuối năm ${year}`;
  if (periodKey.endsWith('-N9'))
    return `Sơ kết ${topic} 9 tháng năm ${year}, nhiệm vụ trọng tâm quý IV năm ${year}`;
  if (periodKey.endsWith('-Y'))
    return `Tổng kết ${topic} năm ${year}, phương hướng, nhiệm vụ năm ${year + 1}`;
  return `Kết quả ${topic} ${periodLabel.charAt(0).toLowerCase()}${periodLabel.slice(1)}`;
}

/** Words for the next period in the heading of section IV. */
function nextPeriodWords(periodKey: string, year: number): string {
  const q = /^\d{4}-Q([1-4])$/.exec(periodKey);
  if (q) return Number(q[1]) < 4 ? `quý ${ROMAN[Number(q[1])]} năm ${year}` : `quý I năm ${year + 1}`;
  if (periodKey.endsWith('-H1')) return `6 tháng cuối năm ${year}`;
  if (periodKey.endsWith('-N9')) return `quý IV năm ${year}`;
  if (periodKey.endsWith('-Y')) return `năm ${year + 1}`;
  return 'kỳ tới';
}

function criteriaTable(
  title: string,
  keyHeading: string,
  rows: BreakdownRow[],
  input: ReviewInput,
): CriteriaTable {
  const sum = (pick: (r: BreakdownRow) => CriteriaCounts) =>
    rows.reduce<CriteriaCounts>(
      (a, r) => ({
        crashes: a.crashes + pick(r).crashes,
        deaths: a.deaths + pick(r).deaths,
        injured: a.injured + pick(r).injured,
      }),
      { crashes: 0, deaths: 0, injured: 0 },
    );
  return {
    title,
    keyHeading,
    currentLabel: input.crashes.currentLabel,
    previousLabel: input.crashes.previousLabel,
    rows: rows.map((r) => ({ label: r.label, current: r.current, previous: r.previous })),
    total: { label: 'Tổng cộng', current: sum((r) => r.current), previous: sum((r) => r.previous) },
  };
}

/** Rows with anything in either period, most crashes first. */
const meaningful = (rows: BreakdownRow[]) =>
  rows
    .filter((r) => r.current.crashes + r.previous.crashes + r.current.deaths + r.previous.deaths > 0)
    .sort((a, b) => b.current.crashes - a.current.crashes || a.label.localeCompare(b.label, 'vi'));

const pct = (part: number, whole: number) =>
  whole > 0 ? formatPercentVi((part / whole) * 100).replace(/^\+/, '') : '0,0 %';

function fromUnits(n: NarrativeEntries | undefined, placeholder: string): string[] {
  if (!n || n.entries.length === 0) return [placeholder];
  return n.entries.map((e) => `- ${e.unitName}: ${e.text.replace(/\s*\n+\s*/g, ' ')}`);
}

export function buildReviewDocument(input: ReviewInput): ReviewDocument {
  const { crashes, tasks, board } = input;
  const byCode = new Map(input.narratives.map((n) => [n.code, n]));
  const STANDARD = new Set(['shortcomings', 'causes', 'next_tasks', 'proposals']);

  // I. Results
  const results: string[] = [];
  results.push('1. Tình hình tai nạn giao thông');
  results.push(crashes.sentence);
  if (crashes.drivers) results.push(crashes.drivers);
  if (input.response) results.push(input.response);
  results.push('2. Kết quả thực hiện nhiệm vụ');
  if (tasks.total > 0)
    results.push(
      `Theo Kế hoạch ${tasks.planNumber ?? ''}`.trim() +
        `, các cơ quan, đơn vị được giao ${formatNumberVi(tasks.total)} nhiệm vụ: đã hoàn thành ${formatNumberVi(tasks.done)} nhiệm vụ (${pct(tasks.done, tasks.total)}), ` +
        `đang thực hiện ${formatNumberVi(tasks.inProgress)} nhiệm vụ, chưa triển khai ${formatNumberVi(tasks.notStarted)} nhiệm vụ; ` +
        `${tasks.overdue > 0 ? `${formatNumberVi(tasks.overdue)} nhiệm vụ quá hạn (chi tiết tại Phụ lục).` : 'không có nhiệm vụ quá hạn.'}`,
    );
  else results.push('Trong kỳ chưa có nhiệm vụ được giao theo kế hoạch.');
  for (const n of input.narratives)
    if (!STANDARD.has(n.code) && n.entries.length) {
      results.push(n.title);
      results.push(...fromUnits(n, ''));
    }
  results.push('3. Việc thực hiện chế độ báo cáo');
  const c = board.counts;
  const sent = c.onTime + c.late;
  results.push(
    `Có ${formatNumberVi(sent)}/${formatNumberVi(c.expected)} cơ quan, đơn vị gửi báo cáo, trong đó ${formatNumberVi(c.onTime)} đơn vị đúng hạn` +
      (c.late ? `, ${formatNumberVi(c.late)} đơn vị gửi muộn (${board.late.join(', ')})` : '') +
      (c.missing
        ? `; ${formatNumberVi(c.missing)} đơn vị chưa gửi báo cáo (${board.missing.join(', ')})`
        : '') +
      '.',
  );

  const tables: (CriteriaTable | PlainTable)[] = [];
  const communes = meaningful(crashes.byCommune);
  if (communes.length)
    tables.push(criteriaTable('Bảng 1. Tình hình TNGT theo xã, phường', 'Xã, phường', communes, input));
  const routes = meaningful(crashes.byRoute);
  if (routes.length)
    tables.push(criteriaTable('Bảng 2. Tình hình TNGT theo tuyến đường', 'Tuyến đường', routes, input));
  const causes = meaningful(crashes.byCause);
  if (causes.length)
    tables.push(criteriaTable('Bảng 3. Tình hình TNGT theo nguyên nhân', 'Nguyên nhân', causes, input));
  const reported = input.indicators.filter((i) => i.reporting > 0);
  if (reported.length)
    tables.push({
      title: `Bảng ${tables.length + 1}. Tổng hợp số liệu từ báo cáo của các cơ quan, đơn vị`,
      headings: ['Chỉ tiêu', 'Đơn vị tính', 'Cơ quan, ban, ngành', 'Xã, phường', 'Tổng số'],
      rows: reported.map((i) => [
        i.label,
        i.unit,
        formatNumberVi(i.agencies),
        formatNumberVi(i.communes),
        formatNumberVi(i.total),
      ]),
      widths: [40, 12, 16, 16, 16],
    });

  const sections: ReviewSection[] = [
    { number: 'I', heading: 'KẾT QUẢ THỰC HIỆN', paragraphs: results, tables },
    {
      number: 'II',
      heading: 'TỒN TẠI, HẠN CHẾ',
      paragraphs: fromUnits(byCode.get('shortcomings'), '(Văn phòng Ban ATGT bổ sung.)'),
    },
    {
      number: 'III',
      heading: 'NGUYÊN NHÂN',
      paragraphs: fromUnits(byCode.get('causes'), '(Văn phòng Ban ATGT bổ sung.)'),
    },
    {
      number: 'IV',
      heading: `NHIỆM VỤ TRỌNG TÂM ${nextPeriodWords(input.periodKey, input.year).toUpperCase()}`,
      paragraphs: fromUnits(byCode.get('next_tasks'), '(Văn phòng Ban ATGT bổ sung.)'),
    },
    {
      number: 'V',
      heading: 'ĐỀ XUẤT, KIẾN NGHỊ',
      paragraphs: fromUnits(byCode.get('proposals'), '(Văn phòng Ban ATGT bổ sung.)'),
    },
  ];

  const annexes: ReviewDocument['annexes'] = [];
  if (tasks.rows.length)
    annexes.push({
      title: `Tiến độ thực hiện nhiệm vụ${tasks.planNumber ? ` theo Kế hoạch ${tasks.planNumber}` : ''}`,
      table: {
        title: '',
        headings: ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn', 'Tình trạng', 'Tiến độ'],
        rows: tasks.rows.map((r) => [
          r.path,
          r.title,
          r.leadUnits,
          r.dueOn ? formatDateVi(r.dueOn) : '',
          r.status,
          `${formatNumberVi(r.percent)} %`,
        ]),
        widths: [7, 43, 18, 10, 12, 10],
      },
    });

  return {
    parentBody: input.parentBody,
    issuingBody: input.issuingBody,
    number: `…/${input.symbol}`,
    place: input.place,
    issuedOn: null,
    kind: 'BÁO CÁO',
    title: reviewTitle(input.periodKey, input.periodLabel, input.year),
    sections,
    annexes,
    recipients: [
      '- Ủy ban ATGT Quốc gia (b/c);',
      '- TT. Tỉnh ủy, HĐND tỉnh (b/c);',
      '- Chủ tịch, các PCT UBND tỉnh;',
      '- Thành viên Ban ATGT tỉnh;',
      '- UBND các xã, phường;',
      '- Lưu: VT, VP.',
    ],
    signer: { authority: 'TM. BAN AN TOÀN GIAO THÔNG', position: 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC', name: '' },
  };
}
