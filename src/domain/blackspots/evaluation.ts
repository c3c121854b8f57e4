/**
 * Before/after evaluation of a remedied spot (đánh giá hiệu quả xử lý điểm đen).
 *
 * Methods (both standard, both simple enough to explain to a committee):
 *
 * 1. Significance — conditional binomial test for two Poisson counts. If the crash rate were the same in the
 *    12 months before and the 12 months after the works (equal exposure), then given the total n = before +
 *    after, the after count is Binomial(n, 0.5). One-sided p-value for a fall: P(X ≤ after | n, 0.5).
 *    Example: before 12, after 3 → P(X ≤ 3 | 15, 0.5) = 576 / 32 768 = 0.0176.
 *
 * 2. Regression to the mean — empirical Bayes (Hauer; AASHTO Highway Safety Manual, Part C). Sites are
 *    chosen because their count was high, so part of the fall happens by itself. With μ = expectedBefore,
 *    the long-run mean count per 12 months at comparable sites, and k the negative-binomial overdispersion
 *    of those sites (variance = μ + k·μ²):
 *        w = 1 / (1 + k·μ)            (the brief's w = 1/(1 + μ/φ) with shape φ = 1/k)
 *        EB = w·μ + (1 − w)·before     the expected count without works, corrected for regression to the mean.
 *    rtmAdjusted = after − EB (the change that the works can claim) and rtmPercent = 100·(after − EB)/EB.
 *    pValueRtm = P(X ≤ after | Poisson(EB)), treating EB as known (slightly optimistic).
 *    k defaults to 0.5 (an assumption); give `overdispersion`, e.g. from overdispersionOf(comparable counts).
 *
 * `significant` is true when the binomial p-value is below alpha (default 0.05) and, when expectedBefore is
 * given, pValueRtm is below alpha too.
 */

export interface PeriodCounts {
  crashes: number;
  deaths: number;
  injured: number;
}

export interface EvaluationInput {
  /** The 12 months before the works. */
  before: PeriodCounts;
  /** The 12 months after the works. */
  after: PeriodCounts;
  /** Long-run or regional mean crash count per 12 months for comparable sites. */
  expectedBefore?: number;
  /** Negative-binomial overdispersion k of comparable sites (HSM convention); default 0.5. */
  overdispersion?: number;
  /** Significance level; default 0.05. */
  alpha?: number;
}

export interface Evaluation {
  /** after − before (crashes). */
  change: number;
  /** 100·(after − before)/before; null when before is 0. */
  percent: number | null;
  /** Empirical-Bayes expected crashes without works, or null without expectedBefore. */
  rtmExpected: number | null;
  /** after − rtmExpected, or null. */
  rtmAdjusted: number | null;
  /** 100·(after − rtmExpected)/rtmExpected, or null. */
  rtmPercent: number | null;
  /** The EB weight w given to the comparable sites' mean, or null. */
  ebWeight: number | null;
  significant: boolean;
  /** One-sided conditional binomial p-value for a fall. */
  pValue: number;
  /** One-sided Poisson p-value of the after count against rtmExpected, or null. */
  pValueRtm: number | null;
  statement: string;
}

const DEFAULT_K = 0.5;

/** log(exp(a) + exp(b)) without overflow. */
const logAdd = (a: number, b: number) =>
  a === Number.NEGATIVE_INFINITY
    ? b
    : a > b
      ? a + Math.log1p(Math.exp(b - a))
      : b + Math.log1p(Math.exp(a - b));

/** P(X ≤ x) for X ~ Binomial(n, 0.5), computed in log space (fine for large n). */
export function binomialHalfCdf(x: number, n: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  let logPmf = n * Math.log(0.5);
  let logSum = logPmf;
  for (let k = 0; k < x; k++) {
    logPmf += Math.log((n - k) / (k + 1));
    logSum = logAdd(logSum, logPmf);
  }
  return Math.min(1, Math.exp(logSum));
}

/** P(X ≤ x) for X ~ Poisson(lambda). */
export function poissonCdf(x: number, lambda: number): number {
  if (x < 0) return 0;
  if (lambda <= 0) return 1;
  let logPmf = -lambda;
  let logSum = logPmf;
  for (let k = 0; k < x; k++) {
    logPmf += Math.log(lambda / (k + 1));
    logSum = logAdd(logSum, logPmf);
  }
  return Math.min(1, Math.exp(logSum));
}

/** Method-of-moments overdispersion k = (s² − m)/m² of counts at comparable sites (0 when not overdispersed). */
export function overdispersionOf(counts: readonly number[]): number {
  if (counts.length < 2) return DEFAULT_K;
  const m = counts.reduce((s, c) => s + c, 0) / counts.length;
  if (m <= 0) return DEFAULT_K;
  const s2 = counts.reduce((s, c) => s + (c - m) ** 2, 0) / (counts.length - 1);
  return Math.max(0, (s2 - m) / (m * m));
}

