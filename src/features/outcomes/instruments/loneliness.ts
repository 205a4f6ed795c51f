import type { Instrument } from './schema.ts';

/**
 * Three-Item Loneliness Scale (Hughes, Waite, Hawkley & Cacioppo 2004), from the R-UCLA scale.
 * Items scored 1 = hardly ever, 2 = some of the time, 3 = often; sum 3–9, higher = lonelier.
 * Finnish and Swedish are our translations (UNVERIFIED; no official Finnish version was checked).
 */
export const threeItemLoneliness: Instrument = {
  id: 'three-item-loneliness',
  version: '2004',
  name: { fi: 'Yksinäisyys (3 kysymystä)', sv: 'Ensamhet (3 frågor)', en: 'Three-Item Loneliness Scale' },
  scale: {
    kind: 'numeric',
    min: 1,
    max: 3,
    labels: [
      { value: 1, label: { fi: 'Tuskin koskaan', sv: 'Nästan aldrig', en: 'Hardly ever' } },
      { value: 2, label: { fi: 'Joskus', sv: 'Ibland', en: 'Some of the time' } },
      { value: 3, label: { fi: 'Usein', sv: 'Ofta', en: 'Often' } },
    ],
  },
  items: [
    {
      id: 'companionship',
      text: {
        fi: 'Kuinka usein tunnet, että sinulta puuttuu seuraa?',
        sv: 'Hur ofta känner du att du saknar sällskap?',
        en: 'How often do you feel that you lack companionship?',
      },
    },
    {
      id: 'left-out',
      text: {
        fi: 'Kuinka usein tunnet itsesi ulkopuoliseksi?',
        sv: 'Hur ofta känner du dig utanför?',
        en: 'How often do you feel left out?',
      },
    },
    {
      id: 'isolated',
      text: {
        fi: 'Kuinka usein tunnet itsesi eristäytyneeksi muista?',
        sv: 'Hur ofta känner du dig isolerad från andra?',
        en: 'How often do you feel isolated from others?',
      },
    },
  ],
  scoring: {
    kind: 'scale',
    method: 'sum',
    reverseItems: [],
    multiplier: 1,
    // 6–9 = lonely is a common research cut-off (e.g. Steptoe et al. 2013, PNAS 110:5797), not part of Hughes 2004.
    bands: [
      { min: 3, max: 5, code: 'not-lonely', label: { fi: 'Ei yksinäinen', sv: 'Inte ensam', en: 'Not lonely' } },
      { min: 6, max: 9, code: 'lonely', label: { fi: 'Yksinäinen', sv: 'Ensam', en: 'Lonely' } },
    ],
    higherIsBetter: false,
  },
  missing: { kind: 'none-missing' },
  source:
    'Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT (2004). A short scale for measuring loneliness in large surveys. Research on Aging 26:655–672.',
  licence: 'Public domain (published for free use in surveys).',
  licenceStatus: 'public-domain',
  // Without a reference SD no reliable change is computed for this scale; the reliability is kept for when one is found.
  reliability: {
    kind: 'cronbach-alpha',
    value: 0.72,
    source:
      'Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT (2004). A short scale for measuring loneliness in large surveys: results from two ' +
      'population-based studies. Res Aging 26(6):655–672. doi:10.1177/0164027504268574 (Health and Retirement Study 2002 sample).',
    verified: false,
    verification:
      'Not verified. α = .72 for the three-item scale is believed to be reported in this article; the abstract (PMC2394670), the only part ' +
      'checked, does not state it.',
  },
  referenceSd: null,
  meaningfulChange: null,
};
