import { describe, expect, it } from 'vitest';
import randomCases from './statistics.reference.random.json';
import {
  attritionRate,
  cohensDz,
  mean,
  meaningfulChangeShares,
  pairedAnalysis,
  pairedTTest,
  reliableChangeIndex,
  reliableChangeShares,
  responseRate,
  sd,
  wilcoxonSignedRank,
  type WilcoxonDistribution,
} from './statistics.ts';


/**
 * |Δ| < 1e-9: absolute for reference values ≥ 1e-6, relative below (tiny p-values keep their digits); a
 * reference of exactly 0 must be met exactly.
 */
const ref = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual).toBeTypeOf('number');
  const a = actual as number;
  const delta = Math.abs(a - expected);
  if (expected === 0) expect(delta, `${a} vs 0`).toBe(0);
  else if (Math.abs(expected) >= 1e-6) expect(delta, `${a} vs ${expected}`).toBeLessThan(1e-9);
  else expect(delta / Math.abs(expected), `${a} vs ${expected} (relative)`).toBeLessThan(1e-9);
};

describe('mean and sd', () => {
  // python3 -c "import numpy as np; x=np.array([2,4,4,4,5,5,7,9.]); print(repr(x.mean()), repr(x.std(ddof=1)))"
  // -> np.float64(5.0) np.float64(2.138089935299395)
  it('matches numpy (ddof=1)', () => {
    ref(mean([2, 4, 4, 4, 5, 5, 7, 9]), 5.0);
    ref(sd([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395);
  });
  it.each([
    { xs: [], m: null, s: null },
    { xs: [3], m: 3, s: null },
    { xs: [3, 3], m: 3, s: 0 },
  ])('edge case $xs', ({ xs, m, s }) => {
    expect(mean(xs)).toBe(m);
    expect(sd(xs)).toBe(s);
  });
});

/*
 * Reference values printed by SciPy 1.17.1 / NumPy (defaults) with the command beside each case; the script
 * src/features/outcomes/statistics.reference.py holds the data and says what each printed figure is:
 * scipy.stats.ttest_rel(after, before) and its confidence_interval(0.95), numpy means / std(ddof=1) /
 * Cohen's dz, and scipy.stats.wilcoxon(after, before) with its defaults (zero_method='wilcox',
 * correction=False, method='auto'). `distribution` is the branch SciPy's method='auto' takes (see
 * wilcoxonSignedRank): n ≤ 50 without ties or zeros → exact; ties or zeros with n ≤ 13 → complete
 * permutation test; otherwise the normal approximation without continuity correction.
 */
interface RefCase {
  name: string;
  distribution: WilcoxonDistribution;
  before: number[];
  after: number[];
  df: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
  sdChange: number;
  dz: number;
  wStat: number;
  wP: number;
}

// prettier-ignore
const refCases: RefCase[] = [
  // python3 src/features/outcomes/statistics.reference.py M
  { name: 'M', distribution: 'signed-rank', before: [1, 2], after: [4, 8], df: 1, t: 3.0, p: 0.20483276469913345, ciLow: -14.55930710426204, ciHigh: 23.55930710426204, meanBefore: 1.5, meanAfter: 6.0, meanChange: 4.5, sdChange: 2.1213203435596424, dz: 2.121320343559643, wStat: 0.0, wP: 0.5 },
  // python3 src/features/outcomes/statistics.reference.py A
  { name: 'A', distribution: 'permutation', before: [10, 12, 9, 14, 11, 13, 8, 15], after: [13, 14, 9.5, 18, 10, 17, 12, 21], df: 7, t: 3.5591516294920362, p: 0.009229914920208016, ciLow: 0.9439351283893269, ciHigh: 4.681064871610673, meanBefore: 11.5, meanAfter: 14.3125, meanChange: 2.8125, sdChange: 2.2350695099449847, dz: 1.2583501262424848, wStat: 2.0, wP: 0.0234375 },
  // python3 src/features/outcomes/statistics.reference.py B
  { name: 'B', distribution: 'permutation', before: [52, 40, 68, 36, 60, 44, 56, 72, 48, 32], after: [60, 48, 72, 52, 56, 64, 68, 80, 60, 44], df: 9, t: 4.609327677584254, p: 0.0012735164963758993, ciLow: 4.888530067308107, ciHigh: 14.311469932691892, meanBefore: 50.8, meanAfter: 60.4, meanChange: 9.6, sdChange: 6.586180818788517, dz: 1.4575973943220488, wStat: 1.5, wP: 0.005859375 },
  // python3 src/features/outcomes/statistics.reference.py C
  { name: 'C', distribution: 'signed-rank', before: [0, 0, 0, 0, 0, 0], after: [1, -2, 3, 4, 5, 6], df: 5, t: 2.3711954987696005, p: 0.06385795279249096, ciLow: -0.23824604708841068, ciHigh: 5.904912713755078, meanBefore: 0.0, meanAfter: 2.8333333333333335, meanChange: 2.8333333333333335, sdChange: 2.926886855802026, dz: 0.9680365087282963, wStat: 2.0, wP: 0.09375 },
  // python3 src/features/outcomes/statistics.reference.py Cneg
  { name: 'Cneg', distribution: 'signed-rank', before: [1, -2, 3, 4, 5, 6], after: [0, 0, 0, 0, 0, 0], df: 5, t: -2.3711954987696005, p: 0.06385795279249096, ciLow: -5.904912713755078, ciHigh: 0.23824604708841068, meanBefore: 2.8333333333333335, meanAfter: 0.0, meanChange: -2.8333333333333335, sdChange: 2.926886855802026, dz: -0.9680365087282963, wStat: 2.0, wP: 0.09375 },
  // python3 src/features/outcomes/statistics.reference.py D
  { name: 'D', distribution: 'signed-rank', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [1, 2, -3, 4, 5, 6, -7, 8, 9, 10, -11, 12, 13, 14, 15, 16, 17, 18, 19, 20], df: 19, t: 4.2871946990679035, p: 0.00039781695525975324, ciLow: 4.2990894300060045, ciHigh: 12.500910569993996, meanBefore: 0.0, meanAfter: 8.4, meanChange: 8.4, sdChange: 8.762359691796556, dz: 0.9586458779892588, wStat: 21.0, wP: 0.000850677490234375 },
  // python3 src/features/outcomes/statistics.reference.py E
  { name: 'E', distribution: 'signed-rank', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [1, 2, 3, -4, 5, 6, 7, -8, 9, 10, 11, -12, 13, 14, 15, -16, 17, 18, 19, -20, 21, 22, 23, -24, 25, 26, 27, -28, 29, 30], df: 29, t: 2.7326017014628885, p: 0.010589327696863939, ciLow: 2.0207441405247737, ciHigh: 14.045922526141894, meanBefore: 0.0, meanAfter: 8.033333333333333, meanChange: 8.033333333333333, sdChange: 16.10200958401398, dz: 0.49890253085607394, wStat: 112.0, wP: 0.012047622352838516 },
  // python3 src/features/outcomes/statistics.reference.py F
  { name: 'F', distribution: 'permutation', before: [5, 5, 5, 5, 5, 5, 5], after: [5, 5, 7, 2, 9, 8, 6], df: 6, t: 1.1456439237389602, p: 0.29557245162157725, ciLow: -1.1358397670012153, ciHigh: 3.1358397670012153, meanBefore: 5.0, meanAfter: 6.0, meanChange: 1.0, sdChange: 2.309401076758503, dz: 0.43301270189221935, wStat: 3.5, wP: 0.375 },
  // python3 src/features/outcomes/statistics.reference.py G
  { name: 'G', distribution: 'permutation', before: [12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28], after: [4, 52, 72, 12, 60, 80, 20, 40, 88, 28, 48, 16, 36], df: 12, t: 1.8149704259460604, p: 0.09458686673699145, ciLow: -0.8635518801387541, ciHigh: 9.478936495523369, meanBefore: 38.46153846153846, meanAfter: 42.76923076923077, meanChange: 4.3076923076923075, sdChange: 8.557497837029773, dz: 0.5033822257076336, wStat: 18.0, wP: 0.1044921875 },
  // python3 src/features/outcomes/statistics.reference.py H
  { name: 'H', distribution: 'normal', before: [12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56], after: [4, 52, 72, 12, 60, 80, 20, 40, 88, 28, 48, 16, 36, 56], df: 13, t: 1.802775637731995, p: 0.09464234394064142, ciLow: -0.793427670634979, ciHigh: 8.79342767063498, meanBefore: 39.714285714285715, meanAfter: 43.714285714285715, meanChange: 4.0, sdChange: 8.301992346604333, dz: 0.48181205582971576, wStat: 18.0, wP: 0.09661420844785218 },
  // python3 src/features/outcomes/statistics.reference.py I
  { name: 'I', distribution: 'normal', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [0, 1, -2, 3, 4, 5, 6, 7, 8, -9, 10, 11, 12, 13], df: 13, t: 3.0382350934747424, p: 0.009512896410041216, ciLow: 1.4240594642762363, ciHigh: 8.433083392866621, meanBefore: 0.0, meanAfter: 4.928571428571429, meanChange: 4.928571428571429, sdChange: 6.069650676987873, dz: 0.8120024843039704, wStat: 11.0, wP: 0.015906444101703374 },
  // python3 src/features/outcomes/statistics.reference.py Iz
  { name: 'Iz', distribution: 'permutation', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [0, 1, -2, 3, 4, 5, 6, 7, 8, -9, 10, 11], df: 11, t: 2.269126741769345, p: 0.04437553556426107, ciLow: 0.11010952431716925, ciHigh: 7.223223809016163, meanBefore: 0.0, meanAfter: 3.6666666666666665, meanChange: 3.6666666666666665, sdChange: 5.597618541248889, dz: 0.655040467592955, wStat: 11.0, wP: 0.0537109375 },
  // python3 src/features/outcomes/statistics.reference.py J
  { name: 'J', distribution: 'signed-rank', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50], df: 49, t: 12.36931687685298, p: 1.098915527228767e-16, ciLow: 21.357154517345244, ciHigh: 29.642845482654756, meanBefore: 0.0, meanAfter: 25.5, meanChange: 25.5, sdChange: 14.577379737113251, dz: 1.7492855684535902, wStat: 0.0, wP: 1.7763568394002505e-15 },
  // python3 src/features/outcomes/statistics.reference.py K
  { name: 'K', distribution: 'normal', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [1, 2, 3, 4, -5, 6, 7, 8, 9, -10, 11, 12, 13, 14, -15, 16, 17, 18, 19, -20, 21, 22, 23, 24, -25, 26, 27, 28, 29, -30, 31, 32, 33, 34, -35, 36, 37, 38, 39, -40, 41, 42, 43, 44, -45, 46, 47, 48, 49, -50, 51], df: 50, t: 4.1843373539517135, p: 0.00011542169308777331, ciLow: 7.911876201770189, ciHigh: 22.519496347249415, meanBefore: 0.0, meanAfter: 15.215686274509803, meanChange: 15.215686274509803, sdChange: 25.96868400631052, dz: 0.5859244261593046, wStat: 275.0, wP: 0.0002759334864863659 },
  // python3 src/features/outcomes/statistics.reference.py L
  { name: 'L', distribution: 'normal', before: [12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56, 4, 32, 60, 8, 36, 64, 12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56, 4, 32, 60, 8, 36, 64, 12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56, 4, 32, 60, 8, 36, 64], after: [8, 56, 76, 16, 64, 84, 24, 44, 92, 32, 52, 20, 40, 60, 0, 48, 68, 8, 56, 76, 16, 36, 84, 24, 44, 92, 32, 52, 72, 40, 60, 0, 48, 68, 8, 28, 76, 16, 36, 84, 24, 44, 64, 32, 52, 72, 40, 60, 80, 20, 68, 8, 28, 76, 16, 36, 56, 24, 44, 64], df: 59, t: 7.475890249448409, p: 4.2252448964112785e-10, ciLow: 5.7122534670382485, ciHigh: 9.887746532961751, meanBefore: 38.0, meanAfter: 45.8, meanChange: 7.8, sdChange: 8.081785337243753, dz: 0.9651332811396034, wStat: 81.0, wP: 3.965093650174114e-08 },
  // python3 src/features/outcomes/statistics.reference.py N
  { name: 'N', distribution: 'normal', before: [12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56, 4, 32, 60, 8, 36, 64, 12, 40, 68, 16, 44, 72, 20, 48, 76, 24, 52, 0, 28, 56, 4, 32, 60, 8, 36, 64], after: [0, 44, 64, 4, 52, 72, 12, 32, 80, 20, 40, 8, 28, 48, 0, 36, 56, 0, 44, 64, 4, 24, 72, 12, 32, 80, 20, 40, 60, 28, 48, 0, 36, 56, 0, 16, 64, 4, 24, 72], df: 39, t: -2.5599645368237853, p: 0.014456837220995451, ciLow: -5.54938621684726, ciHigh: -0.6506137831527403, meanBefore: 38.0, meanAfter: 34.9, meanChange: -3.1, sdChange: 7.6587473033395135, dz: -0.4047659332810574, wStat: 165.0, wP: 0.021730887003373237 },
  // python3 src/features/outcomes/statistics.reference.py O
  { name: 'O', distribution: 'signed-rank', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [10, 10.01, 10.02, 10.03, 10.04, 10.05, 10.06, 10.07, 10.08, 10.09, 10.1, 10.11, 10.12, 10.13, 10.14, 10.15, 10.16, 10.17, 10.18, 10.19, 10.2, 10.21, 10.22, 10.23, 10.24], df: 24, t: 687.518615132597, p: 4.72895566455369e-53, ciLow: 10.089620235752237, ciHigh: 10.150379764247761, meanBefore: 0.0, meanAfter: 10.12, meanChange: 10.12, sdChange: 0.07359800721939887, dz: 137.50372302651942, wStat: 0.0, wP: 5.960464477539063e-08 },
  // python3 src/features/outcomes/statistics.reference.py P
  { name: 'P', distribution: 'normal', before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], after: [5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7], df: 119, t: 80.16233529532434, p: 2.0681984396688026e-105, ciLow: 5.851793249099186, ciHigh: 6.148206750900814, meanBefore: 0.0, meanAfter: 6.0, meanChange: 6.0, sdChange: 0.8199200616907878, dz: 7.317786550590281, wStat: 0.0, wP: 5.442292673565507e-22 },
];

