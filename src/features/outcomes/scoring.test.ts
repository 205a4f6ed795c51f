import { describe, expect, it } from 'vitest';
import {
  builtInInstruments,
  businessIndicators,
  instrumentSchema,
  lifeSatisfaction,
  threeItemLoneliness,
  turnoverBandFor,
  who5,
  workAbilityScore,
  type Instrument,
} from './instruments/index.ts';
import { bandFor, readIndicators, scoreInstrument, type Answers } from './scoring.ts';

const who5Answers = (vals: (number | null)[]): Answers =>
  Object.fromEntries(who5.items.map((it, i) => [it.id, vals[i] ?? null]));

describe('built-in instruments are valid data', () => {
  it.each(builtInInstruments.map((i) => ({ id: i.id, ins: i })))('$id passes instrumentSchema', ({ ins }) => {
    const r = instrumentSchema.safeParse(ins);
    expect(r.error?.issues ?? []).toEqual([]);
  });
  it.each(builtInInstruments.map((i) => ({ id: i.id, ins: i })))('$id has fi/sv/en texts for every item', ({ ins }) => {
    for (const it of ins.items) for (const l of ['fi', 'sv', 'en'] as const) expect(it.text[l].length).toBeGreaterThan(3);
  });
  it('flags the Work Ability Score licence for verification', () => {
    expect(workAbilityScore.licenceStatus).toBe('verify');
    expect(workAbilityScore.licence).toMatch(/Työterveyslaitos/);
  });
  it('WHO-5 Finnish stem', () => {
    expect(who5.instructions?.fi).toMatch(/Viimeisten kahden viikon aikana/);
  });
});

describe('WHO-5 (manual worked examples)', () => {
  it.each([
    { answers: [5, 4, 3, 2, 1], raw: 15, score: 60, band: 'no-indication' },
    { answers: [5, 5, 5, 5, 5], raw: 25, score: 100, band: 'no-indication' },
    { answers: [0, 0, 0, 0, 0], raw: 0, score: 0, band: 'likely-depression' },
    { answers: [3, 3, 3, 2, 2], raw: 13, score: 52, band: 'no-indication' },
    { answers: [3, 3, 2, 2, 2], raw: 12, score: 48, band: 'poor-wellbeing' },
    { answers: [2, 2, 2, 1, 1], raw: 8, score: 32, band: 'poor-wellbeing' },
    { answers: [2, 2, 1, 1, 1], raw: 7, score: 28, band: 'likely-depression' },
  ])('$answers → raw $raw → $score ($band)', ({ answers, raw, score, band }) => {
    const r = scoreInstrument(who5, who5Answers(answers));
    expect(r).toMatchObject({ status: 'scored', raw, score, prorated: false });
    expect(r.status === 'scored' && r.band?.code).toBe(band);
  });
  it.each([
    { score: 28, band: 'likely-depression' },
    { score: 29, band: 'poor-wellbeing' },
    { score: 50, band: 'poor-wellbeing' },
    { score: 51, band: 'no-indication' },
  ])('band boundary $score → $band', ({ score, band }) => {
    expect(bandFor(who5, score)?.code).toBe(band);
  });
  it.each([[[5, 4, 3, 2, null]], [[null, null, null, null, null]]])('one or more missing → not scored (%j)', (vals) => {
    expect(scoreInstrument(who5, who5Answers(vals))).toMatchObject({ status: 'not-scored', reason: 'missing-items' });
  });
  it.each([[[6, 4, 3, 2, 1]], [[-1, 4, 3, 2, 1]], [[2.5, 4, 3, 2, 1]]])('out-of-scale answer is invalid (%j)', (vals) => {
    expect(scoreInstrument(who5, who5Answers(vals))).toEqual({ status: 'invalid', invalid: ['cheerful'] });
  });
  it('unknown item ids are invalid', () => {
    expect(scoreInstrument(who5, { ...who5Answers([1, 1, 1, 1, 1]), extra: 3 })).toMatchObject({ status: 'invalid', invalid: ['extra'] });
  });
});

describe('single items and the loneliness scale', () => {
  it.each([
    { v: 0, band: 'poor' },
    { v: 5, band: 'poor' },
    { v: 6, band: 'moderate' },
    { v: 7, band: 'moderate' },
    { v: 8, band: 'good' },
    { v: 9, band: 'good' },
    { v: 10, band: 'excellent' },
  ])('Work Ability Score $v → $band', ({ v, band }) => {
    const r = scoreInstrument(workAbilityScore, { current: v });
    expect(r).toMatchObject({ status: 'scored', score: v });
    expect(r.status === 'scored' && r.band?.code).toBe(band);
  });
  it('life satisfaction 0–10, no bands', () => {
    expect(scoreInstrument(lifeSatisfaction, { overall: 7 })).toMatchObject({ status: 'scored', score: 7, band: null });
    expect(scoreInstrument(lifeSatisfaction, { overall: 11 }).status).toBe('invalid');
  });
  it.each([
    { a: [1, 1, 1], score: 3, band: 'not-lonely' },
    { a: [2, 2, 1], score: 5, band: 'not-lonely' },
    { a: [2, 2, 2], score: 6, band: 'lonely' },
    { a: [3, 3, 3], score: 9, band: 'lonely' },
  ])('loneliness $a → $score ($band)', ({ a, score, band }) => {
    const r = scoreInstrument(threeItemLoneliness, { companionship: a[0], 'left-out': a[1], isolated: a[2] });
    expect(r).toMatchObject({ status: 'scored', score });
    expect(r.status === 'scored' && r.band?.code).toBe(band);
  });
  it('loneliness answer 0 is off the 1–3 scale', () => {
    expect(scoreInstrument(threeItemLoneliness, { companionship: 0, 'left-out': 1, isolated: 1 }).status).toBe('invalid');
  });
});

