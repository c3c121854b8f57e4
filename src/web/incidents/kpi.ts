/** The KPI page's ordering of communes: plain data, tested on its own. */
import type { KpiRow } from './api.ts';

/** Worst first: the lowest share, then the most incidents; communes without any incident at the end. */
export function worstFirst(rows: readonly KpiRow[]): KpiRow[] {
  return [...rows].sort((a, b) => {
    if (a.share == null || b.share == null) return a.share == null ? (b.share == null ? 0 : 1) : -1;
    return a.share - b.share || b.incidents - a.incidents || a.label.localeCompare(b.label, 'vi');
  });
}
