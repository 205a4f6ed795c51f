// /home: what this person can do now, in plain words, phone first. The sections
// follow the home policy for the organisation the person works in now.
import { count } from 'drizzle-orm';
import { Form, redirect, useLoaderData, useLocation } from 'react-router';
import type { Route } from './+types/home';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { can, dashboardPolicy, homePolicy } from '../../../src/platform/policy/index.ts';
import { organizations } from '../../../src/features/organizations/organizations.schema.ts';
import { countMembers, countPendingInvitations } from '../../../src/features/organizations/organizations.queries.ts';
import {
  coordinatorOverview,
  expertSegments,
  facilitatorOverview,
  nextMeetingsForMember,
  openStepsOf,
  recentBoardPosts,
} from '../../../src/features/homes/homes.queries.ts';
import { addDays, utcToZoned, zonedTimeToUtc } from '../../../src/features/meetings/zoned-time.ts';
import { isJoinWindowOpen } from '../../../src/features/meetings/online-window.ts';
import { planHomeSteps } from '../../../src/features/homes/home-steps.ts';
import { ComingSoon, CoordinatorHome, EntrepreneurHome, ExpertHome, FacilitatorHome } from '../../ui/home';
import { findDueCheckIns } from '../../../src/features/outcomes/due-check-ins.ts';
import { listMyStories } from '../../../src/features/stories/stories.queries.ts';
import { pendingInvitationsFor } from '../../../src/features/experts/experts.queries.ts';
import { ExpertInvitations } from '../../ui/expert-invitations';
import { FundedProgrammes, ProgrammeForms } from '../../ui/programme-home';
import { fundedProgrammes, pendingParticipantForms } from '../../../src/features/programmes/programmes.queries.ts';
import { DashboardHomeSummary } from '../../ui/dashboard';
import { dashboardSummary } from '../../../src/features/dashboard/summary.ts';
import { MentorHome, TraineeHome } from '../../ui/training';
import { mentorHome, traineeHome } from '../../../src/features/training/views.ts';
import { awaitsImportConfirmation } from '../../../src/features/imports/imported-data.ts';

