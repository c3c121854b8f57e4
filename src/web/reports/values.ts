/** Helpers over a report's values: normalising, locating a problem's field, merging problems. */
import type { Problem, SubmissionValues, TableCellValue } from './api.ts';
import { sameData } from './draft.ts';

/** The values without empty entries (null numbers, blank texts, empty tables, empty cells). */
export function normalizeValues(v: SubmissionValues): SubmissionValues {
  const indicators: Record<string, number | null> = {};
  for (const [k, x] of Object.entries(v.indicators ?? {}))
    if (typeof x === 'number' && !Number.isNaN(x)) indicators[k] = x;
  const sections: Record<string, string> = {};
  for (const [k, x] of Object.entries(v.sections ?? {}))
    if (typeof x === 'string' && x.trim() !== '') sections[k] = x;
  const tables: Record<string, Record<string, TableCellValue>[]> = {};
  for (const [k, rows] of Object.entries(v.tables ?? {})) {
    if (!Array.isArray(rows) || rows.length === 0) continue;
    tables[k] = rows.map((row) => {
      const out: Record<string, TableCellValue> = {};
      for (const [c, x] of Object.entries(row ?? {}))
        if (x !== null && x !== undefined && x !== '') out[c] = x;
      return out;
    });
  }
  return { indicators, sections, tables };
}

export const sameValues = (a: SubmissionValues, b: SubmissionValues) =>
  sameData(normalizeValues(a), normalizeValues(b));

/** The server names fields from the request body (`values.indicators.deaths`); the form from the values. */
export const fromServer = (problems: readonly Problem[]): Problem[] =>
  problems.map((p) => ({ path: p.path.replace(/^values\./, ''), message: p.message }));

/** Whether the field a path names holds nothing yet. */
export function isEmptyAt(v: SubmissionValues, path: string): boolean {
  const [kind, code] = path.split('.');
  if (!code) return false;
  if (kind === 'indicators') return typeof v.indicators[code] !== 'number';
  if (kind === 'sections') return !(v.sections[code] ?? '').trim();
  if (kind === 'tables') return (v.tables[code] ?? []).length === 0;
  return false;
}

/**
 * The problems to show now: the ones found in the browser (the same rules as the server's) and, while the
 * values are still those the server judged, the server's own, except (until the user tries to send) those
 * about fields simply not filled in yet. Once anything changes the live check speaks alone, so no stale
 * message stays on screen until the next autosave answers.
 */
export function mergeProblems(
  live: readonly Problem[],
  server: readonly Problem[],
  serverValues: SubmissionValues | null,
  values: SubmissionValues,
  includeMissing: boolean,
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const p of live) add(p);
  if (serverValues && !sameValues(serverValues, values)) return out;
  for (const p of server) {
    if (!includeMissing && isEmptyAt(values, p.path)) continue;
    add(p);
  }
  return out;
}

/** The element id of the field a problem's path names (see the form's inputs). */
export function fieldIdOf(path: string): string | null {
  const parts = path.split('.');
  const [kind, code] = parts;
  if (!code) return null;
  if (kind === 'indicators') return fieldId('ind', code);
  if (kind === 'sections') return fieldId('sec', code);
  if (kind === 'tables') {
    if (parts.length >= 4) return fieldId('tab', code, parts[2] ?? '0', parts[3] ?? '');
    return fieldId('tab', code);
  }
  return null;
}

export const fieldId = (...parts: string[]) =>
  `rp-${parts.map((p) => p.replace(/[^a-zA-Z0-9_-]/g, '_')).join('-')}`;

/** Problems grouped by path. */
export function byPath(problems: readonly Problem[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of problems) {
    const list = m.get(p.path) ?? [];
    list.push(p.message);
    m.set(p.path, list);
  }
  return m;
}

/** Moves focus to a problem's field (and scrolls it into view). */
export function focusField(path: string): void {
  const id = fieldIdOf(path);
  const el = id ? document.getElementById(id) : null;
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}
