// The public site's short lists of events: published ones (not cancelled) that have not ended, from
// the events feature's public list, optionally of one organisation.
import type { Tx } from '../../platform/db/db.ts';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts';
import { listPublicEvents } from '../events/events.queries.ts';

export async function upcomingPublishedEvents(db: Tx, { now, locale, limit, organizationId }: { now: Date; locale: Locale; limit: number; organizationId?: string }) {
  const rows = await listPublicEvents(db, { now });
  return rows
    .filter((r) => r.event.status === 'published' && (organizationId === undefined || r.event.organizationId === organizationId))
    .slice(0, limit)
    .map(({ event }) => ({
      id: event.id,
      title: event.title,
      when: formatDateTime(locale, event.startsAt, 'weekday'),
      where: event.venue,
      online: event.onlineUrl !== null,
    }));
}
