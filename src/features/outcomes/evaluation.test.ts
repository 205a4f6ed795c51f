// The evaluation report from hand-made rows; every expected value worked out by hand (in the comments).
import { describe, expect, it } from 'vitest';
import { ageBandOf, breakdown, buildEvaluationReport } from './evaluation.ts';
import type { EvaluationRow } from './evaluation.queries.ts';
import { who5, threeItemLoneliness } from './instruments/index.ts';

const row = (baseline: number, after: number | null, attrs: Partial<EvaluationRow> = {}): EvaluationRow => ({
  baseline,
  after,
  followUpDue: after !== null,
  ageAtBaseline: null,
  gender: null,
  sector: null,
  municipality: null,
  groupFormat: 'online',
  ...attrs,
});

// 7 women aged 30 in Pori (609): six +10, one +4  → mean change 64/7
// 5 men: +0, +4, +8, −4, +12 → mean change 20/5 = 4; ages 50, 50, 50, 70, 70; Helsinki (091) ×4, unknown ×1
// one man's group is a walking group.
const women = [...Array.from({ length: 6 }, () => row(40, 50, { gender: 'female', ageAtBaseline: 30, municipality: '609' })), row(40, 44, { gender: 'female', ageAtBaseline: 30, municipality: '609' })];
const men = [
  row(60, 60, { gender: 'male', ageAtBaseline: 50, municipality: '091' }),
  row(60, 64, { gender: 'male', ageAtBaseline: 50, municipality: '091' }),
  row(60, 68, { gender: 'male', ageAtBaseline: 50, municipality: '091' }),
  row(60, 56, { gender: 'male', ageAtBaseline: 70, municipality: '091' }),
  row(60, 72, { gender: 'male', ageAtBaseline: 70, municipality: null, groupFormat: 'walking' }),
];
// no follow-up: two were due (lost), one not yet due
const unpaired = [row(50, null, { followUpDue: true }), row(50, null, { followUpDue: true }), row(50, null, { followUpDue: false })];
const rows = [...women, ...men, ...unpaired];

