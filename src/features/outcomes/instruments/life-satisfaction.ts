import type { Instrument } from './schema.ts';

/**
 * Life satisfaction, single item, 0–10 (OECD Guidelines on Measuring Subjective Well-being 2013, core module A1).
 * Finnish and Swedish are our renderings of the OECD wording (UNVERIFIED against Statistics Finland's official
 * survey wording).
 */
export const lifeSatisfaction: Instrument = {
  id: 'life-satisfaction',
  version: 'oecd-2013',
  name: { fi: 'Tyytyväisyys elämään', sv: 'Livstillfredsställelse', en: 'Life satisfaction' },
  scale: {
    kind: 'numeric',
    min: 0,
    max: 10,
    labels: [
      { value: 0, label: { fi: 'En lainkaan tyytyväinen', sv: 'Inte alls nöjd', en: 'Not at all satisfied' } },
      { value: 10, label: { fi: 'Täysin tyytyväinen', sv: 'Helt nöjd', en: 'Completely satisfied' } },
    ],
  },
  items: [
    {
      id: 'overall',
      text: {
        fi: 'Kaiken kaikkiaan, kuinka tyytyväinen olet elämääsi nykyään?',
        sv: 'Allt som allt, hur nöjd är du med ditt liv som helhet nuförtiden?',
        en: 'Overall, how satisfied are you with life as a whole these days?',
      },
    },
  ],
  scoring: { kind: 'scale', method: 'sum', reverseItems: [], multiplier: 1, bands: [], higherIsBetter: true },
  missing: { kind: 'none-missing' },
  source: 'OECD (2013). OECD Guidelines on Measuring Subjective Well-being. Paris: OECD Publishing. Core question A1.',
  licence: 'OECD guidelines: the question wording is free to use.',
  licenceStatus: 'free',
  reliability: null,
  referenceSd: null,
  meaningfulChange: null,
};
