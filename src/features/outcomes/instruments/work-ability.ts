import type { Instrument } from './schema.ts';

/**
 * Work Ability Score (WAS): the first item of the Work Ability Index (current work ability compared with the
 * lifetime best, 0–10). Bands per Ilmarinen (2009) / Gould et al. (2008): 0–5 poor, 6–7 moderate, 8–9 good, 10 excellent.
 *
 * Finnish wording follows the commonly used Työkykyindeksi item; Swedish is our translation (UNVERIFIED).
 */
export const workAbilityScore: Instrument = {
  id: 'work-ability-score',
  version: '1',
  name: { fi: 'Työkykypistemäärä', sv: 'Arbetsförmågepoäng', en: 'Work Ability Score' },
  scale: {
    kind: 'numeric',
    min: 0,
    max: 10,
    labels: [
      { value: 0, label: { fi: 'En pysty lainkaan työhön', sv: 'Helt arbetsoförmögen', en: 'Completely unable to work' } },
      { value: 10, label: { fi: 'Työkyky parhaimmillaan', sv: 'Arbetsförmågan när den är som bäst', en: 'Work ability at its best' } },
    ],
  },
  items: [
    {
      id: 'current',
      text: {
        fi: 'Oletetaan, että työkykysi on parhaimmillaan saanut 10 pistettä. Minkä pistemäärän antaisit nykyiselle työkyvyllesi?',
        sv: 'Anta att din arbetsförmåga när den var som bäst fick 10 poäng. Hur många poäng skulle du ge din nuvarande arbetsförmåga?',
        en: 'Assume that your work ability at its best has a value of 10 points. How many points would you give your current work ability?',
      },
    },
  ],
  scoring: {
    kind: 'scale',
    method: 'sum',
    reverseItems: [],
    multiplier: 1,
    bands: [
      { min: 0, max: 5, code: 'poor', label: { fi: 'Huono', sv: 'Dålig', en: 'Poor' } },
      { min: 6, max: 7, code: 'moderate', label: { fi: 'Kohtalainen', sv: 'Måttlig', en: 'Moderate' } },
      { min: 8, max: 9, code: 'good', label: { fi: 'Hyvä', sv: 'God', en: 'Good' } },
      { min: 10, max: 10, code: 'excellent', label: { fi: 'Erinomainen', sv: 'Utmärkt', en: 'Excellent' } },
    ],
    higherIsBetter: true,
  },
  missing: { kind: 'none-missing' },
  source:
    'Ilmarinen J (2007/2009). The Work Ability Index (WAI). Occup Med 57:160; Ahlstrom L et al. (2010). The work ability index and single-item question. Scand J Work Environ Health 36:404–412.',
  licence:
    'The Work Ability Index is copyrighted by the Finnish Institute of Occupational Health (Työterveyslaitos). The single item is widely used in research, but its licence status for use in a product is UNCLEAR and must be checked with FIOH before production.',
  licenceStatus: 'verify',
  // No verified test–retest value for the single item in this population: no reliable-change computation.
  reliability: null,
  referenceSd: null,
  meaningfulChange: null,
};