describe('buildEvaluationReport', () => {
  const report = buildEvaluationReport(who5, rows, { invited: 20, responded: 15 });

  it('pairs, means and the change', () => {
    expect(report.nBaseline).toBe(15);
    expect(report.nPaired).toBe(12);
    expect(report.published).toBe(true);
    // before: 7·40 + 5·60 = 580 → 48.333…; change: (64 + 20) / 12 = 7; after = before + 7
    expect(report.paired!.meanBefore).toBeCloseTo(580 / 12, 10);
    expect(report.paired!.meanChange).toBeCloseTo(7, 10);
    expect(report.paired!.meanAfter).toBeCloseTo(580 / 12 + 7, 10);
    // ties (six +10) and one zero with n = 12 ≤ 13 → SciPy's method='auto' runs the complete permutation test
    expect(report.paired!.wilcoxon.ok && report.paired!.wilcoxon.distribution).toBe('permutation');
    // python3 -c "import scipy.stats as st; print(st.wilcoxon([50]*6+[44,60,64,68,56,72], [40]*7+[60]*5))"
    // -> WilcoxonResult(statistic=np.float64(2.0), pvalue=np.float64(0.00390625))
    expect(report.paired!.wilcoxon.ok && report.paired!.wilcoxon.p).toBe(0.00390625);
    expect(report.paired!.tTest.ok).toBe(true);
  });

  it('response and attrition', () => {
    expect(report.response).toEqual({ invited: 20, responded: 15, rate: 0.75 });
    // due: 12 pairs + 2 lost = 14; the one not yet due is not counted
    expect(report.attrition).toEqual({ due: 14, followedUp: 12, lost: 2, rate: 2 / 14 });
  });

  it('meaningful change (≥ 10 points) and reliable change (S_diff = √2·17·√0.16 = 9.62; |Δ| > 18.85)', () => {
    // improved: six women (+10) and the man with +12 = 7; unchanged 5; deteriorated 0
    expect(report.meaningfulChange).toEqual({ n: 12, improved: 7, unchanged: 5, deteriorated: 0, shareImproved: 7 / 12, shareUnchanged: 5 / 12, shareDeteriorated: 0 });
    expect(report.reliableChange).toEqual({ n: 12, improved: 0, unchanged: 12, deteriorated: 0, shareImproved: 0, shareUnchanged: 1, shareDeteriorated: 0 });
  });

  it('breakdowns: published where n ≥ 5, complementary suppression, means only beside published counts', () => {
    const by = Object.fromEntries(report.breakdowns.map((b) => [b.dimension, b]));
    expect(by.gender!.rows).toEqual([
      { category: 'female', n: 7, meanChange: 64 / 7, suppressed: false },
      { category: 'male', n: 5, meanChange: 4, suppressed: false },
    ]);
    // 7 / 3 / 2: the two small ones are suppressed together; their sum (5) does not reveal either
    expect(by.ageBand!.rows).toEqual([
      { category: 'under-35', n: 7, meanChange: 64 / 7, suppressed: false },
      { category: '45-54', n: null, meanChange: null, suppressed: true },
      { category: '65-plus', n: null, meanChange: null, suppressed: true },
    ]);
    expect(by.sector!.rows).toEqual([{ category: 'unknown', n: 12, meanChange: 7, suppressed: false }]);
    // 091: 4, 609: 7, unknown: 1 → 4 and 1 suppressed
    expect(by.municipality!.rows.map((r) => r.n)).toEqual([null, 7, null]);
    // online 11, walking 1: the 1 is primary; with the total 12 published, 11 must go too
    expect(by.groupFormat!.rows.map((r) => [r.category, r.n])).toEqual([
      ['online', null],
      ['walking', null],
    ]);
    expect(by.groupFormat!.total).toBe(12);
  });

  it('publishes no statistic with fewer than 5 pairs', () => {
    const small = buildEvaluationReport(who5, men.slice(0, 4), { invited: 4, responded: 4 });
    expect(small.published).toBe(false);
    expect(small.paired).toBeNull();
    expect(small.meaningfulChange).toBeNull();
    expect(small.breakdowns).toEqual([]);
  });

  it('an instrument without a reference SD has no reliable change; lower-is-better flips the direction', () => {
    const lonely = buildEvaluationReport(threeItemLoneliness, men, { invited: 5, responded: 5 });
    expect(lonely.reliableChange).toBeNull();
    expect(lonely.meaningfulChange).toBeNull();
  });

  it('suppresses more until the suppressed cells pool at least 5 people (the overall mean is published)', () => {
    // ages 30 ×7, 50 ×3, 70 ×1 → 3 and 1 suppressed, pooling only 4: the 7 goes too
    const pairs = [...women, ...men.slice(0, 3), men[4]!].map((r, i) => ({ ...r, after: r.after!, ageAtBaseline: i < 7 ? 30 : i < 10 ? 50 : 70 }));
    expect(breakdown(pairs, 'ageBand').rows.map((r) => [r.category, r.n, r.meanChange])).toEqual([
      ['under-35', null, null],
      ['45-54', null, null],
      ['65-plus', null, null],
    ]);
  });

  it('does not publish a breakdown whose total is small', () => {
    const b = breakdown(men.slice(0, 3).map((r) => ({ ...r, after: r.after! })), 'gender');
    expect(b.published).toBe(false);
    expect(b.rows).toEqual([]);
  });
});

describe('ageBandOf', () => {
  it('bands', () => {
    expect([34, 35, 44, 45, 54, 55, 64, 65, null].map(ageBandOf)).toEqual(['under-35', '35-44', '35-44', '45-54', '45-54', '55-64', '55-64', '65-plus', 'unknown']);
  });
});
