/**
 * The award documents of a campaign as data for the Decree 30 writer: the list of units proposed for awards
 * (danh sách đề nghị khen thưởng, a report of the committee with the list as its table) and the draft decision
 * (dự thảo quyết định khen thưởng) whose articles confer each level on its units.
 */
import { formatNumberVi } from '../crashes/comparison.ts';
import { formatDateVi } from '../crashes/periods.ts';
import type { PlainTable, ReviewDocument } from '../reports/review-document.ts';
import type { AwardLevel } from './criteria.ts';
import { formatPointsVi } from './scoring.ts';

export interface AwardCampaign {
  name: string;
  documentNumber: string | null;
  issuingBody: string;
  from: string;
  to: string;
  /** 'Lai Châu' */
  place: string;
  provinceName: string;
}

export interface ProposedUnit {
  rank: number;
  name: string;
  score: number;
  classification: string;
  levelCode: string;
  achievement: string | null;
}

const byLevel = (levels: readonly AwardLevel[], units: readonly ProposedUnit[]) =>
  levels
    .map((level) => ({
      level,
      units: units.filter((u) => u.levelCode === level.code).sort((a, b) => a.rank - b.rank),
    }))
    .filter((g) => g.units.length > 0);

function listTable(levels: readonly AwardLevel[], units: readonly ProposedUnit[]): PlainTable {
  const rows: string[][] = [];
  let n = 0;
  for (const g of byLevel(levels, units)) {
    rows.push(['', g.level.title, '', '', '', '']);
    for (const u of g.units)
      rows.push([
        String(++n),
        u.name,
        formatPointsVi(u.score),
        String(u.rank),
        u.classification,
        u.achievement ?? '',
      ]);
  }
  return {
    title: 'Danh sách tập thể đề nghị khen thưởng',
    headings: ['STT', 'Tên tập thể', 'Điểm', 'Xếp hạng', 'Xếp loại', 'Thành tích'],
    rows,
    widths: [0.6, 3.2, 0.9, 0.9, 1.6, 3],
  };
}

const counted = (levels: readonly AwardLevel[], units: readonly ProposedUnit[]) =>
  byLevel(levels, units)
    .map((g) => `${g.level.title}: ${formatNumberVi(g.units.length)} tập thể`)
    .join('; ');

const campaignLine = (c: AwardCampaign) =>
  `${c.name}${c.documentNumber ? ` (phát động theo văn bản số ${c.documentNumber})` : ''}, từ ngày ${formatDateVi(c.from)} đến ngày ${formatDateVi(c.to)}`;

/** Tờ trình / danh sách đề nghị khen thưởng. */
export function awardListDocument(
  c: AwardCampaign,
  levels: readonly AwardLevel[],
  units: readonly ProposedUnit[],
): ReviewDocument {
  return {
    parentBody: c.provinceName ? `UBND tỉnh ${c.provinceName}` : '',
    issuingBody: c.issuingBody,
    number: '…/TTr-BATGT',
    place: c.place,
    issuedOn: null,
    kind: 'Tờ trình',
    title: `Về việc đề nghị khen thưởng tập thể có thành tích xuất sắc trong ${c.name}`,
    sections: [
      {
        number: 'I',
        heading: 'Kết quả phong trào',
        paragraphs: [
          `Thực hiện ${campaignLine(c)}, trên cơ sở kết quả tự chấm điểm của các đơn vị và kết quả thẩm định của Văn phòng Ban An toàn giao thông, ${c.issuingBody} đã tổng hợp, xếp hạng các tập thể tham gia phong trào.`,
        ],
      },
      {
        number: 'II',
        heading: 'Đề nghị khen thưởng',
        paragraphs: [
          `${c.issuingBody} đề nghị khen thưởng ${formatNumberVi(units.length)} tập thể (${counted(levels, units)}), danh sách kèm theo.`,
        ],
        tables: [listTable(levels, units)],
      },
    ],
    annexes: [],
    recipients: ['- Như trên;', '- Hội đồng Thi đua - Khen thưởng tỉnh;', '- Lưu: VT, VP.'],
    signer: { authority: 'KT. Trưởng ban', position: 'Phó Trưởng ban thường trực', name: '' },
  };
}

/** Dự thảo quyết định khen thưởng: one article per award level, the list as its annex. */
export function awardDecisionDocument(
  c: AwardCampaign,
  levels: readonly AwardLevel[],
  units: readonly ProposedUnit[],
): ReviewDocument {
  const groups = byLevel(levels, units);
  const articles = groups.map((g, i) => ({
    number: `Điều ${i + 1}`,
    heading: `Tặng ${g.level.title} cho ${formatNumberVi(g.units.length)} tập thể đã có thành tích xuất sắc trong ${c.name}:`,
    paragraphs: g.units.map((u) => `- ${u.name}${u.achievement ? `: ${u.achievement}` : ''}.`),
  }));
  const n = articles.length;
  return {
    parentBody: c.provinceName ? `UBND tỉnh ${c.provinceName}` : '',
    issuingBody: c.issuingBody,
    number: '…/QĐ-BATGT',
    place: c.place,
    issuedOn: null,
    kind: 'Quyết định',
    title: `Về việc khen thưởng tập thể có thành tích xuất sắc trong ${c.name}`,
    sections: [
      {
        number: '',
        heading: '',
        paragraphs: [
          'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
          `Căn cứ ${campaignLine(c)};`,
          'Xét đề nghị của Chánh Văn phòng Ban An toàn giao thông.',
        ],
      },
      { number: '', heading: 'QUYẾT ĐỊNH:', paragraphs: [] },
      ...articles,
      {
        number: `Điều ${n + 1}`,
        heading: 'Quyết định này có hiệu lực kể từ ngày ký.',
        paragraphs: [],
      },
      {
        number: `Điều ${n + 2}`,
        heading: `Chánh Văn phòng Ban An toàn giao thông, thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể có tên tại ${groups.length > 1 ? `Điều 1 đến Điều ${n}` : 'Điều 1'} chịu trách nhiệm thi hành Quyết định này./.`,
        paragraphs: [],
      },
    ],
    annexes: [{ title: 'Danh sách tập thể được khen thưởng', table: listTable(levels, units) }],
    recipients: [`- Như Điều ${String(n + 2)};`, '- Hội đồng Thi đua - Khen thưởng tỉnh;', '- Lưu: VT, VP.'],
    signer: { authority: 'TRƯỞNG BAN', position: '', name: '' },
  };
}
