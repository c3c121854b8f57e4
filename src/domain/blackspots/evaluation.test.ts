import { describe, expect, it } from 'vitest';
import { binomialHalfCdf, evaluate, formatNumberVi, overdispersionOf, poissonCdf } from './evaluation.ts';

describe('evaluate', () => {
  it('before 12, after 3: P(X ≤ 3 | n = 15, p = 0.5) = 576/32768 = 0.0176', () => {
    const e = evaluate({
      before: { crashes: 12, deaths: 5, injured: 14 },
      after: { crashes: 3, deaths: 1, injured: 4 },
    });
    expect(e.pValue).toBeCloseTo(576 / 32768, 10);
    expect(e.pValue).toBeCloseTo(0.0176, 4);
    expect(e.change).toBe(-9);
    expect(e.percent).toBe(-75);
    expect(e.significant).toBe(true);
    expect(e.rtmExpected).toBeNull();
    expect(e.rtmAdjusted).toBeNull();
    expect(e.statement).toContain('giảm 9 vụ (-75,0 %)');
    expect(e.statement).toContain('lớn hơn mức có thể do ngẫu nhiên');
    expect(e.statement).toContain('1,8 %');
    expect(e.statement).toContain('hồi quy về giá trị trung bình');
    expect(e.statement).toContain('Chưa có số liệu của các vị trí tương tự');
  });

  it('a small fall is not beyond chance: before 5, after 3 → 93/256', () => {
    const e = evaluate({
      before: { crashes: 5, deaths: 1, injured: 5 },
      after: { crashes: 3, deaths: 0, injured: 3 },
    });
    expect(e.pValue).toBeCloseTo(93 / 256, 10);
    expect(e.significant).toBe(false);
    expect(e.statement).toContain('chưa đủ để khẳng định');
  });

  it('adjusts for regression to the mean by empirical Bayes', () => {
    // μ = 4, k = 0.5 → w = 1/(1 + 2) = 1/3; EB = 4/3 + (2/3)·12 = 9.333…
    const e = evaluate({
      before: { crashes: 12, deaths: 5, injured: 14 },
      after: { crashes: 3, deaths: 1, injured: 4 },
      expectedBefore: 4,
      overdispersion: 0.5,
    });
    expect(e.ebWeight).toBeCloseTo(1 / 3, 12);
    expect(e.rtmExpected).toBeCloseTo(28 / 3, 12);
    expect(e.rtmAdjusted).toBeCloseTo(3 - 28 / 3, 12);
    expect(e.rtmPercent).toBeCloseTo((100 * (3 - 28 / 3)) / (28 / 3), 10);
    const lambda = 28 / 3;
    const direct = [0, 1, 2, 3].reduce((s, k) => s + (Math.exp(-lambda) * lambda ** k) / [1, 1, 2, 6][k]!, 0);
    expect(e.pValueRtm).toBeCloseTo(direct, 12);
    expect(e.significant).toBe(true);
    expect(e.statement).toContain('Bayes thực nghiệm');
    expect(e.statement).toContain('9,3 vụ');
  });

  it('when the comparable mean explains the fall, it is not significant', () => {
    const e = evaluate({
      before: { crashes: 8, deaths: 2, injured: 8 },
      after: { crashes: 2, deaths: 0, injured: 2 },
      expectedBefore: 2,
      overdispersion: 2,
    });
    // w = 1/(1 + 4) = 0.2; EB = 0.4 + 6.4 = 6.8 … then a harsher comparable mean:
    expect(e.rtmExpected).toBeCloseTo(6.8, 12);
    const f = evaluate({
      ...e,
      before: { crashes: 8, deaths: 2, injured: 8 },
      after: { crashes: 2, deaths: 0, injured: 2 },
      expectedBefore: 1.5,
      overdispersion: 0,
    });
    expect(f.rtmExpected).toBeCloseTo(1.5, 12);
    expect(f.significant).toBe(false);
    expect(f.statement).toContain('không thấp hơn mức dự kiến');
  });

  it('handles no fall and zero counts', () => {
    const e = evaluate({
      before: { crashes: 0, deaths: 0, injured: 0 },
      after: { crashes: 2, deaths: 0, injured: 1 },
    });
    expect(e.percent).toBeNull();
    expect(e.significant).toBe(false);
    expect(e.pValue).toBe(1);
    expect(e.statement).toContain('không giảm');
    expect(() =>
      evaluate({
        before: { crashes: -1, deaths: 0, injured: 0 },
        after: { crashes: 0, deaths: 0, injured: 0 },
      }),
    ).toThrow(RangeError);
  });
});

describe('distributions and formatting', () => {
  it('binomial and Poisson tails, also for large n', () => {
    expect(binomialHalfCdf(3, 15)).toBeCloseTo(0.017578125, 12);
    expect(binomialHalfCdf(1000, 2000)).toBeCloseTo(0.5 + 0.5 * 0.01783, 3);
    expect(binomialHalfCdf(800, 2000)).toBeLessThan(1e-15);
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(poissonCdf(500, 500)).toBeGreaterThan(0.5);
  });
  it('method-of-moments overdispersion', () => {
    expect(overdispersionOf([2, 2, 2, 2])).toBe(0);
    // mean 3, sample variance 36/4 = 9 → (9 − 3)/9
    expect(overdispersionOf([0, 0, 6, 6, 3])).toBeCloseTo(6 / 9, 12);
  });
  it('Vietnamese numbers', () => {
    expect(formatNumberVi(1234.5, 1)).toBe('1.234,5');
    expect(formatNumberVi(-10, 1)).toBe('-10,0');
    expect(formatNumberVi(1_500_000)).toBe('1.500.000');
  });
});
