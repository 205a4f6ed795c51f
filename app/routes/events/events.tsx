// /events: the public list of upcoming events (seminar tours and single events), no sign-in.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/events';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { listPublicEvents } from '../../../src/features/events/events.queries.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const rows = await listPublicEvents(state.services.db, { now: new Date() });
  return {
    events: rows.map(({ event, tourName, full }) => ({
      id: event.id,
      title: event.title,
      tourName,
      when: formatDateTime(state.locale, event.startsAt, 'weekday'),
      where: event.venue,
      online: event.onlineUrl !== null,
      status: event.status,
      full,
    })),
  };
}

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export default function Events() {
  const t = useT();
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={t('events.public.title')} description={t('events.public.lead')} />
      <h1>{t('events.public.title')}</h1>
      <p className="lead">{t('events.public.lead')}</p>
      {events.length === 0 ? (
        <p className="notice">{t('events.public.none')}</p>
      ) : (
        <ul className="stack" aria-label={t('events.public.title')}>
          {events.map((e) => (
            <li key={e.id}>
              <h2>
                <a href={`/events/${e.id}`}>{e.title}</a>
              </h2>
              {e.tourName ? <p>{t('events.public.tour', { tour: e.tourName })}</p> : null}
              <p>
                {e.when}
                {e.where ? ` · ${e.where}` : null}
                {e.online ? ` · ${t('events.public.online')}` : null}
              </p>
              <p>{e.status === 'cancelled' ? t('events.public.cancelled') : e.full ? t('events.public.full') : t('events.public.open')}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
