/**
 * Descriptive and paired before/after statistics for programme evaluation.
 * Pure functions, no I/O.
 *
 * Reference: SciPy 1.17.1 with its defaults, named beside each function. Every reference value in
 * statistics.test.ts was printed by SciPy / NumPy (src/features/outcomes/statistics.reference.py) and is
 * matched to |Δ| < 1e-9 (absolute for values ≥ 1e-6, relative below). Tail probabilities are computed as
 * tails (t CDF at −|t|, normal CDF at −|z|, counts of the smaller tail), never as 1 − cdf, so tiny p-values
 * keep their relative accuracy. The t and normal distributions are @stdlib's (ports of Boost/Cephes).
 *
 * Functions return `null` or `{ ok: false, reason }` instead of NaN/Infinity when a statistic is undefined.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Arithmetic mean: x̄ = Σxᵢ / n. null when n = 0. Reference: numpy.mean(x). */
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
  { ok: true; t: number; df: number; p: number; ciLow: number; ciHigh: number } | { ok: false; reason: 'too-few-pairs' | 'zero-variance' };

/**
 * Which null distribution gave the p-value: 'signed-rank' = the exact distribution for untied ranks,
 * 'permutation' = the complete permutation (sign-flip) distribution of the tied ranks, 'normal' = the normal
 * approximation. See wilcoxonSignedRank.
 */
export type WilcoxonDistribution = 'signed-rank' | 'permutation' | 'normal';

