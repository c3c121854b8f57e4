/**
 * Crash severity classes (phân loại vụ TNGT theo mức độ hậu quả) as dated rules: data, not code. A crash is
 * classed by the rule in force on its (local) date, and reaches the highest class for which any one
 * condition holds.
 *
 * Pure: no I/O, no clock.
 *
 * How a class's conditions read (each present field group is one condition; any one is enough):
 * - deaths: `minDeaths` ≤ deaths ≤ `maxDeaths` (no upper bound when `maxDeaths` is absent);
 * - injuries: at least `minInjuredPeople` injured people whose body-damage percentages (tỷ lệ tổn thương cơ
 *   thể, Thông tư 22/2019/TT-BYT) total `injuryPercentTotalMin` … `injuryPercentTotalMax`, both inclusive
 *   ("từ 61 % đến 121 %"). The total is rounded to a whole percent before comparing (the percentages of
 *   Thông tư 22/2019/TT-BYT are whole numbers);
 * - property: damage ≥ `propertyMinVnd` and < `propertyMaxVnd` ("từ … đến dưới …");
 * - fallback for unassessed injuries: see below.
 * `va_cham` (va chạm giao thông) has no condition: it is what remains below "ít nghiêm trọng".
 *
 * Unknown body-damage percentages (not yet assessed, `bodyDamagePercent` null/absent): the injury condition
 * uses the assessed people only, and a crash with at least `fallbackMinInjuredPeople` unassessed injured
 * people reaches that class (in both rules below: any injured person ⇒ at least "ít nghiêm trọng"). This is
 * an approximation, flagged `approximate: true` in the result: strictly, a person below 11 % leaves the
 * crash a "va chạm giao thông", and unassessed injuries could raise the class once assessed.
 */
import { SEVERITY_CLASSES } from './codes.ts';

export type SeverityCode = (typeof SEVERITY_CLASSES)[number]['code'];

/** Highest class first. */
export const SEVERITY_ORDER: readonly SeverityCode[] = SEVERITY_CLASSES.map((c) => c.code);

export interface SeverityClassRule {
  code: SeverityCode;
  label: string;
  minDeaths?: number;
  maxDeaths?: number;
  /** People counted in the injury condition (at least). */
  minInjuredPeople?: number;
  /** Total body-damage percent, inclusive. */
  injuryPercentTotalMin?: number;
  /** Total body-damage percent, inclusive. */
  injuryPercentTotalMax?: number;
  /** Property damage in VND, inclusive. */
  propertyMinVnd?: number;
  /** Property damage in VND, exclusive ("đến dưới"). */
  propertyMaxVnd?: number;
  /** When body-damage percentages are unknown: this many unassessed injured people reach the class. */
  fallbackMinInjuredPeople?: number;
}

export interface SeverityRule {
  id: string;
  /** First day in force (`yyyy-mm-dd`), inclusive. */
  validFrom: string;
  /** Last day in force, inclusive; null while in force. */
  validTo: string | null;
  citation: string;
  /** True only when the figures were checked against the official text. */
  verified: boolean;
  note: string;
  classes: SeverityClassRule[];
}

const label = (code: SeverityCode) => SEVERITY_CLASSES.find((c) => c.code === code)?.label ?? code;

const UNASSESSED_FALLBACK =
  'Fallback when body-damage percentages are not yet assessed: every injured person without a ' +
  'percentage is counted, and one or more such people make the crash at least "ít nghiêm trọng" ' +
  '(fallbackMinInjuredPeople = 1); deaths and property still apply. The result is flagged approximate.';

/**
 * The rules, newest first. Sources are secondary (law portals and the press quoting the circulars); neither
 * rule was checked against the official gazette text, so neither is `verified`.
 */
