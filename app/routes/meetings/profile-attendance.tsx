// /profile/attendance: the person's own attendance history in every organisation: each held
// meeting, what was recorded and the hours, and the totals. Only ever the signed-in person's own.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/profile-attendance';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ownAttendance } from '../../../src/features/meetings/attendance.queries.ts';
import { StatusText } from '../../ui/attendance';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const history = await ownAttendance(state.services.db, { userId: actor.userId, now: new Date() });
  const organizations = new Set(history.rows.map((r) => r.organizationName));
  return {
    showOrganization: organizations.size > 1,
    totals: history.totals,
    rows: history.rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })),
  };
}

export default function ProfileAttendance() {
  const t = useT();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('attendance.own.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('attendance.own.back')}</a>
      </p>
      <h1>{t('attendance.own.title')}</h1>
      <p className="lead">{t('attendance.own.lead')}</p>
      {d.rows.length === 0 ? (
        <p>{t('attendance.own.none')}</p>
      ) : (
        <>
          <ul className="plain-list">
            <li>{t('attendance.own.totalHours', { hours: f.number(d.totals.hours) })}</li>
            <li>{t('attendance.own.attended', { count: d.totals.attended })}</li>
          </ul>
          <div className="table-wrap" role="region" aria-label={t('attendance.own.title')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('attendance.own.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attendance.own.date')}</th>
                  <th scope="col">{t('attendance.own.group')}</th>
                  <th scope="col">{t('attendance.own.status')}</th>
                  <th scope="col">{t('attendance.own.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.meetingId}>
                    <td>{f.date(r.startsAt)}</td>
                    <td>
                      {r.groupName}
                      {d.showOrganization ? (
                        <>
                          <br />
                          <span className="muted">{r.organizationName}</span>
                        </>
                      ) : null}
                      {r.theme ? (
                        <>
                          <br />
                          <span className="muted">{r.theme}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <StatusText cell={r.status ? { status: r.status, hours: r.hours } : null} withHours={false} />
                    </td>
                    <td>{r.hours !== null ? t('attendance.hours', { hours: f.number(r.hours) }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
