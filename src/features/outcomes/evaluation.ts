/**
 * Programme evaluation report, built from evaluation rows (evaluation.queries.ts). Pure; no I/O.
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
import { reliableChangeBasis, type Instrument, type ReliableChangeStatus } from './instruments/index.ts';
import type { EvaluationCounts, EvaluationRow } from './evaluation.queries.ts';
import { attritionRate, mean, meaningfulChangeShares, pairedAnalysis, reliableChangeShares, responseRate, type ChangeShares, type PairedAnalysis } from './statistics.ts';
import { suppressTable } from './suppression.ts';

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
  /** null = suppressed */
  n: number | null;
  meanChange: number | null;
  suppressed: boolean;
}

export interface Breakdown {
  dimension: BreakdownDimension;
  /** false: the table's total is itself under K, so no cell can be protected; nothing is shown. */
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

export interface EvaluationReport {
  instrumentId: string;
  /** Baseline respondents in the period. */
  nBaseline: number;
  nPaired: number;
  /** false when fewer than K pairs: no statistic is shown. */
  published: boolean;
  paired: PairedAnalysis | null;
  reliableChange: ChangeTable | null;
  /** What reliable change rests on: 'unverified' figures are shown with a note, 'custom' instruments get none. */
  reliableChangeBasis: ReliableChangeStatus;
  meaningfulChange: ChangeTable | null;
  meaningfulThreshold: number | null;
  response: { invited: number; responded: number; rate: number | null };
  attrition: { due: number; followedUp: number; lost: number; rate: number | null };
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

/** One breakdown: paired counts per category, suppressed, with the mean change where the count is published. */
export function breakdown(pairs: readonly (EvaluationRow & { after: number })[], dimension: BreakdownDimension, k = EVALUATION_MIN_N): Breakdown {
  const byCategory = new Map<string, number[]>();
  for (const p of pairs) {
    const c = categoryOf(p, dimension);
    let list = byCategory.get(c);
    if (!list) byCategory.set(c, (list = []));
    list.push(p.after - p.baseline);
  }
  const categories = orderCategories(dimension, new Set(byCategory.keys()));
  if (categories.length === 0) return { dimension, published: false, rows: [], total: null };
  const counts = categories.map((c) => byCategory.get(c)!.length);
  const means = categories.map((c) => mean(byCategory.get(c)!));
  const table = suppressTable([counts], { k, means: [means] });
  if (table.smallMargins.length > 0) return { dimension, published: false, rows: [], total: null };
  // The overall mean change is published, so the suppressed cells' pooled mean can be worked out from it and
  // the published cells: keep suppressing the smallest published cell until the pooled group has at least k.
  const suppressed = [...table.suppressed[0]!];
  const pooled = () => counts.reduce((a, n, i) => a + (suppressed[i] ? n : 0), 0);
  while (suppressed.some(Boolean) && pooled() < k) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (!suppressed[i] && (pick < 0 || n < counts[pick]!)) pick = i;
    });
    if (pick < 0) break;
    suppressed[pick] = true;
  }
  return {
    dimension,
    published: true,
    total: table.grandTotal,
    rows: categories.map((category, i) => ({ category, n: suppressed[i] ? null : counts[i]!, meanChange: suppressed[i] ? null : means[i]!, suppressed: suppressed[i]! })),
  };
}

function changeTable(shares: ChangeShares | null, k: number): ChangeTable | null {
  if (!shares || shares.n < k) return null;
  const table = suppressTable([[shares.improved, shares.unchanged, shares.deteriorated]], { k });
  if (table.smallMargins.length > 0) return null;
  const [improved, unchanged, deteriorated] = table.cells[0]! as [number | null, number | null, number | null];
  const share = (v: number | null) => (v === null ? null : v / shares.n);
  return { n: shares.n, improved, unchanged, deteriorated, shareImproved: share(improved), shareUnchanged: share(unchanged), shareDeteriorated: share(deteriorated) };
}

export function buildEvaluationReport(instrument: Instrument, rows: readonly EvaluationRow[], counts: EvaluationCounts, k = EVALUATION_MIN_N): EvaluationReport {
  const pairs = rows.filter((r): r is EvaluationRow & { after: number } => r.after !== null);
  const before = pairs.map((p) => p.baseline);
  const after = pairs.map((p) => p.after);
  const published = pairs.length >= k;
  const higherIsBetter = instrument.scoring.kind === 'scale' ? instrument.scoring.higherIsBetter : true;
  const basis = reliableChangeBasis(instrument);
  const reliable =
    published && (basis.status === 'verified' || basis.status === 'unverified')
      ? reliableChangeShares(before, after, { referenceSd: basis.referenceSd, reliability: basis.reliability, higherIsBetter })
      : null;
  const meaningful = published && instrument.meaningfulChange ? meaningfulChangeShares(before, after, { threshold: instrument.meaningfulChange.value, higherIsBetter }) : null;
  const due = rows.filter((r) => r.followUpDue).length;
  const followedUp = pairs.length;
  return {
    instrumentId: instrument.id,
    nBaseline: rows.length,
    nPaired: pairs.length,
    published,
    paired: published ? pairedAnalysis(before, after) : null,
    reliableChange: changeTable(reliable, k),
    reliableChangeBasis: basis.status,
    meaningfulChange: changeTable(meaningful, k),
    meaningfulThreshold: instrument.meaningfulChange?.value ?? null,
    response: { invited: counts.invited, responded: Math.min(counts.responded, counts.invited), rate: responseRate(Math.min(counts.responded, counts.invited), counts.invited) },
    // A pair implies its follow-up was due; people whose follow-up is not yet due are not lost.
    attrition: { due, followedUp, lost: due - followedUp, rate: attritionRate(due, followedUp) },
    breakdowns: published ? breakdownDimensions.map((d) => breakdown(pairs, d, k)) : [],
  };
}
