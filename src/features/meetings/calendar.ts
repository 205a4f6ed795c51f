// iCalendar (RFC 5545) for meetings, with ical-generator: one meeting to download, a feed of many,
// and iTIP (RFC 5546) invitations — METHOD:REQUEST, updates (same UID, higher SEQUENCE) and
// METHOD:CANCEL with STATUS:CANCELLED. Pure: the caller passes plain values and `now`, and every
// text a person reads (title, description, labels) already in their language.
//
// Times: DTSTART/DTEND carry TZID=<meeting zone> (default Europe/Helsinki) with the local wall time,
// and the calendar carries a VTIMEZONE for each zone (vtimezone.ts, from Intl). DTSTAMP, CREATED and
// LAST-MODIFIED are UTC.
//
// Gotcha (why dates are not passed to ical-generator as Date): with an event time zone, ical-generator
// formats a native Date with Date#getHours(), i.e. in the *server process's* zone, so 17:00 Helsinki
// would come out as 15:00 on a UTC server. We pass its documented Luxon-like stub instead
// (`ICalLuxonDateTimeStub`: setZone/toFormat/toJSDate), implemented with Intl. And the calendar's own
// time zone is left unnamed (name: null, only a VTIMEZONE generator): a named calendar zone would also
// write DTSTAMP in local time, which RFC 5545 forbids.
//
// Privacy: feeds and single-event files carry no ORGANIZER or ATTENDEE (a feed URL can leak, and
// members' e-mail addresses must not); only invitations do, addressed to the people invited.

import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
  type ICalDateTimeValue,
} from 'ical-generator';
import { vtimezoneGenerator } from './vtimezone.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone, utcToZoned } from './zoned-time.ts';

export const UID_DOMAIN = 'tyopeili';
const PRODUCT_ID = { company: 'Tyopeili', product: 'Tyopeili', language: 'FI' } as const;
const SERIES_COVER_MS = 5 * 366 * 86_400_000;

export type MeetingFormat = 'in-person' | 'online' | 'walking' | 'hybrid';

export interface CalendarVenue {
  name: string;
  address?: string;
  geo?: { lat: number; lon: number };
}

export interface CalendarOnline {
  url: string;
  /** e.g. "Meeting ID 123, passcode 456" */
  instructions?: string;
}

export interface CalendarWalking {
  meetingPoint: string;
  route?: string;
  /** already formatted for the reader, e.g. "n. 4 km" */
  distance?: string;
  /** e.g. what to wear, accessibility of the route */
  notes?: string;
}

export interface CalendarMeeting {
  /** the meeting's id; UID is `<id>@tyopeili` and never changes */
  id: string;
  /** 0 at first; raise it on every significant change (see `sequenceAfterChange`) */
  sequence: number;
  start: Date;
  end: Date;
  /** IANA zone the meeting is held in, default Europe/Helsinki */
  timeZone?: string;
  title: string;
  /** what participants may read: theme, agenda, expert — never confidential notes */
  description?: string;
  status: 'scheduled' | 'cancelled';
  format: MeetingFormat;
  venue?: CalendarVenue | null;
  online?: CalendarOnline | null;
  walking?: CalendarWalking | null;
  /** the meeting's page in the app */
  pageUrl?: string;
  /** RFC 5545 RRULE value (recurrence.ts `toRRule`) to export the meeting as a series */
  rrule?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/** Labels for the DESCRIPTION lines, from the reader's catalog. */
export interface CalendarTexts {
  /** "Etäyhteys" */
  onlineLink: string;
  /** "Lähtöpaikka" */
  meetingPoint: string;
  /** "Reitti" */
  route: string;
  /** "Matka" */
  distance: string;
  /** "Huomioitavaa" */
  walkingNotes: string;
  /** "Tapaamisen sivu" */
  meetingPage: string;
}

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarAttendee extends CalendarPerson {
  /** default 'needs-action' */
  status?: 'needs-action' | 'accepted' | 'declined' | 'tentative';
  /** default 'required'; 'chair' for a co-facilitator */
  role?: 'required' | 'optional' | 'chair';
}

export function meetingUid(meetingId: string): string {
  return `${meetingId}@${UID_DOMAIN}`;
}

// ---- documents --------------------------------------------------------------------------------

export interface EventFileInput {
  meeting: CalendarMeeting;
  texts: CalendarTexts;
  now: Date;
}

/** One meeting as an .ics to open or save ("add to my calendar"): METHOD:PUBLISH, no people. */
export function buildEventFile({ meeting, texts, now }: EventFileInput): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, [meeting]);
  addEvent(calendar, meeting, texts, now, null);
  return calendar.toString();
}

export interface FeedInput {
  /** calendar name shown by the client, e.g. the group's name */
  name: string;
  meetings: readonly CalendarMeeting[];
  texts: CalendarTexts;
  now: Date;
  /** how often clients should refresh, seconds (REFRESH-INTERVAL / X-PUBLISHED-TTL) */
  refreshSeconds?: number;
}