/** A custom instrument with reverse-scored items and prorating, as a coordinator could define it. */
const custom: Instrument = instrumentSchema.parse({
  id: 'custom-energy',
  version: '1',
  name: { fi: 'Energia', sv: 'Energi', en: 'Energy' },
  scale: {
    kind: 'numeric',
    min: 1,
    max: 5,
    labels: [
      { value: 1, label: { fi: 'Ei lainkaan', sv: 'Inte alls', en: 'Not at all' } },
      { value: 5, label: { fi: 'Erittäin', sv: 'Mycket', en: 'Very much' } },
    ],
  },
  items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { fi: `väite ${id}`, sv: `påstående ${id}`, en: `statement ${id}` } })),
  scoring: {
    kind: 'scale',
    method: 'sum',
    reverseItems: ['b', 'd'],
    multiplier: 1,
    bands: [{ min: 4, max: 10, code: 'low', label: { fi: 'Matala', sv: 'Låg', en: 'Low' } }],
    higherIsBetter: true,
  },
  missing: { kind: 'prorate', maxMissing: 1 },
  source: 'Test instrument',
  licence: 'Own',
  licenceStatus: 'custom',
  reliability: null,
  referenceSd: null,
  meaningfulChange: null,
});

describe('reverse scoring and prorating (custom instrument)', () => {
  it.each([
    // b and d reversed: 6 − v
    { answers: { a: 5, b: 1, c: 5, d: 1 }, status: 'scored', raw: 20, prorated: false },
    { answers: { a: 1, b: 5, c: 1, d: 5 }, status: 'scored', raw: 4, prorated: false },
    { answers: { a: 4, b: 2, c: 3, d: 3 }, status: 'scored', raw: 14, prorated: false },
    // one missing: mean of (4, 4, 3) = 11/3, × 4 items
    { answers: { a: 4, b: 2, c: 3, d: null }, status: 'scored', raw: (11 / 3) * 4, prorated: true },
    // two missing > maxMissing 1
    { answers: { a: 4, b: 2 }, status: 'not-scored', raw: undefined, prorated: undefined },
  ])('$answers → $raw', ({ answers, status, raw, prorated }) => {
    const r = scoreInstrument(custom, answers);
    expect(r.status).toBe(status);
    if (r.status === 'scored') {
      expect(r.raw).toBeCloseTo(raw as number, 12);
      expect(r.prorated).toBe(prorated);
    }
  });
  it('mean method prorates as the mean of answered items', () => {
    const m = instrumentSchema.parse({ ...custom, scoring: { ...custom.scoring, method: 'mean', bands: [] } });
    expect(scoreInstrument(m, { a: 4, b: 2, c: 3 })).toMatchObject({ status: 'scored', raw: 11 / 3, prorated: true });
  });
});

describe('instrumentSchema rejects broken definitions', () => {
  const base = JSON.parse(JSON.stringify(custom)) as Record<string, unknown>;
  it.each([
    { name: 'reverse item not an item', patch: { scoring: { ...custom.scoring, reverseItems: ['x'] } } },
    { name: 'prorating all items', patch: { missing: { kind: 'prorate', maxMissing: 4 } } },
    { name: 'duplicate item ids', patch: { items: [custom.items[0], custom.items[0]] } },
    { name: 'missing Swedish text', patch: { name: { fi: 'a', en: 'b' } } },
    { name: 'scale max ≤ min', patch: { scale: { kind: 'numeric', min: 3, max: 3, labels: [] } } },
    { name: 'per-item missing rule on a scale', patch: { missing: { kind: 'per-item' } } },
    { name: 'bad licence status', patch: { licenceStatus: 'maybe' } },
  ])('$name', ({ patch }) => {
    expect(instrumentSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe('business indicators', () => {
  it('reads valid answers, missing as null', () => {
    const r = readIndicators(businessIndicators, {
      'working-hours': 42.5,
      'admin-hours': 6,
      'customers-last-month': 17,
      'turnover-band': '50k-100k',
      'self-monitoring-plan': 'not-applicable',
    });
    expect(r).toEqual({
      status: 'indicator',
      values: {
        'working-hours': 42.5,
        'admin-hours': 6,
        'customers-last-month': 17,
        'turnover-band': '50k-100k',
        'change-confidence': null,
        'self-monitoring-plan': 'not-applicable',
      },
    });
  });
  it.each([
    { answers: { 'working-hours': 169 }, invalid: ['working-hours'] },
    { answers: { 'customers-last-month': 2.5 }, invalid: ['customers-last-month'] },
    { answers: { 'turnover-band': '1m' }, invalid: ['turnover-band'] },
    { answers: { 'self-monitoring-plan': 'maybe' }, invalid: ['self-monitoring-plan'] },
    { answers: { 'change-confidence': 11 }, invalid: ['change-confidence'] },
  ])('rejects $answers', ({ answers, invalid }) => {
    expect(readIndicators(businessIndicators, answers)).toEqual({ status: 'invalid', invalid });
  });
  it.each([
    { euros: 0, code: 'under-10k' },
    { euros: 9_999.99, code: 'under-10k' },
    { euros: 10_000, code: '10k-50k' },
    { euros: 1_999_999, code: '500k-2m' },
    { euros: 2_000_000, code: '2m-plus' },
  ])('turnover $euros € → $code', ({ euros, code }) => {
    expect(turnoverBandFor(euros)).toBe(code);
  });
  it('indicators are not scored as a scale', () => {
    expect(() => scoreInstrument(businessIndicators, {})).toThrow();
  });
});
