// /meetings/:meetingId/live: the facilitator runs the meeting on a laptop or tablet. Every button
// is a form POST (works without JavaScript); with JavaScript the page re-reads the server every
// few seconds, so a second device (or the projector view) shows the same meeting.
import { data, Form, redirect, useActionData, useLoaderData, type ShouldRevalidateFunctionArgs } from 'react-router';
import type { Route } from './+types/live';
import { loadAuthorizedMeeting } from '../../lib/live.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { Clock, FollowUpSection, liveHeadingKeys, useKeepFocusInSection, useLivePolling, useServerNow } from '../../ui/live';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { meetingPolicy } from '../../../src/platform/policy/index.ts';
import { itemRemainingMs, turnRemainingMs, liveCommandTypes } from '../../../src/features/meetings/live-state.ts';
import { loadLiveView } from '../../../src/features/meetings/live-view.ts';
import { liveCommandSchema, presenceSchema, stepStatusSchema, stepTextSchema } from '../../../src/features/meetings/live.validation.ts';
import { markPresent } from '../../../src/features/meetings/mark-present.ts';
import { PROMPT_CARDS } from '../../../src/features/meetings/prompt-cards.ts';
import { runLiveCommand } from '../../../src/features/meetings/run-live-command.ts';
import { addStep } from '../../../src/features/steps/add-step.ts';
import { updateStepStatus } from '../../../src/features/steps/update-step-status.ts';

