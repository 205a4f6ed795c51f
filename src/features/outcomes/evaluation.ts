/**
 * Programme evaluation report, built from evaluation rows (evaluation.queries.ts). Pure; no I/O.
 * What may be published is decided by the disclosure-control layer (src/platform/disclosure/,
 * docs/decisions/015-disclosure-control.md): `evaluationCandidates` lists the report's figures with their
 * query sets, the layer audits them against every earlier release, and `buildEvaluationReport` fills in
 * only what it released, rounded (means to 1 % of the scale: whole points on WHO-5).
 *
 * - Overall: the paired analysis (n, means before/after, mean change with 95 % CI, paired t-test,
 *   Wilcoxon signed-rank as scipy.stats.wilcoxon's defaults — exact for n ≤ 50 without ties or zeros, the
 *   complete permutation test with ties or zeros for n ≤ 13, otherwise the normal approximation; zero
 *   differences dropped (Wilcoxon 1945), see statistics.ts — and Cohen's dz), published only when at
 *   least K = 5 pairs exist.
 * - Reliable change (Jacobson–Truax, instrument reliability and reference SD with their cited sources; withheld
 *   for an organisation's own instruments, flagged when the figures are unverified) and meaningful change (the
 *   instrument's threshold): improved / unchanged / deteriorated counts as a 1-way table through
 *   suppressTable; a share is published only where its count is.
 * - Response (baseline invited vs answered) and attrition (follow-up due vs answered).
 * - Breakdowns (sector, age band, gender, group format, municipality): 1-way tables of paired counts with
 *   primary (0 < n < 5) and complementary suppression; the mean change only where the count is published;
 *   since the overall mean change is published, the suppressed cells together must hold at least 5 people
 *   (else their pooled mean would be a small group's), so more cells are suppressed until they do;
 *   a table whose total is itself small (smallMargins) is not published at all.
 * Only aggregates leave this module.
 */
import type { Candidate, Decision, WithholdReason } from '../../platform/disclosure/release.ts';
import { KeySpace } from '../../platform/disclosure/set-hash.ts';
import { itemScale } from './scoring.ts';
import { reliableChangeBasis, type Instrument, type ReliableChangeStatus } from './instruments/index.ts';
import type { EvaluationCounts, EvaluationRow } from './evaluation.queries.ts';
import { attritionRate, meaningfulChangeShares, pairedAnalysis, reliableChangeShares, responseRate, type ChangeShares } from './statistics.ts';
import { suppressTable } from './suppression.ts';
import { P_FLOOR } from './published-numbers.ts';

/** Smallest published count. */
export const EVALUATION_MIN_N = 5;

