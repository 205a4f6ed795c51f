// A meeting row as a calendar event (calendar.ts builds the iCalendar text), with the
// labels in the reader's language, and the mails that carry invitations, updates and
// cancellations with their iTIP attachment (RFC 5546: REQUEST / CANCEL, SEQUENCE).
import type { Tx } from '../../platform/db/db.ts';
import { createTranslator, formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailTemplate } from '../../platform/mail/mail.ts';
import { buildInvitation, type CalendarMeeting, type CalendarTexts, type MeetingFormat } from './calendar.ts';
import type { Meeting } from './meetings.queries.ts';

export function calendarTexts(locale: Locale): CalendarTexts {
  const t = createTranslator(locale);
  return {
    onlineLink: t('calendar.onlineLink'),
    meetingPoint: t('calendar.meetingPoint'),
    route: t('calendar.route'),
    distance: t('calendar.distance'),
    walkingNotes: t('calendar.walkingNotes'),
    meetingPage: t('calendar.meetingPage'),
  };
}

const formats: Record<string, MeetingFormat> = { in_person: 'in-person', online: 'online', walking: 'walking' };

/** The event for people of the group (the online link is theirs to see). */
export function toCalendarMeeting(meeting: Meeting, options: { groupName: string; appUrl: string; locale: Locale; withOnlineLink: boolean }): CalendarMeeting {
  const t = createTranslator(options.locale);
  const lines = [meeting.theme ? t('calendar.theme', { theme: meeting.theme }) : null, meeting.refreshments ? t('calendar.refreshments', { text: meeting.refreshments }) : null, meeting.venueAccessibility ? t('calendar.accessibility', { text: meeting.venueAccessibility }) : null].filter(
    (l): l is string => l !== null,
  );
  const venueName = [meeting.venueRoom, meeting.venueAddress].filter(Boolean).join(', ');
  return {
    id: meeting.id,
    sequence: meeting.sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    timeZone: meeting.timeZone,
    title: meeting.theme ? `${options.groupName}: ${meeting.theme}` : options.groupName,
    description: lines.join('\n') || undefined,
    status: meeting.status,
    format: formats[meeting.format] ?? 'in-person',
    venue: meeting.format === 'in_person' && venueName ? { name: venueName, address: meeting.venueAddress ?? undefined } : null,
    online: meeting.format === 'online' && meeting.onlineUrl && options.withOnlineLink ? { url: meeting.onlineUrl } : null,
    walking:
      meeting.format === 'walking' && meeting.meetingPoint
        ? { meetingPoint: meeting.meetingPoint, route: meeting.route ?? undefined, distance: meeting.lengthKm ? `${String(meeting.lengthKm).replace('.', options.locale === 'en' ? '.' : ',')} km` : undefined, notes: meeting.whatToWear ?? undefined }
        : null,
    pageUrl: `${options.appUrl}/meetings/${meeting.id}`,
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
  };
}

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
}

/**
 * One mail per recipient, each with its own iTIP attachment naming only that recipient
 * (members do not see each other's addresses). Enqueued in the caller's transaction.
 */
export async function mailMeetingToPeople(
  tx: Tx,
  jobs: Jobs,
  input: { meeting: Meeting; groupName: string; appUrl: string; organizer: { name: string; email: string }; recipients: readonly Recipient[]; kind: 'invitation' | 'changed' | 'cancelled'; now?: Date },
): Promise<void> {
  const template: MailTemplate = input.kind === 'invitation' ? 'meetingInvitation' : input.kind === 'changed' ? 'meetingChanged' : 'meetingCancelled';
  const now = input.now ?? new Date();
  for (const person of input.recipients) {
    const locale: Locale = isLocale(person.locale) ? person.locale : 'fi';
    const event = toCalendarMeeting(input.meeting, { groupName: input.groupName, appUrl: input.appUrl, locale, withOnlineLink: true });
    const content = buildInvitation({
      method: input.kind === 'cancelled' ? 'cancel' : 'request',
      meeting: event,
      organizer: input.organizer,
      attendees: [{ name: person.name, email: person.email }],
      texts: calendarTexts(locale),
      now,
    });
    await enqueueMail(tx, jobs, {
      to: person.email,
      locale,
      userId: person.userId,
      template,
      values: {
        name: person.name.split(/\s+/)[0] ?? person.name,
        group: input.groupName,
        when: formatDateTime(locale, input.meeting.startsAt, 'weekday'),
        theme: input.meeting.theme ?? '–',
        url: `${input.appUrl}/meetings/${input.meeting.id}`,
      },
      calendar: { method: input.kind === 'cancelled' ? 'CANCEL' : 'REQUEST', content },
    });
  }
}
