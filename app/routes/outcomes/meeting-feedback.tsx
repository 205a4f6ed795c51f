// /meetings/:meetingId/feedback: after the meeting has started, members answer two ratings
// and an optional comment, anonymously and once; facilitators (and coordinators) see the
// meeting's feedback aggregated, without names.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/meeting-feedback';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { loadMeeting } from '../../lib/meeting.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { can, meetingFeedbackPolicy, meetingPolicy, or, type MeetingResource } from '../../../src/platform/policy/index.ts';
import { giveMeetingFeedback } from '../../../src/features/outcomes/give-meeting-feedback.ts';
import { groupFeedback, hasGivenFeedback, MIN_GROUP_N } from '../../../src/features/outcomes/outcomes.queries.ts';
import { FeedbackSummary } from './group-trend';

const canOpen = or<MeetingResource>(meetingFeedbackPolicy.give, meetingFeedbackPolicy.read, meetingPolicy.read);
const rating = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().min(1).max(5).nullable());
const schema = z.object({ useful: rating, safe: rating, comment: z.string().trim().max(2000, 'outcomes.feedback.tooLong').optional() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, canOpen);
  const allowed = can(meetingFeedbackPolicy, actor, meeting);
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  const [given, summary] = await Promise.all([
    allowed.give ? hasGivenFeedback(state.services.db, { ...scope, userId: actor.userId }) : false,
    allowed.read ? groupFeedback(state.services.db, { organizationId: meeting.organizationId, groupId: meeting.groupId, meetingId: meeting.id }) : [],
  ]);
  return {
    minN: MIN_GROUP_N,
    meeting: { id: meeting.id, groupName: meeting.group.name, startsAt: meeting.startsAt.toISOString(), started: meeting.started },
    allowed,
    given,
    summary: summary[0] ? { ...summary[0], startsAt: summary[0].startsAt.toISOString() } : null,
    done: notice(new URL(request.url), ['thanks'] as const),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, meetingFeedbackPolicy.give);
  const form = await formFields(request);
  const p = schema.safeParse(form);
  if (!p.success) return data<ActionResult>({ errors: fieldErrors(p.error), values: form }, { status: 400 });
  try {
    await giveMeetingFeedback(actor, state.services, {
      organizationId: meeting.organizationId,
      meetingId: meeting.id,
      useful: p.data.useful,
      safe: p.data.safe,
      comment: p.data.comment ?? null,
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/meetings/${meeting.id}/feedback?done=thanks`);
}

const scale = [1, 2, 3, 4, 5] as const;

export default function MeetingFeedback() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const ratingField = (name: 'useful' | 'safe') => (
    <fieldset>
      <legend>{t(`outcomes.feedback.${name}`)}</legend>
      <p className="hint">{t('outcomes.feedback.scaleHint')}</p>
      <div className="radio-row">
        {scale.map((v, i) => (
          <Choice
            type="radio"
            key={v}
            id={i === 0 ? name : `${name}-${v}`}
            name={name}
            value={v}
            defaultChecked={result?.values[name] === String(v)}
            label={v}
          />
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="page">
      <title>{`${t('outcomes.feedback.title')} – ${page.meeting.groupName} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t('outcomes.feedback.title')}</h1>
      <p className="lead">
        {page.meeting.groupName}, {format.date(page.meeting.startsAt, 'weekday')}
      </p>
      {page.done ? (
        <div className="notice notice--success" role="status">
          {t('outcomes.feedback.thanks')}
        </div>
      ) : null}
      {page.allowed.give && !page.given ? (
        <>
          <p>{t('outcomes.feedback.anonymous')}</p>
          <ErrorSummary errors={errors} order={['useful', 'safe', 'comment']} />
          <Form method="post" className="stack">
            {ratingField('useful')}
            {ratingField('safe')}
            <div className="field">
              <label htmlFor="comment">{t('outcomes.feedback.comment')}</label>
              <p className="hint" id="comment-hint">
                {t('outcomes.feedback.commentHint')}
              </p>
              <textarea id="comment" name="comment" rows={4} maxLength={2000} defaultValue={result?.values.comment ?? ''} aria-describedby="comment-hint" />
            </div>
            <p>
              <button type="submit" className="button">
                {t('outcomes.feedback.send')}
              </button>
            </p>
          </Form>
        </>
      ) : page.allowed.give && !page.done ? (
        <p>{t('outcomes.feedback.alreadyGiven')}</p>
      ) : null}
      {!page.allowed.give && !page.allowed.read ? <p>{page.meeting.started ? t('outcomes.feedback.notForYou') : t('outcomes.feedback.notYet')}</p> : null}
      {page.allowed.read ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('outcomes.feedback.summaryTitle')}</h2>
          {page.summary ? <FeedbackSummary summary={page.summary} minN={page.minN} level={3} /> : <p>{t('outcomes.feedback.none')}</p>}
        </section>
      ) : null}
    </div>
  );
}
