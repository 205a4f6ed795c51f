// /knowledge/manage: the organisation's articles in every state for its writers; a coordinator
// sees those waiting for review first. Facilitators and experts see all, and edit their own.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/manage';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { articlePolicy } from '../../../src/platform/policy/index.ts';
import { listOrganizationArticles } from '../../../src/features/knowledge/knowledge.queries.ts';
import { stateKey, visibilityKey } from '../../ui/knowledge';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId || !articlePolicy.create(actor, { organizationId })) throw data(null, { status: 403 });
  const rows = await listOrganizationArticles(state.services.db, { organizationId });
  const articles = rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    state: r.state,
    visibility: r.visibility,
    author: r.authorName,
    live: r.publishedVersion !== null,
    updated: formatDateTime(state.locale, r.updatedAt, 'date'),
    editable: articlePolicy.edit(actor, { organizationId, authorUserId: r.authorUserId, visibility: r.visibility, published: r.publishedVersion !== null }),
  }));
  return {
    reviewer: articlePolicy.publish(actor, { organizationId }),
    review: articles.filter((a) => a.state === 'review'),
    others: articles.filter((a) => a.state !== 'review'),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['others'][number];

function ArticleTable({ id, rows, caption }: { id: string; rows: Row[]; caption: string }) {
  const t = useT();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.form.title')}</th>
            <th scope="col">{t('knowledge.manage.state')}</th>
            <th scope="col">{t('knowledge.form.visibility')}</th>
            <th scope="col">{t('knowledge.manage.author')}</th>
            <th scope="col">{t('knowledge.manage.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <td>{r.editable ? <a href={`/knowledge/${r.slug}/edit`}>{r.title}</a> : r.live ? <a href={`/knowledge/${r.slug}`}>{r.title}</a> : r.title}</td>
              <td>
                {t(stateKey[r.state])}
                {r.live && r.state !== 'published' ? ` (${t('knowledge.manage.liveOlder')})` : null}
              </td>
              <td>{t(visibilityKey[r.visibility])}</td>
              <td>{r.author ?? t('knowledge.history.erased')}</td>
              <td>{r.updated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function ManageKnowledge() {
  const t = useT();
  const { reviewer, review, others } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('knowledge.manage.title')} – Työpeili`}</title>
      <p>
        <a href="/knowledge">{t('knowledge.back')}</a>
      </p>
      <h1>{t('knowledge.manage.title')}</h1>
      <p>
        <a href="/knowledge/new">{t('knowledge.write')}</a>
      </p>
      <h2>{t('knowledge.manage.reviewTitle')}</h2>
      {review.length === 0 ? (
        <p>{t('knowledge.manage.reviewNone')}</p>
      ) : (
        <ArticleTable id="review-caption" rows={review} caption={reviewer ? t('knowledge.manage.reviewCaption') : t('knowledge.manage.reviewCaptionWriter')} />
      )}
      <h2>{t('knowledge.manage.allTitle')}</h2>
      {others.length === 0 ? <p>{t('knowledge.manage.none')}</p> : <ArticleTable id="all-caption" rows={others} caption={t('knowledge.manage.allCaption')} />}
    </div>
  );
}
