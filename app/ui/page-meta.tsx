// A public page's <title>, description and Open Graph tags (issue 14, point 1). React hoists them
// into <head>; og:url is absolute from the configured public base URL (APP_URL), og:locale follows
// the page's language and names the other two as alternates.
import { useLocation, useRouteLoaderData } from 'react-router';
import { useLocale } from '../lib/i18n';
import { supportedLocales, type Locale } from '../../src/platform/i18n/i18n.ts';

export const ogLocales: Record<Locale, string> = { fi: 'fi_FI', sv: 'sv_SE', en: 'en_GB' };

export function PageMeta({ title, description, type = 'website' }: { title: string; description: string; type?: 'website' | 'article' }) {
  const locale = useLocale();
  const { pathname } = useLocation();
  const appUrl = (useRouteLoaderData('root') as { appUrl?: string } | undefined)?.appUrl ?? '';
  const fullTitle = title === 'Työpeili' ? title : `${title} – Työpeili`;
  const url = `${appUrl}${pathname}`;
  return (
    <>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content="Työpeili" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:type" content={type} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={ogLocales[locale]} />
      {supportedLocales
        .filter((l) => l !== locale)
        .map((l) => (
          <meta key={l} property="og:locale:alternate" content={ogLocales[l]} />
        ))}
    </>
  );
}