/** A subscription feed of many meetings; cancelled ones stay in with STATUS:CANCELLED. */
export function buildFeed({ name, meetings, texts, now, refreshSeconds }: FeedInput): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, meetings);
  calendar.name(name);
  if (refreshSeconds !== undefined) calendar.ttl(refreshSeconds);
  for (const meeting of meetings) addEvent(calendar, meeting, texts, now, null);
  return calendar.toString();
}

export interface InvitationInput {
  /** 'request': invitation or update (raise `meeting.sequence` for an update); 'cancel': the meeting is off */
  method: 'request' | 'cancel';
  meeting: CalendarMeeting;
  organizer: CalendarPerson;
  attendees: readonly CalendarAttendee[];
  texts: CalendarTexts;
  now: Date;
}

/**
 * An iTIP message (RFC 5546) to attach to an e-mail as `text/calendar; method=REQUEST|CANCEL`.
 * A cancel always says STATUS:CANCELLED; give it a SEQUENCE above the last one sent.
 */
export function buildInvitation({ method, meeting, organizer, attendees, texts, now }: InvitationInput): string {
  if (attendees.length === 0) throw new RangeError('An invitation needs at least one attendee');
  if (method === 'request' && meeting.status === 'cancelled') throw new RangeError('A cancelled meeting is sent with method "cancel"');
  const calendar = newCalendar(method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL, [meeting]);
  addEvent(calendar, method === 'cancel' ? { ...meeting, status: 'cancelled' } : meeting, texts, now, { organizer, attendees });
  return calendar.toString();
}

// ---- SEQUENCE ---------------------------------------------------------------------------------

export type SequencedFields = Pick<CalendarMeeting, 'sequence' | 'start' | 'end' | 'timeZone' | 'status' | 'venue' | 'online' | 'walking' | 'rrule'>;

/**
 * The SEQUENCE for a new version of a meeting: one more than before when something attendees must
 * act on changed — time, zone, recurrence, status (RFC 5546 2.1.4), and also place, link and walking
 * meeting point, since people must go somewhere else — else unchanged (title or description edits).
 */
export function sequenceAfterChange(previous: SequencedFields, next: Omit<SequencedFields, 'sequence'>): number {
  const significant =
    previous.start.getTime() !== next.start.getTime() ||
    previous.end.getTime() !== next.end.getTime() ||
    (previous.timeZone ?? DEFAULT_TIME_ZONE) !== (next.timeZone ?? DEFAULT_TIME_ZONE) ||
    previous.status !== next.status ||
    (previous.rrule ?? null) !== (next.rrule ?? null) ||
    (previous.venue?.name ?? null) !== (next.venue?.name ?? null) ||
    (previous.venue?.address ?? null) !== (next.venue?.address ?? null) ||
    (previous.online?.url ?? null) !== (next.online?.url ?? null) ||
    (previous.walking?.meetingPoint ?? null) !== (next.walking?.meetingPoint ?? null);
  return significant ? previous.sequence + 1 : previous.sequence;
}

// ---- building ---------------------------------------------------------------------------------

function newCalendar(method: ICalCalendarMethod, meetings: readonly CalendarMeeting[]): ICalCalendar {
  const ranges = new Map<string, { from: Date; to: Date }>();
  for (const m of meetings) {
    const zone = m.timeZone ?? DEFAULT_TIME_ZONE;
    const r = ranges.get(zone);
    // A series runs past its first end: cover five years of it. (For zones with a regular yearly
    // DST rule, such as Europe/Helsinki, the VTIMEZONE uses RRULEs and covers any length anyway.)
    const end = m.rrule ? new Date(Math.max(m.end.getTime(), m.start.getTime() + SERIES_COVER_MS)) : m.end;
    ranges.set(zone, {
      from: r && r.from < m.start ? r.from : m.start,
      to: r && r.to > end ? r.to : end,
    });
  }
  const calendar = ical({ prodId: PRODUCT_ID, method });
  // name: null keeps DTSTAMP in UTC (see the module comment); the generator adds the VTIMEZONEs.
  calendar.timezone({ name: null, generator: vtimezoneGenerator(ranges) });
  return calendar;
}

