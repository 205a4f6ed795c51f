// Every language's catalog, for the server (mail, error pages, SSR). The browser build gets
// catalogs.client.ts in its place (vite.config.ts): only the language in use is downloaded.
import { en } from '../../i18n/en.ts';
import { fi, type MessageKey } from '../../i18n/fi.ts';
import { sv } from '../../i18n/sv.ts';

export type Catalog = Record<MessageKey, string>;
export const catalogs: Record<'fi' | 'sv' | 'en', Catalog> = { fi, sv, en };

/** On the server every catalog is already there. */
export async function loadCatalog(locale: string): Promise<void> {
  void locale;
}
