import { redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/front-page';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { PublicEventList } from '../../ui/public-events';
import { upcomingPublishedEvents } from '../../../src/features/site/public-events.ts';
import { listPublicArticles } from '../../../src/features/knowledge/knowledge.queries.ts';
import { listPublishedStories } from '../../../src/features/stories/stories.queries.ts';
import { excerptOf, StoryList } from '../../ui/stories';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  if (state.actor) throw redirect('/home');
  const [events, articles, stories] = await Promise.all([
    upcomingPublishedEvents(state.services.db, { now: new Date(), locale: state.locale, limit: 3 }),
    listPublicArticles(state.services.db, { limit: 3 }),
    listPublishedStories(state.services.db, { locale: state.locale, limit: 2 }),
  ]);
  return {
    events,
    articles: articles.map((a) => ({ slug: a.slug, title: a.title, summary: a.summary })),
    stories: stories.map(({ publishedAt: _p, updatedAt: _u, body, ...s }) => ({ ...s, excerpt: excerptOf(body, 160) })),
  };
}

/** The page's own <title>, description and Open Graph tags come from PageMeta. */
export function meta() {
  return [];
}

export default function FrontPage() {
  const t = useT();
  const { events, articles, stories } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title="Työpeili" description={t('site.front.meta')} />
      <section className="hero" aria-labelledby="front-title">
        <h1 id="front-title">{t('front.title')}</h1>
        <p className="lead">{t('front.lead')}</p>
        <p className="button-row">
          <a className="button" href="/apply">
            {t('front.apply')}
          </a>
          <a className="button button--secondary" href="/advice/public">
            {t('front.advice')}
          </a>
          <a className="button button--secondary" href="/events">
            {t('front.events')}
          </a>
          <a className="button button--secondary" href="/sign-in">
            {t('front.signIn')}
          </a>
        </p>
      </section>
      <section aria-labelledby="for-title">
        <h2 id="for-title">{t('site.front.forTitle')}</h2>
        <p>{t('site.front.forBody')}</p>
      </section>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('front.whatTitle')}</h2>
        <ul className="plain-list">
          <li>{t('front.what1')}</li>
          <li>{t('front.what2')}</li>
          <li>{t('front.what3')}</li>
          <li>{t('front.what4')}</li>
        </ul>
        <p>
          <a href="/how-it-works">{t('site.front.linkHow')}</a>
        </p>
      </section>
      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('site.front.eventsTitle')}</h2>
        {events.length === 0 ? <p>{t('site.front.eventsNone')}</p> : <PublicEventList events={events} label={t('site.front.eventsTitle')} />}
        <p>
          <a href="/events">{t('site.front.eventsAll')}</a>
        </p>
      </section>
      <section aria-labelledby="knowledge-title">
        <h2 id="knowledge-title">{t('site.front.knowledgeTitle')}</h2>
        {articles.length === 0 ? (
          <p>{t('knowledge.none')}</p>
        ) : (
          <ul className="stack" aria-labelledby="knowledge-title">
            {articles.map((a) => (
              <li key={a.slug}>
                <h3>
                  <a href={`/knowledge/${a.slug}`}>{a.title}</a>
                </h3>
                {a.summary ? <p>{a.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/knowledge">{t('site.front.knowledgeAll')}</a>
        </p>
      </section>
      {stories.length > 0 ? (
        <section aria-labelledby="stories-title">
          <h2 id="stories-title">{t('stories.front.title')}</h2>
          <StoryList stories={stories} labelledBy="stories-title" headingLevel={3} />
          <p>
            <a href="/stories">{t('stories.front.all')}</a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="join-title">
        <h2 id="join-title">{t('front.joinTitle')}</h2>
        <ol>
          <li>{t('front.join1')}</li>
          <li>{t('front.join2')}</li>
          <li>{t('front.join3')}</li>
        </ol>
        <p>{t('front.joinContact')}</p>
      </section>
      <nav aria-labelledby="more-title">
        <h2 id="more-title">{t('site.front.moreTitle')}</h2>
        <ul className="link-list">
          <li>
            <a href="/how-it-works">{t('site.front.linkHow')}</a>
          </li>
          <li>
            <a href="/events">{t('site.front.linkEvents')}</a>
          </li>
          <li>
            <a href="/training">{t('site.front.linkTraining')}</a>
          </li>
          <li>
            <a href="/apply">{t('site.front.linkApply')}</a>
          </li>
          <li>
            <a href="/organizations">{t('site.front.linkOrganizations')}</a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
