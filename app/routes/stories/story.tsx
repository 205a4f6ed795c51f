// /stories/:slug: one published story. A story whose person withdrew their consent answers
// 410 Gone with a plain page saying so; an unknown or unpublished one is 404. Nothing of the
// withdrawn text is sent (no title, no description, no Open Graph tags).
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/story';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { PageMeta } from '../../ui/page-meta';
import { excerptOf, storyByline } from '../../ui/stories';
import { findStoryBySlug, subjectNameOf, toPublicStory } from '../../../src/features/stories/stories.queries.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const { db } = state.services;
  const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(params.slug ?? '') && (params.slug ?? '').length <= 80 ? params.slug! : null;
  const story = slug ? await findStoryBySlug(db, slug) : null;
  if (story && !story.publishedAt && story.withdrawnAt) return data({ gone: true as const }, { status: 410, headers: { 'Cache-Control': 'no-store' } });
  if (!story?.publishedAt) throw data(null, { status: 404 });
  const pub = toPublicStory(story, await subjectNameOf(db, story.subjectUserId), state.locale);
  return {
    gone: false as const,
    title: pub.title,
    body: pub.body,
    language: pub.language,
    byline: pub.byline,
    published: formatDateTime(state.locale, pub.publishedAt, 'date'),
  };
}

export function meta() {
  return [];
}

export default function StoryPage() {
  const t = useT();
  const s = useLoaderData<typeof loader>();
  if (s.gone)
    return (
      <div className="page">
        <title>{`${t('stories.gone.title')} – Työpeili`}</title>
        <meta name="robots" content="noindex" />
        <h1>{t('stories.gone.title')}</h1>
        <p>{t('stories.gone.body')}</p>
        <p>
          <a href="/stories">{t('stories.back')}</a>
        </p>
      </div>
    );
  return (
    <div className="page">
      <PageMeta title={s.title} description={excerptOf(s.body, 160)} type="article" />
      <p>
        <a href="/stories">{t('stories.back')}</a>
      </p>
      <article lang={s.language}>
        <h1>{s.title}</h1>
        <blockquote>
          {s.body.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </blockquote>
        <p className="hint">
          {storyByline(t, s.byline)} · {t('stories.public.published', { date: s.published })}
        </p>
      </article>
    </div>
  );
}
