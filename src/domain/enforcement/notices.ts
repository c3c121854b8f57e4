/**
 * The contents of the two enforcement notices as review-document data (src/domain/reports/review-document.ts),
 * which src/server/reports/review-docx.ts writes in the Decree 30/2020/NĐ-CP layout:
 * - the notice of a violation to the vehicle's owner (thông báo vi phạm; for camera violations, phạt nguội):
 *   what, when, where, plate, evidence hashes, the fine range of the day and how to pay through a bank;
 * - the monthly notice to a unit (workplace, school, commune) listing its people who violated, so that
 *   compliance counts in their evaluation and in emulation.
 * Pure: the facts are arguments; dates are written from instants in Viet Nam time (UTC+7).
 * The wording (20 days to come forward, payment channels) summarises current practice and is to be checked
 * against the Ministry of Public Security's circular in force before issue.
 */

import { formatNumberVi } from '../crashes/comparison.ts';
import { formatDateVi } from '../crashes/periods.ts';
import type { PlainTable, ReviewDocument } from '../reports/review-document.ts';

export interface NoticeIssuer {
  /** e.g. 'Công an tỉnh Lai Châu' */
  parentBody: string;
  /** e.g. 'Phòng Cảnh sát giao thông' */
  issuingBody: string;
  /** symbol after the number, e.g. 'TB-PC08' */
  symbol: string;
  /** place in the date line, e.g. 'Lai Châu' */
  place: string;
  /** yyyy-mm-dd, or null for 'ngày … tháng … năm …' */
  issuedOn: string | null;
  signer: { authority: string; position: string; name: string };
}

export interface NoticeViolation {
  id: number;
  source: 'patrol' | 'camera';
  typeLabel: string;
  ruleSetTitle: string;
  /** ISO instant */
  occurredAt: string;
  place: string | null;
  communeName: string | null;
  lat: number | null;
  lon: number | null;
  plateDisplay: string | null;
  vehicleTypeLabel: string | null;
  speedKmh: number | null;
  speedLimitKmh: number | null;
  fineMin: number | null;
  fineMax: number | null;
  fineVnd: number | null;
  points: number | null;
  evidence: { sha256?: string; url?: string }[];
  ownerName: string | null;
  ownerAddress: string | null;
}

/** '21 giờ 15 phút, ngày 20/01/2026' in Viet Nam time. */
export function localTimeWords(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  const [date, time] = [t.slice(0, 10), t.slice(11, 16)];
  const [h, m] = time.split(':');
  return `${h} giờ ${m} phút, ngày ${formatDateVi(date)}`;
}

/** 'Thông báo số' of a violation: its id, so that the payment reference finds it. */
export const noticeNumber = (id: number, symbol: string) => `${id}/${symbol}`;

export function violationNotice(v: NoticeViolation, issuer: NoticeIssuer): ReviewDocument {
  const number = noticeNumber(v.id, issuer.symbol);
  const where =
    [v.place, v.communeName].filter((x) => x && x.trim() !== '').join(', ') || 'Chưa ghi địa điểm';
  const coords = v.lat !== null && v.lon !== null ? ` (tọa độ ${v.lat.toFixed(5)}, ${v.lon.toFixed(5)})` : '';
  const range =
    v.fineMin !== null && v.fineMax !== null
      ? `Từ ${formatNumberVi(v.fineMin)} đồng đến ${formatNumberVi(v.fineMax)} đồng`
      : 'Theo quyết định xử phạt';
  const facts: [string, string][] = [
    ['Biển số', v.plateDisplay ?? 'Không xác định'],
    ['Loại phương tiện', v.vehicleTypeLabel ?? 'Không xác định'],
    ['Thời gian vi phạm', localTimeWords(v.occurredAt)],
    ['Địa điểm vi phạm', where + coords],
    ['Hành vi vi phạm', v.typeLabel],
    ...(v.speedKmh !== null
      ? ([
          [
            'Tốc độ đo được',
            `${v.speedKmh} km/h${v.speedLimitKmh !== null ? ` (tốc độ cho phép ${v.speedLimitKmh} km/h)` : ''}`,
          ],
        ] as [string, string][])
      : []),
    ['Căn cứ', v.ruleSetTitle],
    ['Mức phạt tiền theo quy định', range],
    ...(v.fineVnd !== null
      ? ([['Mức phạt đã quyết định', `${formatNumberVi(v.fineVnd)} đồng`]] as [string, string][])
      : []),
    ['Điểm trừ giấy phép lái xe', v.points ? `${v.points} điểm` : 'Không'],
    ['Phát hiện bởi', v.source === 'camera' ? 'Hệ thống camera giám sát' : 'Tổ tuần tra, kiểm soát'],
  ];
  const evidence = v.evidence.filter((e) => e.sha256 || e.url);
  const evidenceTable: PlainTable = {
    title: 'Dữ liệu hình ảnh, chứng cứ',
    headings: ['TT', 'Mã kiểm tra (SHA-256)', 'Nơi lưu'],
    rows: evidence.map((e, i) => [String(i + 1), e.sha256 ?? '', e.url ?? '']),
    widths: [0.6, 5, 3],
  };
  const owner = v.ownerName ? `${v.ownerName}${v.ownerAddress ? `, địa chỉ: ${v.ownerAddress}` : ''}` : null;
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    number,
    place: issuer.place,
    issuedOn: issuer.issuedOn,
    kind: 'Thông báo',
    title:
      v.source === 'camera'
        ? 'Về việc phương tiện vi phạm trật tự, an toàn giao thông được phát hiện qua hình ảnh'
        : 'Về việc vi phạm trật tự, an toàn giao thông đường bộ',
    sections: [
      {
        number: 'I',
        heading: 'Thông tin vi phạm',
        paragraphs: [
          `Kính gửi: ${owner ?? `Chủ phương tiện mang biển số ${v.plateDisplay ?? '…'}`}.`,
          `${issuer.issuingBody} thông báo phương tiện nêu dưới đây đã vi phạm trật tự, an toàn giao thông đường bộ:`,
        ],
        tables: [
          { title: '', headings: ['Nội dung', 'Chi tiết'], rows: facts, widths: [1, 2] },
          ...(evidence.length ? [evidenceTable] : []),
        ],
      },
      {
        number: 'II',
        heading: 'Yêu cầu',
        paragraphs: [
          `Đề nghị chủ phương tiện, người điều khiển phương tiện tại thời điểm vi phạm đến trụ sở ${issuer.issuingBody} trong thời hạn 20 ngày kể từ ngày nhận được Thông báo này để giải quyết vụ việc, hoặc liên hệ qua Cổng Dịch vụ công quốc gia.`,
          'Trường hợp không đến giải quyết, phương tiện có thể bị tạm dừng kiểm định theo quy định.',
        ],
      },
      {
        number: 'III',
        heading: 'Hình thức nộp tiền phạt',
        paragraphs: [
          'Sau khi có quyết định xử phạt, người vi phạm nộp tiền phạt qua ngân hàng, không phải đến nơi nộp trực tiếp:',
          '- Nộp trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) bằng tài khoản ngân hàng hoặc ví điện tử;',
          '- Chuyển khoản hoặc nộp tại quầy của ngân hàng, Kho bạc Nhà nước vào tài khoản thu ngân sách ghi trong quyết định xử phạt;',
          `- Nội dung nộp tiền ghi: "TB ${number}${v.plateDisplay ? ` ${v.plateDisplay}` : ''}".`,
        ],
      },
    ],
    annexes: [],
    recipients: ['- Như trên;', '- Lưu: VT, hồ sơ.'],
    signer: issuer.signer,
  };
}

