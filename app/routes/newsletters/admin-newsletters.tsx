// /organization/newsletters: the coordinator's mailings with their counts (sent, failed,
// unsubscribed — of their own mail), and the way to a new one. Works without JavaScript.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/admin-newsletters';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { requireNewsletterOrganization } from '../../lib/newsletters.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { listNewsletters } from '../../../src/features/newsletters/newsletters.queries.ts';

const countKeys = ['sent', 'failed', 'unsubscribed'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireNewsletterOrganization(actor);
  const rows = await listNewsletters(state.services.db, { organizationId });
  return {
    done: notice(new URL(request.url), ['sending'] as const),
    items: rows.map(({ newsletter, counts }) => ({
      id: newsletter.id,
      subject: newsletter.subjectFi,
      audience: newsletter.audienceKind,
      status: newsletter.status,
      when: formatDateTime(state.locale, newsletter.sentAt ?? newsletter.createdAt, 'datetime'),
      counts,
    })),
  };
}

export default function AdminNewsletters() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('newsletters.admin.title')} – Työpeili`}</title>
      <h1>{t('newsletters.admin.title')}</h1>
      <p className="lead">{t('newsletters.admin.lead')}</p>
      {page.done ? (
        <p className="notice" role="status">
          {t('newsletters.done.sending')}
        </p>
      ) : null}
      <p>
        <a className="button" href="/organization/newsletters/new">
          {t('newsletters.admin.new')}
        </a>
      </p>
      {page.items.length === 0 ? (
        <p>{t('newsletters.admin.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="newsletters-caption" tabIndex={0}>
          <table>
            <caption id="newsletters-caption">{t('newsletters.admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('newsletters.admin.col.subject')}</th>
                <th scope="col">{t('newsletters.admin.col.audience')}</th>
                <th scope="col">{t('newsletters.admin.col.status')}</th>
                {countKeys.map((k) => (
                  <th scope="col" key={k}>
                    {t(`newsletters.admin.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.items.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <a href={`/organization/newsletters/${n.id}`}>{n.subject}</a>
                  </th>
                  <td>{t(`newsletters.audience.${n.audience}`)}</td>
                  <td>
                    {t(`newsletters.status.${n.status}`)} <span className="hint">{n.when}</span>
                  </td>
                  {countKeys.map((k) => (
                    <td key={k}>{n.counts[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
