/** Files of a campaign: the ranking in Excel, the award proposal list and the draft decision in Word. */
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../domain/crashes/periods.ts';
import { leavesOf } from '../../domain/emulation/criteria.ts';
import {
  type AwardCampaign,
  awardDecisionDocument,
  awardListDocument,
} from '../../domain/emulation/documents.ts';
import { finalPoints } from '../../domain/emulation/scoring.ts';
import type { Db } from '../platform/db.ts';
import { conflict } from '../platform/errors.ts';
import { reviewToDocx } from '../reports/review-docx.ts';
import { getMeta } from '../system/meta.ts';
import { campaignRow, ranking, scoreRows } from './service.ts';

const FONT = { name: 'Times New Roman' };

export async function rankingWorkbook(db: Db, campaignId: number): Promise<Uint8Array> {
  const c = await campaignRow(db, campaignId);
  const r = await ranking(db, campaignId);
  const levels = new Map(c.awardLevels.map((l) => [l.code, l.title]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Xếp hạng');
  ws.addRow([c.name]).font = { ...FONT, bold: true };
  ws.addRow([`Từ ngày ${formatDateVi(c.from)} đến ngày ${formatDateVi(c.to)}; thang điểm 100`]).font = FONT;
  ws.addRow([]);
  ws.addRow([
    'Xếp hạng',
    'Đơn vị',
    'Điểm đạt',
    'Điểm tối đa',
    'Điểm (thang 100)',
    'Xếp loại',
    'Đề xuất theo quy định',
    'Đề nghị khen thưởng',
  ]).font = { ...FONT, bold: true };
  for (const row of r.rows) {
    const added = ws.addRow([
      row.rank,
      row.name,
      row.earned,
      row.max,
      row.score,
      row.classification,
      row.suggestedLevel ? (levels.get(row.suggestedLevel) ?? '') : '',
      row.proposedLevel ? (levels.get(row.proposedLevel) ?? '') : '',
    ]);
    added.font = FONT;
    for (const col of [3, 4, 5]) added.getCell(col).numFmt = '0.##';
  }
  ws.getColumn(2).width = 40;
  for (const col of [1, 3, 4, 5]) ws.getColumn(col).width = 12;
  for (const col of [6, 7, 8]) ws.getColumn(col).width = 30;
  // The points of every leaf, one unit a row, for whoever checks the arithmetic.
  const detail = wb.addWorksheet('Điểm từng tiêu chí');
  const leaves = leavesOf(c.criteria);
  detail.addRow(['Đơn vị', ...leaves.map((l) => `${l.code} (${l.maxPoints})`), 'Tổng']).font = {
    ...FONT,
    bold: true,
  };
  const scores = await scoreRows(db, campaignId);
  for (const row of r.rows) {
    const mine = new Map(scores.filter((x) => x.orgUnitId === row.orgUnitId).map((x) => [x.code, x]));
    detail.addRow([row.name, ...leaves.map((l) => finalPoints(l, mine.get(l.code))), row.earned]).font = FONT;
  }
  detail.getColumn(1).width = 40;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function proposedUnits(db: Db, campaignId: number) {
  const c = await campaignRow(db, campaignId);
  const r = await ranking(db, campaignId);
  const units = r.rows
    .filter((row) => row.proposedLevel !== null)
    .map((row) => ({
      rank: row.rank,
      name: row.name,
      score: row.score,
      classification: row.classification,
      levelCode: row.proposedLevel!,
      achievement: row.achievement,
    }));
  if (units.length === 0) throw conflict('Chưa có đơn vị nào trong danh sách đề nghị khen thưởng.');
  const { provinceName } = await getMeta(db);
  const campaign: AwardCampaign = {
    name: c.name,
    documentNumber: c.documentNumber,
    issuingBody: c.issuingBody,
    from: c.from,
    to: c.to,
    place: provinceName,
    provinceName,
  };
  return { c, campaign, units };
}

export async function awardListFile(db: Db, campaignId: number) {
  const { c, campaign, units } = await proposedUnits(db, campaignId);
  return {
    bytes: Buffer.from(await reviewToDocx(awardListDocument(campaign, c.awardLevels, units))),
    filename: `De-nghi-khen-thuong-${campaignId}.docx`,
  };
}

export async function awardDecisionFile(db: Db, campaignId: number) {
  const { c, campaign, units } = await proposedUnits(db, campaignId);
  return {
    bytes: Buffer.from(await reviewToDocx(awardDecisionDocument(campaign, c.awardLevels, units))),
    filename: `Du-thao-quyet-dinh-khen-thuong-${campaignId}.docx`,
  };
}
