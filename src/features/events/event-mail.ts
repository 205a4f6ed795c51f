// Mails to registrants, each in the registrant's language and enqueued in the caller's
// transaction. A confirmed seat comes with the calendar entry (iTIP REQUEST, UID = the event,
// SEQUENCE = the event's); a change sends the updated entry, a cancellation METHOD:CANCEL.
// The online link goes only to those with a seat (waitlisted people get it when promoted).
import type { Tx } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailTemplate } from '../../platform/mail/mail.ts';
import { buildInvitation, type CalendarMeeting } from '../meetings/calendar.ts';
import { calendarTexts } from '../meetings/calendar-export.ts';
import type { Event, EventRegistration } from './events.queries.ts';

export interface EventMailDeps {
  jobs: Jobs;
  config: { appUrl: string; mailFrom: string };
}

export type RegistrationMailKind = 'registered' | 'waitlisted' | 'promoted' | 'changed' | 'eventCancelled' | 'registrationCancelled';

const templates: Record<RegistrationMailKind, MailTemplate> = {
  registered: 'eventRegistered',
  waitlisted: 'eventWaitlisted',
  promoted: 'eventPromoted',
  changed: 'eventChanged',
  eventCancelled: 'eventCancelled',
  registrationCancelled: 'eventRegistrationCancelled',
};

function localeOf(value: string | null): Locale {
  return isLocale(value) ? value : 'fi';
}

/** "Työpeili <noreply@x>" → the address, for the calendar's ORGANIZER. */
export function organizerAddress(mailFrom: string): string {
  const match = /<([^>]+)>/.exec(mailFrom);
  return (match?.[1] ?? mailFrom).trim();
}

export function eventCalendarEntry(event: Event, options: { withOnlineLink: boolean; pageUrl?: string }): CalendarMeeting {
  const online = options.withOnlineLink && event.onlineUrl ? { url: event.onlineUrl } : null;
  const venue = event.venue ? { name: event.venue } : null;
  return {
    id: event.id,
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    timeZone: event.timeZone,
    title: event.title,
    description: [event.description, event.speakers].filter((s) => s.trim() !== '').join('\n\n'),
    status: event.status === 'cancelled' ? 'cancelled' : 'scheduled',
    format: venue && event.onlineUrl ? 'hybrid' : venue ? 'in-person' : 'online',
    venue,
    online,
    pageUrl: options.pageUrl,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}

/** Where, as a line of the mail: the venue, and the online link for those with a seat. */
export function whereLines(event: Event, locale: Locale, withOnlineLink: boolean): string {
  const lines: string[] = [];
  if (event.venue) lines.push(translate(locale, 'events.mail.venue', { venue: event.venue }));
  if (event.onlineUrl)
    lines.push(withOnlineLink ? translate(locale, 'events.mail.online', { url: event.onlineUrl }) : translate(locale, 'events.mail.onlineLater'));
  return lines.join('\n');
}

export function cancelUrl(appUrl: string, token: string): string {
  return `${appUrl}/events/cancel/${token}`;
}

export async function mailRegistrant(
  tx: Tx,
  deps: EventMailDeps,
  input: {
    event: Event;
    registration: EventRegistration;
    kind: RegistrationMailKind;
    cancelToken: string | null;
    waitlistPlace?: number;
    hadSeat?: boolean;
    now: Date;
  },
): Promise<void> {
  const { event, registration, kind } = input;
  const locale = localeOf(registration.locale);
  // A seat (now or until this cancellation) has a calendar entry and the online link; a waiting place has neither.
  const seated = registration.status === 'confirmed' || input.hadSeat === true;
  const pageUrl = `${deps.config.appUrl}/events/${event.id}`;
  const method = !seated ? null : kind === 'eventCancelled' || kind === 'registrationCancelled' ? 'cancel' : 'request';
  const calendar =
    method === null
      ? undefined
      : {
          method: method === 'cancel' ? ('CANCEL' as const) : ('REQUEST' as const),
          content: buildInvitation({
            method,
            meeting: eventCalendarEntry(event, { withOnlineLink: seated, pageUrl }),
            organizer: { name: translate(locale, 'events.calendar.organizer'), email: organizerAddress(deps.config.mailFrom) },
            attendees: [{ name: registration.name, email: registration.email }],
            texts: calendarTexts(locale),
            now: input.now,
          }),
        };
  await enqueueMail(tx, deps.jobs, {
    to: registration.email,
    locale,
    userId: registration.userId ?? undefined,
    template: templates[kind],
    values: {
      name: registration.name.trim().split(/\s+/)[0] ?? registration.name,
      title: event.title,
      when: formatDateTime(locale, event.startsAt, 'weekday'),
      where: whereLines(event, locale, seated && method !== 'cancel'),
      code: registration.code,
      place: input.waitlistPlace ?? 0,
      url: pageUrl,
      cancelUrl: input.cancelToken ? cancelUrl(deps.config.appUrl, input.cancelToken) : pageUrl,
    },
    calendar,
  });
}
