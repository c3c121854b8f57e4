import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatKm,
  formatMoney,
  formatNumber,
  formatPercent,
  isIsoDate,
  todayIso,
} from './format.ts';

describe('web formatters', () => {
  it('formats calendar dates as dd/mm/yyyy without shifting the day', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('');
  });

  it('shows instants in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('01/07/2025 00:30');
    expect(formatDate('2025-06-30T17:30:00Z')).toBe('01/07/2025');
    expect(todayIso(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
  });

  it('formats numbers, percentages and money the Vietnamese way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatPercent(-10)).toBe('-10,0 %');
    expect(formatPercent(4, { signed: true })).toBe('+4,0 %');
    expect(formatMoney(1500000)).toBe('1.500.000 đ');
  });

  it('writes km markers as Km 12+300', () => {
    expect(formatKm(12300)).toBe('Km 12+300');
    expect(formatKm(45200)).toBe('Km 45+200');
    expect(formatKm(5)).toBe('Km 0+005');
    expect(formatKm(null)).toBe('');
  });

  it('accepts only real yyyy-mm-dd dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('28/02/2025')).toBe(false);
  });
});
