import { describe, expect, it } from 'vitest';
import { severityOf } from '../demo/crashes.ts';
import { SEVERITY_CLASSES } from './codes.ts';
import {
  checkSeverityRules,
  classifyByCounts,
  classifySeverity,
  ruleInForce,
  SEVERITY_RULES,
  type SeverityRule,
} from './severity-rules.ts';

const NEW = '2025-03-01'; // Thông tư 26/2024/TT-BCA
const OLD = '2024-08-14'; // last day of Thông tư 58/2009/TT-BCA(C11)
const pct = (...ps: (number | null)[]) => ps.map((p) => ({ bodyDamagePercent: p }));
const code = (
  date: string,
  deaths: number,
  injuries: { bodyDamagePercent: number | null }[],
  property?: number,
) => classifySeverity({ date, deaths, injuries, propertyDamageVnd: property }).code;

describe('the rule data', () => {
  it('is sound: known codes once each, ranges in order, no overlap', () => {
    expect(checkSeverityRules(SEVERITY_RULES)).toEqual([]);
    const codes = SEVERITY_CLASSES.map((c) => c.code).sort();
    for (const r of SEVERITY_RULES) expect(r.classes.map((c) => c.code).sort()).toEqual(codes);
  });

  it('says which figures are unverified', () => {
    for (const r of SEVERITY_RULES) {
      expect(r.verified).toBe(false);
      expect(r.note).toMatch(/fallback/i);
    }
  });

  it('dates the rules: 58/2009 until 14/8/2024, 26/2024 from 15/8/2024', () => {
    expect(ruleInForce('2009-12-11')).toBeUndefined();
    expect(ruleInForce('2009-12-12')?.id).toBe('tt-58-2009-bca-c11-d5');
    expect(ruleInForce('2024-08-14')?.id).toBe('tt-58-2009-bca-c11-d5');
    expect(ruleInForce('2024-08-15')?.id).toBe('tt-26-2024-bca-d5');
    expect(ruleInForce('2024-08-15T06:30:00+07:00')?.id).toBe('tt-26-2024-bca-d5');
    expect(ruleInForce('2031-01-01')?.id).toBe('tt-26-2024-bca-d5');
  });

  it('finds problems in a bad list', () => {
    const bad: SeverityRule[] = [
      {
        id: 'a',
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
        citation: '',
        verified: false,
        note: '',
        classes: [
          { code: 'nghiem_trong', label: '', minDeaths: 2, maxDeaths: 1 },
          { code: 'nghiem_trong', label: '', propertyMaxVnd: 5 },
        ],
      },
      {
        id: 'b',
        validFrom: '2020-06-01',
        validTo: null,
        citation: '',
        verified: false,
        note: '',
        classes: [],
      },
    ];
    expect(checkSeverityRules(bad)).toEqual([
      'a/nghiem_trong: deaths maximum below minimum',
      'a: class nghiem_trong repeated',
      'a/nghiem_trong: property has a maximum only',
      'a: no va_cham class',
      'b: no va_cham class',
      'a and b overlap',
    ]);
  });
});

describe('classifySeverity under Thông tư 26/2024/TT-BCA', () => {
  it('classes by deaths', () => {
    expect(code(NEW, 4, [])).toBe('dac_biet_nghiem_trong');
    expect(code(NEW, 3, [])).toBe('dac_biet_nghiem_trong');
    expect(code(NEW, 2, [])).toBe('rat_nghiem_trong');
    expect(code(NEW, 1, [])).toBe('nghiem_trong');
    expect(code(NEW, 0, [])).toBe('va_cham');
  });

  it('classes by total body damage and number of people', () => {
    expect(code(NEW, 0, pct(10))).toBe('va_cham');
    expect(code(NEW, 0, pct(5, 5))).toBe('va_cham');
    expect(code(NEW, 0, pct(11))).toBe('it_nghiem_trong');
    expect(code(NEW, 0, pct(5, 6))).toBe('it_nghiem_trong');
    expect(code(NEW, 0, pct(60))).toBe('it_nghiem_trong');
    expect(code(NEW, 0, pct(61))).toBe('nghiem_trong');
    expect(code(NEW, 0, pct(100))).toBe('nghiem_trong');
    expect(code(NEW, 0, pct(30, 31))).toBe('nghiem_trong');
    expect(code(NEW, 0, pct(60, 61))).toBe('nghiem_trong'); // 121
    expect(code(NEW, 0, pct(61, 61))).toBe('rat_nghiem_trong'); // 122
    expect(code(NEW, 0, pct(100, 100))).toBe('rat_nghiem_trong'); // 200: two people cannot reach 201
    expect(code(NEW, 0, pct(100, 100, 1))).toBe('dac_biet_nghiem_trong'); // 201
    expect(code(NEW, 0, pct(40, 40, 40))).toBe('nghiem_trong'); // 120
  });

  it('rounds the total to a whole percent', () => {
    expect(code(NEW, 0, pct(60.4))).toBe('it_nghiem_trong');
    expect(code(NEW, 0, pct(60.5))).toBe('nghiem_trong');
  });

  it('classes by property damage, the upper bound exclusive', () => {
    expect(code(NEW, 0, [], 9_999_999)).toBe('va_cham');
    expect(code(NEW, 0, [], 10_000_000)).toBe('it_nghiem_trong');
    expect(code(NEW, 0, [], 99_999_999)).toBe('it_nghiem_trong');
    expect(code(NEW, 0, [], 100_000_000)).toBe('nghiem_trong');
    expect(code(NEW, 0, [], 499_999_999)).toBe('nghiem_trong');
    expect(code(NEW, 0, [], 500_000_000)).toBe('rat_nghiem_trong');
    expect(code(NEW, 0, [], 1_499_999_999)).toBe('rat_nghiem_trong');
    expect(code(NEW, 0, [], 1_500_000_000)).toBe('dac_biet_nghiem_trong');
  });

  it('takes the highest class any one condition reaches', () => {
    expect(code(NEW, 1, [], 600_000_000)).toBe('rat_nghiem_trong');
    expect(code(NEW, 0, pct(70, 60), 20_000_000)).toBe('rat_nghiem_trong');
    expect(code(NEW, 2, pct(100, 100, 5))).toBe('dac_biet_nghiem_trong');
    expect(code(NEW, 1, pct(5))).toBe('nghiem_trong');
  });

  it('names the rule it used', () => {
    expect(classifySeverity({ date: NEW, deaths: 0, injuries: pct(20) })).toEqual({
      code: 'it_nghiem_trong',
      ruleId: 'tt-26-2024-bca-d5',
      citation: 'Thông tư 26/2024/TT-BCA ngày 21/6/2024 của Bộ Công an, Điều 5',
      approximate: false,
    });
  });

  it('counts unassessed injured people with the fallback, and says it is approximate', () => {
    expect(classifySeverity({ date: NEW, deaths: 0, injuries: pct(null) })).toMatchObject({
      code: 'it_nghiem_trong',
      approximate: true,
    });
    expect(classifySeverity({ date: NEW, deaths: 0, injuries: [{}, {}] })).toMatchObject({
      code: 'it_nghiem_trong',
      approximate: true,
    });
    // the assessed people still count: 70 + 60 = 130
    expect(classifySeverity({ date: NEW, deaths: 0, injuries: pct(null, 70, 60) })).toMatchObject({
      code: 'rat_nghiem_trong',
      approximate: true,
    });
    expect(classifySeverity({ date: NEW, deaths: 1, injuries: pct(null) }).code).toBe('nghiem_trong');
  });

  it('throws when no rule is in force', () => {
    expect(() => classifySeverity({ date: '2005-01-01', deaths: 1, injuries: [] })).toThrow(RangeError);
  });
});

