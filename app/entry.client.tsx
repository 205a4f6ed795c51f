// The browser entry: load the page's one language catalog, then hydrate (the other languages are
// never downloaded; see src/platform/i18n/catalogs.client.ts).
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { loadCatalog } from '../src/platform/i18n/i18n.ts';

void loadCatalog(document.documentElement.lang).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