export const breakdownDimensions = ['sector', 'ageBand', 'gender', 'groupFormat', 'municipality'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export const ageBands = ['under-35', '35-44', '45-54', '55-64', '65-plus'] as const;
export type AgeBand = (typeof ageBands)[number];
/** The category of people whose attribute is not known. */
export const UNKNOWN = 'unknown';

export function ageBandOf(age: number | null): AgeBand | typeof UNKNOWN {
  if (age === null || !Number.isFinite(age)) return UNKNOWN;
  if (age < 35) return 'under-35';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65-plus';
}

export interface BreakdownRow {
  category: string;
  /** null = withheld */
  n: number | null;
  meanChange: number | null;
  suppressed: boolean;
  /** Why the cell is withheld (null when published). */
  reason: WithholdReason | null;
}

export interface Breakdown {
  dimension: BreakdownDimension;
  /** false: the whole table is withheld (no cell could be published). */
  published: boolean;
  rows: BreakdownRow[];
  total: number | null;
}

export interface ChangeTable {
  /** Counts and shares; null where suppressed. */
  improved: number | null;
  unchanged: number | null;
  deteriorated: number | null;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareDeteriorated: number | null;
  n: number;
}

/** The paired statistics as published: rounded (see `publishedPaired`), never more precise than the page. */
export interface PublishedPaired {
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  sdChange: number | null;
  /** null: not computable (e.g. zero variance). */
  tTest: { t: number; df: number; p: number; ciLow: number; ciHigh: number } | null;
  wilcoxon: { statistic: number; nUsed: number; method: 'exact' | 'approx'; p: number } | null;
  cohensDz: number | null;
}

export interface EvaluationReport {
  instrumentId: string;
  /** Baseline respondents in the period; null when fewer than K (shown as "fewer than 5"). */
  nBaseline: number | null;
  nPaired: number | null;
  /** false when the pairs' figures are withheld: no statistic is shown. */
  published: boolean;
  /** Why the pairs' figures are withheld (null when published). */
  withheldReason: WithholdReason | null;
  /** The rounding step of published means (1 = whole points). */
  step: number;
  paired: PublishedPaired | null;
  reliableChange: ChangeTable | null;
  /** What reliable change rests on: 'unverified' figures are shown with a note, 'custom' instruments get none. */
  reliableChangeBasis: ReliableChangeStatus;
  /** true: the change tables are withheld whole (their own small cells could not be protected). */
  changeTablesWithheld: boolean;
  meaningfulChange: ChangeTable | null;
  meaningfulThreshold: number | null;
  /** Counts of people, audited like every figure (null = withheld, with the reason). */
  response: { invited: number | null; responded: number | null; rate: number | null; reason: WithholdReason | null };
  attrition: { due: number | null; followedUp: number | null; lost: number | null; rate: number | null; reason: WithholdReason | null };
  breakdowns: Breakdown[];
}

function categoryOf(row: EvaluationRow, dimension: BreakdownDimension): string {
  switch (dimension) {
    case 'ageBand':
      return ageBandOf(row.ageAtBaseline);
    case 'sector':
      return row.sector ?? UNKNOWN;
    case 'gender':
      return row.gender ?? UNKNOWN;
    case 'groupFormat':
      return row.groupFormat ?? UNKNOWN;
    case 'municipality':
      return row.municipality ?? UNKNOWN;
  }
}

function orderCategories(dimension: BreakdownDimension, seen: Set<string>): string[] {
  const known = dimension === 'ageBand' ? ageBands.filter((b) => seen.has(b)) : [...seen].filter((c) => c !== UNKNOWN).sort();
  return seen.has(UNKNOWN) ? [...known, UNKNOWN] : [...known];
}

type Pair = EvaluationRow & { after: number; afterKey: string };
/** The paired rows of a list (cached per list: the candidates and the report take them from the same rows). */
const pairsCache = new WeakMap<readonly EvaluationRow[], Pair[]>();
function pairsOf(rows: readonly EvaluationRow[]): Pair[] {
  let pairs = pairsCache.get(rows);
  if (!pairs) pairsCache.set(rows, (pairs = rows.filter((r): r is Pair => r.after !== null && r.afterKey !== null)));
  return pairs;
}

/** The total score's possible range (items' scales, sum or mean, times the multiplier). */
export function scoreRange(instrument: Instrument): { min: number; max: number } {
  if (instrument.scoring.kind !== 'scale') return { min: 0, max: 100 };
  const scoring = instrument.scoring;
  let lo = 0;
  let hi = 0;
  for (const item of instrument.items) {
    const scale = itemScale(instrument, item);
    if (scale.kind !== 'numeric') return { min: 0, max: 100 };
    lo += scale.min;
    hi += scale.max;
  }
  const n = scoring.method === 'mean' ? instrument.items.length : 1;
  return { min: (lo / n) * scoring.multiplier, max: (hi / n) * scoring.multiplier };
}

/** Rounding step of published means and CI bounds: 1 % of the scale, as a power of ten (WHO-5 0–100: 1 point). */
export function meanStep(instrument: Instrument): number {
  const { min, max } = scoreRange(instrument);
  return 10 ** Math.floor(Math.log10(Math.max(max - min, 1e-9) / 100));
}

/** The smallest span (points) a person's consistent values must exceed: 10 % of the scale (WHO-5: 10 points, ±5). */
export function minSpanOf(instrument: Instrument): number {
  const { min, max } = scoreRange(instrument);
  return (max - min) / 10;
}

/** The disclosure-control domain of an instrument's scores: every report of them is audited together. */
export const scoreDomain = (instrumentId: string) => `score:${instrumentId}`;

/**
 * The disclosure-control domain of who took part: the per-person values are indicators (answered the
 * baseline, follow-up due, paired, lost), and every count of the report — invited, answered, baselines,
 * due, followed up, lost, and the rates — is their sum over one universe: everyone invited or answering
 * in the period. So the counts are one figure over that set, audited like the scores: two periods (or any
 * reports) whose universes differ by fewer than 5 people cannot both show counts, or they would tell
 * whether the people in the difference answered or dropped out.
 */
export const participationDomain = (instrumentId: string) => `participation:${instrumentId}`;
export const PARTICIPATION = 'participation';

/** The one candidate of the participation domain: the universe of the report's counts. */
export function participationCandidates(rows: readonly EvaluationRow[], counts: EvaluationCounts): Candidate[] {
  // People who answered without being invited in the period are few; the layer needs no order.
  const invited = new Set(counts.invited);
  const extra = rows.filter((r) => !invited.has(r.personId)).map((r) => r.personId);
  const universe = extra.length === 0 ? counts.invited : [...counts.invited, ...new Set(extra)];
  return [{ id: PARTICIPATION, members: universe }];
}

/** What the participation audit decided (a `Decision` of `participationCandidates` reduced to its one figure). */
export interface ParticipationDecision {
  released: boolean;
  reason: WithholdReason | null;
}

const cellId = (dimension: BreakdownDimension, category: string) => `${dimension}:${category}`;

/** Each row's categories, computed once (a report groups the same rows several times). */
const categoriesCache = new WeakMap<EvaluationRow, string[]>();
function categoriesOf(row: EvaluationRow): string[] {
  let cats = categoriesCache.get(row);
  if (!cats) categoriesCache.set(row, (cats = breakdownDimensions.map((d) => categoryOf(row, d))));
  return cats;
}

/** One breakdown cell: its pairs, their positions in the list and the sum of their changes. */
interface Cell {
  pairs: Pair[];
  at: number[];
  sum: number;
}

/** The pairs by category, for every dimension in one pass (cached per list: the candidates and the report's five tables group the same list). */
const groupedCache = new WeakMap<readonly Pair[], Map<string, Cell>[]>();
function grouped(pairs: readonly Pair[], dimension: BreakdownDimension): ({ category: string } & Cell)[] {
  let all = groupedCache.get(pairs);
  if (!all) {
    all = breakdownDimensions.map(() => new Map<string, Cell>());
    pairs.forEach((p, at) => {
      const cats = categoriesOf(p);
      const d = p.after - p.baseline;
      for (let i = 0; i < all!.length; i++) {
        let cell = all![i]!.get(cats[i]!);
        if (!cell) all![i]!.set(cats[i]!, (cell = { pairs: [], at: [], sum: 0 }));
        cell.pairs.push(p);
        cell.at.push(at);
        cell.sum += d;
      }
    });
    groupedCache.set(pairs, all);
  }
  const by = all[breakdownDimensions.indexOf(dimension)]!;
  return orderCategories(dimension, new Set(by.keys())).map((category) => ({ category, ...by.get(category)! }));
}

/**
 * The report's figures as candidates for the disclosure layer: 'overall' (the pairs: counts, means before,
 * after and change, SD, CI, t, p, dz, the change tables) and one per breakdown cell (count and mean change).
 * `participationReleased`: whether the report's counts passed their own audit (`participationCandidates`);
 * if not, nothing is published (the pair count is in every statistic: n, df).
 */
export function evaluationCandidates(instrument: Instrument, rows: readonly EvaluationRow[], participationReleased = true, k = EVALUATION_MIN_N): Candidate[] {
  // The sets are of values, keyed by their check-ins: the baselines' keys and the follow-ups' keys (a mean
  // change is Σ after − Σ before, two sets released as one bundle). In row order: the layer needs none.
  const pairs = pairsOf(rows);
  const n = pairs.length;
  const { min, max } = scoreRange(instrument);
  const step = meanStep(instrument);
  const score = (sum: number) => ({ sum, min, max, step });
  const change = (sum: number) => ({ sum, min: min - max, max: max - min, step });
  // One key space for the report: pair i's baseline key at i, its follow-up's key at n + i.
  const keys = new Array<string>(2 * n);
  let sumBefore = 0;
  let sumAfter = 0;
  pairs.forEach((p, i) => {
    sumBefore += p.baseline;
    sumAfter += p.after;
    keys[i] = p.baselineKey;
    keys[n + i] = p.afterKey;
  });
  const space = new KeySpace(keys);
  const withheld = n < k || !participationReleased;
  const range = (from: number) => Int32Array.from({ length: n }, (_, i) => from + i);
  const keyed = (indices: Int32Array) => ({ members: space.membersOf(indices), keyed: { space, indices } });
  const candidates: Candidate[] = [
    { id: 'overall', bundle: 'overall', ...keyed(range(0)), means: [score(sumBefore), score(sumAfter), change(sumAfter - sumBefore)], withheld },
    { id: 'overall:after', bundle: 'overall', ...keyed(range(n)), withheld },
  ];
  if (withheld) return candidates;
  for (const dimension of breakdownDimensions) {
    for (const cell of grouped(pairs, dimension)) {
      const id = cellId(dimension, cell.category);
      const before = Int32Array.from(cell.at);
      const after = before.map((i) => n + i);
      candidates.push({ id, bundle: id, table: dimension, ...keyed(before), means: [change(cell.sum)] }, { id: `${id}:after`, bundle: id, ...keyed(after) });
    }
  }
  return candidates;
}

const roundTo = (x: number | null, step: number): number | null =>
  x === null ? null : Number((Math.round(x / step) * step).toFixed(Math.max(0, -Math.log10(step))));
/** p as published: 3 decimals, and below 0.001 only "< 0.001" (stored as 0.001 with `pBelow`). */
export { P_FLOOR };
const roundP = (p: number) => (p < P_FLOOR ? 0 : Math.round(p * 1000) / 1000);

/** One breakdown as the layer released it; the whole table is withheld when fewer than two cells could be published. */
function breakdown(pairs: readonly Pair[], dimension: BreakdownDimension, decision: Decision, step: number): Breakdown {
  const cells = grouped(pairs, dimension);
  const rows = cells.map(({ category, pairs: ps, sum }) => {
    const id = cellId(dimension, category);
    const released = decision.released(id);
    return {
      category,
      n: released ? ps.length : null,
      // The cell's mean change: Σ dᵢ / n (numpy.mean), the sum kept from the grouping.
      meanChange: released && ps.length > 0 ? roundTo(sum / ps.length, step) : null,
      suppressed: !released,
      reason: decision.reason(id),
    };
  });
  // Nothing left to show: the whole table is withheld (and says so), not a table of empty cells.
  if (rows.every((r) => r.suppressed)) return { dimension, published: false, rows: [], total: null };
  return { dimension, published: true, total: pairs.length, rows };
}

function changeTable(shares: ChangeShares | null, k: number): ChangeTable | 'withheld' | null {
  if (!shares || shares.n < k) return null;
  const table = suppressTable([[shares.improved, shares.unchanged, shares.deteriorated]], { k });
  // The table's only margin is its total, published with the pairs; a small total cannot be protected by cell suppression.
  if (table.smallMargins.length > 0) return 'withheld';
  const [improved, unchanged, deteriorated] = table.cells[0]! as [number | null, number | null, number | null];
  // Shares to 0.1 %: the same precision as the page.
  const share = (v: number | null) => (v === null ? null : Math.round((v / shares.n) * 1000) / 1000);
  return {
    n: shares.n,
    improved,
    unchanged,
    deteriorated,
    shareImproved: share(improved),
    shareUnchanged: share(unchanged),
    shareDeteriorated: share(deteriorated),
  };
}

/** The published report: only what `decision` (the disclosure layer's audit of `evaluationCandidates`) released, rounded. */
export function buildEvaluationReport(
  instrument: Instrument,
  rows: readonly EvaluationRow[],
  counts: EvaluationCounts,
  decision: Decision,
  participation: ParticipationDecision,
  k = EVALUATION_MIN_N,
): EvaluationReport {
  const pairs = pairsOf(rows);
  const before = pairs.map((p) => p.baseline);
  const after = pairs.map((p) => p.after);
  const published = pairs.length >= k && participation.released && decision.released('overall');
  const step = meanStep(instrument);
  const higherIsBetter = instrument.scoring.kind === 'scale' ? instrument.scoring.higherIsBetter : true;
  const basis = reliableChangeBasis(instrument);
  const reliable =
    published && (basis.status === 'verified' || basis.status === 'unverified')
      ? reliableChangeShares(before, after, { referenceSd: basis.referenceSd, reliability: basis.reliability, higherIsBetter })
      : null;
  const meaningful =
    published && instrument.meaningfulChange ? meaningfulChangeShares(before, after, { threshold: instrument.meaningfulChange.value, higherIsBetter }) : null;
  // The counts only as the participation audit released them (all of them or none: one universe).
  const shown = participation.released;
  const countReason = shown ? null : (participation.reason ?? 'small');
  const invited = shown ? counts.invited.length : null;
  const responded = shown ? Math.min(counts.responded.length, counts.invited.length) : null;
  const due = shown ? rows.filter((r) => r.followUpDue || r.after !== null).length : null;
  const followedUp = shown ? pairs.length : null;
  const lost = due !== null && followedUp !== null ? due - followedUp : null;
  const reliableTable = changeTable(reliable, k);
  const meaningfulTable = changeTable(meaningful, k);
  let paired: PublishedPaired | null = null;
  if (published) {
    const a = pairedAnalysis(before, after);
    const tt = a.tTest.ok ? a.tTest : null;
    const w = a.wilcoxon.ok ? a.wilcoxon : null;
    paired = {
      meanBefore: roundTo(a.meanBefore, step),
      meanAfter: roundTo(a.meanAfter, step),
      meanChange: roundTo(a.meanChange, step),
      sdChange: roundTo(a.sdChange, step),
      tTest: tt ? { t: Math.round(tt.t * 10) / 10, df: tt.df, p: roundP(tt.p), ciLow: roundTo(tt.ciLow, step)!, ciHigh: roundTo(tt.ciHigh, step)! } : null,
      wilcoxon: w ? { statistic: w.statistic, nUsed: w.nUsed, method: w.method, p: roundP(w.p) } : null,
      cohensDz: a.cohensDz === null ? null : Math.round(a.cohensDz * 10) / 10,
    };
  }
  return {
    instrumentId: instrument.id,
    nBaseline: shown && rows.length >= k ? rows.length : null,
    nPaired: shown && pairs.length >= k ? pairs.length : null,
    published,
    withheldReason: published ? null : pairs.length >= k && !shown ? countReason : (decision.reason('overall') ?? 'small'),
    step,
    paired,
    reliableChange: reliableTable === 'withheld' ? null : reliableTable,
    meaningfulChange: meaningfulTable === 'withheld' ? null : meaningfulTable,
    changeTablesWithheld: reliableTable === 'withheld' || meaningfulTable === 'withheld',
    reliableChangeBasis: basis.status,
    meaningfulThreshold: instrument.meaningfulChange?.value ?? null,
    response: { invited, responded, rate: invited !== null && responded !== null ? responseRate(responded, invited) : null, reason: countReason },
    // A pair implies its follow-up was due; people whose follow-up is not yet due are not lost.
    attrition: {
      due,
      followedUp,
      lost,
      rate: due !== null && followedUp !== null ? attritionRate(due, followedUp) : null,
      reason: countReason,
    },
    breakdowns: published ? breakdownDimensions.map((d) => breakdown(pairs, d, decision, step)) : [],
  };
}
