// Custom instruments: a coordinator defines an instrument of their own as data, either with the
// form on /organization/instruments/new or by pasting a JSON definition (the same shape as the
// built-in ones, checked by instrumentSchema). Pure: form fields in, an Instrument or field errors out.
import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { instrumentSchema, type Instrument } from './instruments/index.ts';
import type { LocalizedText } from './instruments/schema.ts';
import type { CheckInKind } from './outcomes.schema.ts';

/** Custom instrument ids start with this, so they never collide with a built-in one. */
export const CUSTOM_ID_PREFIX = 'custom-';
/** Which check-ins ask the instrument: the full set (baseline, every 6 months, exit), the pulse at meetings, or both. */
export const customAskIn = ['full', 'pulse', 'both'] as const;
export type CustomAskIn = (typeof customAskIn)[number];
export const customInstrumentStatuses = ['active', 'retired'] as const;
export type CustomInstrumentStatus = (typeof customInstrumentStatuses)[number];
/** The pulse at a meeting stays very short: a custom instrument asked there has at most this many items. */
export const MAX_PULSE_ITEMS = 1;
/** Numeric scales are answered with radio buttons: at most 11 choices fit a phone. */
export const MAX_SCALE_STEPS = 11;
export const MAX_ITEMS = 20;

export interface CustomInstrument {
  instrument: Instrument;
  askIn: CustomAskIn;
  status: CustomInstrumentStatus;
}

export function askedIn(askIn: CustomAskIn, kind: CheckInKind): boolean {
  if (kind === 'pulse') return askIn === 'pulse' || askIn === 'both';
  return askIn === 'full' || askIn === 'both';
}

