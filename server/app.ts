// The Hono app: hardening, request state, /healthz, /readyz, /api/v1, static
// assets, then React Router for every page.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { MATERIAL_MAX_BYTES } from '../src/features/materials/upload-material.ts';
import { SESSION_COOKIE, mustSetUpTotp, resolveSession } from '../src/features/accounts/sessions.ts';
import { createApi } from '../src/platform/api/api.ts';
import { apiModules } from './api.ts';
import { migrationsApplied } from '../src/platform/db/migrate.ts';
import { DomainError } from '../src/platform/errors.ts';
import { isSameOriginRequest } from '../src/platform/http/csrf.ts';
import { badQuery, checkFormBody } from '../src/platform/http/form-body.ts';
import { renderErrorPage } from '../src/platform/http/error-page.ts';
import type { RequestState } from '../src/platform/http/request-state.ts';
import { compression } from '../src/platform/http/compression.ts';
import { securityHeaders } from '../src/platform/http/security-headers.ts';
import { defaultLocale, isLocale, negotiateLocale, translate, type Locale } from '../src/platform/i18n/i18n.ts';
import type { Services } from '../src/platform/services.ts';

type Env = { Variables: { nonce: string; requestId: string; state: RequestState } };

export const LOCALE_COOKIE = 'tyopeili_lang';
const FORM_BODY_LIMIT = 1024 * 1024;
/** The material upload form only: a 10 MB file plus the multipart framing and fields. */
const UPLOAD_BODY_LIMIT = MATERIAL_MAX_BYTES + 256 * 1024;
/** POST /meetings/:id/materials, /groups/:id/photo and /knowledge/:slug/files (and the `.data` request React Router makes for the same action). */
const uploadPath = /^\/(meetings\/[0-9a-f-]{36}\/materials|groups\/[0-9a-f-]{36}\/photo|knowledge\/[a-z0-9-]{1,100}\/files|profile\/expert\/photo|organization\/training\/[0-9a-f-]{36})(\.data)?$/;

/**
 * The one path the CSRF rule lets through without Origin or Sec-Fetch-Site: a newsletter's
 * one-click unsubscribe (RFC 8058), POSTed by the recipient's mail provider. Its signed token
 * authorises it (the action verifies it); it can only unsubscribe the address it was mailed to (ADR 028).
 */
export const oneClickUnsubscribePath = /^\/newsletters\/unsubscribe\/[0-9a-f]{32}[A-Za-z0-9_-]{43}$/;

export interface AppOptions {
  services: Services;
  /** The built pages, or (in development) a function that loads them fresh. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Set while the server drains on shutdown: new requests get 503. */
  isDraining?: () => boolean;
  buildClientDir: string;
}

function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Invitation and reset links carry tokens in the path: never write them to logs. */
export function logSafePath(path: string): string {
  return path
    .slice(0, 200)
    .split('/')
    // A token may end in a file extension (calendar feeds: /calendar/feed/<token>.ics).
    .map((segment) => (/^[A-Za-z0-9_-]{20,}(\.[a-z]{1,5})?$/.test(segment) && !/^[0-9a-f]{8}-/.test(segment) ? ':secret' : segment))
    .join('/');
}

function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/');
}

