import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { getState } from './lib/state.server';
import { useT } from './lib/i18n';
import { retryAfterOf, useRateLimitMessage } from './ui/rate-limit';
import { defaultLocale, type Locale } from '../src/platform/i18n/i18n.ts';
import { navigationFor } from './lib/navigation';
import { enhanceScript } from './lib/enhance';

export function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const actor = state.actor;
  return {
    locale: state.locale,
    nonce: state.nonce,
    /** The configured public base URL: public pages' Open Graph og:url (app/ui/page-meta.tsx). */
    appUrl: state.services.config.appUrl,
    actor: actor
      ? {
          name: actor.name,
          role: actor.role,
          isAdmin: actor.isAdmin,
          isDemo: actor.isDemo,
          organizationId: actor.organizationId,
          memberships: actor.memberships,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function links() {
  return [
    { rel: 'stylesheet', href: '/styles/app.css' },
    { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  ];
}

function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = useT();
  const location = useLocation();
  const options: { code: Locale; label: string }[] = [
    { code: 'fi', label: 'Suomi' },
    { code: 'sv', label: 'Svenska' },
    { code: 'en', label: 'English' },
  ];
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t('nav.language')} reloadDocument>
      <input type="hidden" name="next" value={location.pathname + location.search} />
      {options.map((o) => (
        <button
          key={o.code}
          type="submit"
          name="locale"
          value={o.code}
          lang={o.code}
          aria-current={o.code === locale ? 'true' : undefined}
          className="link-button"
        >
          {o.label}
        </button>
      ))}
    </Form>
  );
}

/**
 * Public pages and every entrepreneur's page are server-rendered HTML without the React runtime
 * (≈ 95 KB gzipped on its own, too much for an old phone on mobile data; they work without JS by
 * design). Staff pages hydrate: they use client navigation and the live meeting mode.
 * docs/decisions/014-speed-light-pages.md
 */
export function hydratesFor(actor: { role: string | null } | null): boolean {
  return actor !== null && actor.role !== 'entrepreneur';
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData('root') as RootData | undefined;
  const locale = data?.locale ?? defaultLocale;
  const nonce = data?.nonce;
  const t = useT();
  const actor = data?.actor ?? null;
  const nav = navigationFor(actor);
  // A route whose handle says `bare` (the projector view) shows only itself: no site navigation,
  // language switcher, demo banner or footer.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true);
  if (bare) {
    return (
      <html lang={locale}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links nonce={nonce} />
        </head>
        <body className="bare">
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  }
  const hydrate = hydratesFor(actor);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a href={actor ? '/home' : '/'} className="brand">
              Työpeili
            </a>
            <nav aria-label={t('nav.main')}>
              <ul className="nav-list">
                {nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href}>{t(item.label)}</a>
                  </li>
                ))}
                {actor ? (
                  <li>
                    <Form method="post" action="/sign-out" reloadDocument>
                      <button type="submit" className="link-button">
                        {t('nav.signOut')}
                      </button>
                    </Form>
                  </li>
                ) : (
                  <li>
                    <a href="/sign-in">{t('nav.signIn')}</a>
                  </li>
                )}
              </ul>
            </nav>
            <LanguageSwitcher locale={locale} />
          </div>
          {actor?.isDemo ? <p className="demo-banner">{t('demo.banner')}</p> : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.tagline')}</p>
          <p>
            <a href="/knowledge">{t('footer.knowledge')}</a> · <a href="/privacy">{t('footer.privacy')}</a> · <a href="/accessibility">{t('footer.accessibility')}</a>
          </p>
        </footer>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          // Without React the page is plain HTML with a few lines of DOM enhancement.
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: enhanceScript }} />
        )}
      </body>
    </html>
  );
}

export function meta() {
  return [{ title: 'Työpeili' }];
}

export default function App() {
  return <Outlet />;
}

/** An error page carries the Retry-After a rate-limited route threw (the boundary is here, so its headers are). */
export function headers({ errorHeaders, parentHeaders }: Route.HeadersArgs): Headers {
  const out = new Headers(parentHeaders);
  const retryAfter = errorHeaders?.get('Retry-After');
  if (retryAfter) out.set('Retry-After', retryAfter);
  return out;
}

/** Who reads an error page: the hint fits the person (issue 11), not always "ask the facilitator". */
function audienceOf(actor: RootData['actor'] | null | undefined): 'visitor' | 'member' | 'staff' {
  if (!actor) return 'visitor';
  return actor.isAdmin || !['entrepreneur', 'trainee', 'funder'].includes(actor.role ?? '') ? 'staff' : 'member';
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = useRouteLoaderData('root') as RootData | undefined;
  const audience = audienceOf(data?.actor);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const rateLimitMessage = useRateLimitMessage();
  const title =
    status === 404
      ? t('error.notFound')
      : status === 403
        ? t('error.forbidden')
        : status === 429
          ? rateLimitMessage(isRouteErrorResponse(error) ? retryAfterOf(error.data) : undefined)
          : status < 500
            ? t('error.badRequest')
            : t('error.server');
  const hint =
    status === 404
      ? t(`everyday.error.notFound.${audience}`)
      : status === 403
        ? t(`everyday.error.forbidden.${audience}`)
        : t(`everyday.error.other.${audience}`);
  return (
    <div className="page error-page">
      <title>{`${title} – Työpeili`}</title>
      <h1>{title}</h1>
      <p>{hint}</p>
      <p>{audience === 'visitor' ? <a href="/">{t('error.backHome')}</a> : <a href="/home">{t('everyday.error.backToOwnHome')}</a>}</p>
    </div>
  );
}