describe('paired analysis against SciPy 1.17.1', () => {
  it.each(refCases)('$name ($distribution)', (c) => {
    const r = pairedAnalysis(c.before, c.after);
    expect(r.nPaired).toBe(c.before.length);
    ref(r.meanBefore, c.meanBefore);
    ref(r.meanAfter, c.meanAfter);
    ref(r.meanChange, c.meanChange);
    ref(r.sdChange, c.sdChange);
    ref(r.cohensDz, c.dz);
    expect(r.tTest.ok).toBe(true);
    if (r.tTest.ok) {
      ref(r.tTest.t, c.t);
      expect(r.tTest.df).toBe(c.df);
      ref(r.tTest.p, c.p);
      ref(r.tTest.ciLow, c.ciLow);
      ref(r.tTest.ciHigh, c.ciHigh);
    }
    expect(r.wilcoxon.ok).toBe(true);
    if (r.wilcoxon.ok) {
      expect(r.wilcoxon.distribution).toBe(c.distribution);
      expect(r.wilcoxon.method).toBe(c.distribution === 'normal' ? 'approx' : 'exact');
      expect(r.wilcoxon.statistic).toBe(c.wStat);
      ref(r.wilcoxon.p, c.wP);
    }
  });

  it('covers tiny p-values, both signs of effect and every branch', () => {
    expect(refCases.some((c) => c.p < 1e-40 && c.wP < 1e-12)).toBe(true);
    expect(refCases.some((c) => c.meanChange < 0) && refCases.some((c) => c.meanChange > 0)).toBe(true);
    expect(new Set(refCases.map((c) => c.distribution))).toEqual(new Set(['signed-rank', 'permutation', 'normal']));
  });

  it('the two-sided p is symmetric in the direction of change', () => {
    for (const c of refCases) {
      const forward = pairedAnalysis(c.before, c.after);
      const backward = pairedAnalysis(c.after, c.before);
      if (forward.wilcoxon.ok && backward.wilcoxon.ok) expect(backward.wilcoxon.p).toBe(forward.wilcoxon.p);
      if (forward.tTest.ok && backward.tTest.ok) expect(backward.tTest.p).toBe(forward.tTest.p);
    }
  });
});

