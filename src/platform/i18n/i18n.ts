// ICU messages from one catalog per language; Finnish is the source and the default.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { en } from '../../i18n/en.ts';
import { fi, type MessageKey } from '../../i18n/fi.ts';
import { sv } from '../../i18n/sv.ts';

export type { MessageKey };
export const supportedLocales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'fi';
export const timeZone = 'Europe/Helsinki';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { fi, sv, en };

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
    format = new IntlMessageFormat(catalogs[locale][key], locale);
    cache.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function createTranslator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}

const intlLocale: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** 'short' is the numeric date (7.5.2026) for narrow table columns. */
export type DateStyle = 'date' | 'short' | 'datetime' | 'time' | 'weekday';

export function formatDateTime(locale: Locale, date: Date, style: DateStyle = 'datetime'): string {
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
  return new Intl.DateTimeFormat(intlLocale[locale], options).format(date);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}