describe('classifySeverity under Thông tư 58/2009/TT-BCA(C11), before 15/8/2024', () => {
  it('uses the older thresholds up to 14/8/2024', () => {
    expect(code(OLD, 0, pct(31))).toBe('nghiem_trong');
    expect(code('2024-08-15', 0, pct(31))).toBe('it_nghiem_trong');
    expect(code(OLD, 0, pct(30))).toBe('it_nghiem_trong');
    expect(code(OLD, 0, pct(60, 50))).toBe('rat_nghiem_trong'); // 110
    expect(code('2024-08-15', 0, pct(60, 50))).toBe('nghiem_trong');
    expect(code(OLD, 0, [], 6_000_000)).toBe('it_nghiem_trong');
    expect(code('2024-08-15', 0, [], 6_000_000)).toBe('va_cham');
    expect(code(OLD, 0, [], 60_000_000)).toBe('nghiem_trong');
    expect(code('2024-08-15', 0, [], 60_000_000)).toBe('it_nghiem_trong');
    expect(code(OLD, 2, [])).toBe('rat_nghiem_trong');
    expect(classifySeverity({ date: OLD, deaths: 0, injuries: [] }).ruleId).toBe('tt-58-2009-bca-c11-d5');
  });
});

describe('classifyByCounts', () => {
  it.each([
    [3, 0, 'dac_biet_nghiem_trong'],
    [4, 2, 'dac_biet_nghiem_trong'],
    [2, 0, 'rat_nghiem_trong'],
    [2, 3, 'rat_nghiem_trong'],
    [1, 5, 'nghiem_trong'],
    [1, 0, 'nghiem_trong'],
    [0, 1, 'it_nghiem_trong'],
    [0, 4, 'it_nghiem_trong'],
    [0, 0, 'va_cham'],
  ])('%i deaths, %i injured → %s under both rules', (deaths, injured, expected) => {
    expect(classifyByCounts(NEW, deaths, injured)).toEqual({
      code: expected,
      ruleId: 'tt-26-2024-bca-d5',
      citation: 'Thông tư 26/2024/TT-BCA ngày 21/6/2024 của Bộ Công an, Điều 5',
      approximate: true,
    });
    expect(classifyByCounts(OLD, deaths, injured)).toMatchObject({
      code: expected,
      ruleId: 'tt-58-2009-bca-c11-d5',
      approximate: true,
    });
  });

  it('agrees with the demo generator’s own rule over its whole period', () => {
    for (const date of ['2023-11-15', '2024-08-14', '2024-08-15', '2025-07-01', '2026-11-14'])
      for (let deaths = 0; deaths <= 5; deaths++)
        for (let injured = 0; injured <= 6; injured++)
          expect(classifyByCounts(date, deaths, injured).code, `${date} ${deaths}/${injured}`).toBe(
            severityOf(deaths, injured),
          );
  });

  it('follows the rule data it is given', () => {
    const strict: SeverityRule = {
      id: 'test',
      validFrom: '2000-01-01',
      validTo: null,
      citation: 'test rule',
      verified: false,
      note: '',
      classes: [
        { code: 'dac_biet_nghiem_trong', label: '', minDeaths: 5 },
        { code: 'nghiem_trong', label: '', minDeaths: 1, maxDeaths: 4 },
        { code: 'va_cham', label: '' },
      ],
    };
    expect(classifyByCounts('2025-01-01', 3, 0, [strict]).code).toBe('nghiem_trong');
    expect(classifyByCounts('2025-01-01', 0, 2, [strict]).code).toBe('va_cham');
    expect(classifyByCounts('2025-01-01', 5, 0, [strict])).toEqual({
      code: 'dac_biet_nghiem_trong',
      ruleId: 'test',
      citation: 'test rule',
      approximate: true,
    });
  });
});
