// A mail in the recipient's language: subject and text from the catalogs, and an
// HTML part made from the text (escaped, paragraphs, links made clickable).
import { escapeHtml } from '../http/error-page.ts';
import { catalogs, translate, type Locale, type MessageKey } from '../i18n/i18n.ts';
import type { MailRequest } from './mail.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the link: "…tästä: https://x.fi/a." */
const TRAILING = /[.,;:!?)\]]+$/;

/** Escapes a line and makes its http(s) links clickable; nothing else becomes markup. */
function lineToHtml(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    out += escapeHtml(line.slice(last, match.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

function paragraphsToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => `<p style="margin:0 0 16px">${block.split('\n').map(lineToHtml).join('<br>')}</p>`)
    .join('\n');
}

export function renderMail(mail: Pick<MailRequest, 'template' | 'locale' | 'values' | 'html'>): RenderedMail {
  const locale: Locale = Object.hasOwn(catalogs, mail.locale) ? mail.locale : 'fi';
  const subjectKey = `mail.${mail.template}.subject` as MessageKey;
  const bodyKey = `mail.${mail.template}.body` as MessageKey;
  const subject = translate(locale, subjectKey, mail.values).replace(/[\r\n]+/g, ' ');
  const body = translate(locale, bodyKey, mail.values);
  const footer = translate(locale, 'mail.footer');
  const text = `${body}\n\n-- \n${footer}\n`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:18px;line-height:1.55">
<div style="max-width:36rem;margin:0 auto">
<p style="margin:0 0 24px;font-weight:700;font-size:20px;color:#1d4f73">Työpeili</p>
${mail.html ?? paragraphsToHtml(body)}
<hr style="border:0;border-top:1px solid #767676;margin:24px 0">
<p style="margin:0;color:#4a4a4a;font-size:16px">${escapeHtml(footer)}</p>
</div></body></html>`;
  return { subject, text, html };
}