/** The first instant of this Helsinki month and of the next one. */
function helsinkiMonth(now: Date): { start: Date; end: Date } {
  const { date } = utcToZoned(now);
  const first = `${date.slice(0, 8)}01`;
  const next = addDays(first, 32);
  return { start: zonedTimeToUtc(first, '00:00'), end: zonedTimeToUtc(`${next.slice(0, 8)}01`, '00:00') };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const scope = { organizationId: actor.organizationId };
  const allowed = can(homePolicy, actor, scope);
  const active = actor.memberships.find((m) => m.organizationId === actor.organizationId) ?? null;
  const organizationId = scope.organizationId;
  const now = new Date();
  const me = organizationId ? { organizationId, userId: actor.userId, now } : null;
  const month = helsinkiMonth(now);
  const [members, invitations, organizationCount, nextMeetings, openSteps, posts, facilitating, coordinating, segments, checkIns, expertInvitations, awaitsImport] =
    await Promise.all([
      allowed.manageMembers && organizationId ? countMembers(db, { organizationId }) : null,
      allowed.manageMembers && organizationId ? countPendingInvitations(db, { organizationId }) : null,
      allowed.manageOrganizations
        ? db
            .select({ n: count() })
            .from(organizations)
            .then(([r]) => r?.n ?? 0)
        : null,
      allowed.joinGroups && me ? nextMeetingsForMember(db, me) : null,
      allowed.joinGroups && me ? openStepsOf(db, me) : null,
      allowed.joinGroups && me ? recentBoardPosts(db, { ...me, since: new Date(now.getTime() - 14 * 86_400_000) }) : null,
      allowed.facilitateGroups && me ? facilitatorOverview(db, me) : null,
      allowed.coordinateProgramme && organizationId ? coordinatorOverview(db, { organizationId, monthStart: month.start, monthEnd: month.end }) : null,
      allowed.shareExpertise && me ? expertSegments(db, me) : null,
      allowed.joinGroups && me ? findDueCheckIns(db, me) : null,
      allowed.shareExpertise && me ? pendingInvitationsFor(db, me) : null,
      // Added by an import and not yet seen what was recorded (issue 19, point 4): that page first.
      allowed.joinGroups && me ? awaitsImportConfirmation(db, me) : false,
    ]);
  if (awaitsImport) throw redirect('/imported-data');
  const iso = <T extends { startsAt: Date }>(list: T[]) => list.map((x) => ({ ...x, startsAt: x.startsAt.toISOString() }));
  const stepPlan = openSteps ? planHomeSteps(openSteps, utcToZoned(now).date) : null;
  // A story drafted from the person's words that waits for their decision (issue 14, point 6).
  const storiesWaiting = me ? (await listMyStories(db, me)).filter((x) => x.status === 'awaiting').length : 0;
  // Programmes (issue 17): the participant's start and end forms; the funder's programmes (no people);
  // the organisation dashboard's summary for those who may open it (issue 17, point 6).
  const funderOrganizations = actor.memberships.filter((m) => m.role === 'funder').map((m) => m.organizationId);
  const [programmeForms, funded, dashboard] = await Promise.all([
    pendingParticipantForms(db, { userId: actor.userId, today: utcToZoned(now).date }),
    funderOrganizations.length > 0 ? fundedProgrammes(db, { userId: actor.userId, organizationIds: funderOrganizations }) : null,
    organizationId && can(dashboardPolicy, actor, { organizationId }).view ? dashboardSummary(db, { organizationId, now }) : null,
  ]);
  const programmeDone = new URL(request.url).searchParams.get('done');
  // Facilitator training (issue 15): the trainee's course, and the mentor's submissions waiting.
  const training = organizationId ? await traineeHome(db, actor, { organizationId, now, locale: state.locale }) : null;
  const mentoring = organizationId ? await mentorHome(db, actor, { organizationId, locale: state.locale }) : null;
  return {
    training,
    mentoring,
    storiesWaiting,
    programmeForms,
    programmeDone: (programmeDone === 'programme-start' || programmeDone === 'programme-end' ? programmeDone : null) as 'programme-start' | 'programme-end' | null,
    funded,
    dashboard,
    name: actor.name,
    active: active ? { organizationId: active.organizationId, organizationName: active.organizationName, role: active.role } : null,
    memberships: actor.memberships.map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, role: m.role })),
    can: allowed,
    counts: { members, invitations, organizations: organizationCount },
    entrepreneur:
      nextMeetings && stepPlan && posts
        ? {
            meetings: nextMeetings.map(({ onlineUrl, ...m }) => ({
              ...m,
              startsAt: m.startsAt.toISOString(),
              endsAt: m.endsAt.toISOString(),
              joinUrl: onlineUrl && isJoinWindowOpen(m, now) ? onlineUrl : null,
            })),
            steps: stepPlan.shown,
            hiddenSteps: stepPlan.hidden,
            posts: posts.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
            checkIns: { consent: checkIns?.consent ?? false, open: (checkIns?.due.length ?? 0) + (checkIns?.drafts.length ?? 0) },
          }
        : null,
    facilitator: facilitating ? { groups: facilitating.groups, meetings: iso(facilitating.meetings), attendanceDue: iso(facilitating.attendanceDue) } : null,
    coordinator: coordinating ? { ...coordinating, meetings: iso(coordinating.meetings) } : null,
    segments: segments
      ? segments.map((s) => ({
          id: s.id,
          startsAt: s.startsAt.toISOString(),
          topic: s.topic,
          joinUrl:
            s.onlineUrl && s.format !== 'in_person' && isJoinWindowOpen({ startsAt: s.segmentStartsAt, endsAt: s.segmentEndsAt }, now) ? s.onlineUrl : null,
        }))
      : null,
    expertInvitations: expertInvitations
      ? expertInvitations.map((i) => ({ id: i.id, startsAt: i.startsAt.toISOString(), minutes: i.minutes, kind: i.eventId ? 'event' : 'segment' }))
      : null,
  };
}

type Section = { key: string; title: MessageKey; body: MessageKey; coming: MessageKey[] };

