// /newsletters/:newsletterId: one archived mailing in the visitor's language (Finnish when that version is not written).
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/archived';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { uuidParam } from '../../lib/params.server';
import { PageMeta } from '../../ui/page-meta';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { findArchived } from '../../../src/features/newsletters/newsletters.queries.ts';
import { newsletterHtml, versionFor } from '../../../src/features/newsletters/newsletter-mail.ts';
import { articlePlainText } from '../../../src/features/knowledge/markdown.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const found = await findArchived(state.services.db, { newsletterId: uuidParam(params.newsletterId) });
  if (!found) throw data(null, { status: 404 });
  const version = versionFor(found.newsletter, state.locale);
  return {
    subject: version.subject,
    lang: version.locale,
    html: newsletterHtml(version.body),
    description: articlePlainText(version.body).slice(0, 160),
    organizationName: found.organizationName,
    date: found.newsletter.sentAt ? formatDateTime(state.locale, found.newsletter.sentAt, 'date') : '',
  };
}

export function meta() {
  return [];
}

export default function ArchivedNewsletter() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={page.subject} description={page.description} type="article" />
      <p>
        <a href="/newsletters">{t('newsletters.archive.back')}</a>
      </p>
      <article lang={page.lang}>
        <h1>{page.subject}</h1>
        <p className="hint">{t('newsletters.archive.sentBy', { organization: page.organizationName, date: page.date })}</p>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: page.html }} />
      </article>
      <p>
        <a href="/newsletters/subscribe">{t('newsletters.archive.subscribe')}</a>
      </p>
    </div>
  );
}