export interface UnitNoticeRow {
  personName: string;
  occurredAt: string;
  typeLabel: string;
  place: string | null;
  plateDisplay: string | null;
  fineVnd: number | null;
}

export function unitNotice(
  unit: { name: string; kind: 'org_unit' | 'school' | 'commune' },
  month: { label: string; year: number },
  /** the people behind the rows, counted by countViolatorsByUnit (src/domain/enforcement/violators.ts) */
  people: number,
  rows: readonly UnitNoticeRow[],
  issuer: NoticeIssuer,
): ReviewDocument {
  const whom =
    unit.kind === 'school'
      ? 'học sinh, sinh viên'
      : unit.kind === 'commune'
        ? 'người cư trú trên địa bàn'
        : 'cán bộ, công chức, viên chức, người lao động';
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    number: `…/${issuer.symbol}`,
    place: issuer.place,
    issuedOn: issuer.issuedOn,
    kind: 'Thông báo',
    title: `Danh sách ${whom} của ${unit.name} vi phạm trật tự, an toàn giao thông ${month.label.toLocaleLowerCase('vi')}`,
    sections: [
      {
        number: 'I',
        heading: 'Tình hình vi phạm',
        paragraphs: [
          `Kính gửi: ${unit.name}.`,
          rows.length === 0
            ? `${month.label}, lực lượng Cảnh sát giao thông không phát hiện ${whom} của đơn vị vi phạm trật tự, an toàn giao thông.`
            : `${month.label}, lực lượng Cảnh sát giao thông đã phát hiện, xử lý ${people} ${whom} của đơn vị với ${rows.length} lượt vi phạm trật tự, an toàn giao thông, cụ thể như sau:`,
        ],
        tables: rows.length
          ? [
              {
                title: '',
                headings: ['TT', 'Họ và tên', 'Thời gian', 'Hành vi vi phạm', 'Biển số', 'Mức phạt (đồng)'],
                rows: rows.map((r, i) => [
                  String(i + 1),
                  r.personName,
                  localTimeWords(r.occurredAt).replace(/^.*ngày /, ''),
                  r.typeLabel,
                  r.plateDisplay ?? '',
                  r.fineVnd === null ? '' : formatNumberVi(r.fineVnd),
                ]),
                widths: [0.5, 2.2, 1.4, 3.2, 1.5, 1.4],
              },
            ]
          : [],
      },
      {
        number: 'II',
        heading: 'Đề nghị',
        paragraphs: [
          `Đề nghị ${unit.name} nhắc nhở, giáo dục các trường hợp vi phạm; đưa việc chấp hành pháp luật về trật tự, an toàn giao thông vào tiêu chí đánh giá, xếp loại và bình xét thi đua, khen thưởng năm ${month.year}.`,
        ],
      },
    ],
    annexes: [],
    recipients: [`- ${unit.name};`, '- Ban An toàn giao thông tỉnh (để theo dõi);', '- Lưu: VT.'],
    signer: issuer.signer,
  };
}
