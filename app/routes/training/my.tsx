// /training/my: the trainee's own course — sessions with times (and their .ics), online links,
// materials and assignments with due dates and status, progress against the completion rules,
// the mentor and the mentoring meetings. Only the trainee's own enrolments.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/my';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { ProgressList } from '../../ui/training';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enrolmentsOfUser } from '../../../src/features/training/training.queries.ts';
import { traineeCourseView } from '../../../src/features/training/views.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId) return { courses: [] };
  const db = state.services.db;
  const rows = (await enrolmentsOfUser(db, { organizationId, userId: actor.userId })).filter((r) => r.enrolment.status === 'active' || r.enrolment.status === 'completed');
  try {
    const now = new Date();
    const courses = [];
    for (const r of rows) courses.push(await traineeCourseView(db, actor, r.enrolment, state.locale, now));
    return { courses };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function MyTraining() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('training.my.title')} – Työpeili`}</title>
      <h1>{t('training.my.title')}</h1>
      {page.courses.length === 0 ? <p>{t('training.my.none')}</p> : null}
      {page.courses.map((c) => (
        <article key={c.enrolment.id} className="stack" aria-labelledby={`course-${c.enrolment.id}`}>
          <h2 id={`course-${c.enrolment.id}`}>
            {c.course.title} · {c.cohort.name}
          </h2>
          <p>{c.course.description}</p>
          {c.enrolment.completedAt ? <p className="notice">{t('training.home.completed', { date: format.date(c.enrolment.completedAt) })}</p> : null}
          {c.mentors.length > 0 ? <p>{t('training.my.mentors', { names: c.mentors.join(', ') })}</p> : null}
          <p>
            <a href={`/training/my/${c.enrolment.id}/evaluation`}>{t('training.evaluation.link')}</a>
          </p>
          <section aria-labelledby={`progress-${c.enrolment.id}`}>
            <h3 id={`progress-${c.enrolment.id}`}>{t('training.progress.title')}</h3>
            <ProgressList progress={c.progress} />
          </section>
          {c.mentoring.length > 0 ? (
            <section aria-labelledby={`mentoring-${c.enrolment.id}`}>
              <h3 id={`mentoring-${c.enrolment.id}`}>{t('training.mentoring.title')}</h3>
              <ul className="plain-list">
                {c.mentoring.map((m) => (
                  <li key={m.id}>
                    {format.date(m.startsAt, 'weekday')}
                    {m.topic ? ` · ${m.topic}` : ''} · <a href={`/training/mentoring/${m.id}/calendar.ics`}>{t('training.session.ics')}</a>
                    {m.onlineUrl ? (
                      <>
                        {' · '}
                        <a href={m.onlineUrl}>{t('training.session.join')}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {c.sessions.map((s) => (
            <section key={s.cohortSessionId} className="card" aria-labelledby={`session-${s.cohortSessionId}`}>
              <h3 id={`session-${s.cohortSessionId}`}>{t('training.session.heading', { position: s.position, title: s.title })}</h3>
              <p>{s.description}</p>
              <p>
                {format.date(s.startsAt, 'weekday')}–{format.date(s.endsAt, 'time')} ·{' '}
                <a href={`/training/sessions/${s.cohortSessionId}/calendar.ics`}>{t('training.session.ics')}</a>
                {s.onlineUrl ? (
                  <>
                    {' · '}
                    <a href={s.onlineUrl}>{t('training.session.join')}</a>
                  </>
                ) : null}
              </p>
              {s.attendance ? <p>{t(`training.attendance.${s.attendance}` as MessageKey)}</p> : null}
              {s.materials.length > 0 ? (
                <>
                  <h4>{t('training.materials.title')}</h4>
                  <ul className="plain-list">
                    {s.materials.map((m) => (
                      <li key={m.id}>
                        {m.kind === 'file' ? <a href={`/training/materials/${m.id}`}>{m.title || m.fileName}</a> : null}
                        {m.kind === 'video' && m.url ? <a href={m.url}>{t('training.materials.video', { title: m.title })}</a> : null}
                        {m.kind === 'text' ? (
                          <details>
                            <summary>{m.title}</summary>
                            <p className="prewrap">{m.body}</p>
                          </details>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h4>{t('training.assignments.title')}</h4>
              <ul className="plain-list">
                {s.assignments.map((a) => (
                  <li key={a.id}>
                    <a href={`/training/my/${c.enrolment.id}/assignments/${a.id}`}>{a.title}</a>
                    {a.dueAt ? ` · ${t('training.assignment.due', { when: format.date(a.dueAt, 'datetime') })}` : ''} ·{' '}
                    {t(`training.status.${a.status ?? 'none'}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </article>
      ))}
    </div>
  );
}
