/**
 * Scoring of instrument answers, exactly as the manuals say. Pure; no I/O.
 */
import type { Band, Instrument, InstrumentItem, ResponseScale } from './instruments/schema.ts';

/** Answers by item id. A missing answer is absent, null or undefined. Choice items answer with the option code. */
export type Answers = Readonly<Record<string, number | string | null | undefined>>;

export type ScoreResult =
  | {
      status: 'scored';
      /** raw score before the multiplier (sum or mean of item values after reversal; prorated if allowed). */
      raw: number;
      /** reported score = raw · multiplier */
      score: number;
      band: Band | null;
      answered: number;
      prorated: boolean;
    }
  | { status: 'not-scored'; reason: 'missing-items'; missing: string[] }
  | { status: 'invalid'; invalid: string[] };

export type IndicatorResult =
  | { status: 'indicator'; values: Record<string, number | string | null> }
  | { status: 'invalid'; invalid: string[] };

export function itemScale(instrument: Instrument, item: InstrumentItem): ResponseScale {
  const s = item.scale ?? instrument.scale;
  if (!s) throw new Error(`item ${item.id} has no scale`);
  return s;
}

/** Is `value` an allowed answer on this scale? */
export function isValidAnswer(scale: ResponseScale, value: number | string): boolean {
  switch (scale.kind) {
    case 'numeric':
      return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
    case 'quantity':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= scale.min &&
        value <= scale.max &&
        (!scale.integer || Number.isInteger(value))
      );
    case 'choice':
      return typeof value === 'string' && scale.options.some((o) => o.code === value);
  }
}

const isMissing = (v: unknown): v is null | undefined => v === null || v === undefined;

/** The band containing `score` (inclusive bounds), or null. */
export function bandFor(instrument: Instrument, score: number): Band | null {
  if (instrument.scoring.kind !== 'scale') return null;
  return instrument.scoring.bands.find((b) => score >= b.min && score <= b.max) ?? null;
}

/**
 * Score a psychometric instrument.
 * 1. Every given answer must be valid on its scale (else 'invalid'); unknown item ids are invalid.
 * 2. Reverse-scored items: v' = min + max − v.
 * 3. Missing rule: 'none-missing' → not scored if any item is missing. 'prorate' (≤ maxMissing missing) →
 *    missing items take the mean of the answered (reversed) items, i.e. sum = mean(answered) · k.
 * 4. raw = sum or mean over the k items; score = raw · multiplier; band by score.
 */
export function scoreInstrument(instrument: Instrument, answers: Answers): ScoreResult {
  if (instrument.scoring.kind !== 'scale') throw new Error(`${instrument.id} is an indicator set; use readIndicators`);
  const scoring = instrument.scoring;
  const known = new Set(instrument.items.map((i) => i.id));
  const invalid = Object.keys(answers).filter((k) => !known.has(k) && !isMissing(answers[k]));
  const values: number[] = [];
  const missing: string[] = [];
  for (const item of instrument.items) {
    const v = answers[item.id];
    if (isMissing(v)) {
      missing.push(item.id);
      continue;
    }
    const scale = itemScale(instrument, item);
    if (!isValidAnswer(scale, v) || scale.kind !== 'numeric' || typeof v !== 'number') {
      invalid.push(item.id);
      continue;
    }
    values.push(scoring.reverseItems.includes(item.id) ? scale.min + scale.max - v : v);
  }
  if (invalid.length > 0) return { status: 'invalid', invalid };
  const k = instrument.items.length;
  const allowedMissing = instrument.missing.kind === 'prorate' ? instrument.missing.maxMissing : 0;
  if (missing.length > allowedMissing || values.length === 0) return { status: 'not-scored', reason: 'missing-items', missing };
  const itemMean = values.reduce((a, b) => a + b, 0) / values.length;
  const raw = scoring.method === 'mean' ? itemMean : missing.length === 0 ? values.reduce((a, b) => a + b, 0) : itemMean * k;
  const score = raw * scoring.multiplier;
  return { status: 'scored', raw, score, band: bandFor(instrument, score), answered: values.length, prorated: missing.length > 0 };
}

/** Validate and read an indicator set: each item on its own, missing = null. */
export function readIndicators(instrument: Instrument, answers: Answers): IndicatorResult {
  if (instrument.scoring.kind !== 'indicator') throw new Error(`${instrument.id} is a scale; use scoreInstrument`);
  const known = new Set(instrument.items.map((i) => i.id));
  const invalid = Object.keys(answers).filter((k) => !known.has(k) && !isMissing(answers[k]));
  const out: Record<string, number | string | null> = {};
  for (const item of instrument.items) {
    const v = answers[item.id];
    if (isMissing(v)) {
      out[item.id] = null;
    } else if (isValidAnswer(itemScale(instrument, item), v)) {
      out[item.id] = v;
    } else {
      invalid.push(item.id);
    }
  }
  return invalid.length > 0 ? { status: 'invalid', invalid } : { status: 'indicator', values: out };
}