// python3 src/features/outcomes/statistics.reference.py --random > src/features/outcomes/statistics.reference.random.json
// 60 random data sets (seeded) printed by SciPy 1.17.1: ttest_rel, its 95 % CI and wilcoxon with the defaults.
describe('random data sets against SciPy 1.17.1', () => {
  it.each(randomCases.map((c, i) => [i, c] as const))('data set %i', (_i, c) => {
    const r = pairedAnalysis(c.before, c.after);
    expect(r.tTest.ok && r.wilcoxon.ok).toBe(true);
    if (!r.tTest.ok || !r.wilcoxon.ok) return;
    ref(r.tTest.t, c.t);
    ref(r.tTest.p, c.p);
    ref(r.tTest.ciLow, c.ciLow);
    ref(r.tTest.ciHigh, c.ciHigh);
    expect(r.wilcoxon.statistic).toBe(c.wStat);
    ref(r.wilcoxon.p, c.wP);
  });
  it('meets every branch of method=auto', () => {
    const seen = new Set(randomCases.map((c) => {
      const w = wilcoxonSignedRank(c.after.map((a, i) => a - c.before[i]!));
      return w.ok ? w.distribution : 'none';
    }));
    expect(seen).toEqual(new Set(['signed-rank', 'permutation', 'normal']));
  });
});

