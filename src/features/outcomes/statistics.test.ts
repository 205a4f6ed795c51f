import { describe, expect, it } from 'vitest';
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
} from './statistics.ts';

const close = (actual: number | null | undefined, expected: number, digits = 9) => {
  expect(actual).not.toBeNull();
  expect(actual as number).toBeCloseTo(expected, digits);
};

describe('mean and sd', () => {
  // python3 -c "import numpy as np; x=np.array([2,4,4,4,5,5,7,9.]); print(repr(x.mean()), repr(x.std(ddof=1)))"
  // -> np.float64(5.0) np.float64(2.138089935299395)
  it('matches numpy (ddof=1)', () => {
    close(mean([2, 4, 4, 4, 5, 5, 7, 9]), 5.0);
    close(sd([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395);
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
 * Reference values. Script (python3, scipy 1.17.1, numpy):
 *
 *   import numpy as np, scipy.stats as st
 *   def show(name,b,a,method):
 *       b=np.array(b,float); a=np.array(a,float); d=a-b
 *       r=st.ttest_rel(a,b); ci=r.confidence_interval(0.95)
 *       print(name,'t',repr(r.statistic),r.df,repr(r.pvalue),'ci',repr(ci.low),repr(ci.high),
 *             'dz',repr(d.mean()/d.std(ddof=1)),'sd',repr(d.std(ddof=1)))
 *       if method=='exact': w=st.wilcoxon(d,zero_method='wilcox',method='exact')
 *       else: w=st.wilcoxon(d,zero_method='wilcox',correction=True,method='approx')
 *       print(name,'wilcoxon',w.statistic,repr(w.pvalue))
 */
interface RefCase {
  name: string;
  before: number[];
  after: number[];
  t: number;
  df: number;
  p: number;
  ciLow: number;
  ciHigh: number;
  dz: number;
  sdChange: number;
  wStat: number;
  wP: number;
  wMethod: 'exact' | 'approx';
}

const refCases: RefCase[] = [
  // show('A',[10,12,9,14,11,13,8,15],[13,14,9.5,18,10,17,12,21],'approx')   (ties among |d|: 4,4,4)
  // A t 3.5591516294920362 7 0.009229914920208016 ci 0.9439351283893269 4.681064871610673 dz 1.2583501262424848 sd 2.2350695099449847
  // A wilcoxon 2.0 0.02917214702439016
  {
    name: 'A: ties → approx',
    before: [10, 12, 9, 14, 11, 13, 8, 15],
    after: [13, 14, 9.5, 18, 10, 17, 12, 21],
    t: 3.5591516294920362,
    df: 7,
    p: 0.009229914920208016,
    ciLow: 0.9439351283893269,
    ciHigh: 4.681064871610673,
    dz: 1.2583501262424848,
    sdChange: 2.2350695099449847,
    wStat: 2.0,
    wP: 0.02917214702439016,
    wMethod: 'approx',
  },
  // show('B',[52,40,68,36,60,44,56,72,48,32],[60,48,72,52,56,64,68,80,60,44],'approx')  (WHO-5 %, ties)
  // B t 4.609327677584254 9 0.0012735164963758993 ci 4.888530067308107 14.311469932691892 dz 1.4575973943220488 sd 6.586180818788517
  // B wilcoxon 1.5 0.008935154774921718
  {
    name: 'B: WHO-5 percentages, ties → approx',
    before: [52, 40, 68, 36, 60, 44, 56, 72, 48, 32],
    after: [60, 48, 72, 52, 56, 64, 68, 80, 60, 44],
    t: 4.609327677584254,
    df: 9,
    p: 0.0012735164963758993,
    ciLow: 4.888530067308107,
    ciHigh: 14.311469932691892,
    dz: 1.4575973943220488,
    sdChange: 6.586180818788517,
    wStat: 1.5,
    wP: 0.008935154774921718,
    wMethod: 'approx',
  },
  // show('C',[0,0,0,0,0,0],[1,-2,3,4,5,6],'exact')
  // C t 2.3711954987696005 5 0.06385795279249096 ci -0.23824604708841068 5.904912713755078 dz 0.9680365087282963 sd 2.926886855802026
  // C wilcoxon 2.0 0.09375
  {
    name: 'C: n=6 no ties → exact',
    before: [0, 0, 0, 0, 0, 0],
    after: [1, -2, 3, 4, 5, 6],
    t: 2.3711954987696005,
    df: 5,
    p: 0.06385795279249096,
    ciLow: -0.23824604708841068,
    ciHigh: 5.904912713755078,
    dz: 0.9680365087282963,
    sdChange: 2.926886855802026,
    wStat: 2.0,
    wP: 0.09375,
    wMethod: 'exact',
  },
  // b=[0]*20; a=[i*(-1 if i in (3,7,11) else 1) for i in range(1,21)]; show('D',b,a,'exact')
  // D t 4.2871946990679035 19 0.00039781695525975324 ci 4.2990894300060045 12.500910569993996 dz 0.9586458779892588 sd 8.762359691796556
  // D wilcoxon 21.0 0.000850677490234375
  {
    name: 'D: n=20 no ties → exact',
    before: new Array<number>(20).fill(0),
    after: Array.from({ length: 20 }, (_, k) => (k + 1) * ([3, 7, 11].includes(k + 1) ? -1 : 1)),
    t: 4.2871946990679035,
    df: 19,
    p: 0.00039781695525975324,
    ciLow: 4.2990894300060045,
    ciHigh: 12.500910569993996,
    dz: 0.9586458779892588,
    sdChange: 8.762359691796556,
    wStat: 21.0,
    wP: 0.000850677490234375,
    wMethod: 'exact',
  },
  // b=[0]*30; a=[i*(-1 if i%4==0 else 1) for i in range(1,31)]; show('E',b,a,'approx')   (n > 25)
  // E t 2.7326017014628885 29 0.010589327696863939 ci 2.0207441405247737 14.045922526141894 dz 0.49890253085607394 sd 16.10200958401398
  // E wilcoxon 112.0 0.013579415038448943
  {
    name: 'E: n=30 → approx',
    before: new Array<number>(30).fill(0),
    after: Array.from({ length: 30 }, (_, k) => (k + 1) * ((k + 1) % 4 === 0 ? -1 : 1)),
    t: 2.7326017014628885,
    df: 29,
    p: 0.010589327696863939,
    ciLow: 2.0207441405247737,
    ciHigh: 14.045922526141894,
    dz: 0.49890253085607394,
    sdChange: 16.10200958401398,
    wStat: 112.0,
    wP: 0.013579415038448943,
    wMethod: 'approx',
  },
  // show('F',[5,5,5,5,5,5,5],[5,5,7,2,9,8,6],'approx')   (two zero differences, dropped)
  // F t 1.1456439237389602 6 0.29557245162157725 ci -1.1358397670012153 3.1358397670012153 dz 0.43301270189221935 sd 2.309401076758503
  // F wilcoxon 3.5 0.34302782731118187
  {
    name: 'F: zeros → dropped, approx',
    before: [5, 5, 5, 5, 5, 5, 5],
    after: [5, 5, 7, 2, 9, 8, 6],
    t: 1.1456439237389602,
    df: 6,
    p: 0.29557245162157725,
    ciLow: -1.1358397670012153,
    ciHigh: 3.1358397670012153,
    dz: 0.43301270189221935,
    sdChange: 2.309401076758503,
    wStat: 3.5,
    wP: 0.34302782731118187,
    wMethod: 'approx',
  },
];

describe('paired analysis against scipy', () => {
  it.each(refCases)('$name', (c) => {
    const r = pairedAnalysis(c.before, c.after);
    expect(r.nPaired).toBe(c.before.length);
    close(r.sdChange, c.sdChange);
    close(r.cohensDz, c.dz);
    expect(r.tTest.ok).toBe(true);
    if (r.tTest.ok) {
      close(r.tTest.t, c.t);
      expect(r.tTest.df).toBe(c.df);
      close(r.tTest.p, c.p, 7);
      close(r.tTest.ciLow, c.ciLow, 6); // jStat.studentt.inv is accurate to ~1e-7
      close(r.tTest.ciHigh, c.ciHigh, 6);
    }
    expect(r.wilcoxon.ok).toBe(true);
    if (r.wilcoxon.ok) {
      expect(r.wilcoxon.method).toBe(c.wMethod);
      expect(r.wilcoxon.statistic).toBe(c.wStat);
      close(r.wilcoxon.p, c.wP, 7);
    }
  });
});

describe('paired analysis edge cases', () => {
  it('n = 0', () => {
    const r = pairedAnalysis([], []);
    expect(r).toMatchObject({ nPaired: 0, meanBefore: null, meanChange: null, sdChange: null, cohensDz: null });
    expect(r.tTest).toEqual({ ok: false, reason: 'too-few-pairs' });
    expect(r.wilcoxon).toEqual({ ok: false, reason: 'no-non-zero-differences' });
  });
  it('n = 1', () => {
    const r = pairedAnalysis([40], [60]);
    expect(r).toMatchObject({ nPaired: 1, meanChange: 20, sdChange: null, cohensDz: null });
    expect(r.tTest).toEqual({ ok: false, reason: 'too-few-pairs' });
    // python3 -c "import scipy.stats as st; print(st.wilcoxon([20],method='exact').pvalue)"  -> 1.0
    expect(r.wilcoxon).toMatchObject({ ok: true, method: 'exact', p: 1 });
  });
  it('n = 2 (t defined, df = 1)', () => {
    // python3 -c "import scipy.stats as st; r=st.ttest_rel([4,8],[1,2]); print(repr(r.statistic), repr(r.pvalue))"
    // -> np.float64(3.0) np.float64(0.20483276469913345)
    const r = pairedTTest([3, 6]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      close(r.t, 3.0);
      close(r.p, 0.20483276469913345, 7);
    }
  });
  it('all differences equal → SD 0 → t and dz undefined, with the reason', () => {
    const r = pairedAnalysis([1, 2, 3], [3, 4, 5]);
    expect(r.sdChange).toBe(0);
    expect(r.tTest).toEqual({ ok: false, reason: 'zero-variance' });
    expect(r.cohensDz).toBeNull();
  });
  it('all differences zero → Wilcoxon undefined', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ ok: false, reason: 'no-non-zero-differences' });
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
});

describe('reliable change (Jacobson & Truax 1991)', () => {
  // python3 -c "import math; sd=17; r=0.84; se=sd*math.sqrt(1-r); sdiff=math.sqrt(2*se**2); print(repr(sdiff), repr((64-48)/sdiff))"
  // -> 9.616652224137047 1.6637806616154058
  it('RCI matches the formula', () => {
    close(reliableChangeIndex(48, 64, 17, 0.84), 1.6637806616154058);
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
