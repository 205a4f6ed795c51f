// /training: the facilitator training page of the public site: the catalog text, and the
// published courses of the facilitator-training feature, each with its page and application.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/training';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { listPublishedCourses } from '../../../src/features/training/training.queries.ts';
import { localized } from '../../../src/features/training/template.ts';
import { PageMeta } from '../../ui/page-meta';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const sections: { title: MessageKey; body: MessageKey }[] = [
  { title: 'training.contentTitle', body: 'training.contentBody' },
  { title: 'training.howTitle', body: 'training.howBody' },
];

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const courses = await listPublishedCourses(state.services.db);
  return { courses: courses.map((c) => ({ slug: c.slug, title: localized(c.title, state.locale), description: localized(c.description, state.locale), organizationName: c.organizationName })) };
}

export default function Training() {
  const t = useT();
  const { courses } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={t('training.title')} description={t('training.meta')} />
      <h1>{t('training.title')}</h1>
      <p className="lead">{t('training.lead')}</p>
      {sections.map((s) => (
        <section key={s.title}>
          <h2>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
        </section>
      ))}
      {courses.length > 0 ? (
        <section aria-labelledby="courses-title">
          <h2 id="courses-title">{t('training.public.courses')}</h2>
          <ul className="plain-list">
            {courses.map((c) => (
              <li key={c.slug}>
                <a href={`/training/${c.slug}`}>{c.title}</a> · {c.organizationName}
                <p>{c.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
