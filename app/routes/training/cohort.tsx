// /training/cohorts/:cohortId: a cohort for its coordinator or mentor. The coordinator handles
// the applications (accept with a mentor, or decline with a message), marks a trainee's
// practice group and confirms completion once the rules hold; the mentor records attendance
// (or a compensation and with what) and schedules mentoring meetings. A mentor sees only their
// own trainees (or everyone when no mentor is assigned).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { and, eq } from 'drizzle-orm';
import type { Route } from './+types/cohort';
import { requireActor } from '../../lib/state.server';
import { notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { ProgressList } from '../../ui/training';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { groups } from '../../../src/features/groups/groups.schema.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { attendanceFormSchema, decideFormSchema, mentoringFormSchema, zonedSpan } from '../../../src/features/training/training.validation.ts';
import { decideApplication } from '../../../src/features/training/decide-application.ts';
import { recordSessionAttendance } from '../../../src/features/training/record-attendance.ts';
import { confirmCompletion } from '../../../src/features/training/confirm-completion.ts';
import { scheduleMentoring } from '../../../src/features/training/schedule-mentoring.ts';
import { setPracticeGroup } from '../../../src/features/training/set-practice-group.ts';
import { cohortView } from '../../../src/features/training/views.ts';
import { graduateTrainee } from '../../../src/features/training/graduate.ts';
import { dropEnrolment } from '../../../src/features/training/drop-enrolment.ts';
import { dropFormSchema } from '../../../src/features/training/training.validation.ts';
import { releasedCourseEvaluation } from '../../../src/features/training/evaluation.ts';

const notices = ['accepted', 'declined', 'attendance', 'completed', 'mentoring', 'practice', 'graduated', 'dropped'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const cohortId = uuidParam(params.cohortId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const organizationId = actor.organizationId;
  try {
    const view = await cohortView(state.services.db, actor, { organizationId, cohortId }, state.locale, new Date());
    const groupOptions = view.can.manage
      ? await state.services.db.select({ id: groups.id, name: groups.name }).from(groups).where(and(eq(groups.organizationId, organizationId))).orderBy(groups.name)
      : [];
    const evaluation = view.can.readEvaluation ? [...(await releasedCourseEvaluation(actor, state.services.db, { organizationId, cohortId }, state.locale))] : [];
    return { ...view, groupOptions, evaluation, done: notice(new URL(request.url), notices) };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors; intent: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const cohortId = uuidParam(params.cohortId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const organizationId = actor.organizationId;
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const intent = field('intent');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, intent }, { status });
  const back = (done: (typeof notices)[number]) => redirect(`/training/cohorts/${cohortId}?done=${done}`);
  try {
    if (intent === 'decide') {
      const parsed = decideFormSchema.safeParse({ decision: field('decision') || undefined, mentorUserId: field('mentorUserId'), message: field('message') });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await decideApplication(actor, state.services, { organizationId, applicationId: uuidParam(field('applicationId')), ...parsed.data });
      return back(parsed.data.decision === 'accept' ? 'accepted' : 'declined');
    }
    if (intent === 'attendance') {
      const parsed = attendanceFormSchema.safeParse({ status: field('status') || undefined, compensation: field('compensation') });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await recordSessionAttendance(actor, state.services, { organizationId, enrolmentId: uuidParam(field('enrolmentId')), cohortSessionId: uuidParam(field('cohortSessionId')), ...parsed.data });
      return back('attendance');
    }
    if (intent === 'complete') {
      await confirmCompletion(actor, state.services, { organizationId, enrolmentId: uuidParam(field('enrolmentId')) });
      return back('completed');
    }
    if (intent === 'graduate') {
      await graduateTrainee(actor, state.services, { organizationId, enrolmentId: uuidParam(field('enrolmentId')) });
      return back('graduated');
    }
    if (intent === 'drop') {
      const parsed = dropFormSchema.safeParse({ reason: field('reason') });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await dropEnrolment(actor, state.services, { organizationId, enrolmentId: uuidParam(field('enrolmentId')), reason: parsed.data.reason });
      return back('dropped');
    }
    if (intent === 'practice') {
      const groupId = field('groupId');
      await setPracticeGroup(actor, state.services, { organizationId, enrolmentId: uuidParam(field('enrolmentId')), groupId: groupId ? uuidParam(groupId) : null });
      return back('practice');
    }
    if (intent === 'mentoring') {
      const parsed = mentoringFormSchema.safeParse({
        date: field('date'),
        start: field('start'),
        end: field('end'),
        onlineUrl: field('onlineUrl'),
        topic: field('topic'),
        enrolmentIds: form.getAll('enrolmentIds').map(String),
      });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await scheduleMentoring(actor, state.services, { organizationId, cohortId, ...zonedSpan(parsed.data), onlineUrl: parsed.data.onlineUrl, topic: parsed.data.topic, enrolmentIds: parsed.data.enrolmentIds });
      return back('mentoring');
    }
  } catch (error) {
    if (error instanceof TrainingError) return fail({ form: error.messageKey }, 409);
    rethrowAsResponse(error);
  }
  throw data(null, { status: 400 });
}

export default function CohortPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  const open = page.applications.filter((a) => a.status === 'new');
  return (
    <div className="page">
      <title>{`${page.cohort.name} – Työpeili`}</title>
      <p>
        <a href={page.can.manage ? `/organization/training/${page.cohort.courseId}` : '/training/mentor'}>{t('training.cohort.back')}</a>
      </p>
      <h1>
        {page.course.title} · {page.cohort.name}
      </h1>
      {page.done ? (
        <p role="status" className="notice">
          {t(`training.cohort.done.${page.done}` as MessageKey)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'decision', 'status', 'compensation', 'reason', 'date', 'start', 'end', 'onlineUrl', 'enrolmentIds']} />
      <p>
        {t('training.cohort.mentors', { names: page.mentors.map((m) => m.name).join(', ') })} · {t('training.cohort.capacity', { count: page.trainees.length, capacity: page.cohort.capacity })}
      </p>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.public.sessions')}</h2>
        <ol>
          {page.sessions.map((s) => (
            <li key={s.id}>
              {s.title} · {format.date(s.startsAt, 'weekday')} · <a href={`/training/sessions/${s.id}/calendar.ics`}>{t('training.session.ics')}</a>
            </li>
          ))}
        </ol>
      </section>

      {page.can.manage ? (
        <section aria-labelledby="applications-title" className="stack">
          <h2 id="applications-title">{t('training.applications.title', { count: open.length })}</h2>
          {open.map((a) => (
            <article key={a.id} className="card stack" aria-labelledby={`application-${a.id}`}>
              <h3 id={`application-${a.id}`}>{a.name}</h3>
              <p>
                {a.email} · {format.date(a.createdAt)}
              </p>
              {a.background ? <p className="prewrap">{a.background}</p> : null}
              {a.motivation ? <p className="prewrap">{a.motivation}</p> : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="applicationId" value={a.id} />
                <input type="hidden" name="decision" value="accept" />
                <Field id={`mentor-${a.id}`} label={t('training.applications.mentor')}>
                  {(p) => (
                    <select {...p} name="mentorUserId" defaultValue="">
                      <option value="">{t('training.applications.anyMentor')}</option>
                      {page.mentors.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <p>
                  <button type="submit" className="button">
                    {t('training.applications.accept', { name: a.name })}
                  </button>
                </p>
              </Form>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="applicationId" value={a.id} />
                <input type="hidden" name="decision" value="decline" />
                <Field id={`message-${a.id}`} label={t('training.applications.message')}>
                  {(p) => <textarea {...p} name="message" rows={2} />}
                </Field>
                <p>
                  <button type="submit" className="button button--secondary">
                    {t('training.applications.decline', { name: a.name })}
                  </button>
                </p>
              </Form>
            </article>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="trainees-title" className="stack">
        <h2 id="trainees-title">{t('training.trainees.title')}</h2>
        {page.trainees.length === 0 ? <p>{t('training.trainees.none')}</p> : null}
        {page.trainees.map((e) => (
          <article key={e.id} className="card stack" aria-labelledby={`trainee-${e.id}`}>
            <h3 id={`trainee-${e.id}`}>
              {e.name} · {t(`training.enrolment.${e.status}` as MessageKey)}
            </h3>
            {e.mentor ? <p>{t('training.trainees.mentor', { name: e.mentor })}</p> : null}
            {e.droppedReason ? <p>{t('training.drop.reasonShown', { reason: e.droppedReason })}</p> : null}
            {e.status === 'active' && e.practiceGroupId && (page.can.mentor || page.can.manage) ? (
              <p>
                <a href={`/training/practice/${e.id}`}>{t('training.practice.link', { name: e.name })}</a>
              </p>
            ) : null}
            {e.completedAt ? <p>{t('training.home.completed', { date: format.date(e.completedAt) })}</p> : null}
            <ProgressList progress={e.progress} />
            {page.can.mentor && e.status === 'active' ? (
              <details>
                <summary>{t('training.attendance.record', { name: e.name })}</summary>
                {page.sessions.map((s) => (
                  <Form method="post" className="stack" key={s.id}>
                    <input type="hidden" name="intent" value="attendance" />
                    <input type="hidden" name="enrolmentId" value={e.id} />
                    <input type="hidden" name="cohortSessionId" value={s.id} />
                    <Field id={`status-${e.id}-${s.id}`} label={t('training.attendance.at', { title: s.title })}>
                      {(p) => (
                        <select {...p} name="status" defaultValue={e.attendance[s.id] ?? ''}>
                          <option value="">–</option>
                          <option value="present">{t('training.attendance.present')}</option>
                          <option value="absent">{t('training.attendance.absent')}</option>
                          <option value="compensated">{t('training.attendance.compensated')}</option>
                        </select>
                      )}
                    </Field>
                    <Field id={`compensation-${e.id}-${s.id}`} label={t('training.attendance.compensation')}>
                      {(p) => <input {...p} name="compensation" type="text" maxLength={1000} />}
                    </Field>
                    <p>
                      <button type="submit" className="button button--secondary">
                        {t('training.attendance.save')}
                      </button>
                    </p>
                  </Form>
                ))}
              </details>
            ) : null}
            {page.can.manage && e.status === 'active' ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="practice" />
                <input type="hidden" name="enrolmentId" value={e.id} />
                <Field id={`group-${e.id}`} label={t('training.practice.group')}>
                  {(p) => (
                    <select {...p} name="groupId" defaultValue={e.practiceGroupId ?? ''}>
                      <option value="">–</option>
                      {page.groupOptions.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <p>
                  <button type="submit" className="button button--secondary">
                    {t('training.practice.save')}
                  </button>
                </p>
              </Form>
            ) : null}
            {page.can.graduate && e.graduation ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="graduate" />
                <input type="hidden" name="enrolmentId" value={e.id} />
                <p>{t('training.graduation.offer', { name: e.name })}</p>
                <p>
                  <button type="submit" className="button">
                    {t('training.graduation.confirm', { name: e.name })}
                  </button>
                </p>
              </Form>
            ) : null}
            {page.can.drop && (e.status === 'active' || e.status === 'invited') ? (
              <details>
                <summary>{t('training.drop.open', { name: e.name })}</summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="drop" />
                  <input type="hidden" name="enrolmentId" value={e.id} />
                  <Field id={`reason-${e.id}`} label={t('training.drop.reason')} error={result?.intent === 'drop' ? err('reason') : undefined}>
                    {(p) => <textarea {...p} name="reason" rows={2} maxLength={1000} required />}
                  </Field>
                  <p>
                    <button type="submit" className="button button--secondary">
                      {t('training.drop.confirm', { name: e.name })}
                    </button>
                  </p>
                </Form>
              </details>
            ) : null}
            {page.can.confirmCompletion && e.status === 'active' && e.progress.complete ? (
              <Form method="post">
                <input type="hidden" name="intent" value="complete" />
                <input type="hidden" name="enrolmentId" value={e.id} />
                <button type="submit" className="button">
                  {t('training.completion.confirm', { name: e.name })}
                </button>
              </Form>
            ) : null}
          </article>
        ))}
      </section>

      {page.can.readEvaluation ? (
        <section aria-labelledby="evaluation-title" className="stack">
          <h2 id="evaluation-title">{t('training.evaluation.resultsTitle')}</h2>
          <p>{t('training.evaluation.resultsRule')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('training.evaluation.target')}</th>
                <th scope="col">{t('training.evaluation.answers')}</th>
                <th scope="col">{t('training.evaluation.useful')}</th>
                <th scope="col">{t('training.evaluation.ready')}</th>
              </tr>
            </thead>
            <tbody>
              {page.evaluation.map((r) => (
                <tr key={r.target}>
                  <th scope="row">{r.target === 'course' ? t('training.evaluation.course') : t('training.evaluation.session', { title: r.title })}</th>
                  <td>{r.withheld ? t('training.practice.withheld') : r.n}</td>
                  <td>{r.useful !== null ? format.number(r.useful) : '–'}</td>
                  <td>{r.ready !== null ? format.number(r.ready) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.evaluation.some((r) => r.comments.length > 0) ? (
            <ul>
              {page.evaluation.flatMap((r) => r.comments.map((c, i) => <li key={`${r.target}-${i}`}>{c}</li>))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {page.can.mentor ? (
        <section aria-labelledby="mentoring-title" className="stack">
          <h2 id="mentoring-title">{t('training.mentoring.title')}</h2>
          <ul className="plain-list">
            {page.mentoring.map((m) => (
              <li key={m.id}>
                {format.date(m.startsAt, 'weekday')}
                {m.topic ? ` · ${m.topic}` : ''} · <a href={`/training/mentoring/${m.id}/calendar.ics`}>{t('training.session.ics')}</a>
              </li>
            ))}
          </ul>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="mentoring" />
            <fieldset>
              <legend>{t('training.mentoring.who')}</legend>
              {page.trainees
                .filter((e) => e.status === 'active' || e.status === 'invited')
                .map((e) => (
                  <Choice key={e.id} id={`who-${e.id}`} name="enrolmentIds" value={e.id} label={e.name} />
                ))}
            </fieldset>
            <Field id="date" label={t('training.form.date')} hint={t('training.form.dateHint')} error={err('date')}>
              {(p) => <input {...p} type="text" inputMode="numeric" />}
            </Field>
            <Field id="start" label={t('training.form.start')} error={err('start')}>
              {(p) => <input {...p} type="text" inputMode="numeric" />}
            </Field>
            <Field id="end" label={t('training.form.end')} error={err('end')}>
              {(p) => <input {...p} type="text" inputMode="numeric" />}
            </Field>
            <Field id="onlineUrl" label={t('training.form.onlineUrl')} error={err('onlineUrl')}>
              {(p) => <input {...p} type="url" />}
            </Field>
            <Field id="topic" label={t('training.mentoring.topic')}>
              {(p) => <input {...p} type="text" maxLength={200} />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('training.mentoring.schedule')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
