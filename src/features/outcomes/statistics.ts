/**
 * Descriptive and paired before/after statistics for programme evaluation.
 * Pure functions, no I/O. Every reference value in statistics.test.ts was computed
 * independently with numpy / scipy 1.17.
 *
 * Functions return `null` (with a reason where the caller needs one) instead of NaN/Infinity
 * when a statistic is undefined.
 */
import jStat from 'jstat';

/** Arithmetic mean: x̄ = Σxᵢ / n. null when n = 0. */
export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/**
 * Sample standard deviation with Bessel's correction:
 * s = sqrt( Σ(xᵢ − x̄)² / (n − 1) ). Same as numpy.std(x, ddof=1). null when n < 2.
 */
export function sd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs) as number;
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

export type TTestResult =
  | { ok: true; t: number; df: number; p: number; ciLow: number; ciHigh: number }
  | { ok: false; reason: 'too-few-pairs' | 'zero-variance' };

export type WilcoxonResult =
  | {
      ok: true;
      /** min(W+, W−), as scipy.stats.wilcoxon reports for a two-sided test. */
      statistic: number;
      wPlus: number;
      wMinus: number;
      /** number of non-zero differences used (zeros are dropped, zero_method='wilcox'). */
      nUsed: number;
      method: 'exact' | 'approx';
      /** z of the normal approximation (null when exact). */
      z: number | null;
      p: number;
    }
  | { ok: false; reason: 'no-non-zero-differences' };

export interface PairedAnalysis {
  nPaired: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  sdChange: number | null;
  tTest: TTestResult;
  wilcoxon: WilcoxonResult;
  /** Cohen's dz = mean change / SD of change; null when n < 2 or SD = 0. */
  cohensDz: number | null;
}

/** Keep only the pairs where both values are finite numbers (null/undefined = missing). */
export function pairUp(
  before: readonly (number | null | undefined)[],
  after: readonly (number | null | undefined)[],
): { before: number[]; after: number[] } {
  if (before.length !== after.length) throw new RangeError('before and after must have the same length');
  const b: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const x = before[i];
    const y = after[i];
    if (typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)) {
      b.push(x);
      a.push(y);
    }
  }
  return { before: b, after: a };
}

/**
 * Paired t-test on differences dᵢ = afterᵢ − beforeᵢ (Student 1908; any statistics text):
 * t = d̄ / (s_d / √n), df = n − 1, two-sided p = 2·(1 − F_t(|t|; df)),
 * 95 % CI of the mean change: d̄ ± t_{0.975, df} · s_d / √n.
 * Matches scipy.stats.ttest_rel(after, before) and its confidence_interval(0.95).
 * Undefined when n < 2 (no df) or s_d = 0 (division by zero): returned as { ok: false, reason }.
 */
export function pairedTTest(diffs: readonly number[], confidence = 0.95): TTestResult {
  const n = diffs.length;
  if (n < 2) return { ok: false, reason: 'too-few-pairs' };
  const m = mean(diffs) as number;
  const s = sd(diffs) as number;
  if (s === 0 || !Number.isFinite(s)) return { ok: false, reason: 'zero-variance' };
  const df = n - 1;
  const se = s / Math.sqrt(n);
  const t = m / se;
  const p = Math.min(1, 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)));
  const q = jStat.studentt.inv(1 - (1 - confidence) / 2, df);
  return { ok: true, t, df, p, ciLow: m - q * se, ciHigh: m + q * se };
}

/** Average ranks (1-based) of the values, ties get the mean of their positions. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const idx = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[idx[k]![1]] = r;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}

/** Exact null distribution of W+ for n untied ranks 1..n: counts[w] = #subsets of {1..n} summing to w. */
function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const c = new Array<number>(max + 1).fill(0);
  c[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let w = max; w >= k; w--) c[w]! += c[w - k]!;
  }
  return c;
}

/** Largest n for which the exact distribution is enumerated. */
export const WILCOXON_EXACT_MAX_N = 25;

/** Standard normal upper tail. */
function normalSf(z: number): number {
  return 1 - jStat.normal.cdf(z, 0, 1);
}