describe('paired analysis edge cases', () => {
  it('n = 0', () => {
    const r = pairedAnalysis([], []);
    expect(r).toMatchObject({ nPaired: 0, meanBefore: null, meanChange: null, sdChange: null, cohensDz: null });
    expect(r.tTest).toEqual({ ok: false, reason: 'too-few-pairs' });
    expect(r.wilcoxon).toEqual({ ok: false, reason: 'no-non-zero-differences' });
  });
  it('n = 1: no p-value at all (SciPy would print t = nan and a Wilcoxon p of 1.0)', () => {
    // python3 src/features/outcomes/statistics.reference.py n1
    // -> "t": "nan", "p": "nan", "meanChange": "20.0", "sdChange": "nan", "wStat": "0.0", "wP": "1.0"
    const r = pairedAnalysis([40], [60]);
    expect(r).toMatchObject({ nPaired: 1, meanChange: 20, sdChange: null, cohensDz: null });
    expect(r.tTest).toEqual({ ok: false, reason: 'too-few-pairs' });
    expect(r.wilcoxon).toEqual({ ok: false, reason: 'too-few-pairs' });
  });
  it('all differences equal → SD 0 → t and dz undefined, with the reason (SciPy: t = inf, p = 0)', () => {
    // python3 -c "import scipy.stats as st; print(st.ttest_rel([3,4,5],[1,2,3]))"
    // -> TtestResult(statistic=np.float64(inf), pvalue=np.float64(0.0), df=np.int64(2))
    const r = pairedAnalysis([1, 2, 3], [3, 4, 5]);
    expect(r.sdChange).toBe(0);
    expect(r.tTest).toEqual({ ok: false, reason: 'zero-variance' });
    expect(r.cohensDz).toBeNull();
  });
  it('all differences zero → Wilcoxon undefined (SciPy: statistic 0, p = 1.0)', () => {
    // python3 src/features/outcomes/statistics.reference.py zeros  -> "wStat": "0.0", "wP": "1.0"
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ ok: false, reason: 'no-non-zero-differences' });
  });
  it('reports what the Wilcoxon test used', () => {
    // F: differences 0, 0, 2, −3, 4, 3, 1 → two zeros dropped, |3| tied
    const r = wilcoxonSignedRank([0, 0, 2, -3, 4, 3, 1]);
    expect(r).toMatchObject({ ok: true, nUsed: 5, zerosDropped: 2, ties: true, wPlus: 11.5, wMinus: 3.5, statistic: 3.5, z: null });
  });
  it('the normal approximation keeps the sign of z', () => {
    const up = wilcoxonSignedRank(Array.from({ length: 51 }, (_, i) => i + 1));
    const down = wilcoxonSignedRank(Array.from({ length: 51 }, (_, i) => -(i + 1)));
    expect(up.ok && up.z !== null && up.z > 0).toBe(true);
    expect(down.ok && down.z !== null && down.z < 0).toBe(true);
  });
  it('drops pairs with a missing side', () => {
    const r = pairedAnalysis([1, null, 3, 4], [2, 5, undefined, 6]);
    expect(r.nPaired).toBe(2);
    expect(r.meanChange).toBe(1.5);
  });
  it('throws for arrays of different length', () => {
    expect(() => pairedAnalysis([1], [1, 2])).toThrow(RangeError);
  });
  it('cohensDz of a single value is null', () => {
    expect(cohensDz([5])).toBeNull();
  });
  it('pairedTTest with another confidence level', () => {
    // python3 -c "import scipy.stats as st; r=st.ttest_rel([4,8,5,9],[1,2,3,3]); ci=r.confidence_interval(0.9); print(repr(ci.low), repr(ci.high))"
    // -> np.float64(1.824208495711424) np.float64(6.675791504288575)
    const r = pairedTTest([3, 6, 2, 6], 0.9);
    expect(r.ok).toBe(true);
    if (r.ok) {
      ref(r.ciLow, 1.824208495711424);
      ref(r.ciHigh, 6.675791504288575);
    }
  });
});

