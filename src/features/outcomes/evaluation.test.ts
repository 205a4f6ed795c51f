// The evaluation report from hand-made rows, through the disclosure layer's audit (no earlier releases);
// every expected value worked out by hand (in the comments).
import { describe, expect, it } from 'vitest';
import { planRelease } from '../../platform/disclosure/audit.ts';
import { decisionOf } from '../../platform/disclosure/release.ts';
import { ageBandOf, buildEvaluationReport, evaluationCandidates, meanStep, minSpanOf, PARTICIPATION, participationCandidates, scoreRange } from './evaluation.ts';
import type { EvaluationCounts, EvaluationRow } from './evaluation.queries.ts';
import { who5, threeItemLoneliness, type Instrument } from './instruments/index.ts';

let nextId = 0;
const row = (baseline: number, after: number | null, attrs: Partial<EvaluationRow> = {}): EvaluationRow => ({
  personId: `00000000-0000-7000-8000-${String(++nextId).padStart(12, '0')}`,
  baselineKey: `00000000-0000-7000-a000-${String(nextId).padStart(12, '0')}`,
  baseline,
  afterKey: after === null ? null : `00000000-0000-7000-b000-${String(nextId).padStart(12, '0')}`,
  after,
  followUpDue: after !== null,
  ageAtBaseline: null,
  gender: null,
  sector: null,
  municipality: null,
  groupFormat: 'online',
  ...attrs,
});

const audited = (instrument: Instrument, rows: readonly EvaluationRow[], counts: EvaluationCounts, prior: string[][] = [], priorParticipation: string[][] = []) => {
  const options = { k: 5, minSpan: minSpanOf(instrument) };
  const part = decisionOf(planRelease(priorParticipation, participationCandidates(rows, counts), options));
  const participation = { released: part.released(PARTICIPATION), reason: part.reason(PARTICIPATION) };
  return buildEvaluationReport(instrument, rows, counts, decisionOf(planRelease(prior, evaluationCandidates(instrument, rows, participation.released), options)), participation);
};
/** The response counts' people: everyone with a row answered; `invitedOnly` more were invited and did not. */
const countsOf = (rs: readonly EvaluationRow[], invitedOnly = 0): EvaluationCounts => {
  const answered = rs.map((r) => r.personId).sort();
  const others = Array.from({ length: invitedOnly }, (_, i) => `00000000-0000-7000-9000-${String(i + 1).padStart(12, '0')}`);
  return { invited: [...answered, ...others].sort(), responded: answered };
};