/**
 * Wilcoxon signed-rank test, two-sided (Wilcoxon 1945), on differences dᵢ.
 *
 * Zero handling: zero_method 'wilcox' — zero differences are discarded before ranking
 * (Wilcoxon 1945; the SciPy default). n' = number of non-zero differences.
 * Ranks of |dᵢ| with ties given average ranks; W+ = Σ ranks of positive dᵢ, W− = Σ ranks of negative dᵢ;
 * statistic T = min(W+, W−).
 *
 * - Exact (n' ≤ 25, no ties among |dᵢ|, no zeros were dropped): the null distribution of W+ is enumerated
 *   (all 2^n' sign assignments, counted by dynamic programming); p = min(1, 2·P(W+ ≤ T)).
 *   = scipy.stats.wilcoxon(d, zero_method='wilcox', method='exact').
 * - Otherwise normal approximation with tie correction and continuity correction:
 *   μ = n'(n'+1)/4, σ² = n'(n'+1)(2n'+1)/24 − Σ(t³ − t)/48 over tie groups t,
 *   z = (W+ − μ − 0.5·sign(W+ − μ)) / σ, p = 2·(1 − Φ(|z|)).
 *   = scipy.stats.wilcoxon(d, zero_method='wilcox', correction=True, method='approx').
 *   (SciPy's sign convention for z differs; |z| and p are identical.)
 */
export function wilcoxonSignedRank(diffs: readonly number[]): WilcoxonResult {
  const hadZeros = diffs.some((d) => d === 0);
  const nz = diffs.filter((d) => d !== 0);
  const n = nz.length;
  if (n === 0) return { ok: false, reason: 'no-non-zero-differences' };
  const { ranks, tieSizes } = averageRanks(nz.map(Math.abs));
  let wPlus = 0;
  let wMinus = 0;
  nz.forEach((d, i) => {
    if (d > 0) wPlus += ranks[i]!;
    else wMinus += ranks[i]!;
  });
  const statistic = Math.min(wPlus, wMinus);
  const hasTies = tieSizes.some((t) => t > 1);
  if (n <= WILCOXON_EXACT_MAX_N && !hasTies && !hadZeros) {
    const counts = signedRankCounts(n);
    const total = 2 ** n;
    let cum = 0;
    for (let w = 0; w <= statistic; w++) cum += counts[w]!;
    return { ok: true, statistic, wPlus, wMinus, nUsed: n, method: 'exact', z: null, p: Math.min(1, (2 * cum) / total) };
  }
  const mu = (n * (n + 1)) / 4;
  let variance = (n * (n + 1) * (2 * n + 1)) / 24;
  for (const t of tieSizes) variance -= (t ** 3 - t) / 48;
  if (variance <= 0) {
    // Only possible when n' = 1 with ... never for n' ≥ 1 untied; guard anyway.
    return { ok: true, statistic, wPlus, wMinus, nUsed: n, method: 'approx', z: null, p: 1 };
  }
  let d = wPlus - mu;
  d -= 0.5 * Math.sign(d);
  const z = d / Math.sqrt(variance);
  const p = Math.min(1, 2 * normalSf(Math.abs(z)));
  return { ok: true, statistic, wPlus, wMinus, nUsed: n, method: 'approx', z, p };
}

/**
 * Cohen's dz for paired designs (Cohen 1988; Lakens 2013, Front. Psychol. 4:863):
 * dz = d̄ / s_d. null when n < 2 or s_d = 0.
 */
export function cohensDz(diffs: readonly number[]): number | null {
  const s = sd(diffs);
  if (s === null || s === 0) return null;
  return (mean(diffs) as number) / s;
}

/**
 * Full paired before/after analysis. Pairs with a missing value on either side are dropped.
 * change = after − before (positive = increase).
 */
export function pairedAnalysis(
  before: readonly (number | null | undefined)[],
  after: readonly (number | null | undefined)[],
): PairedAnalysis {
  const p = pairUp(before, after);
  const diffs = p.after.map((a, i) => a - p.before[i]!);
  return {
    nPaired: diffs.length,
    meanBefore: mean(p.before),
    meanAfter: mean(p.after),
    meanChange: mean(diffs),
    sdChange: sd(diffs),
    tTest: pairedTTest(diffs),
    wilcoxon: wilcoxonSignedRank(diffs),
    cohensDz: cohensDz(diffs),
  };
}

