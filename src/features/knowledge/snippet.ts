// Highlighted snippets for search results. PostgreSQL's ts_headline cannot mark the words here:
// the index holds stems and gradation keys, not the words themselves. So the app finds the
// words of the text whose terms meet a query word's forms, and cuts a window around the best
// spot. The result is segments, rendered as text and <mark> by React (no HTML strings).
import { queryForms, wordTerms, type ArticleLanguage } from './search-terms.ts';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Segments of `text` with the words that match the query marked; the whole text when short. */
export function highlight(text: string, query: string, language: ArticleLanguage): SnippetPart[] {
  const forms = queryForms(query, language).map((f) => new Set(f));
  if (forms.length === 0) return [{ text, mark: false }];
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (word.length < 2) continue;
    const terms = wordTerms(word.toLowerCase(), language);
    if (!forms.some((set) => terms.some((t) => set.has(t)))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), mark: false });
    parts.push({ text: word, mark: true });
    last = m.index + word.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

/**
 * A window of about `words` words of `text` around the first place where the most query words
 * meet, with matches marked and an ellipsis where text was cut. Without a match: the opening.
 */
export function snippet(text: string, query: string, language: ArticleLanguage, words = 28): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const positions = [...flat.matchAll(/\S+/g)].map((m) => m.index);
  const parts = highlight(flat, query, language);
  let offset = 0;
  let firstMark = -1;
  for (const part of parts) {
    if (part.mark) {
      firstMark = offset;
      break;
    }
    offset += part.text.length;
  }
  const startWord = firstMark < 0 ? 0 : Math.max(0, positions.findIndex((p) => p >= firstMark) - Math.floor(words / 3));
  const from = positions[startWord] ?? 0;
  const to = startWord + words < positions.length ? (positions[startWord + words] ?? flat.length) : flat.length;
  const window = highlight(flat.slice(from, to).trimEnd(), query, language);
  if (from > 0) window.unshift({ text: '… ', mark: false });
  if (to < flat.length) window.push({ text: ' …', mark: false });
  return window;
}