export const SEVERITY_RULES: readonly SeverityRule[] = [
  {
    id: 'tt-26-2024-bca-d5',
    validFrom: '2024-08-15',
    validTo: null,
    citation: 'Thông tư 26/2024/TT-BCA ngày 21/6/2024 của Bộ Công an, Điều 5',
    verified: false,
    note:
      'In force from 15/8/2024 (not 1/1/2025): the effective date, the issue date 21/6/2024 and the ' +
      'figures of the "đặc biệt nghiêm trọng", "rất nghiêm trọng" and "nghiêm trọng" classes agree across ' +
      'several secondary sources (luatvietnam.vn, thuvienphapluat.vn, the Hà Tĩnh and Hải Dương portals, ' +
      'the press). The "ít nghiêm trọng" figures (1 person 11–60 %, or ≥ 2 people totalling 11–60 %; ' +
      'property 10 – < 100 million) are those of the project brief: no source seen quoted that clause in ' +
      'full. Not checked against the official text. ' +
      UNASSESSED_FALLBACK,
    classes: [
      {
        code: 'dac_biet_nghiem_trong',
        label: label('dac_biet_nghiem_trong'),
        minDeaths: 3,
        minInjuredPeople: 3,
        injuryPercentTotalMin: 201,
        propertyMinVnd: 1_500_000_000,
      },
      {
        code: 'rat_nghiem_trong',
        label: label('rat_nghiem_trong'),
        minDeaths: 2,
        maxDeaths: 2,
        minInjuredPeople: 2,
        injuryPercentTotalMin: 122,
        injuryPercentTotalMax: 200,
        propertyMinVnd: 500_000_000,
        propertyMaxVnd: 1_500_000_000,
      },
      {
        // "01 người ≥ 61 %" or "≥ 02 người tổng 61–121 %": one person cannot exceed 100 %, so one range.
        code: 'nghiem_trong',
        label: label('nghiem_trong'),
        minDeaths: 1,
        maxDeaths: 1,
        minInjuredPeople: 1,
        injuryPercentTotalMin: 61,
        injuryPercentTotalMax: 121,
        propertyMinVnd: 100_000_000,
        propertyMaxVnd: 500_000_000,
      },
      {
        code: 'it_nghiem_trong',
        label: label('it_nghiem_trong'),
        minInjuredPeople: 1,
        injuryPercentTotalMin: 11,
        injuryPercentTotalMax: 60,
        propertyMinVnd: 10_000_000,
        propertyMaxVnd: 100_000_000,
        fallbackMinInjuredPeople: 1,
      },
      { code: 'va_cham', label: label('va_cham') },
    ],
  },
  {
    id: 'tt-58-2009-bca-c11-d5',
    validFrom: '2009-12-12',
    validTo: '2024-08-14',
    citation: 'Thông tư 58/2009/TT-BCA(C11) ngày 28/10/2009 của Bộ Công an, Điều 5',
    verified: false,
    note:
      'The older rule is Thông tư 58/2009/TT-BCA(C11) (in force 12/12/2009; replaced by Thông tư ' +
      '26/2024/TT-BCA from 15/8/2024 — the replacement clause itself was not seen). Thông tư ' +
      '58/2020/TT-BCA, named in the brief, is about vehicle registration and plates, not crash ' +
      'classification. Its Article 5 has per-person and combined injury+property conditions that this ' +
      'structure cannot hold exactly; they are approximated by total-percentage ranges: ' +
      '"ít nghiêm trọng" 11–30 % (text: 1 person 11 – < 31 %, or several each < 11 % totalling 21 – < 41 %), ' +
      '"nghiêm trọng" 31–100 % (text: 1–2 people each ≥ 31 %, or several each < 31 % totalling 41–100 %, ' +
      'or 21–30 % / 30–40 % together with property 30 – < 50 million). Checked in secondary sources: the ' +
      '"ít nghiêm trọng" figures and property 5 – < 50 million (lawnet.vn, luatvietnam.vn); the ' +
      '"nghiêm trọng" figures and property 50 – < 500 million (a traffic-police statement in the press). ' +
      'Unverified (from the parallel Penal Code 1999 guidance): "rất nghiêm trọng" 2 deaths, 101–200 %, ' +
      '500 million – < 1.5 billion; "đặc biệt nghiêm trọng" ≥ 3 deaths, ≥ 201 %, ≥ 1.5 billion. ' +
      UNASSESSED_FALLBACK,
    classes: [
      {
        code: 'dac_biet_nghiem_trong',
        label: label('dac_biet_nghiem_trong'),
        minDeaths: 3,
        minInjuredPeople: 1,
        injuryPercentTotalMin: 201,
        propertyMinVnd: 1_500_000_000,
      },
      {
        code: 'rat_nghiem_trong',
        label: label('rat_nghiem_trong'),
        minDeaths: 2,
        maxDeaths: 2,
        minInjuredPeople: 1,
        injuryPercentTotalMin: 101,
        injuryPercentTotalMax: 200,
        propertyMinVnd: 500_000_000,
        propertyMaxVnd: 1_500_000_000,
      },
      {
        code: 'nghiem_trong',
        label: label('nghiem_trong'),
        minDeaths: 1,
        maxDeaths: 1,
        minInjuredPeople: 1,
        injuryPercentTotalMin: 31,
        injuryPercentTotalMax: 100,
        propertyMinVnd: 50_000_000,
        propertyMaxVnd: 500_000_000,
      },
      {
        code: 'it_nghiem_trong',
        label: label('it_nghiem_trong'),
        minInjuredPeople: 1,
        injuryPercentTotalMin: 11,
        injuryPercentTotalMax: 30,
        propertyMinVnd: 5_000_000,
        propertyMaxVnd: 50_000_000,
        fallbackMinInjuredPeople: 1,
      },
      { code: 'va_cham', label: label('va_cham') },
    ],
  },
];

export interface SeverityInput {
  /** Local date of the crash (`yyyy-mm-dd`; a longer ISO timestamp is cut to its date). */
  date: string;
  deaths: number;
  /** One entry per injured person; `bodyDamagePercent` null or absent when not yet assessed. */
  injuries: { bodyDamagePercent?: number | null }[];
  propertyDamageVnd?: number;
}

export interface SeverityResult {
  code: SeverityCode;
  ruleId: string;
  citation: string;
  /** True when unassessed injuries were counted with the rule's fallback. */
  approximate: boolean;
}

