// /advice: 1:1 advice for one company. An entrepreneur sees their sessions (upcoming first,
// then past ones with the summary the advisor shared) and books a new one; an advisor
// (facilitator or coordinator) sees their calendar of sessions — a coordinator everyone's.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/advice';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { adviceBookingPolicy, can, hasRole } from '../../../src/platform/policy/index.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { listAdvisorSessions, listPersonSessions } from '../../../src/features/advice/advice.queries.ts';
import { topicLabel } from '../../../src/features/advice/topics.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  const { db } = state.services;
  const allowed = can(adviceBookingPolicy, actor, { organizationId });
  const now = new Date();
  const locale = state.locale;
  const url = new URL(request.url);
  if (allowed.book) {
    const mine = await listPersonSessions(db, { organizationId, userId: actor.userId });
    const view = mine.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      topic: topicLabel(s.topic, locale),
      advisorName: s.advisorName,
      status: s.status,
      attendance: s.attendance,
      summary: s.summarySharedAt ? s.summary : null,
      upcoming: s.status === 'booked' && s.endsAt > now,
    }));
    return {
      kind: 'person' as const,
      notice: notice(url, ['cancelled'] as const),
      upcoming: view.filter((s) => s.upcoming).reverse(),
      past: view.filter((s) => !s.upcoming),
    };
  }
  if (!allowed.listSessions) throw data(null, { status: 403 });
  const everyone = hasRole('coordinator')(actor, { organizationId });
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const sessions = await db.transaction(async (tx) => {
    const rows = await listAdvisorSessions(tx, { organizationId, advisorUserId: everyone ? null : actor.userId, from });
    const subjects = rows.flatMap((r) => (r.userId && r.advisorUserId !== actor.userId ? [r.userId] : []));
    if (subjects.length)
      await recordStaffRead(tx, actor, { organizationId, purpose: 'advice.sessions', targetType: 'advice_sessions', subjectUserIds: subjects });
    return rows;
  });
  return {
    kind: 'advisor' as const,
    notice: notice(url, ['cancelled'] as const),
    everyone,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      topic: topicLabel(s.topic, locale),
      person: s.personName ?? s.guestName ?? '',
      status: s.status,
      attendance: s.attendance,
      past: s.endsAt <= now,
    })),
  };
}

export default function Advice() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const status = (s: { status: string; attendance: string | null }) =>
    s.attendance === 'no_show' ? t('advice.status.noShow') : t(`advice.status.${s.status}` as MessageKey);
  return (
    <div className="page">
      <title>{`${t('advice.title')} – Työpeili`}</title>
      <h1>{t('advice.title')}</h1>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t('advice.notice.cancelled')}
        </p>
      ) : null}
      {page.kind === 'person' ? (
        <>
          <p className="lead">{t('advice.person.lead')}</p>
          <p>
            <a className="button" href="/advice/book">
              {t('advice.person.book')}
            </a>
          </p>
          <section aria-labelledby="advice-upcoming">
            <h2 id="advice-upcoming">{t('advice.person.upcoming')}</h2>
            {page.upcoming.length ? (
              <ul className="plain-list">
                {page.upcoming.map((s) => (
                  <li key={s.id}>
                    <a href={`/advice/sessions/${s.id}`}>{format.date(s.startsAt, 'weekday')}</a> – {s.topic}, {s.advisorName}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('advice.person.noUpcoming')}</p>
            )}
          </section>
          <section aria-labelledby="advice-past">
            <h2 id="advice-past">{t('advice.person.past')}</h2>
            {page.past.length ? (
              <ul className="plain-list">
                {page.past.map((s) => (
                  <li key={s.id}>
                    <a href={`/advice/sessions/${s.id}`}>{format.date(s.startsAt, 'weekday')}</a> – {s.topic} ({status(s)})
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('advice.person.noPast')}</p>
            )}
          </section>
        </>
      ) : (
        <>
          <p className="lead">{page.everyone ? t('advice.advisor.leadAll') : t('advice.advisor.lead')}</p>
          <p>
            <a className="button" href="/advice/availability">
              {t('advice.advisor.availabilityLink')}
            </a>
          </p>
          <section aria-labelledby="advice-sessions">
            <h2 id="advice-sessions">{t('advice.advisor.sessions')}</h2>
            {page.sessions.length ? (
              <ul className="plain-list">
                {page.sessions.map((s) => (
                  <li key={s.id}>
                    <a href={`/advice/sessions/${s.id}`}>{format.date(s.startsAt, 'weekday')}</a> – {s.person}, {s.topic} ({status(s)})
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('advice.advisor.noSessions')}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
