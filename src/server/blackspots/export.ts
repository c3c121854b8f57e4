/** The black-spot list as an Excel workbook and a Word document (landscape table, Decree 30 header). */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { formatKmMarker } from '../../domain/crashes/duplicates.ts';
import { dmy } from '../../domain/plans/timeframe.ts';
import type { Db } from '../platform/db.ts';
import { STATUS_LABEL } from './service.ts';

const KIND_LABEL: Record<string, string> = {
  black_spot: 'Điểm đen',
  potential: 'Điểm tiềm ẩn TNGT',
  hazard: 'Nguy cơ khác',
};
const HEAD = [
  'STT',
  'Loại',
  'Vị trí',
  'Số vụ',
  'Số vụ có người chết',
  'Số người chết',
  'Số người bị thương',
  'Tình trạng',
  'Biện pháp xử lý',
  'Đơn vị chủ trì',
  'Hạn',
];

interface Row {
  kind: string;
  status: keyof typeof STATUS_LABEL;
  name: string;
  roadCode: string | null;
  fromM: number | null;
  toM: number | null;
  crashes: number;
  fatalCrashes: number;
  deaths: number;
  injured: number;
  measures: string | null;
  unit: string | null;
  due: string | null;
}

async function rows(db: Db, status?: string): Promise<string[][]> {
  const list = await db.query<Row>(
    `SELECT b.kind, b.status, b.name, r.code AS "roadCode", b.from_m AS "fromM", b.to_m AS "toM", b.crashes,
            b.fatal_crashes AS "fatalCrashes", b.deaths, b.injured, b.remedy_measures AS measures, u.name AS unit,
            b.remedy_due::text AS due
       FROM black_spots b LEFT JOIN roads r ON r.id = b.road_id LEFT JOIN org_units u ON u.id = b.remedy_lead_unit_id
      WHERE ($1::text IS NULL OR b.status = $1) ORDER BY b.kind, b.fatal_crashes DESC, b.crashes DESC, b.id`,
    [status ?? null],
  );
  return list.map((r, i) => [
    String(i + 1),
    KIND_LABEL[r.kind] ?? r.kind,
    r.roadCode && r.fromM !== null
      ? `${r.roadCode} ${formatKmMarker(r.fromM)}${r.toM !== null && r.toM !== r.fromM ? ` – ${formatKmMarker(r.toM)}` : ''}`
      : r.name,
    String(r.crashes),
    String(r.fatalCrashes),
    String(r.deaths),
    String(r.injured),
    STATUS_LABEL[r.status] ?? r.status,
    r.measures ?? '',
    r.unit ?? '',
    r.due ? dmy(r.due) : '',
  ]);
}

export async function spotsWorkbook(db: Db, status?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Diem den', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.addRow(['DANH SÁCH ĐIỂM ĐEN, ĐIỂM TIỀM ẨN TAI NẠN GIAO THÔNG']).font = {
    bold: true,
    name: 'Times New Roman',
    size: 13,
  };
  ws.addRow([]);
  ws.addRow(HEAD).font = { bold: true, name: 'Times New Roman' };
  for (const r of await rows(db, status)) ws.addRow(r.map((c, i) => (i >= 3 && i <= 6 ? Number(c) : c)));
  HEAD.forEach((_, i) => {
    ws.getColumn(i + 1).width = [6, 16, 34, 8, 10, 10, 10, 22, 40, 26, 12][i] ?? 12;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'Times New Roman', size: 24 })] })],
  });

export async function spotsDocument(db: Db, status?: string): Promise<Uint8Array> {
  const body = await rows(db, status);
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.HEADING_1,
            children: [
              new TextRun({
                text: 'DANH SÁCH ĐIỂM ĐEN, ĐIỂM TIỀM ẨN TAI NẠN GIAO THÔNG',
                bold: true,
                font: 'Times New Roman',
                size: 28,
              }),
            ],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: HEAD.map((h) => cell(h, true)) }),
              ...body.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