/** The instrument id for a Finnish name: custom-<ascii slug>, unique among `taken`. */
export function customInstrumentId(nameFi: string, taken: ReadonlySet<string>): string {
  const slug =
    nameFi
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'mittari';
  const base = `${CUSTOM_ID_PREFIX}${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export type InstrumentFormErrors = Record<string, MessageKey>;
export type InstrumentFormResult = { ok: true; instrument: Instrument; askIn: CustomAskIn } | { ok: false; errors: InstrumentFormErrors };

/** The fields of the form, in page order (for the error summary). */
export const instrumentFormFields = [
  'nameFi',
  'nameSv',
  'nameEn',
  'instructionsFi',
  'itemsFi',
  'itemsSv',
  'itemsEn',
  'scaleMin',
  'scaleMax',
  'minLabelFi',
  'maxLabelFi',
  'method',
  'reverseItems',
  'multiplier',
  'bands',
  'missing',
  'maxMissing',
  'askIn',
  'source',
  'licence',
  'licenceConfirmed',
  'alpha',
  'alphaSource',
  'referenceSd',
  'referenceSdSource',
  'meaningfulChange',
  'meaningfulChangeSource',
] as const;

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** A number typed the Finnish way ("0,85") or the English way; null when empty; NaN when not a number. */
export function parseDecimal(s: string | undefined): number | null {
  const v = (s ?? '').trim().replace(/\s/g, '').replace(',', '.').replace('−', '-');
  if (v === '') return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** Texts in three languages; Swedish and English fall back to the Finnish text when left empty. */
const localized = (fi: string, sv: string | undefined, en: string | undefined): LocalizedText => ({ fi, sv: sv?.trim() || fi, en: en?.trim() || fi });

/** "0–28 Matala" → a band; en dash, hyphen or "..." between the bounds. */
const bandLine = /^(-?\d+(?:[.,]\d+)?)\s*(?:–|-|\.\.\.?)\s*(-?\d+(?:[.,]\d+)?)\s+(.+)$/;

/** Reads the form. Every problem is reported against its field; nothing is stored here. */
/** The instrument's id is derived from its Finnish name; defineCustomInstrument makes it unique in the organisation. */
export function readInstrumentForm(form: Readonly<Record<string, string | undefined>>): InstrumentFormResult {
  const errors: InstrumentFormErrors = {};
  const text = (k: string) => (form[k] ?? '').trim();
  const required = (k: string) => {
    if (!text(k)) errors[k] = 'instruments.error.required';
    return text(k);
  };

  const nameFi = required('nameFi');
  if (nameFi.length > 120) errors.nameFi = 'instruments.error.tooLong';
  const itemsFi = lines(form.itemsFi);
  if (itemsFi.length === 0) errors.itemsFi = 'instruments.error.required';
  else if (itemsFi.length > MAX_ITEMS) errors.itemsFi = 'instruments.error.tooManyItems';
  const itemsSv = lines(form.itemsSv);
  const itemsEn = lines(form.itemsEn);
  if (itemsSv.length > 0 && itemsSv.length !== itemsFi.length) errors.itemsSv = 'instruments.error.itemCount';
  if (itemsEn.length > 0 && itemsEn.length !== itemsFi.length) errors.itemsEn = 'instruments.error.itemCount';

  const min = parseDecimal(form.scaleMin);
  const max = parseDecimal(form.scaleMax);
  if (min === null || !Number.isInteger(min)) errors.scaleMin = 'instruments.error.integer';
  if (max === null || !Number.isInteger(max)) errors.scaleMax = 'instruments.error.integer';
  else if (min !== null && Number.isInteger(min) && (max <= min || max - min + 1 > MAX_SCALE_STEPS)) errors.scaleMax = 'instruments.error.scaleRange';

  const method = z.enum(['sum', 'mean']).safeParse(form.method);
  if (!method.success) errors.method = 'instruments.error.required';
  const reverseNumbers = text('reverseItems')
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(Number);
  if (reverseNumbers.some((n) => !Number.isInteger(n) || n < 1 || n > itemsFi.length)) errors.reverseItems = 'instruments.error.reverseItems';
  const multiplier = parseDecimal(form.multiplier) ?? 1;
  if (!(multiplier > 0)) errors.multiplier = 'instruments.error.positive';
  const higherIsBetter = form.higherIsBetter !== 'no';

  const bands = lines(form.bands).map((l) => bandLine.exec(l));
  if (bands.some((b) => b === null)) errors.bands = 'instruments.error.bands';
  const bandList = bands.flatMap((b, i) => {
    if (!b) return [];
    const lo = Number(b[1]!.replace(',', '.'));
    const hi = Number(b[2]!.replace(',', '.'));
    if (lo > hi) errors.bands = 'instruments.error.bands';
    return [{ min: lo, max: hi, code: `band-${i + 1}`, label: localized(b[3]!.trim(), undefined, undefined) }];
  });
  const sorted = [...bandList].sort((a, b) => a.min - b.min);
  if (sorted.some((b, i) => i > 0 && b.min <= sorted[i - 1]!.max)) errors.bands = 'instruments.error.bandsOverlap';

  const missing = form.missing === 'prorate' ? 'prorate' : 'none-missing';
  const maxMissing = parseDecimal(form.maxMissing);
  if (missing === 'prorate' && (maxMissing === null || !Number.isInteger(maxMissing) || maxMissing < 1 || maxMissing >= itemsFi.length))
    errors.maxMissing = 'instruments.error.maxMissing';

  const askIn = z.enum(customAskIn).safeParse(form.askIn);
  if (!askIn.success) errors.askIn = 'instruments.error.required';
  else if (askIn.data !== 'full' && itemsFi.length > MAX_PULSE_ITEMS) errors.askIn = 'instruments.error.pulseItems';

  const source = required('source');
  const licence = required('licence');
  if (form.licenceConfirmed !== 'yes') errors.licenceConfirmed = 'instruments.error.licenceConfirmed';

  const optionalFigure = (valueKey: string, sourceKey: string, check: (v: number) => boolean, errorKey: MessageKey) => {
    const v = parseDecimal(form[valueKey]);
    if (v === null) return null;
    if (Number.isNaN(v) || !check(v)) {
      errors[valueKey] = errorKey;
      return null;
    }
    if (!text(sourceKey)) errors[sourceKey] = 'instruments.error.figureSource';
    return { value: v, source: text(sourceKey) };
  };
  const alpha = optionalFigure('alpha', 'alphaSource', (v) => v > 0 && v < 1, 'instruments.error.alpha');
  const referenceSd = optionalFigure('referenceSd', 'referenceSdSource', (v) => v > 0, 'instruments.error.positive');
  const meaningfulChange = optionalFigure('meaningfulChange', 'meaningfulChangeSource', (v) => v > 0, 'instruments.error.positive');

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const labels = [
    text('minLabelFi') ? { value: min!, label: localized(text('minLabelFi'), form.minLabelSv, form.minLabelEn) } : null,
    text('maxLabelFi') ? { value: max!, label: localized(text('maxLabelFi'), form.maxLabelSv, form.maxLabelEn) } : null,
  ].filter((l) => l !== null);
  const instrument = instrumentSchema.safeParse({
    id: customInstrumentId(nameFi, new Set()),
    version: '1',
    name: localized(nameFi, form.nameSv, form.nameEn),
    instructions: text('instructionsFi') ? localized(text('instructionsFi'), form.instructionsSv, form.instructionsEn) : undefined,
    scale: { kind: 'numeric', min, max, labels },
    items: itemsFi.map((fi, i) => ({ id: `q${i + 1}`, text: localized(fi, itemsSv[i], itemsEn[i]) })),
    scoring: {
      kind: 'scale',
      method: method.data,
      reverseItems: [...new Set(reverseNumbers)].sort((a, b) => a - b).map((n) => `q${n}`),
      multiplier,
      bands: bandList,
      higherIsBetter,
    },
    missing: missing === 'prorate' ? { kind: 'prorate', maxMissing } : { kind: 'none-missing' },
    source,
    licence,
    licenceStatus: 'custom',
    reliability: alpha ? { kind: 'cronbach-alpha', value: alpha.value, source: alpha.source } : null,
    referenceSd,
    meaningfulChange,
  });
  // Every rule of instrumentSchema has been checked field by field above; this is the last guard.
  if (!instrument.success) return { ok: false, errors: { form: 'instruments.error.invalid' } };
  return { ok: true, instrument: instrument.data, askIn: askIn.data! };
}

/** A pasted JSON definition (e.g. exported from another organisation). Its id is made a custom one. */
export function readInstrumentJson(
  json: string,
  askInValue: string | undefined,
  licenceConfirmed: boolean,
): InstrumentFormResult & { detail?: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, errors: { definition: 'instruments.error.json' }, detail: 'JSON' };
  }
  const parsed = instrumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, errors: { definition: 'instruments.error.definition' }, detail: `${issue.path.join('.') || '–'}: ${issue.message}` };
  }
  const askIn = z.enum(customAskIn).safeParse(askInValue);
  if (!askIn.success) return { ok: false, errors: { askInJson: 'instruments.error.required' } };
  if (!licenceConfirmed) return { ok: false, errors: { licenceConfirmedJson: 'instruments.error.licenceConfirmed' } };
  const pulseItems = parsed.data.items.length;
  if (askIn.data !== 'full' && pulseItems > MAX_PULSE_ITEMS) return { ok: false, errors: { askInJson: 'instruments.error.pulseItems' } };
  const scale = parsed.data.scale;
  if (scale?.kind === 'numeric' && scale.max - scale.min + 1 > MAX_SCALE_STEPS) return { ok: false, errors: { definition: 'instruments.error.scaleRange' } };
  const baseId = parsed.data.id.startsWith(CUSTOM_ID_PREFIX) ? parsed.data.id.slice(CUSTOM_ID_PREFIX.length) : parsed.data.id;
  const id = customInstrumentId(baseId, new Set());
  return { ok: true, instrument: { ...parsed.data, id, licenceStatus: 'custom' }, askIn: askIn.data };
}
