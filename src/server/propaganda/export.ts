/**
 * The propaganda statistics as an Excel workbook: a summary sheet (totals, by channel, by audience, by unit),
 * the months, and the list of sessions. Dates are real dates shown dd/mm/yyyy; numbers are numbers with a
 * thousands format, which Excel shows with the reader's separators (1.234 on a Vietnamese machine).
 */
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../domain/crashes/periods.ts';
import { audienceLabel, channelLabel } from '../../domain/propaganda/codes.ts';
import type { StatsResult, StatsSession } from './service.ts';

const FONT = { name: 'Times New Roman', size: 12 };
const BOLD = { ...FONT, bold: true };
const NUMBER = '#,##0';
const DATE = 'dd/mm/yyyy';

const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

function title(ws: ExcelJS.Worksheet, result: StatsResult, what: string): void {
  const unit = result.orgUnit ? ` — ${result.orgUnit.name} và đơn vị trực thuộc` : '';
  ws.addRow([
    `${what} từ ${formatDateVi(result.period.from)} đến ${formatDateVi(result.period.to)}${unit}`,
  ]).font = { ...BOLD, size: 13 };
  ws.addRow([]);
}

function table(
  ws: ExcelJS.Worksheet,
  header: string[],
  rows: (string | number)[][],
  total?: (string | number)[],
) {
  ws.addRow(header).font = BOLD;
  for (const r of rows) ws.addRow(r).font = FONT;
  if (total) ws.addRow(total).font = BOLD;
  ws.addRow([]);
}

export async function statsWorkbook(result: StatsResult, sessions: StatsSession[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ATGT';

  const summary = wb.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  title(summary, result, 'Công tác tuyên truyền, phổ biến, giáo dục pháp luật về TTATGT');
  const t = result.totals;
  table(
    summary,
    ['Chỉ tiêu', 'Số lượng'],
    [
      ['Số buổi, hoạt động tuyên truyền', t.sessions],
      ['Số lượt người tham dự', t.participants],
      ['Số tài liệu, tờ rơi đã phát', t.materials],
      ['Số đơn vị tổ chức', t.units],
    ],
  );
  const head = (first: string) => [first, 'Số buổi', 'Số lượt người'];
  table(
    summary,
    head('Hình thức'),
    result.byChannel.map((c) => [c.label, c.sessions, c.participants]),
    ['Tổng cộng', t.sessions, t.participants],
  );
  table(
    summary,
    head('Đối tượng (một buổi cho nhiều đối tượng được tính ở mỗi đối tượng)'),
    result.byAudience.map((a) => [a.label, a.sessions, a.participants]),
  );
  table(
    summary,
    head('Đơn vị tổ chức'),
    result.byUnit.map((u) => [u.name, u.sessions, u.participants]),
    ['Tổng cộng', t.sessions, t.participants],
  );
  summary.getColumn(1).width = 60;
  summary.getColumn(2).width = 14;
  summary.getColumn(3).width = 16;
  for (const c of [2, 3]) summary.getColumn(c).numFmt = NUMBER;

  const months = wb.addWorksheet('Theo tháng');
  title(months, result, 'Tuyên truyền TTATGT theo tháng');
  table(
    months,
    ['Tháng', 'Số buổi', 'Số lượt người'],
    result.byMonth.map((m) => [`${m.month.slice(5)}/${m.month.slice(0, 4)}`, m.sessions, m.participants]),
    ['Tổng cộng', t.sessions, t.participants],
  );
  months.getColumn(1).width = 14;
  months.getColumn(2).width = 12;
  months.getColumn(3).width = 16;
  for (const c of [2, 3]) months.getColumn(c).numFmt = NUMBER;

  const list = wb.addWorksheet('Danh sách buổi', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  title(list, result, 'Danh sách buổi, hoạt động tuyên truyền');
  list.addRow([
    'STT',
    'Ngày',
    'Đơn vị tổ chức',
    'Xã, phường',
    'Địa điểm',
    'Nội dung',
    'Hình thức',
    'Đối tượng',
    'Số người',
    'Số tài liệu',
  ]).font = BOLD;
  sessions.forEach((s, i) => {
    const row = list.addRow([
      i + 1,
      dateCell(s.heldOn),
      s.orgUnitName,
      s.adminUnitName ?? '',
      s.place,
      s.topic,
      channelLabel(s.channel),
      s.audiences.map(audienceLabel).join('; '),
      s.participants,
      s.materialsCount ?? '',
    ]);
    row.font = FONT;
    row.getCell(2).numFmt = DATE;
    row.getCell(9).numFmt = NUMBER;
    row.getCell(10).numFmt = NUMBER;
  });
  [6, 12, 32, 20, 28, 44, 24, 36, 12, 12].forEach((w, i) => {
    list.getColumn(i + 1).width = w;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
