// From a meeting row to the pure calendar model (calendar.ts): title, place, online link and
// walking details in the reader's language. The online link goes only to people who may read it
// (the caller says so: members and facilitators, see meetingPolicy.readOnlineLink).
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import { buildEventFile, buildFeed, buildInvitation, type CalendarAttendee, type CalendarMeeting, type CalendarPerson, type CalendarTexts } from './calendar.ts';
import type { Meeting } from './meetings.queries.ts';
import { DEFAULT_TIME_ZONE, utcToZoned } from './zoned-time.ts';

/** The columns of a meeting row the calendar needs. */
export type MeetingForCalendar = Pick<
  Meeting,
  | 'id'
  | 'sequence'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'theme'
  | 'format'
  | 'status'
  | 'venueAddress'
  | 'venueRoom'
  | 'onlineUrl'
  | 'meetingPoint'
  | 'route'
  | 'lengthKm'
  | 'whatToWear'
  | 'createdAt'
  | 'updatedAt'
>;

export interface CalendarContext {
  groupName: string;
  locale: Locale;
  /** Members and facilitators only (meetingPolicy.readOnlineLink). */
  includeOnlineLink: boolean;
  /** The app's base URL, for the meeting's page link; omitted when not given. */
  appUrl?: string;
}

export function calendarTexts(locale: Locale): CalendarTexts {
  return {
    onlineLink: translate(locale, 'calendar.text.onlineLink'),
    meetingPoint: translate(locale, 'calendar.text.meetingPoint'),
    route: translate(locale, 'calendar.text.route'),
    distance: translate(locale, 'calendar.text.distance'),
    walkingNotes: translate(locale, 'calendar.text.walkingNotes'),
    meetingPage: translate(locale, 'calendar.text.meetingPage'),
  };
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The meeting as calendar.ts sees it. A format whose details are missing degrades to in person. */
export function toCalendarMeeting(row: MeetingForCalendar, context: CalendarContext): CalendarMeeting {
  const { locale } = context;
  const theme = row.theme?.trim();
  const title = theme ? translate(locale, 'calendar.event.title', { group: context.groupName, theme }) : translate(locale, 'calendar.event.titleNoTheme', { group: context.groupName });
  const online = context.includeOnlineLink && row.onlineUrl && isWebUrl(row.onlineUrl) ? { url: row.onlineUrl } : null;
  const walking = row.format === 'walking' && row.meetingPoint?.trim()
    ? {
        meetingPoint: row.meetingPoint.trim(),
        route: row.route?.trim() || undefined,
        distance: row.lengthKm ? translate(locale, 'calendar.text.km', { km: Number(row.lengthKm) }) : undefined,
        notes: row.whatToWear?.trim() || undefined,
      }
    : null;
  const venueName = [row.venueAddress?.trim(), row.venueRoom?.trim()].filter(Boolean).join(', ');
  const venue = !walking && venueName ? { name: venueName, address: row.venueAddress?.trim() || undefined } : null;
  const format = walking ? 'walking' : online && row.format === 'online' ? 'online' : 'in-person';
  return {
    id: row.id,
    sequence: row.sequence,
    start: row.startsAt,
    end: row.endsAt,
    timeZone: row.timeZone || DEFAULT_TIME_ZONE,
    title,
    description: theme ? translate(locale, 'calendar.event.description', { group: context.groupName, theme }) : undefined,
    status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
    format,
    venue,
    online,
    walking,
    pageUrl: context.appUrl ? `${context.appUrl}/meetings/${row.id}` : undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** "tyopeili-2026-12-01.ics": the meeting's local date in its own zone. */
export function meetingIcsFilename(row: Pick<Meeting, 'startsAt' | 'timeZone'>): string {
  return `tyopeili-${utcToZoned(row.startsAt, row.timeZone || DEFAULT_TIME_ZONE).date}.ics`;
}

/** One meeting as a downloadable .ics (METHOD:PUBLISH, no people). */
export function meetingEventFile(row: MeetingForCalendar, context: CalendarContext, now: Date): string {
  const locale = context.locale;
  return buildEventFile({ meeting: toCalendarMeeting(row, context), texts: calendarTexts(locale), now });
}

/**
 * One meeting as an iTIP message for an e-mail attachment: `request` for an invitation or an update
 * (the row's SEQUENCE, raised on each change), `cancel` for a cancellation. The recipient is the
 * only ATTENDEE, so one person's mail never lists the others' addresses.
 */
export function meetingIcs(
  row: MeetingForCalendar,
  options: { method: 'request' | 'cancel'; groupName: string; locale: Locale; recipient: CalendarAttendee; organizer: CalendarPerson; appUrl?: string; now?: Date },
): string {
  const meeting = toCalendarMeeting(row, { groupName: options.groupName, locale: options.locale, includeOnlineLink: true, appUrl: options.appUrl });
  return buildInvitation({
    method: options.method,
    meeting,
    organizer: options.organizer,
    attendees: [options.recipient],
    texts: calendarTexts(options.locale),
    now: options.now ?? new Date(),
  });
}

/** A person's feed: every meeting given (and other events, e.g. advice sessions), cancelled ones with STATUS:CANCELLED. */
export function personalFeed(
  rows: readonly (MeetingForCalendar & { groupName: string })[],
  options: { locale: Locale; appUrl?: string; now: Date; extra?: readonly CalendarMeeting[] },
): string {
  const meetings = rows.map((row) => toCalendarMeeting(row, { groupName: row.groupName, locale: options.locale, includeOnlineLink: true, appUrl: options.appUrl }));
  meetings.push(...(options.extra ?? []));
  return buildFeed({ name: translate(options.locale, 'calendar.feed.name'), meetings, texts: calendarTexts(options.locale), now: options.now, refreshSeconds: 3600 });
}
