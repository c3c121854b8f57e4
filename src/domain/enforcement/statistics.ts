/**
 * Violation statistics (thống kê vi phạm) by group and type for a period against the period of the same
 * length just before it, with the crashes of the related cause (catalogue `crashCause`) next to them.
 * Change and percent follow src/domain/crashes/comparison.ts (no percent when the base is 0).
 * Every type of the catalogue in force on the last day is listed, with zeros; a code recorded under an older
 * catalogue is listed too. Groups keep the catalogue's order.
 */
import { crashCauseLabel } from '../crashes/codes.ts';
import { type Comparison, compare } from '../crashes/comparison.ts';
import { RULE_SETS, ruleSetOn, VIOLATION_GROUPS, type ViolationType } from './catalogue.ts';

export interface CodeCount {
  typeCode: string;
  count: number;
}

export interface TypeStats {
  typeCode: string;
  label: string;
  crashCause: string | null;
  comparison: Comparison;
}

export interface GroupStats {
  group: string;
  label: string;
  comparison: Comparison;
  types: TypeStats[];
}

export interface CauseStats {
  cause: string;
  label: string;
  violationCodes: string[];
  violations: Comparison;
  crashes: Comparison;
}

function typeOf(code: string, date: string): ViolationType | null {
  return (
    ruleSetOn(date)?.types.find((t) => t.code === code) ??
    RULE_SETS.flatMap((r) => r.types).find((t) => t.code === code) ??
    null
  );
}

const countOf = (rows: readonly CodeCount[], code: string) =>
  rows.filter((r) => r.typeCode === code).reduce((a, r) => a + r.count, 0);

export function violationStats(
  /** last day of the current period: picks the catalogue whose labels are shown */
  asOf: string,
  current: readonly CodeCount[],
  previous: readonly CodeCount[],
  /** crashes by main cause in the two periods */
  crashes: {
    current: readonly { cause: string; count: number }[];
    previous: readonly { cause: string; count: number }[];
  },
): { total: Comparison; groups: GroupStats[]; crashCauses: CauseStats[] } {
  const codes = new Set<string>((ruleSetOn(asOf)?.types ?? []).map((t) => t.code));
  for (const r of [...current, ...previous]) codes.add(r.typeCode);
  const types = [...codes]
    .map((code) => ({ code, type: typeOf(code, asOf) }))
    .filter((x): x is { code: string; type: ViolationType } => x.type !== null);
  const groups = VIOLATION_GROUPS.map((g) => {
    const rows = types
      .filter((t) => t.type.group === g.code)
      .map((t) => ({
        typeCode: t.code,
        label: t.type.label,
        crashCause: t.type.crashCause,
        comparison: compare(countOf(current, t.code), countOf(previous, t.code)),
      }));
    const cur = rows.reduce((a, r) => a + r.comparison.current, 0);
    const prev = rows.reduce((a, r) => a + r.comparison.previous, 0);
    return { group: g.code, label: g.label, comparison: compare(cur, prev), types: rows };
  });
  const all = groups.flatMap((g) => g.types);
  const causes = [...new Set(all.map((t) => t.crashCause).filter((c): c is string => c !== null))];
  const crashCount = (rows: readonly { cause: string; count: number }[], cause: string) =>
    rows.filter((r) => r.cause === cause).reduce((a, r) => a + r.count, 0);
  const crashCauses = causes.map((cause) => {
    const related = all.filter((t) => t.crashCause === cause);
    return {
      cause,
      label: crashCauseLabel(cause),
      violationCodes: related.map((t) => t.typeCode),
      violations: compare(
        related.reduce((a, t) => a + t.comparison.current, 0),
        related.reduce((a, t) => a + t.comparison.previous, 0),
      ),
      crashes: compare(crashCount(crashes.current, cause), crashCount(crashes.previous, cause)),
    };
  });
  return {
    total: compare(
      groups.reduce((a, g) => a + g.comparison.current, 0),
      groups.reduce((a, g) => a + g.comparison.previous, 0),
    ),
    groups,
    crashCauses,
  };
}
