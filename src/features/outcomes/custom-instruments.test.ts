// Custom instruments as data: the coordinator's form and a pasted JSON definition become an
// Instrument that instrumentSchema accepts and scoreInstrument scores by the stated rule.
import { describe, expect, it } from 'vitest';
import { askedIn, customInstrumentId, parseDecimal, readInstrumentForm, readInstrumentJson } from './custom-instruments.ts';
import { who5 } from './instruments/index.ts';
import { instrumentsFor } from './plan.ts';
import { scoreInstrument } from './scoring.ts';

const form = {
  nameFi: 'Työn imu (lyhyt)',
  nameSv: '',
  nameEn: 'Work engagement (short)',
  itemsFi: 'Tunnen olevani täynnä energiaa työssäni\n\nOlen innostunut työstäni\r\nOlen uppoutunut työhöni',
  itemsSv: '',
  itemsEn: 'At my work, I feel bursting with energy\nI am enthusiastic about my job\nI am immersed in my work',
  scaleMin: '0',
  scaleMax: '6',
  minLabelFi: 'Ei koskaan',
  maxLabelFi: 'Päivittäin',
  method: 'mean',
  reverseItems: '',
  multiplier: '1',
  higherIsBetter: 'yes',
  bands: '0–2,9 Matala\n3-4,5 Keskitaso\n4,6–6 Korkea',
  missing: 'prorate',
  maxMissing: '1',
  askIn: 'full',
  source: 'Schaufeli WB, Bakker AB, Salanova M (2006). Educ Psychol Meas 66:701–716.',
  licence: 'Free for non-commercial scientific use.',
  licenceConfirmed: 'yes',
  alpha: '0,85',
  alphaSource: 'Schaufeli et al. 2006',
  referenceSd: '1,1',
  referenceSdSource: 'Schaufeli et al. 2006',
  meaningfulChange: '',
  meaningfulChangeSource: '',
};

