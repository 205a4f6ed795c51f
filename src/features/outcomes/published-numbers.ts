// How published numbers are written (page, CSV): a module of its own so that a page can format a
// p-value without pulling the report builder, the statistics or the XLSX writer into the browser.
import type { Locale } from '../../platform/i18n/i18n.ts';

/** p-values below this are published as "< 0,001" (docs/decisions/015-disclosure-control.md). */
export const P_FLOOR = 0.001;

const decimalComma = (locale: Locale) => locale !== 'en';

/** A number for the CSV: fixed digits, no grouping, the language's decimal separator. */
export function csvNumber(locale: Locale, value: number, digits: number): string {
  const s = value.toFixed(digits);
  return decimalComma(locale) ? s.replace('.', ',') : s;
}

export function pText(locale: Locale, p: number): string {
  return p < P_FLOOR ? `< ${csvNumber(locale, P_FLOOR, 3)}` : csvNumber(locale, p, 3);
}
