// /groups: the groups of the organisation the person works in — all of them for
// coordinators, otherwise the ones they facilitate or belong to.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/groups';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { can, groupPolicy, organizationPolicy } from '../../../src/platform/policy/index.ts';
import { groupStatuses, type GroupStatus } from '../../../src/features/groups/groups.schema.ts';
import { listGroups } from '../../../src/features/groups/groups.queries.ts';
import { groupSizeAdvice } from '../../../src/features/groups/group-rules.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  const scope = { organizationId, facilitatorUserIds: [], memberUserIds: [] };
  const allowed = can(groupPolicy, actor, scope);
  if (!allowed.list) throw data(null, { status: 404 });
  const statusParam = new URL(request.url).searchParams.get('status');
  const status = (groupStatuses as readonly string[]).includes(statusParam ?? '') ? (statusParam as GroupStatus) : null;
  const rows = await listGroups(state.services.db, { organizationId, userId: actor.userId, all: allowed.create, status });
  return {
    canCreate: allowed.create,
    canManageSettings: can(organizationPolicy, actor, { organizationId }).manageSettings,
    status,
    groups: rows.map((g) => ({
      ...g,
      nextMeetingAt: g.nextMeetingAt?.toISOString() ?? null,
      sizeAdvice: allowed.create ? groupSizeAdvice(g.memberCount) : null,
    })),
  };
}

export default function Groups() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('groups.list.title')} – Työpeili`}</title>
      <h1>{t('groups.list.title')}</h1>
      {page.canCreate ? (
        <>
          <p className="button-row">
            <a className="button" href="/groups/new">
              {t('groups.list.new')}
            </a>
            <a className="button button--secondary" href="/organization/agreement">
              {t('groups.agreement.manageLink')}
            </a>
            {page.canManageSettings ? (
              <a className="button button--secondary" href="/organization/settings">
                {t('org.settings.link')}
              </a>
            ) : null}
          </p>
          <form method="get" className="intake-filters" aria-label={t('groups.list.filter')}>
            <div className="field">
              <label htmlFor="status">{t('groups.field.status')}</label>
              <select id="status" name="status" defaultValue={page.status ?? ''}>
                <option value="">{t('groups.list.allStatuses')}</option>
                {groupStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`groups.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <p>
              <button type="submit" className="button button--secondary">
                {t('groups.list.applyFilter')}
              </button>
            </p>
          </form>
        </>
      ) : null}
      {page.groups.length === 0 ? (
        <p>{t('groups.list.empty')}</p>
      ) : (
        <ul className="cards">
          {page.groups.map((g) => (
            <li key={g.id} className="card">
              <h2>
                <a href={`/groups/${g.id}`}>{g.name}</a>
              </h2>
              <p>
                {t(`groups.status.${g.status}`)} · {t(`groups.format.${g.format as 'in_person'}`)} · {t('groups.list.memberCount', { count: g.memberCount })}
                {g.sizeAdvice ? <strong> ({t(`groups.size.${g.sizeAdvice}`)})</strong> : null}
              </p>
              <p>
                {t('groups.list.nextMeeting')}: {g.nextMeetingAt ? format.date(g.nextMeetingAt, 'weekday') : t('groups.list.noMeeting')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
