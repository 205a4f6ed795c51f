// /advice/sessions/:sessionId: one session. The person sees its facts, the summary the advisor
// shared and the steps agreed; they can move or cancel it up to the notice. The advisor (and
// the organisation's coordinators) see the person, the private notes (the author's own, all
// for coordinators), the steps of earlier sessions to follow up, and record the summary,
// attendance (no-show) and next steps once the session has started.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/session';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { SessionFacts } from '../../ui/advice';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { adviceNotePolicy, adviceSessionPolicy, authorize, can } from '../../../src/platform/policy/index.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import {
  findAdviceRules,
  findPerson,
  findSession,
  listEarlierAdviceSteps,
  listNotes,
  listSessionSteps,
  sessionResource,
} from '../../../src/features/advice/advice.queries.ts';
import { attendanceSchema, noteSchema, stepSchema, summarySchema } from '../../../src/features/advice/advice.validation.ts';
import { cancelSession } from '../../../src/features/advice/change-session.ts';
import { addAdviceNote, addAdviceStep, recordAdviceAttendance, shareAdviceSummary } from '../../../src/features/advice/record-session.ts';
import { topicLabel } from '../../../src/features/advice/topics.ts';
import { municipalityName } from '../../../src/features/places/municipalities.ts';

function organizationOf(organizationId: string | null): string {
  if (!organizationId) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const sessionId = uuidParam(params.sessionId);
  const { db } = state.services;
  const now = new Date();
  const locale = state.locale;
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { organizationId, sessionId });
    if (!session || session.status === 'expired') throw data(null, { status: 404 });
    const resource = sessionResource(session, await findAdviceRules(tx, { organizationId }), now);
    try {
      authorize(actor, resource, adviceSessionPolicy.read);
    } catch (error) {
      rethrowAsResponse(error);
    }
    const allowed = can(adviceSessionPolicy, actor, resource);
    const isPerson = session.userId === actor.userId;
    const advisor = await findPerson(tx, { userId: session.advisorUserId });
    const agreed = await listSessionSteps(tx, { organizationId, sessionId });
    const facts = {
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      topicLabel: topicLabel(session.topic, locale),
      advisorName: advisor?.name ?? '',
      mode: session.mode,
      onlineUrl: session.onlineUrl,
      place: session.place,
      status: session.attendance === 'no_show' ? 'noShow' : session.status,
    };
    const base = {
      id: session.id,
      notice: notice(new URL(request.url), ['booked', 'moved', 'saved'] as const),
      facts,
      allowed,
      summary: session.summary,
      summaryShared: session.summarySharedAt !== null,
      attendance: session.attendance,
      steps: agreed,
    };
    if (isPerson) return { ...base, view: 'person' as const, person: null, notes: [], earlierSteps: [] };
    // Staff reading someone's session: logged for the person's "who has handled my data".
    await recordStaffRead(tx, actor, {
      organizationId,
      purpose: 'advice.session',
      targetType: 'advice_session',
      targetId: sessionId,
      subjectUserIds: session.userId ? [session.userId] : [],
    });
    const person = session.userId ? await findPerson(tx, { userId: session.userId }) : null;
    const notes = (await listNotes(tx, { organizationId, sessionId })).filter((n) => adviceNotePolicy.read(actor, n));
    const earlierSteps = session.userId ? await listEarlierAdviceSteps(tx, { organizationId, userId: session.userId, before: session.startsAt }) : [];
    return {
      ...base,
      view: 'advisor' as const,
      person: {
        name: person?.name ?? session.guestName ?? '',
        email: person?.email ?? session.guestEmail ?? '',
        company: session.guestCompanyName,
        businessId: session.guestBusinessId,
        municipality: session.guestMunicipality ? (municipalityName(session.guestMunicipality, locale) ?? session.guestMunicipality) : null,
        guest: session.userId === null,
      },
      notes: notes.map((n) => ({ id: n.id, authorName: n.authorName, text: n.text, createdAt: n.createdAt.toISOString() })),
      earlierSteps,
    };
  });
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const sessionId = uuidParam(params.sessionId);
  const form = await formFields(request);
  const intent = form.intent ?? '';
  const ids = { organizationId, sessionId };
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  const back = `/advice/sessions/${sessionId}?done=saved`;
  try {
    if (intent === 'cancel') {
      await cancelSession(state.services, { actor, ...ids });
      return redirect('/advice?done=cancelled');
    }
    if (intent === 'note') {
      const parsed = noteSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addAdviceNote(actor, state.services, { ...ids, text: parsed.data.text });
      return redirect(back);
    }
    if (intent === 'summary') {
      const parsed = summarySchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await shareAdviceSummary(actor, state.services, { ...ids, summary: parsed.data.summary });
      return redirect(back);
    }
    if (intent === 'attendance') {
      const parsed = attendanceSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await recordAdviceAttendance(actor, state.services, { ...ids, attendance: parsed.data.attendance });
      return redirect(back);
    }
    if (intent === 'step') {
      const parsed = stepSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addAdviceStep(actor, state.services, { ...ids, text: parsed.data.text, dueOn: parsed.data.dueOn });
      return redirect(back);
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function Session() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const value = (field: string, intent: string) => (result?.intent === intent ? (result.values[field] ?? '') : '');
  const noticeKey: Record<string, MessageKey> = { booked: 'advice.notice.booked', moved: 'advice.notice.moved', saved: 'advice.notice.saved' };
  return (
    <div className="page">
      <title>{`${t('advice.session.title')} – Työpeili`}</title>
      <h1>{t('advice.session.title')}</h1>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKey[page.notice]!)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'text', 'summary', 'attendance', 'dueOn']} />
      <SessionFacts session={page.facts} />
      {page.person ? (
        <section aria-labelledby="advice-person">
          <h2 id="advice-person">{t('advice.session.person')}</h2>
          <p>
            {page.person.name}, {page.person.email}
            {page.person.guest ? ` (${t('advice.session.guest')})` : ''}
          </p>
          {page.person.company || page.person.municipality ? (
            <p>{[page.person.company, page.person.businessId, page.person.municipality].filter(Boolean).join(', ')}</p>
          ) : null}
        </section>
      ) : null}

      {page.allowed.reschedule || page.allowed.cancel ? (
        <section aria-labelledby="advice-change">
          <h2 id="advice-change">{t('advice.session.change')}</h2>
          <p className="button-row">
            {page.allowed.reschedule ? (
              <a className="button button--secondary" href={`/advice/sessions/${page.id}/reschedule`}>
                {t('advice.session.reschedule')}
              </a>
            ) : null}
          </p>
          {page.allowed.cancel ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button--danger">
                {t('advice.session.cancel')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : page.view === 'person' && page.facts.status === 'booked' ? (
        <p className="hint">{t('advice.session.tooLate')}</p>
      ) : null}

      {page.view === 'person' ? (
        <section aria-labelledby="advice-summary">
          <h2 id="advice-summary">{t('advice.session.summary')}</h2>
          <p>{page.summaryShared && page.summary ? page.summary : t('advice.session.noSummary')}</p>
        </section>
      ) : null}

      <section aria-labelledby="advice-steps">
        <h2 id="advice-steps">{t('advice.session.steps')}</h2>
        {page.steps.length ? (
          <ul className="plain-list">
            {page.steps.map((s) => (
              <li key={s.id}>
                {s.text} ({t(`live.step.status.${s.status}` as MessageKey)}){s.dueOn ? ` – ${t('home.member.due', { date: format.date(s.dueOn) })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('advice.session.noSteps')}</p>
        )}
        {page.view === 'person' && page.steps.length ? (
          <p>
            <a href="/steps">{t('advice.session.stepsLink')}</a>
          </p>
        ) : null}
      </section>

      {page.view === 'advisor' ? (
        <>
          {page.earlierSteps.length ? (
            <section aria-labelledby="advice-follow-up">
              <h2 id="advice-follow-up">{t('advice.session.followUp')}</h2>
              <ul className="plain-list">
                {page.earlierSteps.map((s) => (
                  <li key={s.id}>
                    {s.text} ({t(`live.step.status.${s.status}` as MessageKey)}){s.reflection ? ` – ${s.reflection}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="advice-notes">
            <h2 id="advice-notes">{t('advice.session.notes')}</h2>
            <p className="hint">{t('advice.session.notesHint')}</p>
            {page.notes.length ? (
              <ul className="plain-list">
                {page.notes.map((n) => (
                  <li key={n.id}>
                    <span className="muted">
                      {n.authorName}, {format.date(n.createdAt, 'datetime')}:
                    </span>{' '}
                    {n.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {page.allowed.writeNotes ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="note" />
                <Field id="text" label={t('advice.session.noteLabel')} error={result?.intent === 'note' ? err('text') : undefined}>
                  {(p) => <textarea {...p} rows={4} defaultValue={value('text', 'note')} />}
                </Field>
                <p>
                  <button type="submit" className="button button--secondary">
                    {t('advice.session.addNote')}
                  </button>
                </p>
              </Form>
            ) : null}
          </section>
          {page.allowed.record ? (
            <section aria-labelledby="advice-record">
              <h2 id="advice-record">{t('advice.session.record')}</h2>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="attendance" />
                <fieldset className="field" aria-describedby={errors.attendance ? 'attendance-error' : undefined}>
                  <legend>{t('advice.session.attendance')}</legend>
                  {errors.attendance ? (
                    <p className="error-text" id="attendance-error">
                      {err('attendance')}
                    </p>
                  ) : null}
                  {(['attended', 'no_show'] as const).map((a, i) => (
                    <Choice
                      key={a}
                      type="radio"
                      id={i === 0 ? 'attendance' : `attendance-${a}`}
                      name="attendance"
                      value={a}
                      defaultChecked={page.attendance === a}
                      label={t(`advice.attendance.${a}` as MessageKey)}
                    />
                  ))}
                </fieldset>
                <p>
                  <button type="submit" className="button button--secondary">
                    {t('advice.session.saveAttendance')}
                  </button>
                </p>
              </Form>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="summary" />
                <Field id="summary" label={t('advice.session.summaryLabel')} hint={t('advice.session.summaryHint')} error={err('summary')}>
                  {(p) => <textarea {...p} rows={5} defaultValue={result?.intent === 'summary' ? value('summary', 'summary') : (page.summary ?? '')} />}
                </Field>
                <p>
                  <button type="submit" className="button button--secondary">
                    {t('advice.session.shareSummary')}
                  </button>
                </p>
              </Form>
              {page.person && !page.person.guest ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="step" />
                  <Field
                    id="step-text"
                    label={t('advice.session.stepLabel')}
                    hint={t('advice.session.stepHint')}
                    error={result?.intent === 'step' ? err('text') : undefined}
                  >
                    {(p) => <input {...p} name="text" type="text" defaultValue={value('text', 'step')} />}
                  </Field>
                  <Field id="dueOn" label={t('advice.session.stepDue')} hint={t('advice.dateHint')} error={err('dueOn')}>
                    {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={value('dueOn', 'step')} />}
                  </Field>
                  <p>
                    <button type="submit" className="button button--secondary">
                      {t('advice.session.addStep')}
                    </button>
                  </p>
                </Form>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <a href="/advice">{t('advice.back')}</a>
      </p>
    </div>
  );
}
