import { translate, type Locale, type MessageKey } from '../i18n/i18n.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const titleFor = (status: number): MessageKey =>
  status === 404 ? 'error.notFound' : status === 403 ? 'error.forbidden' : status === 413 ? 'error.tooLarge' : status === 429 ? 'error.rateLimited' : status >= 500 ? 'error.server' : 'error.badRequest';

/** A translated error page outside React (for errors before the router runs). */
export function renderErrorPage(locale: Locale, status: number, _nonce: string | undefined, messageKey?: MessageKey, requestId?: string): string {
  const t = (k: MessageKey, v?: Record<string, string>) => escapeHtml(translate(locale, k, v));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(titleFor(status))} – Työpeili</title><link rel="stylesheet" href="/styles/app.css"></head>
<body><main id="main" class="error-page"><h1>${t(titleFor(status))}</h1>
<p>${t(messageKey ?? 'error.tryAgain')}</p>${requestId ? `<p class="muted">${t('error.requestId', { id: requestId })}</p>` : ''}
<p><a href="/">${t('error.backHome')}</a></p></main></body></html>`;
}
