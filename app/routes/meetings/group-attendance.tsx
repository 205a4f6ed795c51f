// /groups/:groupId/attendance: the group's held meetings × members, with each member's status and
// hours and their totals. For the group's facilitators and the coordinators (groupPolicy.readAttendance).
// Read-only: attendance is recorded on the meeting's own page.
import { data, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/group-attendance';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { NotFoundError } from '../../../src/platform/errors.ts';
import { authorize, groupPolicy } from '../../../src/platform/policy/index.ts';
import { findGroupResource } from '../../../src/features/groups/groups.queries.ts';
import { findGroupOrganizationId, groupAttendance } from '../../../src/features/meetings/attendance.queries.ts';
import { StatusText } from '../../ui/attendance';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { db } = state.services;
  const groupId = z.uuid().safeParse(params.groupId);
  if (!groupId.success) throw data(null, { status: 404 });
  const organizationId = await findGroupOrganizationId(db, { groupId: groupId.data });
  const group = organizationId ? await findGroupResource(db, { organizationId, groupId: groupId.data }) : null;
  try {
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.readAttendance);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const history = await groupAttendance(db, { organizationId: group.organizationId, groupId: group.id, now: new Date() });
  await recordStaffRead(db, actor, { organizationId: group.organizationId, purpose: 'attendance.group', targetType: 'group', targetId: group.id, subjectUserIds: history.members.map((m) => m.userId) });
  return {
    groupId: group.id,
    groupName: group.name,
    meetings: history.meetings.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), theme: m.theme })),
    members: history.members,
    cells: history.cells,
  };
}

export default function GroupAttendance() {
  const t = useT();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  const title = t('attendance.group.title', { group: d.groupName });
  return (
    <div className="page">
      <title>{`${title} – Työpeili`}</title>
      <p>
        <a href={`/groups/${d.groupId}`}>{t('groups.backToGroup')}</a>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('attendance.group.lead')}</p>
      {d.meetings.length === 0 ? (
        <p>{t('attendance.group.none')}</p>
      ) : d.members.length === 0 ? (
        <p>{t('attendance.group.noMembers')}</p>
      ) : (
        <section>
          <h2 id="attendance-table-title">{t('attendance.group.tableTitle')}</h2>
          <div className="table-wrap" role="region" aria-labelledby="attendance-table-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('attendance.group.tableTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attendance.group.member')}</th>
                  {d.meetings.map((m) => (
                    <th scope="col" key={m.id}>
                      {f.date(m.startsAt)}
                      {m.theme ? (
                        <>
                          <br />
                          <span className="muted">{m.theme}</span>
                        </>
                      ) : null}
                    </th>
                  ))}
                  <th scope="col">{t('attendance.group.attended')}</th>
                  <th scope="col">{t('attendance.group.totalHours')}</th>
                </tr>
              </thead>
              <tbody>
                {d.members.map((member) => (
                  <tr key={member.userId}>
                    <th scope="row">
                      {member.name}
                      {member.left ? (
                        <>
                          <br />
                          <span className="muted">{t('attendance.group.left')}</span>
                        </>
                      ) : null}
                    </th>
                    {d.meetings.map((m) => (
                      <td key={m.id}>
                        <StatusText cell={d.cells[`${m.id}:${member.userId}`]} />
                      </td>
                    ))}
                    <td>{`${member.totals.attended} / ${d.meetings.length}`}</td>
                    <td>{t('attendance.hours', { hours: f.number(member.totals.hours) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