// 7 women aged 30 in Pori (609): six +10, one +4  → mean change 64/7 = 9.14
// 5 men: +0, +4, +8, −4, +12 → mean change 20/5 = 4; ages 50, 50, 50, 70, 70; Helsinki (091) ×4, unknown ×1
// one man's group is a walking group.
const women = [
  ...Array.from({ length: 6 }, () => row(40, 50, { gender: 'female', ageAtBaseline: 30, municipality: '609' })),
  row(40, 44, { gender: 'female', ageAtBaseline: 30, municipality: '609' }),
];
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
  const report = audited(who5, rows, countsOf(rows, 5));

  it('pairs, means and the change, rounded to whole WHO-5 points', () => {
    expect(report.nBaseline).toBe(15);
    expect(report.nPaired).toBe(12);
    expect(report.published).toBe(true);
    // before: 7·40 + 5·60 = 580 → 48.33 → 48; change: (64 + 20) / 12 = 7; after = 55.33 → 55
    expect(report.paired!.meanBefore).toBe(48);
    expect(report.paired!.meanChange).toBe(7);
    expect(report.paired!.meanAfter).toBe(55);
    // ties (six +10) and one zero with n = 12 ≤ 13 → SciPy's method='auto' runs the complete permutation test
    // python3 -c "import scipy.stats as st; print(st.wilcoxon([50]*6+[44,60,64,68,56,72], [40]*7+[60]*5))"
    // -> WilcoxonResult(statistic=np.float64(2.0), pvalue=np.float64(0.00390625)); published to 0.001
    expect(report.paired!.wilcoxon!.method).toBe('exact');
    expect(report.paired!.wilcoxon!.p).toBe(0.004);
    expect(report.paired!.tTest).not.toBeNull();
  });

  it('response and attrition: every count is a sum over one universe (the 20 invited), released as one figure', () => {
    expect(report.response).toEqual({ invited: 20, responded: 15, rate: 0.75, reason: null });
    // due: 12 pairs + 2 lost = 14; the one not yet due is not counted
    expect(report.attrition).toEqual({ due: 14, followedUp: 12, lost: 2, rate: 2 / 14, reason: null });
  });

  it('withholds the counts, and so every statistic, when an earlier report’s universe differs by fewer than 5 people', () => {
    // the earlier report counted the same invited but one (say, a period a day shorter): the difference
    // would tell whether that one person answered and stayed
    const universe = participationCandidates(rows, countsOf(rows, 5))[0]!.members;
    const later = audited(who5, rows, countsOf(rows, 5), [], [universe.slice(1)]);
    expect(later.response).toEqual({ invited: null, responded: null, rate: null, reason: 'earlier' });
    expect(later.attrition).toMatchObject({ due: null, followedUp: null, lost: null, reason: 'earlier' });
    expect(later.published).toBe(false);
    expect(later.withheldReason).toBe('earlier');
    expect(later.nPaired).toBeNull();
    expect(later.paired).toBeNull();
  });

  it('response and attrition: published where every derivable count holds 5 or more', () => {
    // 12 pairs + 6 lost (due) + 5 not yet due = 23 answered, 30 invited
    const lost = Array.from({ length: 6 }, () => row(52, null, { followUpDue: true }));
    const notYet = Array.from({ length: 5 }, () => row(52, null, { followUpDue: false }));
    const all = [...women, ...men, ...lost, ...notYet];
    const big = audited(who5, all, countsOf(all, 7));
    expect(big.published).toBe(true);
    expect(big.response).toEqual({ invited: 30, responded: 23, rate: 23 / 30, reason: null });
    expect(big.attrition).toEqual({ due: 18, followedUp: 12, lost: 6, rate: 6 / 18, reason: null });
  });

  it('meaningful change (≥ 10 points) and reliable change (S_diff = √2·17·√0.16 = 9.62; |Δ| > 18.85), shares to 0.1 %', () => {
    // improved: six women (+10) and the man with +12 = 7; unchanged 5; deteriorated 0
    expect(report.meaningfulChange).toEqual({
      n: 12,
      improved: 7,
      unchanged: 5,
      deteriorated: 0,
      shareImproved: 0.583,
      shareUnchanged: 0.417,
      shareDeteriorated: 0,
    });
    expect(report.reliableChange).toEqual({ n: 12, improved: 0, unchanged: 12, deteriorated: 0, shareImproved: 0, shareUnchanged: 1, shareDeteriorated: 0 });
  });

  it('breakdowns: cells under 5 withheld, and the cells that would give one away through another table', () => {
    const by = Object.fromEntries(report.breakdowns.map((b) => [b.dimension, b]));
    expect(by.gender!.rows).toEqual([
      { category: 'female', n: 7, meanChange: 9, suppressed: false, reason: null },
      { category: 'male', n: 5, meanChange: 4, suppressed: false, reason: null },
    ]);
    // 7 / 3 / 2: the two small ones are withheld; together they are the five men (published anyway)
    expect(by.ageBand!.rows.map((r) => [r.category, r.n, r.reason])).toEqual([
      ['under-35', 7, null],
      ['45-54', null, 'small'],
      ['65-plus', null, 'small'],
    ]);
    expect(by.sector!.rows.map((r) => [r.category, r.n])).toEqual([['unknown', 12]]);
    // 091: 4, 609: 7, unknown: 1 → 4 and 1 withheld
    expect(by.municipality!.rows.map((r) => r.n)).toEqual([null, 7, null]);
    // online 11, walking 1: the 1 is primary; the total 12 minus online 11 would give the walker's change
    // (attack 4 of issue 10), so online is withheld too and nothing of the table is left: withheld whole
    expect(by.groupFormat).toEqual({ dimension: 'groupFormat', published: false, rows: [], total: null });
  });

  it('publishes no statistic and no count with fewer than 5 pairs', () => {
    const small = audited(who5, men.slice(0, 4), countsOf(men.slice(0, 4)));
    expect(small.published).toBe(false);
    expect(small.nPaired).toBeNull();
    expect(small.paired).toBeNull();
    expect(small.meaningfulChange).toBeNull();
    expect(small.breakdowns).toEqual([]);
    // the response counts are 4: under 5, withheld too
    expect(small.response).toMatchObject({ invited: null, responded: null, reason: 'small' });
  });

  it('an instrument without a reference SD has no reliable change', () => {
    const lonely = audited(threeItemLoneliness, men, countsOf(men));
    expect(lonely.reliableChange).toBeNull();
    expect(lonely.meaningfulChange).toBeNull();
  });

  it('withholds the pairs when an earlier release covered the same people but one (a late answer)', () => {
    // the earlier report had every pair but the last woman's (she answered her follow-up late)
    const earlier = [[...women.slice(0, 6), ...men].map((r) => r.baselineKey)];
    const later = audited(who5, rows, countsOf(rows, 5), earlier);
    expect(later.published).toBe(false);
    expect(later.withheldReason).toBe('earlier');
    expect(later.paired).toBeNull();
  });

  it('scale range, rounding step and the ±5-point rule follow the instrument (WHO-5: 0–100, whole points, 10 points)', () => {
    expect(scoreRange(who5)).toEqual({ min: 0, max: 100 });
    expect(meanStep(who5)).toBe(1);
    expect(minSpanOf(who5)).toBe(10);
  });
});

describe('ageBandOf', () => {
  it('bands', () => {
    expect([34, 35, 44, 45, 54, 55, 64, 65, null].map(ageBandOf)).toEqual([
      'under-35',
      '35-44',
      '35-44',
      '45-54',
      '45-54',
      '55-64',
      '55-64',
      '65-plus',
      'unknown',
    ]);
  });
});
