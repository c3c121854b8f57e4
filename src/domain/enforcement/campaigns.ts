/**
 * Results of a patrol campaign (kết quả đợt cao điểm), per violation type:
 * - hand tallies: what the teams reported day by day (count and fines collected), entered by hand;
 * - recorded: violations in the database linked to the campaign, or falling in its period with a focus code
 *   (cancelled ones never count; fines are those of violations marked paid);
 * - total = hand + recorded. Officers enter by hand what they did not record one by one, so the two add up.
 * Compared with the same number of days just before the campaign (kỳ liền trước), where only recorded
 * violations exist: every non-cancelled violation of that type in those days.
 * Percent rules are those of src/domain/crashes/comparison.ts (none when the base is 0).
 */
import { type Comparison, compare } from '../crashes/comparison.ts';
import { addDays, dayCount } from '../crashes/periods.ts';
import { RULE_SETS, ruleSetOn } from './catalogue.ts';

export interface DateRange {
  from: string;
  to: string;
}

/** The same number of days ending the day before `range` starts. */
export function periodBefore(range: DateRange): DateRange {
  const days = dayCount(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

export interface TypeCount {
  typeCode: string;
  count: number;
  finesVnd: number;
}

export interface CampaignResultRow {
  typeCode: string;
  label: string;
  focus: boolean;
  hand: { count: number; finesVnd: number };
  recorded: { count: number; finesVnd: number };
  total: { count: number; finesVnd: number };
  /** Recorded violations of the type in the days before. */
  previous: number;
  comparison: Comparison;
}

/** The label of a code in the catalogue in force on `date`, else in any rule set, else the code. */
export function violationLabel(code: string, date: string): string {
  const inForce = ruleSetOn(date)?.types.find((t) => t.code === code);
  if (inForce) return inForce.label;
  for (const r of RULE_SETS) {
    const t = r.types.find((x) => x.code === code);
    if (t) return t.label;
  }
  return code;
}

const sum = (rows: readonly TypeCount[], code: string) =>
  rows
    .filter((r) => r.typeCode === code)
    .reduce((a, r) => ({ count: a.count + r.count, finesVnd: a.finesVnd + r.finesVnd }), {
      count: 0,
      finesVnd: 0,
    });

/**
 * One row per focus code (in the campaign's order), then every other code met in the tallies or the recorded
 * violations (alphabetical), then the total. `previous` counts by code (finesVnd ignored).
 */
export function campaignResults(
  campaign: DateRange & { focus: readonly string[] },
  hand: readonly TypeCount[],
  recorded: readonly TypeCount[],
  previous: readonly TypeCount[],
): { rows: CampaignResultRow[]; total: Omit<CampaignResultRow, 'typeCode' | 'label' | 'focus'> } {
  const others = [...new Set([...hand, ...recorded].map((r) => r.typeCode))]
    .filter((c) => !campaign.focus.includes(c))
    .sort();
  const rows = [...campaign.focus, ...others].map((code) => {
    const h = sum(hand, code);
    const r = sum(recorded, code);
    const p = sum(previous, code).count;
    const total = { count: h.count + r.count, finesVnd: h.finesVnd + r.finesVnd };
    return {
      typeCode: code,
      label: violationLabel(code, campaign.to),
      focus: campaign.focus.includes(code),
      hand: h,
      recorded: r,
      total,
      previous: p,
      comparison: compare(total.count, p),
    };
  });
  const add = (k: 'hand' | 'recorded' | 'total') =>
    rows.reduce((a, r) => ({ count: a.count + r[k].count, finesVnd: a.finesVnd + r[k].finesVnd }), {
      count: 0,
      finesVnd: 0,
    });
  const total = { hand: add('hand'), recorded: add('recorded'), total: add('total') };
  const previousTotal = rows.reduce((a, r) => a + r.previous, 0);
  return {
    rows,
    total: { ...total, previous: previousTotal, comparison: compare(total.total.count, previousTotal) },
  };
}
