// /knowledge: the knowledge bank's good practices, searchable in Finnish (inflected words and
// compound parts find each other), Swedish and English. Anyone sees the public articles;
// signed-in people and the organisation's own people see more. A GET form: works without JS.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/knowledge';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { articlePolicy } from '../../../src/platform/policy/index.ts';
import { listThemes, searchArticles } from '../../../src/features/knowledge/knowledge.queries.ts';
import { searchSchema } from '../../../src/features/knowledge/knowledge.validation.ts';
import { snippet, type SnippetPart } from '../../../src/features/knowledge/snippet.ts';
import { articlePlainText } from '../../../src/features/knowledge/markdown.ts';
import { themeName } from '../../ui/knowledge';
import { PageMeta } from '../../ui/page-meta';

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getState(context);
  const url = new URL(request.url);
  const { q, theme } = searchSchema.parse({ q: url.searchParams.get('q') ?? '', theme: url.searchParams.get('theme') || null });
  const actor = state.actor;
  const viewer = { signedIn: actor !== null, organizationIds: actor?.memberships.map((m) => m.organizationId) ?? [] };
  const [themes, hits] = await Promise.all([listThemes(state.services.db), searchArticles(state.services.db, { viewer, query: q, theme })]);
  const writes = actor?.organizationId ? articlePolicy.create(actor, { organizationId: actor.organizationId }) : false;
  return {
    q,
    theme,
    writes,
    themes: themes.map((t) => ({ code: t.code, name: themeName(t, state.locale) })),
    results: hits.map((h) => ({
      slug: h.slug,
      title: h.title,
      language: h.language,
      themes: h.themes,
      published: h.publishedAt ? formatDateTime(state.locale, new Date(h.publishedAt), 'date') : null,
      snippet: q.trim()
        ? snippet(`${h.summary} ${articlePlainText(h.body)}`, q, h.language)
        : ([{ text: h.summary || articlePlainText(h.body).slice(0, 240), mark: false }] satisfies SnippetPart[]),
      titleParts: q.trim() ? snippet(h.title, q, h.language, 60) : [{ text: h.title, mark: false }],
    })),
  };
}

/** The page's own <title> (and on public pages description and Open Graph) replace the root's. */
export function meta() {
  return [];
}

export default function Knowledge() {
  const t = useT();
  const { q, theme, themes, results, writes } = useLoaderData<typeof loader>();
  const names = new Map(themes.map((x) => [x.code, x.name]));
  const searched = q.trim() !== '' || theme !== null;
  return (
    <div className="page">
      <PageMeta title={t('knowledge.title')} description={t('knowledge.lead')} />
      <h1>{t('knowledge.title')}</h1>
      <p className="lead">{t('knowledge.lead')}</p>
      {writes ? (
        <p>
          <a href="/knowledge/new">{t('knowledge.write')}</a> · <a href="/knowledge/manage">{t('knowledge.manage.link')}</a>
        </p>
      ) : null}
      <form method="get" action="/knowledge" role="search" className="stack">
        <div className="field">
          <label htmlFor="q">{t('knowledge.search.label')}</label>
          <p className="hint" id="q-hint">
            {t('knowledge.search.hint')}
          </p>
          <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="theme">{t('knowledge.search.theme')}</label>
          <select id="theme" name="theme" defaultValue={theme ?? ''}>
            <option value="">{t('knowledge.search.allThemes')}</option>
            {themes.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('knowledge.search.submit')}</button>
      </form>
      <h2 id="results-title">{searched ? t('knowledge.search.results', { count: results.length }) : t('knowledge.latest')}</h2>
      {results.length === 0 ? (
        <p className="notice" role="status">
          {searched ? t('knowledge.search.none') : t('knowledge.none')}
        </p>
      ) : (
        <ul className="stack" aria-labelledby="results-title">
          {results.map((r) => (
            <li key={r.slug} lang={r.language}>
              <h3>
                <a href={`/knowledge/${r.slug}`}>
                  <Parts parts={r.titleParts} />
                </a>
              </h3>
              <p>
                <Parts parts={r.snippet} />
              </p>
              <p className="hint">{[r.published, ...r.themes.map((c) => names.get(c) ?? c)].filter(Boolean).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Parts({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
