// /groups/:groupId: one group — who is in it (as each member chose to be shown), its
// meetings, and what this person may do. A member sees the group only after accepting
// the organisation's current group agreement.
import { data, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/group';
import { requireActor } from '../../lib/state.server';
import { notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { authorize, can, exitInterviewPolicy, groupOutcomePolicy, groupPolicy, meetingPolicy } from '../../../src/platform/policy/index.ts';
import { findCurrentAgreement, findGroupResource, listGroupPeople } from '../../../src/features/groups/groups.queries.ts';
import { locateGroup } from '../../../src/features/groups/locate.ts';
import { firstName, groupSizeAdvice, memberDisplay } from '../../../src/features/groups/group-rules.ts';
import { hasAcceptedCurrent } from '../../../src/features/groups/agreement.ts';
import { listMeetingsAroundNow } from '../../../src/features/meetings/meetings.queries.ts';
import { programmeOfGroup, participantContext } from '../../../src/features/programmes/programmes.queries.ts';
import { practiceNoticeFor } from '../../../src/features/training/practice-group.ts';

const notices = ['created', 'updated', 'accepted', 'meetingsCreated'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  const { db } = state.services;
  const organizationId = await locateGroup(db, actor, groupId);
  if (!organizationId) throw data(null, { status: 404 });
  const group = await findGroupResource(db, { organizationId, groupId });
  try {
    if (!group) throw data(null, { status: 404 });
    authorize(actor, group, groupPolicy.read);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const allowed = can(groupPolicy, actor, group);
  const isMember = group.memberUserIds.includes(actor.userId);
  const [people, agreement, meetingLists] = await Promise.all([listGroupPeople(db, { organizationId, groupId }), findCurrentAgreement(db, { organizationId }), listMeetingsAroundNow(db, { organizationId, groupId })]);
  if (isMember) {
    const me = people.members.find((m) => m.userId === actor.userId);
    if (!hasAcceptedCurrent(me?.agreementVersion ?? null, agreement?.version ?? null)) throw redirect(`/groups/${groupId}/agreement`);
  }
  const staffView = allowed.readAttendance;
  // Programmes (issue 17): a member of a programme's group sees the start form until it is filled.
  const programme = isMember ? await programmeOfGroup(db, { organizationId, groupId }) : null;
  const programmeStart = programme ? await participantContext(db, { userId: actor.userId, programmeId: programme.programmeId }) : null;
  // Facilitator training (issue 15): members of a practice group are told their facilitator is in training.
  const practice = isMember ? await practiceNoticeFor(db, actor, { organizationId, groupId }) : null;
  const meetingScope = { ...group, started: false, cancelled: false, expertUserIds: [] };
  return {
    notice: notice(new URL(request.url), notices),
    group: { id: group.id, name: group.name, status: group.status, format: group.format, description: group.description },
    can: { ...allowed, createMeeting: meetingPolicy.create(actor, meetingScope), board: isMember || group.facilitatorUserIds.includes(actor.userId), trend: groupOutcomePolicy.readTrend(actor, group), exitInterviews: exitInterviewPolicy.read(actor, group) },
    isMember,
    practice,
    programmeStart: programme && programmeStart && !programmeStart.start ? { id: programme.programmeId, name: programme.name } : null,
    sizeAdvice: allowed.manageMembers ? groupSizeAdvice(people.members.length) : null,
    facilitators: people.facilitators.map((f) => ({ userId: f.userId, name: f.name })),
    // Staff see full names; members see each other as each chose to be shown.
    members: people.members.map((m) =>
      staffView
        ? { userId: m.userId, label: m.name, company: m.companyName, self: m.userId === actor.userId, accepted: m.agreementVersion === (agreement?.version ?? null), hasPhoto: m.hasPhoto }
        : { userId: m.userId, label: m.userId === actor.userId ? firstName(m.name) : memberDisplay(m).firstName, company: memberDisplay(m).company, self: m.userId === actor.userId, accepted: true, hasPhoto: m.hasPhoto },
    ),
    upcoming: meetingLists.upcoming.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), theme: m.theme, format: m.format, status: m.status })),
    past: meetingLists.past.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), theme: m.theme, format: m.format, status: m.status })),
  };
}

