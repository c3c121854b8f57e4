/**
 * Reads a plan document — an appendix table (pasted, TSV, CSV, XLSX, DOCX) or a prose plan — into
 * items, finding the plan it belongs to on the way. No database: the command line and the import
 * endpoints share it.
 */
import {
  type AppendixIssue,
  type AppendixReading,
  readAppendix,
  splitPastedTable,
} from '../../domain/plans/appendix.ts';
import { findPlanReference, type PlanReference } from '../../domain/plans/plan-reference.ts';
import { readProsePlan } from '../../domain/plans/prose.ts';
import { readGrid } from './files/read-grid.ts';

export type PlanLayout = 'table' | 'prose';
export type DocumentSource = { fileName: string; bytes: Uint8Array } | { text: string };

export interface PlanDocument {
  format: 'paste' | 'tsv' | 'csv' | 'xlsx' | 'docx';
  layout: PlanLayout;
  reference: PlanReference;
  /** The date units are resolved at and dues are anchored to: the given one, else the reference's. */
  planDate: string;
  reading: Pick<AppendixReading, 'items' | 'issues' | 'title'>;
}

export type ReadResult = { ok: true; document: PlanDocument } | { ok: false; problems: AppendixIssue[] };

const lineOf = (row: string[]) => row.filter((c) => c !== '').join(' ');

/**
 * Reads the document; `planDate` overrides the date found in it, and is needed when none is found
 * (`today` is the last resort, so that a reading is always possible).
 */
export async function readPlanDocument(
  source: DocumentSource,
  options: { planDate?: string; layout?: PlanLayout; today: string },
): Promise<ReadResult> {
  let grid: string[][];
  let format: PlanDocument['format'];
  if ('text' in source) {
    if (source.text.trim() === '')
      return {
        ok: false,
        problems: [{ row: 1, column: 'Nội dung', message: 'Chưa có nội dung để đọc', severity: 'error' }],
      };
    grid = splitPastedTable(source.text);
    format = 'paste';
  } else {
    const result = await readGrid(source.bytes, source.fileName);
    if (!result.ok)
      return {
        ok: false,
        problems: result.problems.map((p) => ({
          row: p.row ?? 0,
          column: p.column ?? 'Tệp',
          message: p.message,
          severity: 'error' as const,
        })),
      };
    grid = result.grid;
    format = result.format;
  }
  const lines = grid.map(lineOf);
  const reference = findPlanReference(lines.slice(0, 40));
  const planDate = options.planDate ?? reference.date ?? options.today;
  const context = { planYear: Number(planDate.slice(0, 4)), planDate };

  const table = () => readAppendix(grid, context);
  const prose = () => readProsePlan(lines.join('\n'), context);
  let layout: PlanLayout = options.layout ?? 'table';
  let reading: PlanDocument['reading'];
  if (options.layout === 'prose') reading = prose();
  else {
    const read = table();
    reading = read;
    if (!options.layout && read.columns === null) {
      // No appendix header: a prose plan, if it names responsible units.
      const p = prose();
      if (p.items.length > 0) {
        reading = p;
        layout = 'prose';
      }
    }
  }
  const header =
    'header' in reading ? (reading as { header?: PlanReference & { title?: string } }).header : undefined;
  return {
    ok: true,
    // A prose plan names itself in its header; a scan of its lines would find the plans it cites.
    document: {
      format,
      layout,
      reference: layout === 'prose' ? { ...header } : { ...header, ...reference },
      planDate,
      reading,
    },
  };
}
