// The browser's catalogs: empty until entry.client.tsx loads the one language the page is in,
// each language its own chunk (vite.config.ts puts this module in place of catalogs.ts).
import type { MessageKey } from '../../i18n/fi.ts';

export type Catalog = Record<MessageKey, string>;
export const catalogs = {} as Record<'fi' | 'sv' | 'en', Catalog>;

export async function loadCatalog(locale: string): Promise<void> {
  if (locale === 'sv') catalogs.sv = (await import('../../i18n/sv.ts')).sv;
  else if (locale === 'en') catalogs.en = (await import('../../i18n/en.ts')).en;
  else catalogs.fi = (await import('../../i18n/fi.ts')).fi;
}
