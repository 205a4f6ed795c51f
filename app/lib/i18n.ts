import { useRouteLoaderData } from 'react-router';
import { createTranslator, defaultLocale, formatDateTime, formatNumber, type DateStyle, type Locale, type Translate } from '../../src/platform/i18n/i18n.ts';

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: Locale } | undefined;
  return data?.locale ?? defaultLocale;
}

export function useT(): Translate {
  return createTranslator(useLocale());
}

export function useFormat() {
  const locale = useLocale();
  return {
    date: (d: Date | string, style: DateStyle = 'date') => formatDateTime(locale, new Date(d), style),
    number: (n: number, o?: Intl.NumberFormatOptions) => formatNumber(locale, n, o),
  };
}
