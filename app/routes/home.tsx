// /home: what this person can do now, in plain words, phone first. The sections
// follow the home policy for the organisation the person works in now.
import { count } from 'drizzle-orm';
import { Form, useLoaderData, useLocation } from 'react-router';
import type { Route } from './+types/home';
import { requireActor } from '../lib/state.server';
import { useT } from '../lib/i18n';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import { can, homePolicy } from '../../src/platform/policy/index.ts';
import { organizations } from '../../src/features/organizations/organizations.schema.ts';
import { countMembers, countPendingInvitations } from '../../src/features/organizations/organizations.queries.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const scope = { organizationId: actor.organizationId };
  const allowed = can(homePolicy, actor, scope);
  const active = actor.memberships.find((m) => m.organizationId === actor.organizationId) ?? null;
  const [members, invitations, organizationCount] = await Promise.all([
    allowed.manageMembers && scope.organizationId ? countMembers(db, { organizationId: scope.organizationId }) : null,
    allowed.manageMembers && scope.organizationId ? countPendingInvitations(db, { organizationId: scope.organizationId }) : null,
    allowed.manageOrganizations ? db.select({ n: count() }).from(organizations).then(([r]) => r?.n ?? 0) : null,
  ]);
  return {
    name: actor.name,
    active: active ? { organizationId: active.organizationId, organizationName: active.organizationName, role: active.role } : null,
    memberships: actor.memberships.map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, role: m.role })),
    can: allowed,
    counts: { members, invitations, organizations: organizationCount },
  };
}

type Section = { key: string; title: MessageKey; body: MessageKey; coming: MessageKey[] };

export default function Home() {
  const t = useT();
  const location = useLocation();
  const page = useLoaderData<typeof loader>();
  const { can: allowed } = page;

  const sections: Section[] = [];
  if (allowed.joinGroups) sections.push({ key: 'entrepreneur', title: 'home.entrepreneur.title', body: 'home.entrepreneur.body', coming: ['home.entrepreneur.coming1', 'home.entrepreneur.coming2', 'home.entrepreneur.coming3'] });
  if (allowed.followTraining) sections.push({ key: 'trainee', title: 'home.trainee.title', body: 'home.trainee.body', coming: ['home.trainee.coming1', 'home.trainee.coming2', 'home.trainee.coming3'] });
  else if (allowed.facilitateGroups) sections.push({ key: 'facilitator', title: 'home.facilitator.title', body: 'home.facilitator.body', coming: ['home.facilitator.coming1', 'home.facilitator.coming2', 'home.facilitator.coming3'] });
  if (allowed.shareExpertise) sections.push({ key: 'expert', title: 'home.expert.title', body: 'home.expert.body', coming: ['home.expert.coming1', 'home.expert.coming2'] });
  if (allowed.viewReports && !allowed.coordinateProgramme) sections.push({ key: 'funder', title: 'home.funder.title', body: 'home.funder.body', coming: ['home.funder.coming1', 'home.funder.coming2'] });

  return (
    <div className="page home">
      <title>{`${t('nav.home')} – Työpeili`}</title>
      <h1>{t('home.title', { name: page.name })}</h1>
      {page.active ? (
        <p className="lead">{t('home.working', { organization: page.active.organizationName, role: t(`org.role.${page.active.role}`) })}</p>
      ) : (
        <p className="lead">{t('home.noOrganization')}</p>
      )}

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
          {allowed.coordinateProgramme ? <ComingSoon items={['home.coordinator.coming2', 'home.coordinator.coming3']} id="coordinator" /> : null}
        </section>
      ) : null}

      {sections.map((s) => (
        <section className="card home-card" aria-labelledby={`home-${s.key}`} key={s.key}>
          <h2 id={`home-${s.key}`}>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
          <ComingSoon items={s.coming} id={s.key} />
          {s.key === 'entrepreneur' ? <p>{t('home.entrepreneur.note')}</p> : null}
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

function ComingSoon({ items, id }: { items: MessageKey[]; id: string }) {
  const t = useT();
  return (
    <>
      <h3 id={`coming-${id}`}>{t('home.coming.title')}</h3>
      <ul className="plain-list" aria-labelledby={`coming-${id}`}>
        {items.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </>
  );
}
