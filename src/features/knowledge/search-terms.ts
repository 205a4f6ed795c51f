/**
 * Finnish-aware search terms for the knowledge bank (ADR 026).
 *
 * PostgreSQL's `finnish` configuration neither splits compounds nor joins
 * consonant-gradation pairs (tuki/tuen/tukea), and managed PostgreSQL has no
 * ispell files, so the app normalises text itself into plain lexemes that go
 * into a `simple` tsvector. Each word yields:
 *   - its Snowball stem (sv and en articles use their own stemmers),
 *   - for Finnish, a gradation key: the stem with its ending vowels cut and
 *     the weak grade turned strong (tuen → tu, tuki → tu, kadun → kat, katu → kat),
 *   - for Finnish compounds, the stems and keys of the parts found in the
 *     lexicon below (yritystuen → yritys + tu).
 * The same function runs on the query, so a query word matches any form.
 */
import * as snowball from 'snowball-stemmers';

export type ArticleLanguage = 'fi' | 'sv' | 'en';

const stemmers = {
  fi: snowball.newStemmer('finnish'),
  sv: snowball.newStemmer('swedish'),
  en: snowball.newStemmer('english'),
} as const;

/** Words that end Finnish compounds in the programme's themes (base forms). */
export const COMPOUND_PARTS: readonly string[] = [
  'tuki',
  'markkinointi',
  'hallinta',
  'suoja',
  'johtaminen',
  'palautuminen',
  'talous',
  'yritys',
  'yrittäjä',
  'asiakas',
  'verkosto',
  'hinnoittelu',
  'myynti',
  'jaksaminen',
  'aika',
  'tieto',
  'kirjanpito',
  'vero',
  'laskutus',
  'rahoitus',
  'hyvinvointi',
  'media',
  'some',
  'kriisi',
  'suunnitelma',
  'strategia',
  'palvelu',
  'ryhmä',
  'vertais',
  'kehitys',
  'osaaminen',
  'työ',
  'raha',
  'kassa',
  'sopimus',
];

const WORD = /[\p{L}\p{N}]+/gu;
const VOWEL = /[aeiouyäöå]$/u;

export function tokenize(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1);
}

/**
 * Case endings cut before the key is made (longest first; at least 3 letters stay). Snowball
 * leaves some short weak-grade forms whole (tuella → tuel), so the key does not rely on it.
 * Partitive -ta/-tä and essive -na/-nä are left out: they would cut the strong grade's
 * cluster off (hallinta → hallin), and the final vowel goes anyway.
 */
const CASE_ENDINGS = [
  'ssa',
  'ssä',
  'sta',
  'stä',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'ksi',
  'tta',
  'ttä',
  'kin',
  'en',
  'in',
  'an',
  'än',
  'on',
  'un',
  'yn',
  'ön',
  'n',
  't',
];

/**
 * The Finnish gradation key of a word (or a stem): one case ending and the ending vowels cut,
 * the weak grade turned strong (tuen, tuella, tukea → tu; kadun, katu → kat; markkinoinnista,
 * markkinointi → markinoint; palautuminen, palautumisesta → palautumis).
 */
export function gradationKey(word: string): string {
  let s = word;
  // -nen words take -se- and -s- in the other forms (palautuminen, palautumisesta → palautumis).
  if (s.length >= 6 && s.endsWith('nen')) s = `${s.slice(0, -3)}s`;
  else
    for (const ending of CASE_ENDINGS) {
      if (s.endsWith(ending) && s.length - ending.length >= 3) {
        s = s.slice(0, -ending.length);
        break;
      }
    }
  for (let i = 0; i < 2 && s.length > 2 && VOWEL.test(s); i += 1) s = s.slice(0, -1);
  s = s
    .replace(/ng/gu, 'nk')
    .replace(/mm/gu, 'mp')
    .replace(/nn/gu, 'nt')
    .replace(/rr/gu, 'rt')
    .replace(/kk/gu, 'k')
    .replace(/pp/gu, 'p')
    .replace(/tt/gu, 't')
    .replace(/(?<=[aeiouyäöhlnr])d$/u, 't')
    .replace(/(?<=[aeiouyäö])v$/u, 'p')
    .replace(/(?<=[aeiouyäö])k$/u, '');
  return s.length >= 2 ? s : word;
}

function finnishForms(word: string): string[] {
  return [stemmers.fi.stem(word), `g${gradationKey(word)}`];
}

const partKeys = new Map<string, string>(COMPOUND_PARTS.map((part) => [gradationKey(part), part]));

/** The compound parts of a Finnish word: the longest known tail, recursively. */
export function splitCompound(word: string): string[] {
  for (let i = 2; i <= word.length - 2; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const tailKey = gradationKey(tail);
    if (partKeys.has(tailKey) && tail.length >= 3) {
      const headParts = head.length >= 3 ? [head, ...splitCompound(head)] : [];
      return [...new Set([...headParts, tail])];
    }
  }
  return [];
}

/** Lexemes for one word (deduplicated, tsvector-safe: letters and digits only). */
export function wordTerms(word: string, language: ArticleLanguage): string[] {
  if (language !== 'fi') return [stemmers[language].stem(word)];
  const forms = finnishForms(word);
  for (const part of splitCompound(word)) forms.push(...finnishForms(part));
  return [...new Set(forms)];
}

/** The text to store in the `simple` tsvector column. */
export function indexTerms(text: string, language: ArticleLanguage): string {
  return tokenize(text)
    .flatMap((w) => wordTerms(w, language))
    .join(' ');
}

/** Each query word's forms: a word of a text matches the word when one of its terms is among them. */
export function queryForms(query: string, language: ArticleLanguage): string[][] {
  return tokenize(query).map((w) => (language === 'fi' ? finnishForms(w) : wordTerms(w, language)));
}

/**
 * A to_tsquery('simple', …) string: every query word must match (AND),
 * each by any of its forms (OR). Only letters and digits reach it.
 */
export function queryTerms(query: string, language: ArticleLanguage): string | null {
  const groups = queryForms(query, language).map((forms) => `(${forms.join(' | ')})`);
  return groups.length > 0 ? groups.join(' & ') : null;
}
