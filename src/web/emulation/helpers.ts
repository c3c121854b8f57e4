/**
 * Pure helpers of the emulation pages: points the Vietnamese way, the live totals of an assessment being
 * edited, which review changes still lack a comment, and where a server problem's path belongs on a form.
 */

import { formatNumberVi } from '../../domain/crashes/comparison.ts';
import { round2 } from '../../domain/emulation/criteria.ts';
import { CLASSIFICATIONS, classificationOf } from '../../domain/emulation/scoring.ts';

/** Points with at most 2 decimals: 87,5 · 8,33 · 100; '' for null. */
export function formatPoints(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return formatNumberVi(round2(value));
}

export type ClassificationCode = (typeof CLASSIFICATIONS)[number]['code'];

/** The classification's code from what the server wrote (its code or its Vietnamese label); null if unknown. */
export function classificationCode(value: string): ClassificationCode | null {
  const c = CLASSIFICATIONS.find((x) => x.code === value || x.label === value);
  return c ? c.code : null;
}

/** One score being edited: points (null = none given) and a comment. */
export interface ScoreEdit {
  points: number | null;
  comment: string;
}
export type ScoreEdits = Record<string, ScoreEdit>;

/** The parts of an assessment row the totals read. */
export interface RowForTotals {
  code: string;
  kind: 'computed' | 'manual';
  maxPoints: number;
  applies: boolean;
  computed: { points: number } | null;
  self: { points: number | null };
  review: { points: number | null };
}

/** The points a row counts now: reviewed points, else computed (computed rows) or the unit's own. */
export function rowPoints(row: RowForTotals, self: ScoreEdits | null, review: ScoreEdits | null): number {
  const reviewed = review ? (review[row.code]?.points ?? null) : row.review.points;
  if (reviewed !== null) return reviewed;
  if (row.kind === 'computed') return row.computed?.points ?? 0;
  const own = self ? (self[row.code]?.points ?? null) : row.self.points;
  return own ?? 0;
}

/**
 * The totals as the scoring rules give them (scoring.ts) with the edits on screen: `self` and `review` are the
 * edited scores, or null where the server's stand. Score of 100 to 2 decimals; the classification's code.
 */
export function liveTotals(
  rows: readonly RowForTotals[],
  self: ScoreEdits | null,
  review: ScoreEdits | null,
): { earned: number; max: number; score: number; classification: ClassificationCode } {
  let earned = 0;
  let max = 0;
  for (const r of rows) {
    if (!r.applies) continue;
    earned += rowPoints(r, self, review);
    max += r.maxPoints;
  }
  earned = round2(earned);
  max = round2(max);
  const score = max === 0 ? 0 : round2((earned * 100) / max);
  return { earned, max, score, classification: classificationOf(score).code };
}

/** What the office's review is measured against: the computed points, or the unit's own. */
export function basePoints(row: RowForTotals): number | null {
  return row.kind === 'computed' ? (row.computed?.points ?? null) : row.self.points;
}

/** Codes of rows whose reviewed points differ from the unit's or the data's and carry no comment. */
export function uncommentedChanges(rows: readonly RowForTotals[], review: ScoreEdits): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const e = review[r.code];
    if (!r.applies || !e || e.points === null) continue;
    // as the server measures it: a leaf the unit left empty counts 0
    const base = basePoints(r) ?? 0;
    if (round2(base) === round2(e.points)) continue;
    if (!e.comment.trim()) out.push(r.code);
  }
  return out;
}

/**
 * The leaf a server problem is about: `scores.N…` names the N-th score sent, otherwise the path holds the
 * leaf's code (`4.1`, `rows.4.1.points`, `criteria.4.1`) — the longest code found wins, since codes hold dots.
 */
export function codeOfPath(
  path: string,
  codes: readonly string[],
  sent: readonly string[] = [],
): string | null {
  const m = /^scores\.(\d+)(?:\.|$)/.exec(path);
  if (m) {
    const code = sent[Number(m[1])];
    if (code !== undefined) return code;
  }
  const padded = `.${path}.`;
  let best: string | null = null;
  for (const c of codes)
    if ((path === c || padded.includes(`.${c}.`)) && (best === null || c.length > best.length)) best = c;
  return best;
}

/**
 * A campaign input path as the form's field name: `criteria.0.children.2.maxPoints` → the same as a list
 * path, `from`/`to` → the period, `participantIds.3` → the participants. Null for a list as a whole
 * ("criteria", "criteria.0.children") and for anything else: those go above the form.
 */
export function campaignFieldOf(path: string): (string | number)[] | null {
  const parts = path
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head] = parts;
  if (head === undefined) return null;
  if (head === 'from' || head === 'to') return ['range'];
  if (head === 'participantIds') return ['participantIds'];
  if (
    head === 'name' ||
    head === 'documentNumber' ||
    head === 'issuingBody' ||
    head === 'areaAdminUnitId' ||
    head === 'selfAssessmentDue'
  )
    return [head];
  if (head === 'criteria') {
    // criteria.G.field or criteria.G.children.L.field
    if (parts.length === 3 && typeof parts[1] === 'number' && parts[2] !== 'children') return parts;
    if (
      parts.length >= 5 &&
      typeof parts[1] === 'number' &&
      parts[2] === 'children' &&
      typeof parts[3] === 'number'
    )
      return parts.slice(0, 5);
    return null;
  }
  if (head === 'awardLevels') {
    if (parts.length >= 3 && typeof parts[1] === 'number') return parts.slice(0, 3);
    return null;
  }
  return null;
}

/** A proposal problem (`items.N.levelCode`) as the org unit of the N-th item sent; null when not one. */
export function proposalUnitOf(path: string, sentUnitIds: readonly number[]): number | null {
  const m = /^items\.(\d+)(?:\.|$)/.exec(path);
  if (!m) return null;
  return sentUnitIds[Number(m[1])] ?? null;
}

/** Sum of the leaves' maximum points of a criteria tree being edited (missing values count 0). */
export function treeMax(
  groups: readonly { children?: readonly ({ maxPoints?: number | null } | undefined)[] }[],
): number {
  let sum = 0;
  for (const g of groups)
    for (const c of g?.children ?? []) sum += typeof c?.maxPoints === 'number' ? c.maxPoints : 0;
  return round2(sum);
}
