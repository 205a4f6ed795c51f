// /knowledge/:slug/history: every saved version of an article, who saved it and when, which is
// live; ?version=N shows that version as it would be published. For the author and coordinators.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/article-history';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { articlePolicy } from '../../../src/platform/policy/index.ts';
import { articleResource, findArticleBySlug, findVersion, listVersions } from '../../../src/features/knowledge/knowledge.queries.ts';
import { renderArticleHtml } from '../../../src/features/knowledge/markdown.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const article = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(params.slug ?? '') ? await findArticleBySlug(db, params.slug!) : null;
  if (!article || !articlePolicy.readWork(actor, articleResource(article))) throw data(null, { status: 404 });
  const asked = Number(new URL(request.url).searchParams.get('version') ?? article.latestVersion);
  const number = Number.isInteger(asked) && asked >= 1 && asked <= article.latestVersion ? asked : article.latestVersion;
  const [versions, shown] = await Promise.all([listVersions(db, article), findVersion(db, article, number)]);
  if (!shown) throw data(null, { status: 404 });
  return {
    slug: article.slug,
    language: article.language,
    publishedVersion: article.publishedVersion,
    versions: versions.map((v) => ({ number: v.number, title: v.title, editor: v.editorName, saved: formatDateTime(state.locale, v.createdAt, 'datetime') })),
    shown: { number: shown.number, title: shown.title, summary: shown.summary, html: renderArticleHtml(shown.body) },
  };
}

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function ArticleHistory() {
  const t = useT();
  const h = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('knowledge.history.title')} – Työpeili`}</title>
      <p>
        <a href={`/knowledge/${h.slug}/edit`}>{t('knowledge.history.back')}</a>
      </p>
      <h1>{t('knowledge.history.title')}</h1>
      <div className="table-wrap" role="region" aria-labelledby="history-caption" tabIndex={0}>
        <table>
          <caption id="history-caption">{t('knowledge.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.history.version')}</th>
              <th scope="col">{t('knowledge.form.title')}</th>
              <th scope="col">{t('knowledge.history.savedBy')}</th>
              <th scope="col">{t('knowledge.history.saved')}</th>
            </tr>
          </thead>
          <tbody>
            {h.versions.map((v) => (
              <tr key={v.number}>
                <td>
                  <a href={`/knowledge/${h.slug}/history?version=${v.number}`} aria-current={v.number === h.shown.number ? 'page' : undefined}>
                    {v.number}
                  </a>
                  {v.number === h.publishedVersion ? ` (${t('knowledge.history.live')})` : null}
                </td>
                <td>{v.title}</td>
                <td>{v.editor ?? t('knowledge.history.erased')}</td>
                <td>{v.saved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="shown-title" lang={h.language}>
        <h2 id="shown-title">{t('knowledge.history.shown', { version: h.shown.number, title: h.shown.title })}</h2>
        {h.shown.summary ? <p className="lead">{h.shown.summary}</p> : null}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: h.shown.html }} />
      </section>
    </div>
  );
}
