import { describe, expect, it } from 'vitest';
import {
  BLACK_SPOT_CRITERIA,
  classify,
  criteriaInForce,
  describeRule,
  inWindow,
  windowEnding,
} from './criteria.ts';

const fatal = { deaths: 1, injured: 0 };
const hurt = { deaths: 0, injured: 1 };
const damage = { deaths: 0, injured: 0 };

describe('criteria', () => {
  it('picks the dated entry in force', () => {
    expect(criteriaInForce('2025-01-01')?.id).toBe('nd-165-2024-pl-ii');
    expect(criteriaInForce('2026-06-30T10:00:00+07:00')?.id).toBe('nd-165-2024-pl-ii');
    expect(criteriaInForce('2024-12-31')?.id).toBe('tt-26-2012');
    expect(criteriaInForce('2010-01-01')).toBeNull();
    for (const c of BLACK_SPOT_CRITERIA) {
      expect(c.verified).toBe(false);
      expect(c.segmentMetres).toBe(500);
      expect(c.windowMonths).toBe(12);
    }
  });

  it('classifies by the OR of rules, each an AND of minimums', () => {
    const c = criteriaInForce('2025-06-01')!;
    expect(classify([fatal, fatal], c)).toEqual({ level: 'black_spot', rule: 0 });
    expect(classify([fatal, damage, damage], c)).toEqual({ level: 'black_spot', rule: 1 });
    expect(classify([hurt, hurt, hurt, hurt], c)).toEqual({ level: 'black_spot', rule: 2 });
    expect(classify([hurt, hurt, hurt], c)).toEqual({ level: 'potential', rule: null });
    expect(classify([damage, damage], c)).toEqual({ level: 'potential', rule: null });
    expect(classify([fatal], c)).toEqual({ level: null, rule: null });
    expect(classify([], c)).toEqual({ level: null, rule: null });
  });

  it('describes rules in Vietnamese', () => {
    const c = criteriaInForce('2025-06-01')!;
    expect(c.rules.map(describeRule)).toEqual([
      '≥ 2 vụ có người chết',
      '≥ 3 vụ, trong đó ≥ 1 vụ có người chết',
      '≥ 4 vụ có người bị thương',
    ]);
  });

  it('builds 12-month windows and compares recorded dates inclusively', () => {
    expect(windowEnding('2025-12-31', { windowMonths: 12 })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    const w = { from: '2025-01-01', to: '2025-12-31' };
    expect(inWindow('2025-12-31T23:59:00+07:00', w)).toBe(true);
    expect(inWindow('2024-12-31T23:59:00+07:00', w)).toBe(false);
    expect(inWindow('2026-01-01T00:00:00+07:00', w)).toBe(false);
  });
});
