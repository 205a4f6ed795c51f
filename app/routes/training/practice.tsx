// /training/practice/:enrolmentId: a trainee's practice group for their mentor (or the coordinator)
// — meta data only: meetings held, attendance, small steps followed up and the members' feedback
// averages, each figure through the disclosure layer; whether each coming meeting may be observed
// (every member agreed). Never journals, facilitator notes or individual answers.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/practice';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { practiceGroupView } from '../../../src/features/training/practice-group.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const enrolmentId = uuidParam(params.enrolmentId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    const view = await practiceGroupView(state.services.db, actor, { organizationId: actor.organizationId, enrolmentId }, state.locale, new Date());
    // The released figures as plain values for the page.
    const { attendance, steps, feedback } = view.figures;
    return { ...view, figures: { attendance, steps, feedback } };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function PracticeGroupPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const withheld = t('training.practice.withheld');
  return (
    <div className="page">
      <title>{`${t('training.practice.title', { name: page.trainee.name })} – Työpeili`}</title>
      <p>
        <a href={`/training/cohorts/${page.trainee.cohortId}`}>{t('training.practice.back')}</a>
      </p>
      <h1>{t('training.practice.title', { name: page.trainee.name })}</h1>
      <p>
        {page.group.name} · {page.course}
      </p>
      <p>{t('training.practice.metaOnly')}</p>
      <section aria-labelledby="meta-title">
        <h2 id="meta-title">{t('training.practice.metaTitle')}</h2>
        <dl className="facts">
          <dt>{t('training.practice.meetingsHeld')}</dt>
          <dd>{page.meetingsHeld}</dd>
          <dt>{t('training.practice.attendance')}</dt>
          <dd>{page.figures.attendance ? t('training.practice.attendanceValue', { total: page.figures.attendance.total, perMeeting: format.number(page.figures.attendance.perMeeting) }) : withheld}</dd>
          <dt>{t('training.practice.steps')}</dt>
          <dd>{page.figures.steps ? t('training.practice.stepsValue', { set: page.figures.steps.set, followedUp: page.figures.steps.followedUp }) : withheld}</dd>
          <dt>{t('training.practice.feedbackUseful')}</dt>
          <dd>{page.figures.feedback.useful !== null ? format.number(page.figures.feedback.useful) : withheld}</dd>
          <dt>{t('training.practice.feedbackSafe')}</dt>
          <dd>{page.figures.feedback.safe !== null ? format.number(page.figures.feedback.safe) : withheld}</dd>
        </dl>
      </section>
      <section aria-labelledby="observe-title">
        <h2 id="observe-title">{t('training.observation.title')}</h2>
        <p>{t('training.observation.rule')}</p>
        {page.upcoming.length === 0 ? <p>{t('training.observation.noMeetings')}</p> : null}
        <ul className="plain-list">
          {page.upcoming.map((m) => (
            <li key={m.id}>
              {format.date(m.startsAt, 'weekday')} · {m.observable ? t('training.observation.allowed') : t('training.observation.waiting')}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
