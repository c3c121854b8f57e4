import { describe, expect, it } from 'vitest';
import { currentSuccessor, isValidOn, normalizeName } from './admin-units.ts';

describe('normalizeName', () => {
  it('drops diacritics, đ and case, and collapses spaces', () => {
    expect(normalizeName('Sở Giao thông Vận tải')).toBe('so giao thong van tai');
    expect(normalizeName('  ĐOÀN   Kết ')).toBe('doan ket');
    expect(normalizeName('Sở GD&ĐT')).toBe('so gd&dt');
    // Composed and decomposed forms of the same text compare equal.
    expect(normalizeName('Thu\u0301y')).toBe(normalizeName('Thúy'));
  });
});

describe('isValidOn', () => {
  const district = { validFrom: '2008-01-01', validTo: '2025-06-30' };
  it('includes both ends and excludes the day after', () => {
    expect(isValidOn(district, '2008-01-01')).toBe(true);
    expect(isValidOn(district, '2025-06-30')).toBe(true);
    expect(isValidOn(district, '2025-07-01')).toBe(false);
    expect(isValidOn(district, '2007-12-31')).toBe(false);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('currentSuccessor', () => {
  const chain = [
    { oldId: 'A', newId: 'B', effectiveDate: '2020-01-01' },
    { oldId: 'B', newId: 'C', effectiveDate: '2025-07-01' },
    { oldId: 'X', newId: 'Y', effectiveDate: '2025-07-01' },
    { oldId: 'X', newId: 'Z', effectiveDate: '2025-07-01' },
  ];
  it('follows the chain up to the date', () => {
    expect(currentSuccessor('A', chain, '2024-01-01')).toBe('B');
    expect(currentSuccessor('A', chain, '2026-01-01')).toBe('C');
    expect(currentSuccessor('C', chain, '2026-01-01')).toBe('C');
  });
  it('takes the first listed successor of a split unit as primary', () => {
    expect(currentSuccessor('X', chain, '2026-01-01')).toBe('Y');
  });
  it('stops on a cycle instead of looping', () => {
    const cyclic = [
      { oldId: 'P', newId: 'Q', effectiveDate: '2020-01-01' },
      { oldId: 'Q', newId: 'P', effectiveDate: '2020-01-01' },
    ];
    expect(['P', 'Q']).toContain(currentSuccessor('P', cyclic, '2026-01-01'));
  });
});
