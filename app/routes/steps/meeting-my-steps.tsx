// /meetings/:meetingId/my-steps: a member writes their own small steps on their phone during the
// closing round (they show on the facilitator's live page at its next refresh), and marks how their
// earlier steps in the group went. The member's own page: only members of the meeting's group.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meeting-my-steps';
import { loadAuthorizedMeeting } from '../../lib/live.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { StepStatusForm, stepStatusKeys } from '../../ui/live';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { stepPolicy } from '../../../src/platform/policy/index.ts';
import { stepStatusSchema, stepTextSchema } from '../../../src/features/meetings/live.validation.ts';
import { addStep } from '../../../src/features/steps/add-step.ts';
import { listOwnGroupSteps } from '../../../src/features/steps/steps.queries.ts';
import { updateStepStatus } from '../../../src/features/steps/update-step-status.ts';

const notices = ['added', 'status'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = { added: 'mySteps.added', status: 'live.notice.status' };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (a, m) => stepPolicy.create(a, { ...m, ownerUserId: a.userId }));
  const done = new URL(request.url).searchParams.get('done');
  const { db } = state.services;
  const mine = (await listOwnGroupSteps(db, { organizationId: meeting.organizationId, groupId: meeting.groupId, userId: actor.userId })).map((s) => ({
    id: s.id,
    text: s.text,
    dueOn: s.dueOn,
    status: s.status,
    reflection: s.reflection,
    meetingId: s.meetingId,
  }));
  return {
    meeting: { id: meeting.id, theme: meeting.theme, groupName: meeting.group.name, startsAt: meeting.startsAt.toISOString() },
    notice: (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null,
    here: mine.filter((s) => s.meetingId === meeting.id),
    // earlier steps still to follow up (open or partly done)
    earlier: mine.filter((s) => s.meetingId !== meeting.id && (s.status === 'open' || s.status === 'partly')),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (a, m) => stepPolicy.create(a, { ...m, ownerUserId: a.userId }));
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  try {
    if (intent === 'add-step') {
      const parsed = stepTextSchema.safeParse({ text: form.text });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addStep(actor, state.services, { organizationId: meeting.organizationId, meetingId: meeting.id, ownerUserId: actor.userId, text: parsed.data.text });
      return redirect(`/meetings/${meeting.id}/my-steps?done=added`);
    }
    if (intent === 'step-status') {
      const parsed = stepStatusSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await updateStepStatus(actor, state.services, { organizationId: meeting.organizationId, stepId: parsed.data.stepId, status: parsed.data.status, reflection: parsed.data.reflection });
      return redirect(`/meetings/${meeting.id}/my-steps?done=status`);
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function MeetingMySteps() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('mySteps.title')} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t('mySteps.title')}</h1>
      <p className="lead">
        {page.meeting.theme ?? page.meeting.groupName} · {format.date(page.meeting.startsAt)}
      </p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'text', 'status', 'reflection']} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="add-step" />
        <Field id="text" label={t('mySteps.text')} hint={t('mySteps.hint')} error={err('text')}>
          {(p) => <input {...p} type="text" autoComplete="off" maxLength={300} defaultValue={result?.intent === 'add-step' ? result.values.text : ''} />}
        </Field>
        <p>
          <button type="submit" className="button">
            {t('mySteps.add')}
          </button>
        </p>
      </Form>
      <section aria-labelledby="here-title">
        <h2 id="here-title">{t('mySteps.here')}</h2>
        {page.here.length === 0 ? (
          <p className="muted">{t('live.steps.none')}</p>
        ) : (
          <ul className="live-steps">
            {page.here.map((s) => (
              <li key={s.id}>
                {s.text} <span className="muted">{t(stepStatusKeys[s.status])}</span>
                {s.dueOn ? <span className="muted"> · {t('live.steps.due', { date: format.date(s.dueOn) })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.earlier.length > 0 ? (
        <section aria-labelledby="earlier-title">
          <h2 id="earlier-title">{t('mySteps.earlier')}</h2>
          <ul className="live-steps">
            {page.earlier.map((s) => (
              <li key={s.id}>
                <StepStatusForm step={s} idPrefix={`step-${s.id}`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
