// /organization/programmes: the programmes the organisation leads or takes part in.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/programmes';
import { requireActor } from '../../lib/state.server';
import { requireProgrammeStaff } from '../../lib/programmes.server';
import { useFormat, useT } from '../../lib/i18n';
import { listProgrammesOf } from '../../../src/features/programmes/programmes.queries.ts';
import { can, programmePolicy } from '../../../src/platform/policy/index.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireProgrammeStaff(actor);
  const list = await listProgrammesOf(state.services.db, { organizationId });
  return { list, canCreate: can(programmePolicy, actor, { organizationId, participatingOrganizationIds: [], funderUserIds: [] }).create };
}

export default function Programmes() {
  const t = useT();
  const f = useFormat();
  const { list, canCreate } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('programmes.list.title')} – Työpeili`}</title>
      <h1>{t('programmes.list.title')}</h1>
      <p className="lead">{t('programmes.list.lead')}</p>
      {canCreate ? (
        <p>
          <a className="button" href="/organization/programmes/new">
            {t('programmes.list.new')}
          </a>
        </p>
      ) : null}
      {list.length === 0 ? (
        <p>{t('programmes.list.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {list.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <a href={`/organization/programmes/${p.id}`}>{p.name}</a>
              </h2>
              <p>
                {t('programmes.list.meta', { funder: p.funder || '–', code: p.projectCode || '–', from: f.date(p.startsOn), to: f.date(p.endsOn) })}
              </p>
              <p>{p.lead ? t('programmes.list.lead.own') : t('programmes.list.lead.other', { organization: p.leadOrganizationName })}</p>
              <p>{t('programmes.list.activities', { groups: p.groups, events: p.events, sessions: p.sessions })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
