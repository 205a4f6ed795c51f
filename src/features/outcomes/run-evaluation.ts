// Use case: a coordinator or funder (admins: any organisation) evaluates the programme: paired
// before/after figures of one instrument and one-dimensional breakdowns, released through the
// disclosure-control layer. Aggregates only. Exports are
// audit-logged (what was exported, never any figures about a person).
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, evaluationPolicy } from '../../platform/policy/index.ts';
import { releaseFigures, type Released } from '../../platform/disclosure/release.ts';
import {
  buildEvaluationReport,
  EVALUATION_MIN_N,
  evaluationCandidates,
  minSpanOf,
  PARTICIPATION,
  participationCandidates,
  participationDomain,
  scoreDomain,
  type EvaluationReport,
} from './evaluation.ts';
import { evaluationComparisons, evaluationCounts, evaluationRows, type EvaluationScope } from './evaluation.queries.ts';
import type { Instrument } from './instruments/index.ts';
import { helsinkiDate } from './outcomes.queries.ts';

/** Instruments with a total score (indicators have no before/after mean): built-in and the organisation's own. */
export const evaluableInstruments = (all: readonly Instrument[]): Instrument[] => all.filter((i) => i.scoring.kind === 'scale');

/**
 * The release lattice of periods (docs/decisions/015-disclosure-control.md): the baseline's calendar year or
 * half-year, or the last three calendar years — never free dates, so no window can be moved by a day
 * around one person's baseline.
 */
export type EvaluationPeriod = { kind: 'recent' } | { kind: 'year'; year: number } | { kind: 'half'; year: number; half: 1 | 2 };

export function periodKey(p: EvaluationPeriod): string {
  return p.kind === 'recent' ? 'recent' : p.kind === 'year' ? String(p.year) : `${p.year}-H${p.half}`;
}

/** The inclusive Helsinki dates of a period. */
export function periodDates(p: EvaluationPeriod, today = new Date()): { from: string; to: string } {
  const year = Number(helsinkiDate(today).slice(0, 4));
  if (p.kind === 'recent') return { from: `${year - 2}-01-01`, to: `${year}-12-31` };
  if (p.kind === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  return p.half === 1 ? { from: `${p.year}-01-01`, to: `${p.year}-06-30` } : { from: `${p.year}-07-01`, to: `${p.year}-12-31` };
}

/** The periods the form offers: the last three years, then each of the last five years and its halves, newest first. */
export function evaluationPeriods(today = new Date()): EvaluationPeriod[] {
  const year = Number(helsinkiDate(today).slice(0, 4));
  const out: EvaluationPeriod[] = [{ kind: 'recent' }];
  for (let y = year; y > year - 5; y--) out.push({ kind: 'year', year: y }, { kind: 'half', year: y, half: 1 }, { kind: 'half', year: y, half: 2 });
  return out;
}

/**
 * The GET form of /evaluation and its exports: instrument, period (one of `evaluationPeriods`) and
 * comparison. Unknown or invalid values fall back to the defaults (and an unknown period says so).
 * No group selection: a coordinator's or funder's report covers the whole organisation and its strata.
 */
export function parseEvaluationParams(params: URLSearchParams, instruments: readonly Instrument[], today = new Date()) {
  const instrument = evaluableInstruments(instruments).find((i) => i.id === params.get('instrument'));
  const comparison = z.enum(evaluationComparisons).safeParse(params.get('comparison'));
  const periods = evaluationPeriods(today);
  const asked = params.get('period');
  const period = periods.find((p) => periodKey(p) === asked) ?? periods[0]!;
  const errors: 'period'[] = asked !== null && periodKey(period) !== asked ? ['period'] : [];
  return {
    instrumentId: instrument?.id ?? 'who-5',
    period,
    periodKey: periodKey(period),
    ...periodDates(period, today),
    comparison: comparison.success ? comparison.data : ('latest' as const),
    errors,
  };
}

export type EvaluationParams = ReturnType<typeof parseEvaluationParams>;

/**
 * The report as the disclosure-control layer released it: the candidates (every figure with the set of
 * people behind it) are audited against all earlier releases of the instrument's scores, installation-wide.
 */
export async function runEvaluation(
  actor: Actor | null,
  /** `reportDb`: where the large reads go (a replica when configured); the register and audit are written through `db`. */
  deps: { db: Db; reportDb?: Db },
  /** `instrument`: one of evaluableInstruments(organizationInstruments(…)), chosen by the caller with the form; `from`/`to` from `periodDates`. */
  input: Omit<EvaluationScope, 'groupIds' | 'instrumentId'> & { instrument: Instrument },
  options: { export?: 'csv' | 'xlsx' } = {},
): Promise<Released<EvaluationReport>> {
  const { organizationId, instrument } = input;
  authorize(actor, { organizationId }, options.export ? evaluationPolicy.exportAggregates : evaluationPolicy.evaluate);
  if (instrument.scoring.kind !== 'scale') throw new RangeError('an indicator has no score to evaluate');
  const scope: EvaluationScope = { organizationId, from: input.from, to: input.to, comparison: input.comparison, instrumentId: instrument.id, groupIds: [] };
  const reads = deps.reportDb ?? deps.db;
  const [rows, counts] = await Promise.all([evaluationRows(reads, scope), evaluationCounts(reads, scope)]);
  const audit = { k: EVALUATION_MIN_N, minSpan: minSpanOf(instrument) };
  // First who took part (the counts: their own domain of per-person indicators), then the scores.
  const participation = await releaseFigures(
    deps.db,
    { organizationId, domain: participationDomain(instrument.id) },
    participationCandidates(rows, counts),
    (decision) => ({ released: decision.released(PARTICIPATION), reason: decision.reason(PARTICIPATION) }),
    audit,
  );
  const report = await releaseFigures(
    deps.db,
    { organizationId, domain: scoreDomain(instrument.id) },
    evaluationCandidates(instrument, rows, participation.released),
    (decision) => buildEvaluationReport(instrument, rows, counts, decision, participation),
    audit,
  );
  if (options.export) {
    await recordAudit(deps.db, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'outcomes.evaluation_export',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { format: options.export, instrumentId: instrument.id, from: input.from, to: input.to, comparison: input.comparison },
    });
  }
  return report;
}
