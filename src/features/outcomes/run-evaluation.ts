// Use case: a coordinator or funder (admins: any organisation) evaluates the programme: paired
// before/after figures of one instrument, suppressed breakdowns. Aggregates only. Exports are
// audit-logged (what was exported, never any figures about a person).
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, evaluationPolicy } from '../../platform/policy/index.ts';
import { buildEvaluationReport, type EvaluationReport } from './evaluation.ts';
import { evaluationComparisons, evaluationCounts, evaluationRows, type EvaluationScope } from './evaluation.queries.ts';
import type { Instrument } from './instruments/index.ts';
import { helsinkiDate } from './outcomes.queries.ts';

/** Instruments with a total score (indicators have no before/after mean): built-in and the organisation's own. */
export const evaluableInstruments = (all: readonly Instrument[]): Instrument[] => all.filter((i) => i.scoring.kind === 'scale');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)));

/** The GET form of /evaluation and its exports. Unknown or invalid values fall back to the defaults. */
export function parseEvaluationParams(params: URLSearchParams, instruments: readonly Instrument[], today = new Date()) {
  const todayStr = helsinkiDate(today);
  const defaults = { instrumentId: 'who-5', from: `${Number(todayStr.slice(0, 4)) - 2}-01-01`, to: todayStr, comparison: 'latest' as const };
  const instrument = evaluableInstruments(instruments).find((i) => i.id === params.get('instrument'));
  const from = isoDate.safeParse(params.get('from'));
  const to = isoDate.safeParse(params.get('to'));
  const comparison = z.enum(evaluationComparisons).safeParse(params.get('comparison'));
  const groupIds = [...new Set(params.getAll('group').filter((g) => z.uuid().safeParse(g).success))];
  const errors: ('from' | 'to' | 'order')[] = [];
  if (params.has('from') && !from.success) errors.push('from');
  if (params.has('to') && !to.success) errors.push('to');
  let f = from.success ? from.data : defaults.from;
  let t = to.success ? to.data : defaults.to;
  if (f > t) {
    errors.push('order');
    [f, t] = [t, f];
  }
  return {
    instrumentId: instrument?.id ?? defaults.instrumentId,
    from: f,
    to: t,
    comparison: comparison.success ? comparison.data : defaults.comparison,
    groupIds,
    errors,
  };
}

export type EvaluationParams = ReturnType<typeof parseEvaluationParams>;

export async function runEvaluation(
  actor: Actor | null,
  deps: { db: Db },
  /** `instrument`: one of evaluableInstruments(organizationInstruments(…)), chosen by the caller with the form. */
  input: Omit<EvaluationScope, 'groupIds' | 'instrumentId'> & { instrument: Instrument; groupIds: readonly string[] },
  options: { export?: 'csv' | 'xlsx' } = {},
): Promise<EvaluationReport> {
  const { organizationId, instrument } = input;
  authorize(actor, { organizationId }, options.export ? evaluationPolicy.exportAggregates : evaluationPolicy.evaluate);
  if (instrument.scoring.kind !== 'scale') throw new RangeError('an indicator has no score to evaluate');
  const scope = { ...input, instrumentId: instrument.id };
  const [rows, counts] = await Promise.all([evaluationRows(deps.db, scope), evaluationCounts(deps.db, scope)]);
  const report = buildEvaluationReport(instrument, rows, counts);
  if (options.export) {
    await recordAudit(deps.db, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'outcomes.evaluation_export',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { format: options.export, instrumentId: instrument.id, from: input.from, to: input.to, comparison: input.comparison, groups: input.groupIds.length },
    });
  }
  return report;
}
