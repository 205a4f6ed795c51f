// /expert-invitations/:invitationId: the invited expert's own page for one invitation: what
// (the segment's topic or the event's title), when in Helsinki time, how long, who invited and
// why; accept or decline with a note; once accepted, the hours recorded for it. Nothing else of
// the group (no other segments, notes, attendance or journals). Anyone else gets 404.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/invitation';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { ExpertInvitationError } from '../../../src/features/experts/experts.errors.ts';
import { findInvitation, hoursOfInvitation, invitationView } from '../../../src/features/experts/experts.queries.ts';
import { respondFormSchema } from '../../../src/features/experts/experts.validation.ts';
import { respondToInvitation } from '../../../src/features/experts/respond-invitation.ts';

async function loadOwn(services: Pick<Services, 'db'>, actor: Actor, param: string | undefined) {
  const invitationId = uuidParam(param);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const invitation = await findInvitation(services.db, { organizationId: actor.organizationId, invitationId });
  if (!invitation || invitation.expertUserId !== actor.userId) throw data(null, { status: 404 });
  return invitation;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const invitation = await loadOwn(state.services, actor, params.invitationId);
  const db = state.services.db;
  const view = await invitationView(db, invitation);
  const hours = await hoursOfInvitation(db, { organizationId: invitation.organizationId, invitationId: invitation.id });
  const url = new URL(request.url);
  return {
    done: notice(url, ['accepted', 'declined', 'hours'] as const),
    hoursInvalid: url.searchParams.get('hours') === 'invalid',
    invitation: {
      kind: view.kind,
      title: view.title,
      place: view.place,
      inviterName: view.inviterName,
      startsAt: invitation.startsAt.toISOString(),
      minutes: invitation.minutes,
      message: invitation.message,
      status: invitation.status,
      note: invitation.responseNote,
    },
    hours: hours ?? null,
  };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const invitation = await loadOwn(state.services, actor, params.invitationId);
  const parsed = respondFormSchema.safeParse(await formFields(request));
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error, 'experts.respond.choose') }, { status: 400 });
  try {
    await respondToInvitation(actor, state.services, {
      organizationId: invitation.organizationId,
      invitationId: invitation.id,
      answer: parsed.data.answer,
      note: parsed.data.note,
    });
  } catch (error) {
    if (error instanceof ExpertInvitationError) return data<ActionResult>({ errors: { answer: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/expert-invitations/${invitation.id}?done=${parsed.data.answer === 'accept' ? 'accepted' : 'declined'}`);
}

export default function ExpertInvitationPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const i = page.invitation;
  return (
    <div className="page">
      <title>{`${t('experts.invitation.title')} – Työpeili`}</title>
      <p>
        <a href="/home">{t('experts.invitation.back')}</a>
      </p>
      <h1>{t('experts.invitation.title')}</h1>
      {page.done ? (
        <p role="status" className="notice">
          {t(`experts.invitation.done.${page.done}` as MessageKey)}
        </p>
      ) : null}
      <dl>
        <dt>{t(`experts.invitations.kind.${i.kind}` as MessageKey)}</dt>
        <dd>{i.title || '–'}</dd>
        <dt>{t('experts.invitation.when')}</dt>
        <dd>{format.date(i.startsAt, 'datetime')}</dd>
        <dt>{t('experts.invitation.length')}</dt>
        <dd>{t('experts.invitation.minutes', { minutes: i.minutes })}</dd>
        {i.place ? (
          <>
            <dt>{t('experts.invitation.place')}</dt>
            <dd>{i.place}</dd>
          </>
        ) : null}
        {i.inviterName ? (
          <>
            <dt>{t('experts.invitation.from')}</dt>
            <dd>{i.inviterName}</dd>
          </>
        ) : null}
        {i.message ? (
          <>
            <dt>{t('experts.invite.message')}</dt>
            <dd>{i.message}</dd>
          </>
        ) : null}
        <dt>{t('experts.invitation.status')}</dt>
        <dd>{t(`experts.status.${i.status}` as MessageKey)}</dd>
      </dl>

      {i.status === 'pending' ? (
        <section aria-labelledby="answer-title" className="stack">
          <h2 id="answer-title">{t('experts.invitation.answer')}</h2>
          <ErrorSummary errors={errors} order={['answer', 'note']} />
          <Form method="post" className="stack">
            <fieldset className="field">
              <legend>{t('experts.invitation.answerLegend')}</legend>
              <Choice type="radio" id="answer-accept" name="answer" value="accept" label={t('experts.invitation.accept')} />
              <Choice type="radio" id="answer-decline" name="answer" value="decline" label={t('experts.invitation.decline')} />
            </fieldset>
            <div className="field">
              <label htmlFor="note">{t('experts.invitation.note')}</label>
              <textarea id="note" name="note" rows={3} maxLength={1000} />
            </div>
            <p>
              <button type="submit" className="button">
                {t('experts.invitation.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {page.hours ? (
        <section aria-labelledby="hours-title" className="stack">
          <h2 id="hours-title">{t('experts.hours.own')}</h2>
          {page.hoursInvalid ? (
            <p role="alert" className="error">
              {t('experts.hours.invalid')}
            </p>
          ) : null}
          <form method="post" action={`/organization/experts/hours/${page.hours.id}`} className="stack">
            <div className="field">
              <label htmlFor="hours">{t('experts.hours.hours')}</label>
              <input
                id="hours"
                name="hours"
                type="text"
                inputMode="decimal"
                defaultValue={format.number(page.hours.minutes / 60, { maximumFractionDigits: 2 })}
              />
            </div>
            <div className="field">
              <label htmlFor="hours-note">{t('experts.hours.note')}</label>
              <input id="hours-note" name="note" type="text" defaultValue={page.hours.note} maxLength={500} />
            </div>
            <input type="hidden" name="back" value="invitation" />
            <p>
              <button type="submit" className="button button--secondary">
                {t('experts.hours.save')}
              </button>
            </p>
          </form>
        </section>
      ) : null}
    </div>
  );
}