function addEvent(
  calendar: ICalCalendar,
  meeting: CalendarMeeting,
  texts: CalendarTexts,
  now: Date,
  people: { organizer: CalendarPerson; attendees: readonly CalendarAttendee[] } | null,
): void {
  validate(meeting);
  const zone = meeting.timeZone ?? DEFAULT_TIME_ZONE;
  const event = calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: meeting.sequence,
    stamp: now,
    start: zonedValue(meeting.start, zone),
    end: zonedValue(meeting.end, zone),
    timezone: zone,
    summary: meeting.title,
    status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  if (meeting.createdAt) event.created(meeting.createdAt);
  if (meeting.updatedAt) event.lastModified(meeting.updatedAt);
  if (meeting.rrule) event.repeating(`RRULE:${meeting.rrule}`);

  const location = meeting.venue
    ? { title: meeting.venue.name, address: meeting.venue.address, geo: meeting.venue.geo }
    : meeting.walking
      ? { title: meeting.walking.meetingPoint }
      : null;
  if (location) event.location(location);
  const url = meeting.online?.url ?? meeting.pageUrl;
  if (url) event.url(uriValue(url));
  const description = meetingDescription(meeting, texts);
  if (description) event.description(description);

  if (people) {
    event.organizer({ name: people.organizer.name, email: people.organizer.email });
    for (const a of people.attendees) {
      event.createAttendee({
        name: a.name,
        email: a.email,
        role: a.role === 'optional' ? ICalAttendeeRole.OPT : a.role === 'chair' ? ICalAttendeeRole.CHAIR : ICalAttendeeRole.REQ,
        status: attendeeStatus(a.status),
        type: ICalAttendeeType.INDIVIDUAL,
        rsvp: true,
      });
    }
  }
}

function attendeeStatus(status: CalendarAttendee['status']): ICalAttendeeStatus {
  switch (status) {
    case 'accepted':
      return ICalAttendeeStatus.ACCEPTED;
    case 'declined':
      return ICalAttendeeStatus.DECLINED;
    case 'tentative':
      return ICalAttendeeStatus.TENTATIVE;
    default:
      return ICalAttendeeStatus.NEEDSACTION;
  }
}

/** DESCRIPTION: the meeting's own text, then the online link, walking details and page, as blocks. */
export function meetingDescription(meeting: CalendarMeeting, texts: CalendarTexts): string {
  const blocks: string[] = [];
  if (meeting.description?.trim()) blocks.push(meeting.description.trim());
  if (meeting.online) blocks.push([`${texts.onlineLink}: ${meeting.online.url}`, meeting.online.instructions].filter(Boolean).join('\n'));
  if (meeting.walking) {
    const w = meeting.walking;
    blocks.push(
      [
        `${texts.meetingPoint}: ${w.meetingPoint}`,
        w.route && `${texts.route}: ${w.route}`,
        w.distance && `${texts.distance}: ${w.distance}`,
        w.notes && `${texts.walkingNotes}: ${w.notes}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (meeting.pageUrl) blocks.push(`${texts.meetingPage}: ${meeting.pageUrl}`);
  return blocks.join('\n\n');
}

/**
 * ical-generator escapes URL (a URI value) like TEXT, so `;` `,` `\` would come out as `\;` and
 * break the link. Percent-encoding them gives an equivalent URI with nothing to escape.
 */
function uriValue(url: string): string {
  return url.replace(/[\\;,]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function validate(meeting: CalendarMeeting): void {
  if (!/^[A-Za-z0-9._-]+$/.test(meeting.id)) throw new RangeError('Meeting id must be a plain identifier');
  if (!Number.isInteger(meeting.sequence) || meeting.sequence < 0) throw new RangeError('SEQUENCE must be a non-negative integer');
  if (!(meeting.end.getTime() > meeting.start.getTime())) throw new RangeError('A meeting must end after it starts');
  if (!meeting.title.trim()) throw new RangeError('A meeting needs a title');
  if (!isValidTimeZone(meeting.timeZone ?? DEFAULT_TIME_ZONE)) throw new RangeError(`Unknown time zone: ${meeting.timeZone}`);
  if ((meeting.format === 'online' || meeting.format === 'hybrid') && !meeting.online) throw new RangeError(`A ${meeting.format} meeting needs an online link`);
  if (meeting.format === 'walking' && !meeting.walking) throw new RangeError('A walking meeting needs a meeting point');
  if (meeting.online && !isWebUrl(meeting.online.url)) throw new RangeError('The online link must be an http(s) URL');
  if (meeting.pageUrl !== undefined && !isWebUrl(meeting.pageUrl)) throw new RangeError('The page URL must be an http(s) URL');
}

/**
 * An instant that ical-generator formats as wall time in `zone` (its Luxon DateTime stub, with Intl).
 * Only the formats ical-generator uses are supported; anything else throws so a library change is noticed.
 */
function zonedValue(instant: Date, zone: string): ICalDateTimeValue {
  const make = (z: string): ICalDateTimeValue => ({
    isValid: true,
    zone: { type: 'iana' },
    setZone: (next?: string) => make(next ?? z) as never,
    toJSDate: () => new Date(instant.getTime()),
    toJSON: () => instant.toISOString(),
    toFormat: (format: string) => {
      const wall = utcToZoned(instant, z);
      if (format === 'yyyyLLdd') return wall.date.replace(/-/g, '');
      if (format === 'HHmmss') return wall.time.replace(':', '') + String(wall.second).padStart(2, '0');
      throw new Error(`Unsupported date format requested by ical-generator: ${format}`);
    },
  });
  return make(zone);
}