describe('readInstrumentForm', () => {
  it('turns the form into a valid instrument, falling back to Finnish for empty languages', () => {
    const r = readInstrumentForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ins = r.instrument;
    expect(ins.id).toBe('custom-tyon-imu-lyhyt');
    expect(ins.licenceStatus).toBe('custom');
    expect(ins.name).toEqual({ fi: 'Työn imu (lyhyt)', sv: 'Työn imu (lyhyt)', en: 'Work engagement (short)' });
    expect(ins.items.map((i) => i.id)).toEqual(['q1', 'q2', 'q3']);
    expect(ins.items[1]!.text).toEqual({ fi: 'Olen innostunut työstäni', sv: 'Olen innostunut työstäni', en: 'I am enthusiastic about my job' });
    expect(ins.scale).toEqual({
      kind: 'numeric',
      min: 0,
      max: 6,
      labels: [
        { value: 0, label: { fi: 'Ei koskaan', sv: 'Ei koskaan', en: 'Ei koskaan' } },
        { value: 6, label: { fi: 'Päivittäin', sv: 'Päivittäin', en: 'Päivittäin' } },
      ],
    });
    expect(ins.scoring).toMatchObject({ kind: 'scale', method: 'mean', multiplier: 1, higherIsBetter: true, reverseItems: [] });
    if (ins.scoring.kind !== 'scale') return;
    expect(ins.scoring.bands.map((b) => [b.min, b.max, b.label.fi])).toEqual([
      [0, 2.9, 'Matala'],
      [3, 4.5, 'Keskitaso'],
      [4.6, 6, 'Korkea'],
    ]);
    expect(ins.missing).toEqual({ kind: 'prorate', maxMissing: 1 });
    // a coordinator's figures are never verified (and reliable change is withheld for custom instruments)
    expect(ins.reliability).toEqual({ kind: 'cronbach-alpha', value: 0.85, source: 'Schaufeli et al. 2006', verified: false });
    expect(ins.referenceSd).toEqual({ value: 1.1, source: 'Schaufeli et al. 2006', verified: false });
    expect(ins.meaningfulChange).toBeNull();
    expect(r.askIn).toBe('full');
  });

  it('scores the defined instrument by its own rule (mean, prorated, band)', () => {
    const r = readInstrumentForm(form);
    if (!r.ok) throw new Error('form rejected');
    // mean of 5, 4, 6 = 5 → "Korkea"
    const full = scoreInstrument(r.instrument, { q1: 5, q2: 4, q3: 6 });
    expect(full).toMatchObject({ status: 'scored', score: 5, prorated: false });
    if (full.status === 'scored') expect(full.band?.label.fi).toBe('Korkea');
    // one missing is prorated: mean of 3 and 4 = 3.5
    expect(scoreInstrument(r.instrument, { q1: 3, q3: 4 })).toMatchObject({ status: 'scored', score: 3.5, prorated: true });
    // two missing: not scored
    expect(scoreInstrument(r.instrument, { q1: 3 })).toMatchObject({ status: 'not-scored' });
  });

  it('reverses the named items and applies the multiplier (sum)', () => {
    const r = readInstrumentForm({ ...form, method: 'sum', reverseItems: '2', multiplier: '2,5', missing: 'none', bands: '', higherIsBetter: 'no' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.instrument.scoring).toMatchObject({ reverseItems: ['q2'], multiplier: 2.5, higherIsBetter: false });
    // 1 + (0 + 6 − 1) + 2 = 8; × 2.5 = 20
    expect(scoreInstrument(r.instrument, { q1: 1, q2: 1, q3: 2 })).toMatchObject({ status: 'scored', raw: 8, score: 20 });
    expect(scoreInstrument(r.instrument, { q1: 1, q3: 2 })).toMatchObject({ status: 'not-scored' });
  });

  it.each([
    [{ nameFi: ' ' }, 'nameFi', 'instruments.error.required'],
    [{ itemsFi: '' }, 'itemsFi', 'instruments.error.required'],
    [{ itemsFi: Array.from({ length: 21 }, (_, i) => `K${i}`).join('\n') }, 'itemsFi', 'instruments.error.tooManyItems'],
    [{ itemsEn: 'only one' }, 'itemsEn', 'instruments.error.itemCount'],
    [{ scaleMin: 'yksi' }, 'scaleMin', 'instruments.error.integer'],
    [{ scaleMax: '0' }, 'scaleMax', 'instruments.error.scaleRange'],
    [{ scaleMax: '11' }, 'scaleMax', 'instruments.error.scaleRange'],
    [{ scaleMax: '2,5' }, 'scaleMax', 'instruments.error.integer'],
    [{ method: 'median' }, 'method', 'instruments.error.required'],
    [{ reverseItems: '4' }, 'reverseItems', 'instruments.error.reverseItems'],
    [{ reverseItems: 'toinen' }, 'reverseItems', 'instruments.error.reverseItems'],
    [{ multiplier: '0' }, 'multiplier', 'instruments.error.positive'],
    [{ bands: 'matala 0–2' }, 'bands', 'instruments.error.bands'],
    [{ bands: '5–1 Väärin päin' }, 'bands', 'instruments.error.bands'],
    [{ bands: '0–3 A\n3–6 B' }, 'bands', 'instruments.error.bandsOverlap'],
    [{ maxMissing: '3' }, 'maxMissing', 'instruments.error.maxMissing'],
    [{ maxMissing: '' }, 'maxMissing', 'instruments.error.maxMissing'],
    [{ askIn: 'sometimes' }, 'askIn', 'instruments.error.required'],
    [{ askIn: 'pulse' }, 'askIn', 'instruments.error.pulseItems'],
    [{ source: '' }, 'source', 'instruments.error.required'],
    [{ licence: '' }, 'licence', 'instruments.error.required'],
    [{ licenceConfirmed: undefined }, 'licenceConfirmed', 'instruments.error.licenceConfirmed'],
    [{ alpha: '1,2' }, 'alpha', 'instruments.error.alpha'],
    [{ alpha: 'hyvä' }, 'alpha', 'instruments.error.alpha'],
    [{ alphaSource: '' }, 'alphaSource', 'instruments.error.figureSource'],
    [{ meaningfulChange: '-1' }, 'meaningfulChange', 'instruments.error.positive'],
  ])('refuses %j on %s', (patch, field, key) => {
    const r = readInstrumentForm({ ...form, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toBe(key);
  });

  it('accepts a single-question instrument for the pulse', () => {
    const r = readInstrumentForm({ ...form, itemsFi: 'Kuinka hyödyllinen tapaaminen oli?', itemsEn: '', missing: 'none', askIn: 'pulse' });
    expect(r.ok).toBe(true);
  });
});

describe('instrument ids', () => {
  it('are ASCII slugs with the custom prefix, unique in the organisation', () => {
    expect(customInstrumentId('Äänekosken pärjääminen', new Set())).toBe('custom-aanekosken-parjaaminen');
    expect(customInstrumentId('???', new Set())).toBe('custom-mittari');
    expect(customInstrumentId('Jaksaminen', new Set(['custom-jaksaminen', 'custom-jaksaminen-2']))).toBe('custom-jaksaminen-3');
  });
  it('reads Finnish and English decimals', () => {
    expect(parseDecimal('0,85')).toBe(0.85);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('')).toBeNull();
    expect(Number.isNaN(parseDecimal('1,2,3'))).toBe(true);
  });
});

describe('readInstrumentJson', () => {
  it('imports a definition, giving it a custom id and status', () => {
    const r = readInstrumentJson(JSON.stringify({ ...who5, id: 'who-5', licenceStatus: 'free' }), 'full', true);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.instrument.id).toBe('custom-who-5');
    expect(r.instrument.licenceStatus).toBe('custom');
    expect(scoreInstrument(r.instrument, { cheerful: 3, calm: 3, active: 3, rested: 3, interest: 3 })).toMatchObject({ status: 'scored', score: 60 });
  });
  it('refuses text that is not JSON, a broken definition, and a missing licence confirmation', () => {
    expect(readInstrumentJson('{', 'full', true)).toMatchObject({ ok: false, errors: { definition: 'instruments.error.json' } });
    const broken = readInstrumentJson(JSON.stringify({ ...who5, items: [] }), 'full', true);
    expect(broken).toMatchObject({ ok: false, errors: { definition: 'instruments.error.definition' } });
    expect(broken.detail).toMatch(/^items/);
    expect(readInstrumentJson(JSON.stringify(who5), 'full', false)).toMatchObject({
      ok: false,
      errors: { licenceConfirmedJson: 'instruments.error.licenceConfirmed' },
    });
    expect(readInstrumentJson(JSON.stringify(who5), 'both', true)).toMatchObject({
      ok: false,
      errors: { askInJson: 'instruments.error.pulseItems' },
    });
  });
});

describe('where a custom instrument is asked', () => {
  it('joins the check-ins of its kinds while active', () => {
    const r = readInstrumentForm({ ...form, itemsFi: 'Miten tapaaminen auttoi?', itemsEn: '', missing: 'none', askIn: 'pulse' });
    if (!r.ok) throw new Error('form rejected');
    const custom = [{ instrument: r.instrument, askIn: r.askIn, status: 'active' as const }];
    expect(instrumentsFor('pulse', custom).map((i) => i.id)).toEqual(['life-satisfaction', 'work-ability-score', r.instrument.id]);
    expect(instrumentsFor('baseline', custom).map((i) => i.id)).not.toContain(r.instrument.id);
    expect(instrumentsFor('pulse', [{ ...custom[0]!, status: 'retired' }]).map((i) => i.id)).not.toContain(r.instrument.id);
    expect(askedIn('both', 'exit')).toBe(true);
    expect(askedIn('full', 'pulse')).toBe(false);
  });
});
