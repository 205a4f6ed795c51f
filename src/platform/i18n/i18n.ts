// ICU messages from one catalog per language; Finnish is the source and the default.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { MessageKey } from '../../i18n/fi.ts';
import { catalogs } from './catalogs.ts';

export type { MessageKey };
export const supportedLocales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'fi';
export const timeZone = 'Europe/Helsinki';

export { catalogs, loadCatalog } from './catalogs.ts';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header; never throws. */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.tag && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
    if (base === 'nb' || base === 'nn' || base === 'no') continue;
  }
  return undefined;
}

export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const cache = new Map<string, IntlMessageFormat>();

/**
 * A key that is not in the catalog (a library's own validation message that reached the page,
 * e.g. zod's text for a missing field) shows the general "could not be processed" message:
 * bad input must never turn into a 500 while rendering its error.
 */
export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  if (!Object.hasOwn(catalogs[locale], key)) key = 'error.badRequest';
  const cacheKey = locale + '\u0000' + key;
  let format = cache.get(cacheKey);
  if (!format) {
    // (In the browser only the page's language is loaded; another one shows the key rather than failing.)
    format = new IntlMessageFormat(catalogs[locale]?.[key] ?? key, locale);
    cache.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function createTranslator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}

export const intlLocale: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** 'short' is the numeric date (7.5.2026) for narrow table columns. */
export type DateStyle = 'date' | 'short' | 'datetime' | 'time' | 'weekday';

function dateTimeOptions(style: DateStyle): Intl.DateTimeFormatOptions {
  const options: Intl.DateTimeFormatOptions =
    style === 'weekday'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }
      : style === 'date'
      ? { dateStyle: 'long', timeZone }
      : style === 'short'
      ? { dateStyle: 'short', timeZone }
      : style === 'time'
        ? { timeStyle: 'short', timeZone }
        : { dateStyle: 'long', timeStyle: 'short', timeZone };
  return options;
}

// Building an Intl formatter costs ~50 µs, formatting ~1 µs: pages format dozens of dates, so keep them (issue 13).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatDateTime(locale: Locale, date: Date, style: DateStyle = 'datetime'): string {
  const key = locale + ' ' + style;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], dateTimeOptions(style));
    dateFormats.set(key, format);
  }
  return format.format(date);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  const key = locale + ' ' + (options ? JSON.stringify(options) : '');
  let format = numberFormats.get(key);
  if (!format) {
    if (numberFormats.size > 200) numberFormats.clear(); // options come from code, but never grow without bound
    format = new Intl.NumberFormat(intlLocale[locale], options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}
