// Reading a check-in form: each item is a field named `<instrument>__<item>`. Pure.
// A draft may be partial; a submission needs every item of each scored scale
// (business indicators stay optional, item by item).
import type { Instrument } from './instruments/index.ts';
import { itemScale, isValidAnswer, scoreInstrument, type Answers } from './scoring.ts';

export type AnswersByInstrument = Record<string, Record<string, number | string>>;

export const fieldName = (instrumentId: string, itemId: string) => `${instrumentId}__${itemId}`;

/** Parses form fields into typed answers; unknown fields are ignored, empty means unanswered. */
export function parseAnswers(instruments: readonly Instrument[], form: Readonly<Record<string, string | undefined>>): { answers: AnswersByInstrument; errors: Record<string, 'invalid'> } {
  const answers: AnswersByInstrument = {};
  const errors: Record<string, 'invalid'> = {};
  for (const instrument of instruments) {
    const out: Record<string, number | string> = {};
    for (const item of instrument.items) {
      const name = fieldName(instrument.id, item.id);
      const raw = form[name]?.trim() ?? '';
      if (raw === '') continue;
      const scale = itemScale(instrument, item);
      const value = scale.kind === 'choice' ? raw : Number(raw.replace(',', '.'));
      if (typeof value === 'number' && Number.isNaN(value)) errors[name] = 'invalid';
      else if (!isValidAnswer(scale, value)) errors[name] = 'invalid';
      else out[item.id] = value;
    }
    answers[instrument.id] = out;
  }
  return { answers, errors };
}

/** Validates answers already typed (from the form or an API): invalid values, and for a submission missing items. */
export function checkAnswers(instruments: readonly Instrument[], answers: AnswersByInstrument, final: boolean): Record<string, 'invalid' | 'missing'> {
  const problems: Record<string, 'invalid' | 'missing'> = {};
  for (const instrument of instruments) {
    const given: Answers = answers[instrument.id] ?? {};
    for (const item of instrument.items) {
      const v = given[item.id];
      const name = fieldName(instrument.id, item.id);
      if (v === undefined || v === null) {
        if (final && instrument.scoring.kind === 'scale') problems[name] = 'missing';
      } else if (!isValidAnswer(itemScale(instrument, item), v)) {
        problems[name] = 'invalid';
      }
    }
    if (final && instrument.scoring.kind === 'scale' && Object.keys(problems).every((k) => !k.startsWith(`${instrument.id}__`))) {
      const result = scoreInstrument(instrument, given);
      if (result.status !== 'scored') for (const item of instrument.items) problems[fieldName(instrument.id, item.id)] ??= 'missing';
    }
  }
  return problems;
}
