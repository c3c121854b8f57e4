/**
 * Consolidation (tổng hợp) of the units' reports, and the sentences a clerk writes about what drove a rise.
 */
import { formatNumberVi } from '../crashes/comparison.ts';
import type { FormDefinition, SubmissionValues } from './forms.ts';

export type UnitGroup = 'agency' | 'commune';

export interface IndicatorTotal {
  code: string;
  label: string;
  unit: string;
  group: string | null;
  total: number;
  agencies: number;
  communes: number;
  reporting: number;
}

/** Sums each indicator over the reports given (the caller picks which: submitted and accepted ones). */
export function sumIndicators(
  def: FormDefinition,
  reports: readonly { group: UnitGroup; values: SubmissionValues }[],
): IndicatorTotal[] {
  return def.indicators.map((ind) => {
    const row: IndicatorTotal = {
      code: ind.code,
      label: ind.label,
      unit: ind.unit,
      group: ind.group ?? null,
      total: 0,
      agencies: 0,
      communes: 0,
      reporting: 0,
    };
    for (const r of reports) {
      const v = r.values.indicators[ind.code];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      row.reporting++;
      row.total += v;
      if (r.group === 'agency') row.agencies += v;
      else row.communes += v;
    }
    // Sums of decimals are rounded to what a person would write (no 0.30000000000000004).
    for (const k of ['total', 'agencies', 'communes'] as const) row[k] = Math.round(row[k] * 1e6) / 1e6;
    return row;
  });
}

export interface NarrativeEntries {
  code: string;
  title: string;
  entries: { unitName: string; text: string }[];
}

/** Each narrative section with what every unit wrote in it (units in the order given, empty ones left out). */
export function narrativeEntries(
  def: FormDefinition,
  reports: readonly { unitName: string; values: SubmissionValues }[],
): NarrativeEntries[] {
  return def.sections.map((s) => ({
    code: s.code,
    title: s.title,
    entries: reports
      .map((r) => ({ unitName: r.unitName, text: (r.values.sections[s.code] ?? '').trim() }))
      .filter((e) => e.text !== ''),
  }));
}

export interface CriteriaCounts {
  crashes: number;
  deaths: number;
  injured: number;
}

export interface BreakdownRow {
  /** '' for the rows of crashes with no value (no route, cause not known): never named as a driver */
  key?: string;
  label: string;
  current: CriteriaCounts;
  previous: CriteriaCounts;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const CRITERIA: { key: keyof CriteriaCounts; subject: string; unit: string }[] = [
  { key: 'crashes', subject: 'Số vụ TNGT', unit: 'vụ' },
  { key: 'deaths', subject: 'Số người chết', unit: 'người' },
  { key: 'injured', subject: 'Số người bị thương', unit: 'người' },
];

/**
 * For each criterion that rose against the same period, the places, routes and causes that rose most
 * (at most `top` of each, largest rise first, ties by label), e.g.
 * "Số vụ TNGT tăng chủ yếu tại xã Bình Lư (+3 vụ), phường Tân Phong (+2 vụ); trên tuyến QL4D (+4 vụ);
 * do nguyên nhân chạy quá tốc độ (+3 vụ)." Empty when nothing rose.
 */
export function riseDrivers(
  total: { current: CriteriaCounts; previous: CriteriaCounts },
  by: { communes: readonly BreakdownRow[]; routes: readonly BreakdownRow[]; causes: readonly BreakdownRow[] },
  top = 3,
): string {
  const sentences: string[] = [];
  for (const c of CRITERIA) {
    if (total.current[c.key] <= total.previous[c.key]) continue;
    const rising = (rows: readonly BreakdownRow[], label = (l: string) => l) =>
      rows
        .filter((r) => r.key !== '')
        .map((r) => ({ label: label(r.label), rise: r.current[c.key] - r.previous[c.key] }))
        .filter((r) => r.rise > 0 && r.label.trim() !== '')
        .sort((a, b) => b.rise - a.rise || a.label.localeCompare(b.label, 'vi'))
        .slice(0, top)
        .map((r) => `${r.label} (+${formatNumberVi(r.rise)} ${c.unit})`)
        .join(', ');
    const parts: string[] = [];
    // Inside a sentence: "tại xã Bình Lư", "do nguyên nhân chạy quá tốc độ".
    const places = rising(by.communes, lowerFirst);
    const routes = rising(by.routes);
    const causes = rising(by.causes, lowerFirst);
    if (places) parts.push(`tại ${places}`);
    if (routes) parts.push(`trên tuyến ${routes}`);
    if (causes) parts.push(`do nguyên nhân ${causes}`);
    if (parts.length) sentences.push(`${c.subject} tăng chủ yếu ${parts.join('; ')}.`);
  }
  return sentences.join(' ');
}
