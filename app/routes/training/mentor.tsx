// /training/mentor: the mentor's page — the cohorts they mentor and the submissions of their own
// trainees waiting for feedback (oldest first).
import { useLoaderData } from 'react-router';
import type { Route } from './+types/mentor';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { mentorHome } from '../../../src/features/training/views.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) return { data: null };
  return { data: await mentorHome(state.services.db, actor, { organizationId: actor.organizationId, locale: state.locale }) };
}

export default function MentorPage() {
  const t = useT();
  const format = useFormat();
  const { data } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('training.mentor.title')} – Työpeili`}</title>
      <h1>{t('training.mentor.title')}</h1>
      {!data ? <p>{t('training.mentor.none')}</p> : null}
      {data ? (
        <>
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">{t('training.mentor.waitingTitle')}</h2>
            {data.waiting.length === 0 ? <p>{t('training.mentor.nothingWaiting')}</p> : null}
            <ul className="plain-list">
              {data.waiting.map((w) => (
                <li key={w.submissionId}>
                  <a href={`/training/submissions/${w.submissionId}`}>
                    {w.trainee}: {w.assignment}
                  </a>{' '}
                  · {t('training.submission.version', { version: w.version })} · {format.date(w.updatedAt, 'datetime')}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="cohorts-title">
            <h2 id="cohorts-title">{t('training.mentor.cohorts')}</h2>
            <ul className="plain-list">
              {data.cohorts.map((c) => (
                <li key={c.id}>
                  <a href={`/training/cohorts/${c.id}`}>
                    {c.course} · {c.name}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
