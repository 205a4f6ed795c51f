// /knowledge/:slug: one article's live version, rendered from Markdown on the server and
// sanitised (markdown.ts). Its writers see the state of the newer work and the links to edit
// and to the history; an unpublished article is "not found" to everyone else.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/article';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { articlePolicy, can } from '../../../src/platform/policy/index.ts';
import { articleResource, findArticleBySlug, findVersion, listFiles, listThemes } from '../../../src/features/knowledge/knowledge.queries.ts';
import { renderArticleHtml } from '../../../src/features/knowledge/markdown.ts';
import { isPicture } from '../../../src/features/knowledge/article-files.ts';
import { stateKey, themeName } from '../../ui/knowledge';
import { PageMeta } from '../../ui/page-meta';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const { db } = state.services;
  const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(params.slug ?? '') ? params.slug! : null;
  const article = slug ? await findArticleBySlug(db, slug) : null;
  if (!article) throw data(null, { status: 404 });
  const allowed = can(articlePolicy, state.actor, articleResource(article));
  const number = allowed.read ? article.publishedVersion : allowed.readWork ? article.latestVersion : null;
  if (number === null) throw data(null, { status: 404 });
  const [version, files, themes] = await Promise.all([findVersion(db, article, number), listFiles(db, article), listThemes(db)]);
  if (!version) throw data(null, { status: 404 });
  const names = new Map(themes.map((x) => [x.code, themeName(x, state.locale)]));
  return {
    slug: article.slug,
    language: article.language,
    title: version.title,
    summary: version.summary,
    html: renderArticleHtml(version.body),
    themes: version.themes.map((c) => names.get(c) ?? c),
    published: article.publishedAt ? formatDateTime(state.locale, article.publishedAt, 'date') : null,
    updated: formatDateTime(state.locale, version.createdAt, 'date'),
    attachments: files.filter((f) => !isPicture(f.mediaType)).map((f) => ({ id: f.id, name: f.fileName, kb: Math.max(1, Math.round(f.sizeBytes / 1024)) })),
    work: allowed.readWork
      ? { state: article.state, live: article.publishedVersion !== null, showingLatest: number === article.latestVersion, reviewNote: article.reviewNote }
      : null,
  };
}

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function ArticlePage() {
  const t = useT();
  const a = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={a.title} description={(a.summary || a.title).slice(0, 160)} type="article" />
      <p>
        <a href="/knowledge">{t('knowledge.back')}</a>
      </p>
      {a.work ? (
        <div className="notice">
          <p>
            {t('knowledge.article.state', { state: t(stateKey[a.work.state]) })}
            {a.work.live && !a.work.showingLatest ? ` ${t('knowledge.article.newerWork')}` : null}
            {!a.work.live ? ` ${t('knowledge.article.notLive')}` : null}
          </p>
          {a.work.reviewNote ? <p>{t('knowledge.article.reviewNote', { note: a.work.reviewNote })}</p> : null}
          <p>
            <a href={`/knowledge/${a.slug}/edit`}>{t('knowledge.article.edit')}</a> ·{' '}
            <a href={`/knowledge/${a.slug}/history`}>{t('knowledge.article.history')}</a>
          </p>
        </div>
      ) : null}
      <article lang={a.language}>
        <h1>{a.title}</h1>
        {a.summary ? <p className="lead">{a.summary}</p> : null}
        <p className="hint">{[a.published ? t('knowledge.article.published', { date: a.published }) : null, ...a.themes].filter(Boolean).join(' · ')}</p>
        {/* Sanitised by renderArticleHtml: markdown-it without raw HTML, then an allowlist. */}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
      </article>
      {a.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('knowledge.article.attachments')}</h2>
          <ul>
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/knowledge/files/${f.id}`}>{f.name}</a> ({t('knowledge.article.size', { kb: f.kb })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
