/**
 * The content of a review report (báo cáo sơ kết / tổng kết) as data: what the generator fills in from the
 * records and what the office edits before issue. The DOCX writer (src/server/reports/review-docx.ts) turns it
 * into a Decree 30/2020/NĐ-CP document; nothing here knows about files.
 */

/** A table of the three criteria (crashes, deaths, injured) against the same period last year. */
export interface CriteriaTable {
  /** e.g. 'Bảng 1. Tình hình TNGT theo xã, phường' */
  title: string;
  /** heading of the first column, e.g. 'Xã, phường' / 'Tuyến đường' / 'Nguyên nhân' */
  keyHeading: string;
  /** e.g. 'Quý I/2026' and 'Cùng kỳ 2025' */
  currentLabel: string;
  previousLabel: string;
  rows: CriteriaTableRow[];
  /** the 'Tổng cộng' row, written last in bold */
  total: CriteriaTableRow;
}

export interface CriteriaTableRow {
  label: string;
  current: { crashes: number; deaths: number; injured: number };
  previous: { crashes: number; deaths: number; injured: number };
}

/** A generic small table (e.g. consolidated indicators, the annex of task progress). */
export interface PlainTable {
  title: string;
  headings: string[];
  /** cells as displayed text (numbers already formatted the Vietnamese way) */
  rows: string[][];
  /** relative column widths, same length as headings */
  widths?: number[];
}

export interface ReviewSection {
  /** 'I', 'II' … written before the heading */
  number: string;
  heading: string;
  /** paragraphs of body text; a paragraph starting with '- ' is a dash item */
  paragraphs: string[];
  /** tables placed after the paragraphs */
  tables?: (CriteriaTable | PlainTable)[];
}

export interface ReviewDocument {
  /** 'BAN AN TOÀN GIAO THÔNG' style upper line of the issuing body (may be empty) and the body itself */
  parentBody: string;
  issuingBody: string;
  /** number and symbol, e.g. '45/BC-BATGT'; '…/BC-BATGT' while a draft */
  number: string;
  /** place in the date line, e.g. 'Lai Châu' */
  place: string;
  /** yyyy-mm-dd; null writes 'ngày … tháng … năm …' */
  issuedOn: string | null;
  /** 'BÁO CÁO' (document kind, written upper-case) */
  kind: string;
  /** the summary line under the kind, e.g. 'Sơ kết công tác bảo đảm TTATGT quý I năm 2026' */
  title: string;
  /** sections in order: results, shortcomings, causes, tasks for the next period, proposals */
  sections: ReviewSection[];
  /** annex tables (task progress …), each on its own page, landscape allowed */
  annexes: { title: string; table: PlainTable }[];
  /** 'Nơi nhận:' lines, e.g. ['- UBND tỉnh;', '- Lưu: VT.'] */
  recipients: string[];
  /** signature block */
  signer: { authority: string; position: string; name: string };
}

export const isCriteriaTable = (t: CriteriaTable | PlainTable): t is CriteriaTable => 'keyHeading' in t;
