// A mailing as one mail: the recipient's language version (Finnish when that one is empty), the
// Markdown rendered by the knowledge bank's sanitised renderer (one renderer in the codebase),
// the text part the Markdown itself, and the unsubscribe headers of RFC 2369 and RFC 8058.
import { escapeHtml } from '../../platform/http/error-page.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { MailRequest } from '../../platform/mail/mail.ts';
import { renderArticleHtml } from '../knowledge/markdown.ts';
import type { newsletters } from './newsletters.schema.ts';

export type Newsletter = typeof newsletters.$inferSelect;

export interface Version {
  locale: Locale;
  subject: string;
  body: string;
}

const fields = {
  fi: { subject: 'subjectFi', body: 'bodyFi' },
  sv: { subject: 'subjectSv', body: 'bodySv' },
  en: { subject: 'subjectEn', body: 'bodyEn' },
} as const;

/** The version in this language, or the Finnish one when this language's is not written. */
export function versionFor(newsletter: Newsletter, locale: Locale): Version {
  const f = fields[locale];
  const subject = newsletter[f.subject].trim();
  const body = newsletter[f.body].trim();
  if (subject !== '' && body !== '') return { locale, subject, body };
  return { locale: 'fi', subject: newsletter.subjectFi, body: newsletter.bodyFi };
}

/** The languages the mailing is written in (Finnish always). */
export function writtenLocales(newsletter: Newsletter): Locale[] {
  return (['fi', 'sv', 'en'] as const).filter((l) => versionFor(newsletter, l).locale === l);
}

export function newsletterHtml(body: string): string {
  return renderArticleHtml(body);
}

export function newsletterMail(
  newsletter: Newsletter,
  recipient: { email: string; locale: Locale; userId?: string | null },
  unsubscribe: { url: string } | null,
  options: { archiveUrl?: string } = {},
): MailRequest {
  const version = versionFor(newsletter, recipient.locale);
  const link = unsubscribe?.url ?? options.archiveUrl ?? '';
  return {
    to: recipient.email,
    locale: recipient.locale,
    userId: recipient.userId ?? undefined,
    template: 'newsletter',
    values: { subject: version.subject, body: version.body, unsubscribeUrl: link },
    html: `${newsletterHtml(version.body)}\n<p style="margin:24px 0 0;font-size:16px"><a href="${escapeHtml(link)}">${escapeHtml(translate(recipient.locale, 'newsletters.mail.unsubscribe'))}</a></p>`,
    headers: unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe.url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
  };
}