export type WilcoxonResult =
  | {
      ok: true;
      /** min(W+, W−), as scipy.stats.wilcoxon reports for a two-sided test. */
      statistic: number;
      wPlus: number;
      wMinus: number;
      /** number of non-zero differences used (zeros are dropped, zero_method='wilcox'). */
      nUsed: number;
      /** number of zero differences dropped. */
      zerosDropped: number;
      /** whether some |dᵢ| are tied (average ranks). */
      ties: boolean;
      /** 'exact' = an exact distribution (signed-rank or complete permutation), 'approx' = normal approximation. */
      method: 'exact' | 'approx';
      distribution: WilcoxonDistribution;
      /** z of the normal approximation, positive = increase (null when exact). */
      z: number | null;
      p: number;
    }
  | { ok: false; reason: 'no-non-zero-differences' | 'too-few-pairs' };

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
export function pairUp(before: readonly (number | null | undefined)[], after: readonly (number | null | undefined)[]): { before: number[]; after: number[] } {
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
 * Paired t-test on differences dᵢ = afterᵢ − beforeᵢ (Student 1908), two-sided:
 * t = d̄ / √(s_d² / n), df = n − 1, p = 2·F_t(−|t|; df) (the lower tail itself, not 1 − F),
 * CI of the mean change: d̄ + t_{α/2, df}·se … d̄ + t_{1−α/2, df}·se with α/2 = (1 − confidence)/2.
 *
 * Reference: scipy.stats.ttest_rel(after, before) with its defaults (alternative='two-sided') and
 * .confidence_interval(confidence_level=0.95) — SciPy computes exactly these expressions (ttest_1samp on
 * a − b; stdtr for p, stdtrit for the quantiles). Deliberate difference: where SciPy returns NaN (n < 2) or
 * ±inf with p = 0 (s_d = 0), the test is undefined here and returned as { ok: false, reason }.
 */
export function pairedTTest(diffs: readonly number[], confidence = 0.95): TTestResult {
  const n = diffs.length;
  if (n < 2) return { ok: false, reason: 'too-few-pairs' };
  const m = mean(diffs) as number;
  const s = sd(diffs) as number;
  if (s === 0 || !Number.isFinite(s)) return { ok: false, reason: 'zero-variance' };
  const df = n - 1;
  // As SciPy: se = √(var / n) (not sd / √n; the two differ in the last bit).
  const se = Math.sqrt((s * s) / n);
  const t = m / se;
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const tail = (1 - confidence) / 2;
  const qLow = tQuantile(tail, df);
  const qHigh = tQuantile(1 - tail, df);
  return { ok: true, t, df, p, ciLow: qLow * se + m, ciHigh: qHigh * se + m };
}

/** Average ranks (1-based) of the values, ties get the mean of their positions. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  // Positions sorted by value (a typed array: no tuple per value on large reports).
  const idx = Uint32Array.from(values, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && values[idx[j + 1]!] === values[idx[i]!]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[idx[k]!] = r;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}

/**
 * Null distribution of W+ when each of the given ranks is positive or negative with probability ½:
 * counts[w] = number of the 2^n sign assignments whose positive ranks sum to w / 2 (ranks are doubled so
 * that average ranks of ties, which end in .5, stay integers). Exact integers for n ≤ 50 (< 2^53).
 */
function signedRankCounts(doubledRanks: readonly number[]): number[] {
  const max = doubledRanks.reduce((a, r) => a + r, 0);
  const c = new Array<number>(max + 1).fill(0);
  c[0] = 1;
  let reach = 0;
  for (const r of doubledRanks) {
    reach += r;
    for (let w = reach; w >= r; w--) c[w]! += c[w - r]!;
  }
  return c;
}

/** Largest sample size (zeros included) for which SciPy's method='auto' may use the exact distribution. */
export const WILCOXON_EXACT_MAX_N = 50;
/** Largest sample size (zeros included) for which method='auto' runs the (then complete) permutation test. */
export const WILCOXON_PERMUTATION_MAX_N = 13;

/** Standard normal upper tail Φ(−z), computed directly (erfc), not as 1 − Φ(z). */
function normalSf(z: number): number {
  return normalCdf(-z, 0, 1);
}

/**
 * Wilcoxon signed-rank test, two-sided (Wilcoxon 1945), on differences dᵢ = afterᵢ − beforeᵢ.
 *
 * Reference: scipy.stats.wilcoxon(after, before) with its defaults — zero_method='wilcox',
 * correction=False, alternative='two-sided', method='auto' — mirrored branch by branch from SciPy 1.17.1
 * (scipy/stats/_wilcoxon.py):
 * - zero differences are dropped before ranking (zero_method='wilcox'); n' = non-zero differences;
 *   |dᵢ| ranked with average ranks for ties; W+ / W− = sums of the ranks of positive / negative dᵢ;
 *   the reported statistic is min(W+, W−).
 * - n (all pairs, zeros included) > 50 → normal approximation ('asymptotic').
 * - otherwise, no ties among |dᵢ| and no zeros → exact distribution of W+ ('exact'):
 *   p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))), both tails summed directly.
 * - otherwise (ties or zeros), n ≤ 13 → SciPy runs permutation_test over all 2^n sign flips (2^13 ≤ its
 *   default 9999 resamples, so it is complete and deterministic): the exact conditional distribution of W+
 *   given these tied ranks; p = min(1, 2·min(#(W+ ≤ w), #(W+ ≥ w)) / 2^n'). Reported as method 'exact',
 *   distribution 'permutation'.
 * - otherwise (ties or zeros, 13 < n ≤ 50) → normal approximation.
 * Normal approximation: μ = n'(n'+1)/4, σ = √((n'(n'+1)(2n'+1) − Σ(t³ − t)/2) / 24) over tie groups of size
 * t, z = (W+ − μ)/σ with no continuity correction (correction=False), p = 2·Φ(−|z|). (SciPy reports its
 * zstatistic as −|z| and only for method='asymptotic'; here z keeps its sign: positive = increase.)
 *
 * Deliberate differences, both where SciPy's figure carries no information: with n = 1 no test is shown
 * ({ ok: false, reason: 'too-few-pairs' }; SciPy gives p = 1), and with every difference zero the test is
 * undefined ('no-non-zero-differences'; SciPy gives p = 1 for n ≤ 13, NaN above).
 */
export function wilcoxonSignedRank(diffs: readonly number[]): WilcoxonResult {
  const nAll = diffs.length;
  if (nAll < 2) return { ok: false, reason: nAll === 0 ? 'no-non-zero-differences' : 'too-few-pairs' };
  const nz = diffs.filter((d) => d !== 0);
  const zerosDropped = nAll - nz.length;
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
  const ties = tieSizes.some((t) => t > 1);
  const common = { statistic, wPlus, wMinus, nUsed: n, zerosDropped, ties };
  const distribution: WilcoxonDistribution =
    nAll > WILCOXON_EXACT_MAX_N ? 'normal' : !ties && zerosDropped === 0 ? 'signed-rank' : nAll <= WILCOXON_PERMUTATION_MAX_N ? 'permutation' : 'normal';
  if (distribution !== 'normal') {
    // Both the untied exact distribution and the complete permutation distribution are the distribution of
    // Σ ranks of positive signs under random signs; for untied ranks 1..n' it is SciPy's _get_wilcoxon_distr.
    const doubled = ranks.map((r) => Math.round(2 * r));
    const counts = signedRankCounts(doubled);
    const w2 = Math.round(2 * wPlus);
    let lower = 0;
    for (let w = 0; w <= w2; w++) lower += counts[w]!;
    let upper = 0;
    for (let w = w2; w < counts.length; w++) upper += counts[w]!;
    const p = Math.min(1, (2 * Math.min(lower, upper)) / 2 ** n);
    return { ok: true, ...common, method: 'exact', distribution, z: null, p };
  }
  const mu = (n * (n + 1)) / 4;
  let tieCorrection = 0;
  for (const t of tieSizes) tieCorrection += t ** 3 - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieCorrection / 2) / 24);
  const z = (wPlus - mu) / sigma;
  const p = Math.min(1, 2 * normalSf(Math.abs(z)));
  return { ok: true, ...common, method: 'approx', distribution, z, p };
}

/**
 * Cohen's dz for paired designs (Cohen 1988; Lakens 2013, Front. Psychol. 4:863):
 * dz = d̄ / s_d. null when n < 2 or s_d = 0.
 * Reference: numpy: d.mean() / d.std(ddof=1) (SciPy has no function for it).
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
export function pairedAnalysis(before: readonly (number | null | undefined)[], after: readonly (number | null | undefined)[]): PairedAnalysis {
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
