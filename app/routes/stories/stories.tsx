// /stories: the published stories of entrepreneurs, newest first (issue 14, points 1 and 6).
// Each is on the site only with the person's consent to its exact text; a withdrawn story is gone.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/stories';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { excerptOf, StoryList } from '../../ui/stories';
import { listPublishedStories } from '../../../src/features/stories/stories.queries.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const stories = await listPublishedStories(state.services.db, { locale: state.locale, limit: 200 });
  return { stories: stories.map(({ publishedAt: _p, updatedAt: _u, body, ...s }) => ({ ...s, excerpt: excerptOf(body) })) };
}

export function meta() {
  return [];
}

export default function Stories() {
  const t = useT();
  const { stories } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={t('stories.public.title')} description={t('stories.public.meta')} />
      <h1 id="stories-title">{t('stories.public.title')}</h1>
      <p className="lead">{t('stories.public.lead')}</p>
      {stories.length === 0 ? <p>{t('stories.public.none')}</p> : <StoryList stories={stories} labelledBy="stories-title" />}
    </div>
  );
}