/** Vietnamese number: 1.234,5 */
export function formatNumberVi(x: number, digits = 0): string {
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Vietnamese percent: -10,0 % */
export const formatPercentVi = (x: number, digits = 1) => `${x > 0 ? '+' : ''}${formatNumberVi(x, digits)} %`;

/** A probability as a percent in words-friendly form: 1,8 % (or "dưới 0,1 %"). */
const chance = (p: number) => (p < 0.001 ? 'dưới 0,1 %' : `${formatNumberVi(p * 100, 1)} %`);

export function evaluate(input: EvaluationInput): Evaluation {
  const { before, after } = input;
  const alpha = input.alpha ?? 0.05;
  for (const [name, v] of [
    ['before.crashes', before.crashes],
    ['after.crashes', after.crashes],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  const change = after.crashes - before.crashes;
  const percent = before.crashes > 0 ? (100 * change) / before.crashes : null;
  const n = before.crashes + after.crashes;
  const pValue = binomialHalfCdf(after.crashes, n);

  let rtmExpected: number | null = null;
  let ebWeight: number | null = null;
  let pValueRtm: number | null = null;
  const mu = input.expectedBefore;
  if (mu !== undefined && Number.isFinite(mu) && mu >= 0) {
    const k = input.overdispersion ?? DEFAULT_K;
    ebWeight = 1 / (1 + k * mu);
    rtmExpected = ebWeight * mu + (1 - ebWeight) * before.crashes;
    pValueRtm = poissonCdf(after.crashes, rtmExpected);
  }
  const rtmAdjusted = rtmExpected === null ? null : after.crashes - rtmExpected;
  const rtmPercent =
    rtmExpected === null || rtmExpected <= 0 ? null : (100 * (after.crashes - rtmExpected)) / rtmExpected;
  const significant = change < 0 && pValue < alpha && (pValueRtm === null || pValueRtm < alpha);

  const lines: string[] = [];
  const trend =
    change < 0
      ? `giảm ${formatNumberVi(-change)} vụ${percent === null ? '' : ` (${formatPercentVi(percent)})`}`
      : change > 0
        ? `tăng ${formatNumberVi(change)} vụ${percent === null ? '' : ` (${formatPercentVi(percent)})`}`
        : 'không đổi';
  lines.push(
    `Số vụ TNGT: ${formatNumberVi(before.crashes)} vụ trong 12 tháng trước khi xử lý, ` +
      `${formatNumberVi(after.crashes)} vụ trong 12 tháng sau, ${trend}; ` +
      `số người chết ${formatNumberVi(before.deaths)} → ${formatNumberVi(after.deaths)}, ` +
      `số người bị thương ${formatNumberVi(before.injured)} → ${formatNumberVi(after.injured)}.`,
  );
  if (change < 0) {
    const why =
      `nếu nguy cơ tai nạn không đổi thì khả năng chỉ còn ${formatNumberVi(after.crashes)} vụ trở xuống ` +
      `trên tổng số ${formatNumberVi(n)} vụ của hai kỳ là ${chance(pValue)}`;
    lines.push(
      pValue < alpha
        ? `Mức giảm này lớn hơn mức có thể do ngẫu nhiên (${why}, dưới ngưỡng ${chance(alpha)}).`
        : `Mức giảm này chưa đủ để khẳng định không phải do ngẫu nhiên (${why}, không dưới ngưỡng ${chance(alpha)}).`,
    );
  } else {
    lines.push('Số vụ không giảm nên chưa thấy hiệu quả của việc xử lý.');
  }
  lines.push(
    'Lưu ý: điểm được chọn để xử lý vì có nhiều vụ bất thường, nên năm sau số vụ thường tự giảm một phần ' +
      'dù không làm gì (hiện tượng hồi quy về giá trị trung bình).',
  );
  if (rtmExpected !== null && mu !== undefined && ebWeight !== null) {
    const vs =
      rtmPercent === null
        ? ''
        : rtmAdjusted !== null && rtmAdjusted < 0
          ? `, tức thấp hơn mức dự kiến ${formatNumberVi(-rtmPercent, 1)} %`
          : `, không thấp hơn mức dự kiến`;
    lines.push(
      `Kết hợp số vụ trước khi xử lý với mức trung bình ${formatNumberVi(mu, 1)} vụ/12 tháng của các vị trí ` +
        `tương tự (phương pháp Bayes thực nghiệm, trọng số ${formatNumberVi(ebWeight, 2)} cho mức trung bình), ` +
        `nếu không xử lý thì 12 tháng sau dự kiến có khoảng ${formatNumberVi(rtmExpected, 1)} vụ; ` +
        `thực tế ${formatNumberVi(after.crashes)} vụ${vs}. Chỉ phần chênh lệch này mới tính là hiệu quả của ` +
        `công trình` +
        (pValueRtm === null
          ? '.'
          : pValueRtm < alpha
            ? ` và nó lớn hơn mức có thể do ngẫu nhiên (khả năng ${chance(pValueRtm)}).`
            : ` và nó chưa vượt mức có thể do ngẫu nhiên (khả năng ${chance(pValueRtm)}).`),
    );
  } else {
    lines.push(
      'Chưa có số liệu của các vị trí tương tự để tách phần tự giảm này, nên mức giảm trên có thể ' +
        'đánh giá cao hơn thực tế hiệu quả của công trình.',
    );
  }
  return {
    change,
    percent,
    rtmExpected,
    rtmAdjusted,
    rtmPercent,
    ebWeight,
    significant,
    pValue,
    pValueRtm,
    statement: lines.join(' '),
  };
}