describe('reliable change (Jacobson & Truax 1991)', () => {
  // python3 -c "import math; sd=17; r=0.84; se=sd*math.sqrt(1-r); sdiff=math.sqrt(2*se**2); print(repr(sdiff), repr((64-48)/sdiff))"
  // -> 9.616652224137047 1.6637806616154058
  it('RCI matches the formula', () => {
    ref(reliableChangeIndex(48, 64, 17, 0.84), 1.6637806616154058);
  });
  it.each([
    { sd: 0, r: 0.8 },
    { sd: 10, r: 1 },
    { sd: 10, r: -0.1 },
  ])('undefined for sd=$sd r=$r', ({ sd: s, r }) => {
    expect(reliableChangeIndex(1, 2, s, r)).toBeNull();
  });
  it('shares of reliable improvement and deterioration', () => {
    // S_diff = 9.6167 → reliable when |change| > 1.96 · 9.6167 = 18.85
    const r = reliableChangeShares([20, 40, 60, 50, null], [40, 60, 40, 52, 90], { referenceSd: 17, reliability: 0.84 });
    expect(r).toMatchObject({ n: 4, improved: 2, deteriorated: 1, unchanged: 1, shareImproved: 0.5, shareDeteriorated: 0.25 });
    const lower = reliableChangeShares([3], [9], { referenceSd: 1.5, reliability: 0.72, higherIsBetter: false });
    expect(lower).toMatchObject({ improved: 0, deteriorated: 1 });
  });
  it('meaningful change shares at the threshold', () => {
    const r = meaningfulChangeShares([40, 40, 40, 40], [50, 49, 30, 40], { threshold: 10 });
    expect(r).toMatchObject({ n: 4, improved: 1, deteriorated: 1, unchanged: 2 });
    expect(meaningfulChangeShares([], [], { threshold: 10 }).shareImproved).toBeNull();
  });
});

describe('response and attrition', () => {
  it.each([
    { fn: () => responseRate(30, 40), expected: 0.75 },
    { fn: () => responseRate(0, 0), expected: null },
    { fn: () => attritionRate(40, 30), expected: 0.25 },
    { fn: () => attritionRate(0, 0), expected: null },
  ])('%#', ({ fn, expected }) => {
    expect(fn()).toBe(expected);
  });
  it('rejects impossible counts', () => {
    expect(() => responseRate(5, 4)).toThrow(RangeError);
    expect(() => attritionRate(4, 5)).toThrow(RangeError);
  });
});
