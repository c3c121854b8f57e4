/**
 * `atgt plans parse FILE [--json] [--date yyyy-mm-dd] [--prose]`: reads an appendix (TSV, CSV, XLSX,
 * DOCX) or a prose plan without touching the database, resolving unit names against the demo
 * province's directory, and prints what it understood.
 */
import { readFile, stat } from 'node:fs/promises';
import type { AppendixIssue } from '../../domain/plans/appendix.ts';
import { buildImportPreview } from '../../domain/plans/plan-import.ts';
import { demoResolver } from './directory.ts';
import { readPlanDocument } from './read-document.ts';
import { MAX_IMPORT_BYTES } from './schemas.ts';

export interface ParsedTask {
  number: string;
  kind: 'section' | 'task';
  text: string;
  timeframe: { text: string; kind: string; due: string[] };
  leads: string[];
  coordinators: string[];
  note: string;
  uncertain: string[];
}
export interface ParseOutput {
  plan: {
    number?: string;
    date?: string;
    issuingBody?: string;
    planDate: string;
    layout: string;
    format: string;
  } | null;
  tasks: ParsedTask[];
  problems: AppendixIssue[];
}

export async function parsePlanFile(
  file: string,
  options: { planDate?: string; prose?: boolean; today: string },
): Promise<ParseOutput> {
  const fail = (message: string): ParseOutput => ({
    plan: null,
    tasks: [],
    problems: [{ row: 0, column: 'Tệp', message, severity: 'error' }],
  });
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return fail(`Không mở được tệp «${file}»`);
  }
  if (size > MAX_IMPORT_BYTES) return fail('Tệp vượt quá dung lượng cho phép (5 MB)');
  const bytes = new Uint8Array(await readFile(file));
  const result = await readPlanDocument(
    { fileName: file, bytes },
    {
      today: options.today,
      ...(options.planDate ? { planDate: options.planDate } : {}),
      ...(options.prose ? { layout: 'prose' as const } : {}),
    },
  );
  if (!result.ok) return { plan: null, tasks: [], problems: result.problems };
  const doc = result.document;
  const preview = buildImportPreview(doc.reading, demoResolver(), { planDate: doc.planDate });
  return {
    plan: { ...doc.reference, planDate: doc.planDate, layout: doc.layout, format: doc.format },
    tasks: preview.items.map((i) => ({
      number: i.path,
      kind: i.kind,
      text: i.title,
      timeframe: { text: i.timeframeText, kind: i.scheduleKind, due: i.occurrences.map((o) => o.dueOn) },
      leads: i.leads.map((l) => l.display),
      coordinators: i.coordinators.map((c) => c.display),
      note: i.note,
      uncertain: i.uncertain,
    })),
    problems: preview.problems,
  };
}

/** The human-readable form, one block per item. */
export function formatParseOutput(out: ParseOutput): string {
  const lines: string[] = [];
  if (out.plan)
    lines.push(
      `Kế hoạch ${out.plan.number ?? '(chưa rõ số)'} — ngày áp dụng ${out.plan.planDate} (${out.plan.layout}, ${out.plan.format})`,
      '',
    );
  for (const t of out.tasks) {
    lines.push(`${t.number}. ${t.text}`);
    if (t.timeframe.text)
      lines.push(
        `   Thời gian: ${t.timeframe.text} [${t.timeframe.kind}]${t.timeframe.due.length ? ` → ${t.timeframe.due.join(', ')}` : ''}`,
      );
    if (t.leads.length) lines.push(`   Chủ trì: ${t.leads.join('; ')}`);
    if (t.coordinators.length) lines.push(`   Phối hợp: ${t.coordinators.join('; ')}`);
    if (t.note) lines.push(`   Ghi chú: ${t.note}`);
    for (const u of t.uncertain) lines.push(`   ? ${u}`);
  }
  if (out.problems.length) {
    lines.push('', 'Vấn đề:');
    for (const p of out.problems)
      lines.push(
        `  [${p.severity === 'error' ? 'LỖI' : 'lưu ý'}] dòng ${p.row}, cột ${p.column}: ${p.message}`,
      );
  }
  return lines.join('\n');
}
