// Issue 10 point 6: the reference SD and reliability behind reliable change have a cited source; unverified
// figures are flagged in the table note (fi/sv/en), custom instruments get no reliable change, with a note.
import { describe, expect, it } from 'vitest';
import { createTranslator, supportedLocales, type Locale } from '../../../platform/i18n/i18n.ts';
import { planRelease } from '../../../platform/disclosure/audit.ts';
import { decisionOf, type Released } from '../../../platform/disclosure/release.ts';
import { buildEvaluationReport as buildReport, evaluationCandidates, minSpanOf, type EvaluationReport } from '../evaluation.ts';
import { evaluationCsv, evaluationTables } from '../evaluation-tables.ts';
import type { EvaluationRow } from '../evaluation.queries.ts';
import { builtInInstruments, instrumentSchema, reliableChangeBasis, threeItemLoneliness, who5, type Instrument } from './index.ts';

let nextId = 0;
const row = (baseline: number, after: number): EvaluationRow => ({
  personId: `00000000-0000-7000-8000-${String(++nextId).padStart(12, '0')}`,
  baselineKey: `00000000-0000-7000-a000-${String(nextId).padStart(12, '0')}`,
  afterKey: `00000000-0000-7000-b000-${String(nextId).padStart(12, '0')}`,
  baseline,
  after,
  followUpDue: true,
  ageAtBaseline: null,
  gender: null,
  sector: null,
  municipality: null,
  groupFormat: 'online',
});
// WHO-5: S_diff = √2 · 17 · √(1 − 0.84) = 9.617 → reliable beyond ±18.85 points.
// 6 × +24 (reliably improved), 6 × +4 (unchanged) → both cells ≥ 5, none suppressed.
const rows = [...Array.from({ length: 6 }, () => row(40, 64)), ...Array.from({ length: 6 }, () => row(48, 52))];
const ids = rows.map((r) => r.personId).sort();
const counts = { invited: ids, responded: ids };

// The report as the disclosure layer's audit (with no earlier releases) lets it be built; the tables take a
// Released report, which only the layer's register makes, so this pure test marks it itself.
function buildEvaluationReport(instrument: Instrument, rs: readonly EvaluationRow[], c: typeof counts): Released<EvaluationReport> {
  const decision = decisionOf(planRelease([], evaluationCandidates(instrument, rs), { k: 5, minSpan: minSpanOf(instrument) }));
  return buildReport(instrument, rs, c, decision, { released: true, reason: null }) as Released<EvaluationReport>;
}

const custom: Instrument = {
  ...who5,
  id: 'custom-hyvinvointi',
  licenceStatus: 'custom',
  reliability: { kind: 'cronbach-alpha', value: 0.9, source: 'Typed in by a coordinator', verified: false },
  referenceSd: { value: 15, source: 'Typed in by a coordinator', verified: false },
};
const verifiedWho5: Instrument = {
  ...who5,
  reliability: { ...who5.reliability!, verified: true, verification: 'Read in the full text, table 2 (test fixture).' },
  referenceSd: { ...who5.referenceSd!, verified: true, verification: 'Read in the full text, table 2 (test fixture).' },
};

function reliableTable(instrument: Instrument, locale: Locale) {
  const report = buildEvaluationReport(instrument, rows, counts);
  const tables = evaluationTables(report, { t: createTranslator(locale), locale, instrumentName: instrument.name[locale], from: '2026-01-01', to: '2026-12-01', comparison: 'latest' });
  return { report, tables, reliable: tables.find((t) => t.id === 'reliable')! };
}

