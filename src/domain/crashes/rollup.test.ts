import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthSegments } from './rollup.ts';

describe('monthSegments', () => {
  it('reads a calendar year as twelve whole months', () => {
    expect(monthSegments('2025-01-01', '2025-12-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      days: [],
    });
  });

  it('reads a reporting quarter as two whole months and the days around them', () => {
    expect(monthSegments('2024-12-15', '2025-03-14')).toEqual({
      months: { from: '2025-01-01', to: '2025-02-01' },
      days: [
        { from: '2024-12-15', to: '2024-12-31' },
        { from: '2025-03-01', to: '2025-03-14' },
      ],
    });
  });

  it('reads a span inside one month, or across two partial months, as days only', () => {
    expect(monthSegments('2025-03-31', '2025-04-01')).toEqual({
      months: null,
      days: [{ from: '2025-03-31', to: '2025-04-01' }],
    });
    expect(monthSegments('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [],
    });
  });

  it('covers every day of the period exactly once', () => {
    const day = fc
      .integer({ min: 0, max: 1500 })
      .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const seg = monthSegments(from, to);
        const covered: string[] = [];
        for (const r of seg.days)
          for (
            let d = r.from;
            d <= r.to;
            d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
          )
            covered.push(d);
        if (seg.months)
          for (
            let d = seg.months.from;
            d <
            new Date(Date.UTC(Number(seg.months.to.slice(0, 4)), Number(seg.months.to.slice(5, 7)), 1))
              .toISOString()
              .slice(0, 10);
            d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
          )
            covered.push(d);
        covered.sort();
        const expected: string[] = [];
        for (
          let d = from;
          d <= to;
          d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        )
          expected.push(d);
        expect(covered).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