/**
 * Reliable change index (Jacobson & Truax 1991, J Consult Clin Psychol 59:12–19):
 * SE = SD·√(1 − r), S_diff = √(2·SE²), RCI = (x₂ − x₁) / S_diff.
 * |RCI| > 1.96 = reliable change (p < .05). SD = reference population SD, r = reliability
 * (test–retest or Cronbach's α). null when S_diff = 0 (r = 1) or inputs invalid.
 */
export function reliableChangeIndex(x1: number, x2: number, referenceSd: number, reliability: number): number | null {
  const sDiff = reliableChangeSdiff(referenceSd, reliability);
  if (sDiff === null) return null;
  return (x2 - x1) / sDiff;
}

/** S_diff = √(2·(SD·√(1 − r))²). null for SD ≤ 0, r outside [0, 1). */
export function reliableChangeSdiff(referenceSd: number, reliability: number): number | null {
  if (!(referenceSd > 0) || !(reliability >= 0 && reliability < 1)) return null;
  const se = referenceSd * Math.sqrt(1 - reliability);
  return Math.sqrt(2 * se * se);
}

export interface ChangeShares {
  n: number;
  improved: number;
  deteriorated: number;
  unchanged: number;
  shareImproved: number | null;
  shareDeteriorated: number | null;
  shareUnchanged: number | null;
}

function shares(n: number, improved: number, deteriorated: number): ChangeShares {
  const unchanged = n - improved - deteriorated;
  return {
    n,
    improved,
    deteriorated,
    unchanged,
    shareImproved: n === 0 ? null : improved / n,
    shareDeteriorated: n === 0 ? null : deteriorated / n,
    shareUnchanged: n === 0 ? null : unchanged / n,
  };
}

/**
 * Share of paired participants with reliable improvement / deterioration: RCI > z or RCI < −z
 * (z = 1.96 by default). `higherIsBetter` = false flips the direction (e.g. loneliness).
 * Returns null when the RCI cannot be computed (no valid SD/reliability).
 */
export function reliableChangeShares(
  before: readonly (number | null | undefined)[],
  after: readonly (number | null | undefined)[],
  opts: { referenceSd: number; reliability: number; higherIsBetter?: boolean; z?: number },
): ChangeShares | null {
  const sDiff = reliableChangeSdiff(opts.referenceSd, opts.reliability);
  if (sDiff === null) return null;
  const z = opts.z ?? 1.96;
  const sign = opts.higherIsBetter === false ? -1 : 1;
  const p = pairUp(before, after);
  let imp = 0;
  let det = 0;
  p.before.forEach((b, i) => {
    const rci = (sign * (p.after[i]! - b)) / sDiff;
    if (rci > z) imp++;
    else if (rci < -z) det++;
  });
  return shares(p.before.length, imp, det);
}

/**
 * Share of paired participants whose change reaches the instrument's meaningful-change threshold
 * (|change| ≥ threshold, in the instrument's reported score units; e.g. WHO-5: 10 percentage points).
 */
export function meaningfulChangeShares(
  before: readonly (number | null | undefined)[],
  after: readonly (number | null | undefined)[],
  opts: { threshold: number; higherIsBetter?: boolean },
): ChangeShares {
  if (!(opts.threshold > 0)) throw new RangeError('threshold must be positive');
  const sign = opts.higherIsBetter === false ? -1 : 1;
  const p = pairUp(before, after);
  let imp = 0;
  let det = 0;
  p.before.forEach((b, i) => {
    const c = sign * (p.after[i]! - b);
    if (c >= opts.threshold) imp++;
    else if (c <= -opts.threshold) det++;
  });
  return shares(p.before.length, imp, det);
}

/** Response rate = responded / invited (0–1). null when invited = 0. */
export function responseRate(responded: number, invited: number): number | null {
  if (!(invited > 0)) return null;
  if (responded < 0 || responded > invited) throw new RangeError('responded must be between 0 and invited');
  return responded / invited;
}

/**
 * Attrition rate between two measurement points = (baseline − followUp) / baseline, where followUp counts
 * those of the baseline respondents who also answered at follow-up. null when baseline = 0.
 */
export function attritionRate(baselineRespondents: number, followUpRespondents: number): number | null {
  if (!(baselineRespondents > 0)) return null;
  if (followUpRespondents < 0 || followUpRespondents > baselineRespondents) {
    throw new RangeError('followUpRespondents must be between 0 and baselineRespondents');
  }
  return (baselineRespondents - followUpRespondents) / baselineRespondents;
}
