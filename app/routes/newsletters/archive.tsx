// /newsletters: the public archive — only mailings sent to public subscribers — and the way to subscribe.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/archive';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { listArchive } from '../../../src/features/newsletters/newsletters.queries.ts';
import { versionFor } from '../../../src/features/newsletters/newsletter-mail.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const rows = await listArchive(state.services.db);
  return {
    items: rows.map(({ newsletter, organizationName }) => {
      const version = versionFor(newsletter, state.locale);
      return { id: newsletter.id, subject: version.subject, lang: version.locale, organizationName, date: newsletter.sentAt ? formatDateTime(state.locale, newsletter.sentAt, 'date') : '' };
    }),
  };
}

export default function NewsletterArchive() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('newsletters.archive.title')} – Työpeili`}</title>
      <h1>{t('newsletters.archive.title')}</h1>
      <p className="lead">{t('newsletters.archive.lead')}</p>
      <p>
        <a className="button" href="/newsletters/subscribe">
          {t('newsletters.archive.subscribe')}
        </a>
      </p>
      {page.items.length === 0 ? (
        <p>{t('newsletters.archive.none')}</p>
      ) : (
        <ul className="stack">
          {page.items.map((item) => (
            <li key={item.id}>
              <a href={`/newsletters/${item.id}`} lang={item.lang}>
                {item.subject}
              </a>{' '}
              <span className="hint">{t('newsletters.archive.sentBy', { organization: item.organizationName, date: item.date })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
