// /organization/experts/:userId: an expert's profile for the organisation's staff, the form to
// invite them to an expert segment (the coordinator: any; a facilitator: their own groups') or to
// an event (the coordinator), and the invitations made so far.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/expert';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { expertPolicy } from '../../../src/platform/policy/index.ts';
import { ExpertInvitationError } from '../../../src/features/experts/experts.errors.ts';
import { expertResource, findExpert, invitationsOf, listUpcomingEvents, listUpcomingSegments } from '../../../src/features/experts/experts.queries.ts';
import { inviteFormSchema } from '../../../src/features/experts/experts.validation.ts';
import { inviteExpert } from '../../../src/features/experts/invite-expert.ts';

async function loadExpert(services: Pick<Services, 'db'>, actor: Actor, userIdParam: string | undefined) {
  const userId = uuidParam(userIdParam);
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  const expert = await findExpert(services.db, { organizationId, userId });
  // Not an expert here, or not to be seen by this person: not found.
  if (!expert || !expertPolicy.readProfile(actor, expertResource(organizationId, userId, expert.profile))) throw data(null, { status: 404 });
  return { organizationId, expert };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { organizationId, expert } = await loadExpert(state.services, actor, params.userId);
  const db = state.services.db;
  const now = new Date();
  const resource = (facilitatorUserIds: readonly string[]) => expertResource(organizationId, expert.userId, expert.profile, { facilitatorUserIds });
  const segments = (await listUpcomingSegments(db, { organizationId, now })).filter((s) => expertPolicy.inviteToSegment(actor, resource(s.facilitatorUserIds)));
  const mayInviteToEvent = expertPolicy.inviteToEvent(actor, resource([]));
  const upcomingEvents = mayInviteToEvent ? await listUpcomingEvents(db, { organizationId, now }) : [];
  const staff = expertPolicy.listDirectory(actor, resource([]));
  const invitations = staff ? await invitationsOf(db, { organizationId, userId: expert.userId }) : [];
  const p = expert.profile;
  return {
    done: notice(new URL(request.url), ['invited'] as const),
    expert: { userId: expert.userId, name: expert.name, topics: p?.topics ?? [], bio: p?.bio ?? '', languages: p?.languages ?? [], region: p?.region ?? '', hasPhoto: Boolean(p?.photoStorageKey) },
    segments: segments.map((s) => ({ value: `segment:${s.meetingId}:${s.agendaItemId}`, groupName: s.groupName, startsAt: s.startsAt.toISOString(), topic: s.topic ?? '' })),
    events: upcomingEvents.map((e) => ({ value: `event:${e.id}`, title: e.title, startsAt: e.startsAt.toISOString() })),
    invitations: invitations.map((i) => ({ id: i.id, startsAt: i.startsAt.toISOString(), status: i.status, kind: i.eventId ? 'event' : 'segment', note: i.responseNote })),
  };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { organizationId, expert } = await loadExpert(state.services, actor, params.userId);
  const parsed = inviteFormSchema.safeParse(await formFields(request));
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error, 'experts.invite.chooseTarget') }, { status: 400 });
  try {
    await inviteExpert(actor, state.services, { organizationId, expertUserId: expert.userId, target: parsed.data.target, message: parsed.data.message });
  } catch (error) {
    if (error instanceof ExpertInvitationError) return data<ActionResult>({ errors: { target: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/organization/experts/${expert.userId}?done=invited#invitations-title`);
}

export default function ExpertProfilePage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const e = page.expert;
  const canInvite = page.segments.length > 0 || page.events.length > 0;
  return (
    <div className="page">
      <title>{`${e.name} – Työpeili`}</title>
      <p>
        <a href="/organization/experts">{t('experts.profile.back')}</a>
      </p>
      <h1>{e.name}</h1>
      {e.hasPhoto ? <img src={`/organization/experts/${e.userId}/photo`} alt={t('experts.profile.photoOf', { name: e.name })} width={160} /> : null}
      {e.topics.length ? <p>{t('experts.profile.topicsLine', { topics: e.topics.join(', ') })}</p> : null}
      {e.languages.length ? <p>{t('experts.profile.languagesLine', { languages: e.languages.map((c) => t(`experts.lang.${c}` as MessageKey)).join(', ') })}</p> : null}
      {e.region ? <p>{t('experts.profile.regionLine', { region: e.region })}</p> : null}
      {e.bio ? e.bio.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>) : <p>{t('experts.profile.noBio')}</p>}

      {canInvite ? (
        <section aria-labelledby="invite-title" className="stack">
          <h2 id="invite-title">{t('experts.invite.title')}</h2>
          <ErrorSummary errors={errors} order={['target', 'message']} />
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="target">{t('experts.invite.target')}</label>
              <select id="target" name="target" defaultValue="" aria-invalid={errors.target ? true : undefined}>
                <option value="">{t('experts.invite.choose')}</option>
                {page.segments.length ? (
                  <optgroup label={t('experts.invite.segments')}>
                    {page.segments.map((s) => (
                      <option key={s.value} value={s.value}>
                        {t('experts.invite.segmentOption', { group: s.groupName, when: format.date(s.startsAt, 'datetime'), topic: s.topic })}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {page.events.length ? (
                  <optgroup label={t('experts.invite.events')}>
                    {page.events.map((ev) => (
                      <option key={ev.value} value={ev.value}>
                        {t('experts.invite.eventOption', { title: ev.title, when: format.date(ev.startsAt, 'datetime') })}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
            </div>
            <div className="field">
              <label htmlFor="message">{t('experts.invite.message')}</label>
              <textarea id="message" name="message" rows={4} maxLength={2000} />
            </div>
            <p>
              <button type="submit" className="button">
                {t('experts.invite.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="invitations-title" className="stack">
        <h2 id="invitations-title">{t('experts.invitations.title')}</h2>
        {page.done ? (
          <p role="status" className="notice">
            {t('experts.invite.done')}
          </p>
        ) : null}
        {page.invitations.length === 0 ? <p>{t('experts.invitations.none')}</p> : null}
        <ul className="plain-list">
          {page.invitations.map((i) => (
            <li key={i.id}>
              {t(`experts.invitations.kind.${i.kind}` as MessageKey)}, {format.date(i.startsAt, 'datetime')}: {t(`experts.status.${i.status}` as MessageKey)}
              {i.note ? ` – ${i.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