export default function GroupPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const g = page.group;
  const meetingItem = (m: (typeof page.upcoming)[number]) => (
    <li key={m.id}>
      <a href={`/meetings/${m.id}`}>{format.date(m.startsAt, 'weekday')}</a>
      {m.theme ? ` – ${m.theme}` : ''} <span className="muted">({t(`meetings.format.${m.format as 'in_person'}`)})</span>
      {m.status === 'cancelled' ? <strong> {t('meetings.cancelledTag')}</strong> : null}
    </li>
  );
  return (
    <div className="page">
      <title>{`${g.name} – Työpeili`}</title>
      <p>
        <a href="/groups">{t('groups.back')}</a>
      </p>
      <h1>{g.name}</h1>
      <p className="lead">
        {t(`groups.status.${g.status}`)} · {t(`groups.format.${g.format as 'in_person'}`)}
      </p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(`groups.notice.${page.notice}`)}
        </p>
      ) : null}
      {g.description ? <p>{g.description}</p> : null}
      {page.practice ? (
        <p className="notice">
          {t('training.observation.inTraining', { name: page.practice.facilitatorName })} <a href={`/training/observation/${g.id}`}>{t('training.observation.link')}</a>
        </p>
      ) : null}
      {page.programmeStart ? (
        <p className="notice">
          <a href={`/programmes/${page.programmeStart.id}/start`}>{t('programmes.home.start', { name: page.programmeStart.name })}</a>
        </p>
      ) : null}
      <p className="button-row">
        {page.can.createMeeting ? (
          <a className="button" href={`/groups/${g.id}/meetings/new`}>
            {t('meetings.new.link')}
          </a>
        ) : null}
        {page.can.edit ? (
          <a className="button button--secondary" href={`/groups/${g.id}/edit`}>
            {t('groups.edit.link')}
          </a>
        ) : null}
        {page.can.board ? (
          <a className="button button--secondary" href={`/groups/${g.id}/board`}>
            {t('groups.boardLink')}
          </a>
        ) : null}
        {page.can.readAttendance ? (
          <a className="button button--secondary" href={`/groups/${g.id}/attendance`}>
            {t('groups.attendanceLink')}
          </a>
        ) : null}
        {page.can.exitInterviews ? (
          <a className="button button--secondary" href={`/groups/${g.id}/exit-interviews`}>
            {t('exitInterviews.link')}
          </a>
        ) : null}
        {page.can.trend ? (
          <a className="button button--secondary" href={`/groups/${g.id}/trend`}>
            {t('outcomes.trend.link')}
          </a>
        ) : null}
      </p>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('groups.upcoming')}</h2>
        {page.upcoming.length ? <ul className="plain-list">{page.upcoming.map(meetingItem)}</ul> : <p>{t('groups.noUpcoming')}</p>}
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('groups.people')}</h2>
        <h3>{t('groups.facilitators')}</h3>
        <ul className="plain-list">
          {page.facilitators.map((f) => (
            <li key={f.userId}>{f.name}</li>
          ))}
        </ul>
        <h3>{t('groups.members', { count: page.members.length })}</h3>
        {page.sizeAdvice ? (
          <p className="notice" role="note">
            {t(`groups.sizeWarning.${page.sizeAdvice}`, { count: page.members.length })}
          </p>
        ) : null}
        {page.members.length ? (
          <ul className="plain-list">
            {page.members.map((m) => (
              <li key={m.userId} className="member-line">
                {m.hasPhoto ? <img className="member-photo" src={`/groups/${g.id}/photos/${m.userId}`} alt="" width={40} height={40} loading="lazy" /> : null}
                {m.label}
                {m.company ? `, ${m.company}` : ''}
                {m.self ? <span className="muted"> ({t('groups.you')})</span> : null}
                {!m.accepted ? <span className="muted"> – {t('groups.agreementPending')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('groups.noMembers')}</p>
        )}
        {page.isMember ? (
          <p>
            <a href={`/groups/${g.id}/agreement`}>{t('groups.agreement.reviewLink')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('groups.past')}</h2>
        {page.past.length ? <ul className="plain-list">{page.past.map(meetingItem)}</ul> : <p>{t('groups.noPast')}</p>}
      </section>
    </div>
  );
}