/** The rule in force on the date (the latest-starting one if several are), or undefined. */
export function ruleInForce(
  date: string,
  rules: readonly SeverityRule[] = SEVERITY_RULES,
): SeverityRule | undefined {
  const day = date.slice(0, 10);
  let found: SeverityRule | undefined;
  for (const r of rules) {
    if (r.validFrom <= day && (r.validTo === null || day <= r.validTo)) {
      if (!found || r.validFrom > found.validFrom) found = r;
    }
  }
  return found;
}

const within = (x: number, min: number | undefined, max: number | undefined) =>
  min !== undefined && x >= min && (max === undefined || x <= max);

/**
 * The severity class of a crash by the rule in force on its date: the highest class any one condition
 * reaches (see the file comment). Throws RangeError when no rule is in force on the date.
 */
export function classifySeverity(
  input: SeverityInput,
  rules: readonly SeverityRule[] = SEVERITY_RULES,
): SeverityResult {
  const rule = ruleInForce(input.date, rules);
  if (!rule) throw new RangeError(`No severity rule is in force on ${input.date.slice(0, 10)}`);
  const assessed: number[] = [];
  let unassessed = 0;
  for (const i of input.injuries) {
    const p = i.bodyDamagePercent;
    if (p === null || p === undefined || !Number.isFinite(p)) unassessed++;
    else assessed.push(p);
  }
  const total = Math.round(assessed.reduce((s, p) => s + p, 0));
  const property = input.propertyDamageVnd ?? 0;
  const byCode = new Map(rule.classes.map((c) => [c.code, c]));

  for (const code of SEVERITY_ORDER) {
    const c = byCode.get(code);
    if (!c) continue;
    const byDeaths = within(input.deaths, c.minDeaths, c.maxDeaths);
    const byInjuries =
      c.injuryPercentTotalMin !== undefined &&
      assessed.length >= (c.minInjuredPeople ?? 1) &&
      within(total, c.injuryPercentTotalMin, c.injuryPercentTotalMax);
    const byProperty =
      c.propertyMinVnd !== undefined &&
      property >= c.propertyMinVnd &&
      (c.propertyMaxVnd === undefined || property < c.propertyMaxVnd);
    const byFallback = c.fallbackMinInjuredPeople !== undefined && unassessed >= c.fallbackMinInjuredPeople;
    if (byDeaths || byInjuries || byProperty || byFallback)
      return { code, ruleId: rule.id, citation: rule.citation, approximate: unassessed > 0 };
  }
  return { code: 'va_cham', ruleId: rule.id, citation: rule.citation, approximate: unassessed > 0 };
}

/**
 * For records that carry only counts (deaths, injured people) and no body-damage percentages or property
 * damage: an approximation, the rule in force with every injured person unassessed. Under both rules above it
 * gives: ≥ 3 deaths → đặc biệt nghiêm trọng, 2 → rất nghiêm trọng, 1 → nghiêm trọng; no death but someone
 * injured → ít nghiêm trọng; nothing → va chạm giao thông. Throws RangeError when no rule is in force.
 */
export function classifyByCounts(
  date: string,
  deaths: number,
  injured: number,
  rules: readonly SeverityRule[] = SEVERITY_RULES,
): SeverityResult {
  const injuries = Array.from({ length: Math.max(0, Math.floor(injured)) }, () => ({
    bodyDamagePercent: null,
  }));
  return { ...classifySeverity({ date, deaths, injuries }, rules), approximate: true };
}

/** Problems in a rule list (empty when sound): unknown or repeated codes, bad ranges, overlapping periods. */
export function checkSeverityRules(rules: readonly SeverityRule[]): string[] {
  const problems: string[] = [];
  const known = new Set<string>(SEVERITY_ORDER);
  for (const r of rules) {
    if (r.validTo !== null && r.validTo < r.validFrom) problems.push(`${r.id}: ends before it starts`);
    const seen = new Set<string>();
    for (const c of r.classes) {
      if (!known.has(c.code)) problems.push(`${r.id}: unknown class ${c.code}`);
      if (seen.has(c.code)) problems.push(`${r.id}: class ${c.code} repeated`);
      seen.add(c.code);
      const pairs: [number | undefined, number | undefined, string][] = [
        [c.minDeaths, c.maxDeaths, 'deaths'],
        [c.injuryPercentTotalMin, c.injuryPercentTotalMax, 'injury percent'],
        [c.propertyMinVnd, c.propertyMaxVnd, 'property'],
      ];
      for (const [min, max, what] of pairs) {
        if (max !== undefined && min === undefined)
          problems.push(`${r.id}/${c.code}: ${what} has a maximum only`);
        if (min !== undefined && max !== undefined && max < min)
          problems.push(`${r.id}/${c.code}: ${what} maximum below minimum`);
      }
    }
    if (!seen.has('va_cham')) problems.push(`${r.id}: no va_cham class`);
  }
  const sorted = [...rules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.validTo === null || prev.validTo >= next.validFrom)
      problems.push(`${prev.id} and ${next.id} overlap`);
  }
  return problems;
}