const notices = ['presence', 'step', 'status'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = { presence: 'live.notice.presence', step: 'live.notice.step', status: 'live.notice.status' };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (actor, m) => meetingPolicy.runLive(actor, m));
  const done = new URL(request.url).searchParams.get('done');
  const view = await loadLiveView(state.services.db, meeting);
  return { ...view, notice: (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (a, m) => meetingPolicy.runLive(a, m));
  const formData = await request.formData();
  const form = Object.fromEntries(formData) as Record<string, string>;
  const intent = form.intent ?? '';
  const { services } = state;
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  const back = (notice?: Notice) => redirect(`/meetings/${meeting.id}/live` + (notice ? `?done=${notice}` : ''));
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  try {
    if ((liveCommandTypes as readonly string[]).includes(intent)) {
      const parsed = liveCommandSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await runLiveCommand(actor, services, { ...scope, intent: parsed.data.intent, expectedVersion: parsed.data.version, order: parsed.data.order });
      return back();
    }
    if (intent === 'presence') {
      const parsed = presenceSchema.safeParse({ present: formData.getAll('present') });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await markPresent(actor, services, { ...scope, presentUserIds: parsed.data.present });
      return back('presence');
    }
    if (intent === 'add-step') {
      const parsed = stepTextSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      if (!parsed.data.memberId) return fail({ form: 'error.badRequest' });
      await addStep(actor, services, { ...scope, ownerUserId: parsed.data.memberId, text: parsed.data.text });
      return back('step');
    }
    if (intent === 'step-status') {
      const parsed = stepStatusSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await updateStepStatus(actor, services, {
        organizationId: meeting.organizationId,
        stepId: parsed.data.stepId,
        status: parsed.data.status,
        reflection: parsed.data.reflection,
      });
      return back('status');
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return fail({ form: error.messageKey }, 409);
    rethrowAsResponse(error);
  }
}

/** After a refused command (409) show the fresh state too. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

const turnStatusKeys = {
  waiting: 'live.turn.waiting',
  current: 'live.turn.current',
  done: 'live.turn.done',
  passed: 'live.turn.passed',
} as const satisfies Record<string, MessageKey>;

export default function MeetingLive() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  useLivePolling();
  const keepFocus = useKeepFocusInSection();
  const now = useServerNow(page.serverNow);
  const errors = result?.errors ?? {};
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const { state } = page;
  const context = { agenda: page.agenda, promptCount: PROMPT_CARDS.length };
  const itemLeft = itemRemainingMs(state, context, now);
  const turnLeft = turnRemainingMs(state, now);
  const round = state.round;
  const roundLive = round !== null && round.phase !== 'ended';
  const running = state.phase === 'running';
  const title = page.meeting.theme ?? page.meeting.groupName;

  /** One command button: its own small form with the version this page saw. */
  const command = (intent: (typeof liveCommandTypes)[number], label: string, options: { primary?: boolean; extra?: React.ReactNode } = {}) => (
    <Form method="post" preventScrollReset className="live-command" onSubmit={keepFocus}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={state.version} />
      {options.extra}
      <button type="submit" className={options.primary ? 'button' : 'button button--secondary'}>
        {label}
      </button>
    </Form>
  );

  const presenceForm = (
    <Form method="post" preventScrollReset className="stack">
      <input type="hidden" name="intent" value="presence" />
      <fieldset>
        <legend>{t('live.presence.legend')}</legend>
        {page.members.map((m) => (
          <Choice key={m.id} id={`present-${m.id}`} name="present" value={m.id} defaultChecked={m.present} label={m.name} />
        ))}
      </fieldset>
      <p>
        <button type="submit" className="button button--secondary">
          {t('live.presence.save')}
        </button>
      </p>
    </Form>
  );

  return (
    <div className="page live">
      <title>{`${t('live.title')} – ${title} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t(liveHeadingKeys[state.phase], { title })}</h1>
      <p className="lead">
        {page.meeting.groupName} · {format.date(page.meeting.startsAt, 'datetime')}
      </p>
      <p>
        <a href={`/meetings/${page.meeting.id}/live/screen`} target="_blank" rel="noreferrer">
          {t('live.openScreen')}
        </a>
      </p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'text', 'status', 'reflection']} />
      <p className="live-announce" aria-live="polite" aria-atomic="true">
        {page.speaker ? t('live.nowSpeaking', { name: page.speaker.name }) : ''}
      </p>

      {state.phase === 'not-started' ? (
        <section aria-labelledby="presence-title" className="card">
          <h2 id="presence-title">{t('live.presence.title')}</h2>
          <p>{t(`live.presence.source.${page.presence.source}`)}</p>
          {presenceForm}
          {page.agenda.length > 0 ? command('start', t('live.start'), { primary: true }) : <p className="notice">{t('live.noAgenda')}</p>}
        </section>
      ) : null}

      {running ? (
        <details className="live-presence">
          <summary>{t('live.presence.arrived')}</summary>
          {presenceForm}
        </details>
      ) : null}

      {state.phase === 'ended' ? <p className="notice">{t('live.ended')}</p> : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('live.agenda.title')}</h2>
        <ol className="live-agenda">
          {page.agenda.map((item, i) => (
            <li key={item.id} aria-current={state.phase !== 'not-started' && i === state.itemIndex ? 'step' : undefined}>
              {item.title || t(`live.kind.${item.kind}`)} <span className="muted">{t('live.agenda.minutes', { minutes: item.minutes })}</span>
            </li>
          ))}
        </ol>
        {page.currentItem ? (
          <div className="live-current">
            <h3>{t('live.agenda.current', { item: page.currentItem.title || t(`live.kind.${page.currentItem.kind}`) })}</h3>
            {page.currentItem.topic ? <p>{page.currentItem.topic}</p> : null}
            {itemLeft !== null && running ? <Clock ms={itemLeft} label={t('live.itemLeft')} /> : null}
          </div>
        ) : null}
        {running ? (
          <div className="button-row">
            {state.itemIndex > 0 ? command('previous-item', t('live.previousItem')) : null}
            {state.itemIndex < page.agenda.length - 1 ? command('next-item', t('live.nextItem'), { primary: !roundLive }) : null}
            {command('end', t('live.end'))}
          </div>
        ) : null}
      </section>

      {running ? (
        <section aria-labelledby="round-title">
          <h2 id="round-title">{t('live.round.title')}</h2>
          {roundLive ? (
            <>
              <p className="live-speaker">{page.speaker ? page.speaker.name : ''}</p>
              {turnLeft !== null ? <Clock ms={turnLeft} label={t('live.turnLeft')} className="live-clock live-clock--big" /> : null}
              <div className="button-row">
                {command('next-turn', t('live.nextTurn'), { primary: true })}
                {command('pass', t('live.pass'))}
                {command('extend', t('live.extend'))}
                {round.current !== null && round.current > 0 ? command('previous-turn', t('live.previousTurn')) : null}
                {command('end-round', t('live.endRound'))}
              </div>
              <h3>{t('live.queue')}</h3>
              <ol className="live-queue">
                {page.turns.map((turn) => (
                  <li key={turn.memberId} data-status={turn.status} aria-current={turn.status === 'current' ? 'true' : undefined}>
                    <span className="live-queue__name">{turn.name}</span> <span className="live-queue__status">{t(turnStatusKeys[turn.status])}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <>
              {round ? <p className="muted">{t('live.round.ended')}</p> : null}
              <p>{t('live.round.lead', { count: page.presence.members.length })}</p>
              {page.presence.members.length > 0
                ? command('start-round', t('live.startRound'), {
                    primary: true,
                    extra: (
                      <fieldset className="live-order">
                        <legend>{t('live.order.legend')}</legend>
                        <Choice type="radio" id="order-fixed" name="order" value="fixed" defaultChecked label={t('live.order.fixed')} />
                        <Choice type="radio" id="order-shuffled" name="order" value="shuffled" label={t('live.order.shuffled')} />
                      </fieldset>
                    ),
                  })
                : null}
            </>
          )}
        </section>
      ) : null}

      {page.followUp ? <FollowUpSection members={page.followUp} /> : null}

      {page.currentItem?.kind === 'small_steps_round' || page.meetingSteps.some((m) => m.steps.length > 0) ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t('live.steps.title')}</h2>
          {page.currentItem?.kind === 'small_steps_round' && running && page.presence.members.length > 0 ? (
            <Form method="post" preventScrollReset className="stack card">
              <input type="hidden" name="intent" value="add-step" />
              <Field id="memberId" label={t('live.steps.member')}>
                {(p) => (
                  <select {...p} key={page.speaker?.id ?? 'none'} defaultValue={page.speaker?.id ?? page.presence.members[0]!.id}>
                    {page.presence.members.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="text" label={t('live.steps.text')} hint={t('live.steps.hint')} error={err('text')}>
                {(p) => <input {...p} type="text" autoComplete="off" maxLength={300} />}
              </Field>
              <p>
                <button type="submit" className="button">
                  {t('live.steps.add')}
                </button>
              </p>
            </Form>
          ) : null}
          {page.meetingSteps.map((member) => (
            <div key={member.memberId}>
              <h3>{member.name}</h3>
              {member.steps.length === 0 ? (
                <p className="muted">{t('live.steps.none')}</p>
              ) : (
                <ul className="live-steps">
                  {member.steps.map((s) => (
                    <li key={s.id}>
                      {s.text} {s.dueOn ? <span className="muted">{t('live.steps.due', { date: format.date(s.dueOn) })}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ) : null}

      {state.phase !== 'ended' ? (
        <section aria-labelledby="prompt-title">
          <h2 id="prompt-title">{t('live.prompt.title')}</h2>
          <blockquote className="live-prompt">{t(PROMPT_CARDS[state.promptIndex % PROMPT_CARDS.length]!)}</blockquote>
          <p className="muted">{t('live.prompt.position', { n: (state.promptIndex % PROMPT_CARDS.length) + 1, total: PROMPT_CARDS.length })}</p>
          <div className="button-row">
            {command('previous-prompt', t('live.previousPrompt'))}
            {command('next-prompt', t('live.nextPrompt'))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