describe('cited sources of reliable-change figures', () => {
  it.each(builtInInstruments.map((i) => [i.id, i] as const))('%s: every figure has a citation and states whether it is verified', (_id, instrument) => {
    expect(instrumentSchema.safeParse(instrument).success).toBe(true);
    for (const figure of [instrument.reliability, instrument.referenceSd]) {
      if (!figure) continue;
      // a citation names authors and a year, not just "see manual"
      expect(figure.source).toMatch(/\b(19|20)\d{2}\b/);
      expect(figure.source.length).toBeGreaterThan(40);
      expect(typeof figure.verified).toBe('boolean');
      expect(figure.verification, 'says what was or was not checked').toBeTruthy();
    }
  });

  it('a figure marked verified must say how it was verified', () => {
    const r = instrumentSchema.safeParse({ ...who5, reliability: { ...who5.reliability!, verified: true, verification: undefined } });
    expect(r.success).toBe(false);
  });

  it('a stored definition without the flag counts as unverified', () => {
    const parsed = instrumentSchema.parse({ ...who5, reliability: { kind: 'cronbach-alpha', value: 0.84, source: 'x' }, referenceSd: { value: 17, source: 'y' } });
    expect(parsed.reliability!.verified).toBe(false);
    expect(reliableChangeBasis(parsed).status).toBe('unverified');
  });

  it.each([
    { name: 'WHO-5 as shipped (figures not verified)', instrument: who5, expected: { status: 'unverified', referenceSd: 17, reliability: 0.84 } },
    { name: 'WHO-5 with verified figures', instrument: verifiedWho5, expected: { status: 'verified', referenceSd: 17, reliability: 0.84 } },
    { name: 'loneliness (no reference SD)', instrument: threeItemLoneliness, expected: { status: 'none' } },
    { name: "an organisation's own instrument, even with figures", instrument: custom, expected: { status: 'custom' } },
  ])('basis: $name', ({ instrument, expected }) => {
    expect(reliableChangeBasis(instrument)).toEqual(expected);
  });
});

describe('the reliable-change table note', () => {
  it.each(supportedLocales)('unverified figures: reliable change shown, and the note says they are unverified (%s)', (locale) => {
    const { report, reliable, tables } = reliableTable(who5, locale);
    expect(report.reliableChangeBasis).toBe('unverified');
    expect(report.reliableChange).toMatchObject({ n: 12, improved: 6, unchanged: 6, deteriorated: 0 });
    expect(reliable.rows.length).toBeGreaterThan(0);
    expect(reliable.note).toBe(createTranslator(locale)('reliableChange.note.unverified'));
    expect(evaluationCsv(tables, locale)).toContain(reliable.note!);
  });

  it('the note reads as intended in each language', () => {
    expect(reliableTable(who5, 'fi').reliable.note).toContain('ei ole vielä tarkistettu');
    expect(reliableTable(who5, 'sv').reliable.note).toContain('inte kontrollerats');
    expect(reliableTable(who5, 'en').reliable.note).toContain('not yet been checked');
  });

  it('verified figures: no note', () => {
    const { reliable } = reliableTable(verifiedWho5, 'fi');
    expect(reliable.rows.length).toBeGreaterThan(0);
    expect(reliable.note).toBeNull();
  });

  it.each(supportedLocales)("an organisation's own instrument: reliable change withheld, with the note (%s)", (locale) => {
    const { report, reliable } = reliableTable(custom, locale);
    expect(report.reliableChangeBasis).toBe('custom');
    expect(report.reliableChange).toBeNull();
    expect(reliable.rows).toEqual([]);
    expect(reliable.note).toBe(createTranslator(locale)('reliableChange.note.custom'));
    // meaningful change is unaffected (it rests on the instrument's own threshold, not on a reliability)
    expect(report.meaningfulChange).not.toBeNull();
  });

  it('an instrument without the figures keeps its existing note', () => {
    const lonely = buildEvaluationReport(threeItemLoneliness, rows.map((r) => ({ ...r, baseline: 5, after: 4 })), counts);
    expect(lonely.reliableChangeBasis).toBe('none');
    const t = createTranslator('fi');
    const tables = evaluationTables(lonely, { t, locale: 'fi', instrumentName: 'x', from: '2026-01-01', to: '2026-12-01', comparison: 'latest' });
    expect(tables.find((x) => x.id === 'reliable')!.note).toBe(t('evaluation.note.noReliable'));
  });
});