export default function Home() {
  const t = useT();
  const location = useLocation();
  const page = useLoaderData<typeof loader>();
  const { can: allowed } = page;

  const sections: Section[] = [];
  // A funder's programmes and their reports are listed below (FundedProgrammes); the placeholder only for a funder without any.
  if (allowed.viewReports && !allowed.coordinateProgramme && !page.funded?.length)
    sections.push({ key: 'funder', title: 'home.funder.title', body: 'home.funder.body', coming: ['home.funder.coming1', 'home.funder.coming2'] });

  return (
    <div className="page home">
      <title>{`${t('nav.home')} – Työpeili`}</title>
      <h1>{t('home.title', { name: page.name })}</h1>
      {page.active ? (
        <p className="lead">
          {/* An entrepreneur takes part in the groups; staff work in the organisation (issue 11: "Työskentelet" read oddly to a member). */}
          {page.active.role === 'entrepreneur'
            ? t('home.participating', { organization: page.active.organizationName })
            : t('home.working', { organization: page.active.organizationName, role: t(`org.role.${page.active.role}`) })}
        </p>
      ) : (
        <p className="lead">{t('home.noOrganization')}</p>
      )}

      {page.storiesWaiting > 0 ? (
        <p className="notice">
          <a href="/profile/stories">{t('stories.home.waiting', { count: page.storiesWaiting })}</a>
        </p>
      ) : null}
      <ProgrammeForms forms={page.programmeForms} done={page.programmeDone} />
      {page.training ? <TraineeHome data={page.training} /> : null}
      {!page.training && allowed.followTraining ? (
        <section className="card home-card" aria-labelledby="home-trainee">
          <h2 id="home-trainee">{t('home.trainee.title')}</h2>
          <p>{t('home.trainee.body')}</p>
          <p>{t('training.home.noCourse')}</p>
          <p>
            <a href="/training">{t('training.home.findCourse')}</a>
          </p>
        </section>
      ) : null}
      {page.mentoring ? <MentorHome data={page.mentoring} /> : null}
      {page.entrepreneur ? <EntrepreneurHome data={page.entrepreneur} /> : null}
      {page.funded ? <FundedProgrammes programmes={page.funded} /> : null}
      {page.facilitator ? <FacilitatorHome data={page.facilitator} /> : null}
      {page.coordinator ? <CoordinatorHome data={page.coordinator} /> : null}
      {page.dashboard ? <DashboardHomeSummary summary={page.dashboard} /> : null}
      {page.expertInvitations ? <ExpertInvitations invitations={page.expertInvitations} /> : null}
      {page.segments ? <ExpertHome segments={page.segments} /> : null}

      {allowed.manageOrganizations ? (
        <section className="card home-card" aria-labelledby="home-admin">
          <h2 id="home-admin">{t('home.admin.title')}</h2>
          <p>{t('home.admin.body')}</p>
          <p>{t('home.admin.count', { count: page.counts.organizations ?? 0 })}</p>
          <p>
            <a className="button" href="/admin/organizations">
              {t('home.admin.link')}
            </a>
          </p>
        </section>
      ) : null}

      {allowed.manageMembers && page.active ? (
        <section className="card home-card" aria-labelledby="home-coordinator">
          <h2 id="home-coordinator">{allowed.coordinateProgramme ? t('home.coordinator.title') : t('home.coordinator.link')}</h2>
          <p>{t('home.coordinator.body')}</p>
          <ul className="plain-list">
            <li>{t('home.coordinator.members', { count: page.counts.members ?? 0 })}</li>
            <li>{t('home.coordinator.invitations', { count: page.counts.invitations ?? 0 })}</li>
          </ul>
          <p>
            <a className="button" href="/organization/members">
              {t('home.coordinator.link')}
            </a>
          </p>
          {allowed.coordinateProgramme ? (
            <p>
              <a className="button button--secondary" href="/intake">
                {t('home.coordinator.intake')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {sections.map((s) => (
        <section className="card home-card" aria-labelledby={`home-${s.key}`} key={s.key}>
          <h2 id={`home-${s.key}`}>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
          <ComingSoon items={s.coming} id={s.key} />
        </section>
      ))}

      {page.memberships.length > 0 ? (
        <section className="card home-card" aria-labelledby="home-orgs">
          <h2 id="home-orgs">{t('home.orgs.title')}</h2>
          <ul className="plain-list">
            {page.memberships.map((m) => (
              <li key={m.organizationId}>
                {m.organizationId === page.active?.organizationId ? <strong>{m.organizationName}</strong> : m.organizationName}: {t(`org.role.${m.role}`)}
              </li>
            ))}
          </ul>
          {allowed.switchOrganization ? (
            <Form method="post" action="/switch-organization" className="stack" reloadDocument>
              <input type="hidden" name="next" value={location.pathname} />
              <div className="field">
                <label htmlFor="switch-organization">{t('home.switch.label')}</label>
                <select id="switch-organization" name="organizationId" defaultValue={page.active?.organizationId}>
                  {page.memberships.map((m) => (
                    <option key={m.organizationId} value={m.organizationId}>
                      {m.organizationName}
                    </option>
                  ))}
                </select>
              </div>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('home.switch.submit')}
                </button>
              </p>
            </Form>
          ) : null}
        </section>
      ) : null}

      {allowed.editProfile ? (
        <section className="card home-card" aria-labelledby="home-profile">
          <h2 id="home-profile">{t('home.profile.title')}</h2>
          <p>{t('home.profile.body')}</p>
          <p>
            <a href="/profile">{t('home.profile.link')}</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
