import type { Instrument } from './schema.ts';

/**
 * WHO-5 Well-Being Index (1998 version).
 *
 * Translations: the Finnish and Swedish wordings below are reproduced from memory of the versions published by the
 * WHO Collaborating Centre in Mental Health, Psychiatric Center North Zealand (Hillerød, Denmark), on its
 * WHO-5 page (https://www.psykiatri-regionh.dk/who-5/). UNCERTAIN: wording and punctuation must be checked
 * word for word against the official PDFs before production use. The Swedish text is the Sweden-Swedish version;
 * a Finland-Swedish variant, if one is published, has not been checked.
 */
export const who5: Instrument = {
  id: 'who-5',
  version: '1998',
  name: {
    fi: 'WHO-5 hyvinvointi-indeksi',
    sv: 'WHO-5 välbefinnandeindex',
    en: 'WHO-5 Well-Being Index',
  },
  instructions: {
    fi: 'Valitse jokaisen väittämän kohdalla vaihtoehto, joka parhaiten kuvaa sitä, miltä sinusta on tuntunut viimeisten kahden viikon aikana. Viimeisten kahden viikon aikana…',
    sv: 'Markera för vart och ett av de fem påståendena den ruta som bäst beskriver hur du har känt dig under de senaste två veckorna. Under de senaste två veckorna…',
    en: 'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Over the last two weeks…',
  },
  scale: {
    kind: 'numeric',
    min: 0,
    max: 5,
    // The manual prints the answers from "All of the time" (5) down to "At no time" (0).
    descending: true,
    labels: [
      { value: 5, label: { fi: 'Koko ajan', sv: 'Hela tiden', en: 'All of the time' } },
      { value: 4, label: { fi: 'Suurimman osan aikaa', sv: 'Större delen av tiden', en: 'Most of the time' } },
      { value: 3, label: { fi: 'Hieman yli puolet ajasta', sv: 'Lite mer än hälften av tiden', en: 'More than half of the time' } },
      { value: 2, label: { fi: 'Hieman alle puolet ajasta', sv: 'Lite mindre än hälften av tiden', en: 'Less than half of the time' } },
      { value: 1, label: { fi: 'Silloin tällöin', sv: 'Ibland', en: 'Some of the time' } },
      { value: 0, label: { fi: 'Ei koskaan', sv: 'Aldrig', en: 'At no time' } },
    ],
  },
  items: [
    {
      id: 'cheerful',
      text: {
        fi: 'olen ollut iloinen ja hyvällä tuulella',
        sv: 'har jag känt mig glad och på gott humör',
        en: 'I have felt cheerful and in good spirits',
      },
    },
    {
      id: 'calm',
      text: {
        fi: 'olen tuntenut oloni rauhalliseksi ja rentoutuneeksi',
        sv: 'har jag känt mig lugn och avslappnad',
        en: 'I have felt calm and relaxed',
      },
    },
    {
      id: 'active',
      text: {
        fi: 'olen tuntenut oloni aktiiviseksi ja tarmokkaaksi',
        sv: 'har jag känt mig aktiv och energisk',
        en: 'I have felt active and vigorous',
      },
    },
    {
      id: 'rested',
      text: {
        fi: 'olen herännyt virkeänä ja levänneenä',
        sv: 'har jag vaknat upp fräsch och utvilad',
        en: 'I woke up feeling fresh and rested',
      },
    },
    {
      id: 'interest',
      text: {
        fi: 'päivittäinen elämäni on ollut täynnä minua kiinnostavia asioita',
        sv: 'har mitt dagliga liv varit fyllt av saker som intresserar mig',
        en: 'My daily life has been filled with things that interest me',
      },
    },
  ],
  scoring: {
    kind: 'scale',
    method: 'sum',
    reverseItems: [],
    // raw 0–25 × 4 = percentage score 0–100
    multiplier: 4,
    // Manual: raw < 13 (percentage ≤ 50) = poor wellbeing, indication for testing for depression;
    // percentage ≤ 28 = likely depression. Reachable percentage scores are multiples of 4.
    bands: [
      { min: 0, max: 28, code: 'likely-depression', label: { fi: 'Viittaa masennukseen', sv: 'Tyder på depression', en: 'Likely depression' } },
      { min: 29, max: 50, code: 'poor-wellbeing', label: { fi: 'Heikko hyvinvointi', sv: 'Dåligt välbefinnande', en: 'Poor wellbeing' } },
      { min: 51, max: 100, code: 'no-indication', label: { fi: 'Ei viitteitä heikosta hyvinvoinnista', sv: 'Inga tecken på dåligt välbefinnande', en: 'No indication of poor wellbeing' } },
    ],
    higherIsBetter: true,
  },
  // Manual: "not scored" if an item is missing (no prorating).
  missing: { kind: 'none-missing' },
  source:
    'WHO Regional Office for Europe (1998). Wellbeing measures in primary health care: the DepCare project. Copenhagen. ' +
    'Topp CW, Østergaard SD, Søndergaard S, Bech P (2015). The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 84:167–176.',
  licence:
    'Free to use without permission or registration (WHO Collaborating Centre in Mental Health, Psychiatric Center North Zealand).',
  licenceStatus: 'free',
  // Used for reliable change. Neither figure has been read in its source (only abstracts could be reached
  // when this was written), so both are marked unverified and every reliable-change table says so.
  reliability: {
    kind: 'cronbach-alpha',
    value: 0.84,
    source:
      'Bech P, Olsen LR, Kjøller M, Rasmussen NK (2003). Measuring well-being rather than the absence of distress symptoms: ' +
      'a comparison of the SF-36 Mental Health subscale and the WHO-Five Well-Being Scale. Int J Methods Psychiatr Res 12(2):85–91. ' +
      'doi:10.1002/mpr.145 (Danish general population, n = 9,542).',
    verified: false,
    verification:
      'Not verified. The value 0.84 is believed to come from this study; the abstract, the only part that could be checked, does not ' +
      'state a reliability coefficient. Check the full text before relying on it.',
  },
  referenceSd: {
    value: 17,
    source:
      'Bech P, Olsen LR, Kjøller M, Rasmussen NK (2003). Int J Methods Psychiatr Res 12(2):85–91, doi:10.1002/mpr.145 (Danish general ' +
      'population norms of the percentage score); Topp CW, Østergaard SD, Søndergaard S, Bech P (2015). Psychother Psychosom 84:167–176.',
    verified: false,
    verification:
      'Not verified. 17 is an approximate SD of the percentage score believed to come from Danish general-population samples; neither ' +
      'abstract states an SD. Check the norms table of the full text (and whether a Finnish norm exists) before relying on it.',
  },
  meaningfulChange: {
    value: 10,
    source: 'WHO-5 scoring instructions (Psychiatric Center North Zealand): "In order to monitor possible changes in well-being, the percentage score is used. A 10% difference indicates a significant change."',
  },
  notes: 'Finnish/Swedish wordings reproduced from memory of the official translations; verify against the published PDFs.',
};
