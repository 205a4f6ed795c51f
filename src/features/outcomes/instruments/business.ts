import type { Instrument } from './schema.ts';

/** Fixed turnover bands (€ per year, lower bound inclusive, upper bound exclusive). */
export const turnoverBands = [
  { code: 'under-10k', min: 0, max: 10_000 },
  { code: '10k-50k', min: 10_000, max: 50_000 },
  { code: '50k-100k', min: 50_000, max: 100_000 },
  { code: '100k-200k', min: 100_000, max: 200_000 },
  { code: '200k-500k', min: 200_000, max: 500_000 },
  { code: '500k-2m', min: 500_000, max: 2_000_000 },
  { code: '2m-plus', min: 2_000_000, max: Number.POSITIVE_INFINITY },
] as const;

const fmt = (n: number) => n.toLocaleString('fi-FI').replace(/\u00a0/g, ' ');
function bandLabel(min: number, max: number) {
  if (!Number.isFinite(max)) return { fi: `${fmt(min)} € tai yli`, sv: `${fmt(min)} € eller mer`, en: `€${fmt(min)} or more` };
  if (min === 0) return { fi: `alle ${fmt(max)} €`, sv: `under ${fmt(max)} €`, en: `under €${fmt(max)}` };
  return { fi: `${fmt(min)}–${fmt(max - 1)} €`, sv: `${fmt(min)}–${fmt(max - 1)} €`, en: `€${fmt(min)}–${fmt(max - 1)}` };
}

/** Find the turnover band code for an amount in €. */
export function turnoverBandFor(euros: number): string {
  if (!(euros >= 0)) throw new RangeError('turnover must be a non-negative number');
  return turnoverBands.find((b) => euros >= b.min && euros < b.max)!.code;
}

const hoursUnit = { fi: 'tuntia viikossa', sv: 'timmar per vecka', en: 'hours per week' };

/**
 * Business indicators. Not psychometric: each item is reported on its own; no total, bands or reliable change.
 * Wordings are ours.
 */
export const businessIndicators: Instrument = {
  id: 'business-indicators',
  version: '1',
  name: { fi: 'Yrityksen tunnusluvut', sv: 'Företagets nyckeltal', en: 'Business indicators' },
  items: [
    {
      id: 'working-hours',
      text: {
        fi: 'Montako tuntia teet yrityksesi töitä tavallisella viikolla?',
        sv: 'Hur många timmar arbetar du i ditt företag en vanlig vecka?',
        en: 'How many hours do you work in your business in a normal week?',
      },
      scale: { kind: 'quantity', min: 0, max: 168, unit: hoursUnit, integer: false },
    },
    {
      id: 'admin-hours',
      text: {
        fi: 'Montako tuntia viikossa käytät hallinnollisiin töihin (esim. kirjanpito, laskutus, lomakkeet)?',
        sv: 'Hur många timmar per vecka använder du för administration (t.ex. bokföring, fakturering, blanketter)?',
        en: 'How many hours per week do you spend on administration (e.g. bookkeeping, invoicing, forms)?',
      },
      scale: { kind: 'quantity', min: 0, max: 168, unit: hoursUnit, integer: false },
    },
    {
      id: 'customers-last-month',
      text: {
        fi: 'Montako asiakasta sinulla oli viime kuussa?',
        sv: 'Hur många kunder hade du förra månaden?',
        en: 'How many customers did you have last month?',
      },
      scale: { kind: 'quantity', min: 0, max: 1_000_000, unit: { fi: 'asiakasta', sv: 'kunder', en: 'customers' }, integer: true },
    },
    {
      id: 'turnover-band',
      text: {
        fi: 'Mikä oli yrityksesi liikevaihto viime tilikaudella?',
        sv: 'Vad var företagets omsättning under den senaste räkenskapsperioden?',
        en: 'What was your business turnover in the last financial year?',
      },
      scale: { kind: 'choice', options: turnoverBands.map((b) => ({ code: b.code, label: bandLabel(b.min, b.max) })) },
    },
    {
      id: 'change-confidence',
      text: {
        fi: 'Kuinka luottavaisesti suhtaudut kykyysi selviytyä muutoksista yrityksessäsi?',
        sv: 'Hur säker känner du dig på att du klarar förändringar i ditt företag?',
        en: 'How confident are you that you can handle changes in your business?',
      },
      scale: {
        kind: 'numeric',
        min: 0,
        max: 10,
        labels: [
          { value: 0, label: { fi: 'En lainkaan', sv: 'Inte alls', en: 'Not at all' } },
          { value: 10, label: { fi: 'Täysin', sv: 'Helt', en: 'Completely' } },
        ],
      },
    },
    {
      id: 'self-monitoring-plan',
      text: {
        fi: 'Onko yrityksesi omavalvontasuunnitelma ajan tasalla?',
        sv: 'Är ditt företags plan för egenkontroll uppdaterad?',
        en: 'Is your self-monitoring plan (omavalvontasuunnitelma) up to date?',
      },
      scale: {
        kind: 'choice',
        options: [
          { code: 'yes', label: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' } },
          { code: 'no', label: { fi: 'Ei', sv: 'Nej', en: 'No' } },
          { code: 'not-applicable', label: { fi: 'Ei koske minua', sv: 'Gäller inte mig', en: 'Not applicable' } },
        ],
      },
    },
  ],
  scoring: { kind: 'indicator' },
  missing: { kind: 'per-item' },
  source: 'Työpeili programme indicators (own questions; the self-monitoring plan is required of sote service providers).',
  licence: 'Own questions.',
  licenceStatus: 'custom',
  reliability: null,
  referenceSd: null,
  meaningfulChange: null,
};