function localeFor(c: Context, actorLocale: Locale | null): Locale {
  if (actorLocale) return actorLocale;
  const cookie = getCookie(c, LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(c.req.header('accept-language')) ?? defaultLocale;
}

function problem(c: Context, status: number, title: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export function createApp({ services, build, isDraining, buildClientDir }: AppOptions): Hono<Env> {
  const { config, log } = services;
  const app = new Hono<Env>();
  const appOrigin = new URL(config.appUrl).origin;
  // Always 'production': React Router's other modes put error messages and stack traces in the
  // body. Our handleError (app/entry.server.tsx) logs them with the request id instead.
  const handleRequest = createRequestHandler(build, 'production');
  type StateKey = Parameters<RouterContextProvider['set']>[0];
  const stateKeyOf = (b: ServerBuild) => (b.entry.module as unknown as { requestStateContext: StateKey }).requestStateContext;
  const loadBuild = typeof build === 'function' ? build : async () => build;

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    // Pages and files are personal (and carry a per-response CSP nonce): nothing is cached
    // unless a route says otherwise (the built assets say `immutable`).
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    // Paths only (query strings may carry personal data), with secret-looking segments masked.
    log.info({ reqId: requestId, method: c.req.method, path: logSafePath(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.use('*', securityHeaders(config.isProduction));
  app.use('*', compression());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await services.pool.query('SELECT 1');
      const migrated = await migrationsApplied(services.pool);
      if (!migrated || isDraining?.()) return c.json({ status: 'not ready', database: 'ok', migrations: migrated ? 'ok' : 'pending' }, 503);
      return c.json({ status: 'ok', database: 'ok', migrations: 'ok' });
    } catch {
      return c.json({ status: 'not ready', database: 'unreachable' }, 503);
    }
  });

  app.use('*', async (c, next) => {
    if (isDraining?.()) {
      c.header('Connection', 'close');
      return c.text('Service restarting', 503, { 'Retry-After': '5' });
    }
    await next();
  });

  // A path that is not valid percent-encoding (or names a NUL) names nothing we serve.
  app.use('*', async (c, next) => {
    try {
      if (decodeURIComponent(new URL(c.req.url).pathname).includes('\u0000')) throw new URIError('NUL');
    } catch {
      return c.html(renderErrorPage(defaultLocale, 400, c.get('nonce')), 400);
    }
    await next();
  });

  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // Precompressed at build (scripts/precompress.ts): .br / .gz beside each file.
  app.use('/assets/*', serveStatic({ root: buildClientDir, precompressed: true }));
  app.use('/favicon.svg', serveStatic({ root: buildClientDir, precompressed: true }));
  app.use('/styles/*', serveStatic({ root: buildClientDir, precompressed: true }));

  const tooLarge = (c: Context) => {
    // The unread rest of the body makes the connection unusable: close it.
    const res = wantsJson(c) ? problem(c, 413, 'Payload Too Large') : c.html(renderErrorPage(defaultLocale, 413, c.get('nonce')), 413);
    res.headers.set('Connection', 'close');
    return res;
  };
  const formBodyLimit = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: tooLarge });
  const uploadBodyLimit = bodyLimit({ maxSize: UPLOAD_BODY_LIMIT, onError: tooLarge });
  // Only the upload form takes files; every other request keeps the 1 MB limit.
  app.use('*', (c, next) => (c.req.method === 'POST' && uploadPath.test(c.req.path) ? uploadBodyLimit(c, next) : formBodyLimit(c, next)));

  // Session → actor, language, and the CSRF rule, for the API and pages alike.
  app.use('*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let actor = null;
    let sessionId: string | null = null;
    if (token) {
      // Session, user and memberships in one round trip.
      const resolved = await resolveSession(services.db, token);
      if (resolved.session && resolved.session.secondFactorDone) {
        actor = resolved.actor;
        sessionId = actor ? resolved.session.id : null;
      } else if (!resolved.session) {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      } else {
        sessionId = resolved.session.id; // signed in, second factor still to give
      }
    }
    const locale = localeFor(c, actor?.locale ?? null);
    c.set('state', { services, requestId: c.get('requestId'), nonce: c.get('nonce'), locale, actor, sessionId, clientIp: clientIp(c, config.trustProxy) });
    const requestOrigin = new URL(c.req.url).origin;
    const oneClick = c.req.method === 'POST' && oneClickUnsubscribePath.test(c.req.path);
    if (!oneClick && !isSameOriginRequest(c.req.method, c.req.raw.headers, [appOrigin, requestOrigin])) {
      return wantsJson(c)
        ? problem(c, 403, translate(locale, 'error.csrf'))
        : c.html(renderErrorPage(locale, 403, c.get('nonce'), 'error.csrf'), 403);
    }
    // Production: administrators and coordinators set up TOTP before anything else.
    if (actor && mustSetUpTotp(actor, config.isProduction) && !/^\/(profile|sign-out|language)(\/|$)/.test(c.req.path) && !c.req.path.startsWith('/api/')) {
      return c.redirect('/profile#totp-title', 303);
    }
    await next();
  });

  app.route('/api/v1', createApi(services, apiModules));
  app.all('/api/*', (c) => problem(c, 404, translate(c.get('state').locale, 'error.notFound')));

  // Pages take forms only: the one body check before any action (src/platform/http/form-body.ts).
  app.all('*', async (c, next) => {
    const state = c.get('state');
    const url = new URL(c.req.url);
    const verdict = badQuery(url) ? ({ ok: false, status: 400 } as const) : await checkFormBody(c.req.raw, uploadPath.test(c.req.path));
    if (verdict.ok) return next();
    const key = verdict.status === 415 ? 'trust.error.notAForm' : 'trust.error.badForm';
    return c.html(renderErrorPage(state.locale, verdict.status, c.get('nonce'), key), verdict.status);
  });

  app.all('*', async (c) => {
    const context = new RouterContextProvider();
    context.set(stateKeyOf(await loadBuild()), c.get('state'));
    return handleRequest(c.req.raw, context);
  });

  app.notFound((c) => (wantsJson(c) ? problem(c, 404, 'Not Found') : c.html(renderErrorPage(c.get('state')?.locale ?? defaultLocale, 404, c.get('nonce')), 404)));
  app.onError((error, c) => {
    const locale = c.get('state')?.locale ?? defaultLocale;
    if (error instanceof DomainError) {
      const headers: Record<string, string> = {};
      if ('retryAfterSeconds' in error) headers['Retry-After'] = String(error.retryAfterSeconds);
      if (wantsJson(c)) {
        const res = problem(c, error.status, translate(locale, error.messageKey), { code: error.code });
        for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
        return res;
      }
      return c.html(renderErrorPage(locale, error.status, c.get('nonce'), error.messageKey), error.status as 400, headers);
    }
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return wantsJson(c) ? problem(c, status, 'Bad Request') : c.html(renderErrorPage(locale, status, c.get('nonce')), status as 400);
    }
    log.error({ reqId: c.get('requestId'), err: { message: error.message, stack: error.stack } }, 'unhandled error');
    return wantsJson(c) ? problem(c, 500, translate(locale, 'error.server'), { requestId: c.get('requestId') }) : c.html(renderErrorPage(locale, 500, c.get('nonce'), undefined, c.get('requestId')), 500);
  });
  return app;
}
