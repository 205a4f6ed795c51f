// Advice sessions for a person's private calendar feed (meetings/calendar-feed.ts asks for them):
// sessions they were advised in or gave, since the feed's start; cancelled ones stay in as cancelled.
import type { Db } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { CalendarMeeting } from '../meetings/calendar.ts';
import { listFeedSessions } from './advice.queries.ts';
import { feedEvents } from './advice-mail.ts';

export function adviceFeedEvents(db: Db, appUrl: string) {
  return async (owner: { userId: string; locale: Locale; from: Date }): Promise<CalendarMeeting[]> =>
    feedEvents(await listFeedSessions(db, { userId: owner.userId, from: owner.from }), { locale: owner.locale, appUrl });
}
