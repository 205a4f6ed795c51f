// Mails about a session, each in its reader's language and enqueued in the caller's
// transaction: to the person (booked, moved, cancelled, reminder; with the iTIP attachment,
// the same UID throughout, SEQUENCE raised on each change, METHOD:CANCEL at the end) and the
// same calendar entry to the advisor. A guest's confirmation link goes alone (no calendar yet).
import type { Tx } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailTemplate } from '../../platform/mail/mail.ts';
import { buildInvitation, type CalendarMeeting } from '../meetings/calendar.ts';
import { calendarTexts } from '../meetings/calendar-export.ts';
import type { AdviceSession } from './advice.queries.ts';
import { topicLabel } from './topics.ts';

export interface MailPerson {
  userId: string | null;
  name: string;
  email: string;
  locale: string | null;
}

export type SessionMailKind = 'booked' | 'rescheduled' | 'cancelled';

function localeOf(value: string | null): Locale {
  return isLocale(value) ? value : 'fi';
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function isWebUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The session as calendar.ts sees it, in the reader's language. */
export function sessionCalendarEvent(session: AdviceSession, context: { locale: Locale; advisorName: string; pageUrl?: string }): CalendarMeeting {
  const topic = topicLabel(session.topic, context.locale);
  const online = session.mode === 'remote' && isWebUrl(session.onlineUrl) ? { url: session.onlineUrl } : null;
  return {
    id: session.id,
    sequence: session.sequence,
    start: session.startsAt,
    end: session.endsAt,
    timeZone: session.timeZone,
    title: translate(context.locale, 'advice.calendar.title', { topic }),
    description: translate(context.locale, 'advice.calendar.description', { topic, advisor: context.advisorName }),
    status: session.status === 'cancelled' ? 'cancelled' : 'scheduled',
    format: online ? 'online' : 'in-person',
    venue: session.mode === 'on_site' && session.place ? { name: session.place } : null,
    online,
    pageUrl: context.pageUrl,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

/** Where: the remote link or the place, as a line of the mail. */
export function whereLine(session: Pick<AdviceSession, 'mode' | 'onlineUrl' | 'place'>, locale: Locale): string {
  return session.mode === 'remote'
    ? translate(locale, 'advice.mail.remote', { url: session.onlineUrl ?? '' })
    : translate(locale, 'advice.mail.place', { place: session.place ?? '' });
}

export function sessionIcs(
  session: AdviceSession,
  input: { method: 'request' | 'cancel'; locale: Locale; advisor: MailPerson; person: MailPerson; pageUrl?: string; now: Date },
): string {
  return buildInvitation({
    method: input.method,
    meeting: sessionCalendarEvent(session, { locale: input.locale, advisorName: input.advisor.name, pageUrl: input.pageUrl }),
    organizer: { name: input.advisor.name, email: input.advisor.email },
    attendees: [{ name: input.person.name, email: input.person.email }],
    texts: calendarTexts(input.locale),
    now: input.now,
  });
}

const personTemplates: Record<SessionMailKind, MailTemplate> = { booked: 'adviceBooked', rescheduled: 'adviceRescheduled', cancelled: 'adviceCancelled' };

/** The person's mail and the advisor's, with the calendar entry for this version of the session. */
export async function mailSessionChange(
  tx: Tx,
  jobs: Jobs,
  input: { session: AdviceSession; kind: SessionMailKind; advisor: MailPerson; person: MailPerson; appUrl: string; personPageUrl: string | null; now: Date },
): Promise<void> {
  const { session, advisor, person } = input;
  const method = input.kind === 'cancelled' ? 'cancel' : 'request';
  const personLocale = localeOf(person.locale);
  await enqueueMail(tx, jobs, {
    to: person.email,
    locale: personLocale,
    userId: person.userId ?? undefined,
    template: personTemplates[input.kind],
    values: {
      name: firstName(person.name),
      when: formatDateTime(personLocale, session.startsAt, 'weekday'),
      topic: topicLabel(session.topic, personLocale),
      advisor: advisor.name,
      where: whereLine(session, personLocale),
      url: input.personPageUrl ?? `${input.appUrl}/advice`,
    },
    calendar: {
      method: method === 'cancel' ? 'CANCEL' : 'REQUEST',
      content: sessionIcs(session, { method, locale: personLocale, advisor, person, pageUrl: input.personPageUrl ?? undefined, now: input.now }),
    },
  });
  const advisorLocale = localeOf(advisor.locale);
  const advisorPage = `${input.appUrl}/advice/sessions/${session.id}`;
  await enqueueMail(tx, jobs, {
    to: advisor.email,
    locale: advisorLocale,
    userId: advisor.userId ?? undefined,
    template: 'adviceAdvisorUpdate',
    values: {
      name: firstName(advisor.name),
      change: translate(advisorLocale, `advice.mail.change.${input.kind}`, { person: person.name }),
      when: formatDateTime(advisorLocale, session.startsAt, 'weekday'),
      topic: topicLabel(session.topic, advisorLocale),
      url: advisorPage,
    },
    // The advisor's own copy names the person as attendee and the advisor as organizer.
    calendar: {
      method: method === 'cancel' ? 'CANCEL' : 'REQUEST',
      content: sessionIcs(session, { method, locale: advisorLocale, advisor, person, pageUrl: advisorPage, now: input.now }),
    },
  });
}

/** A guest's confirmation link (the slot is held for 30 minutes). */
export async function mailConfirmLink(
  tx: Tx,
  jobs: Jobs,
  input: { session: AdviceSession; advisorName: string; guest: MailPerson; url: string },
): Promise<void> {
  const locale = localeOf(input.guest.locale);
  await enqueueMail(tx, jobs, {
    to: input.guest.email,
    locale,
    template: 'adviceConfirm',
    values: {
      name: firstName(input.guest.name),
      when: formatDateTime(locale, input.session.startsAt, 'weekday'),
      topic: topicLabel(input.session.topic, locale),
      advisor: input.advisorName,
      url: input.url,
    },
  });
}

/** The day-before reminder to the person. */
export async function mailReminder(tx: Tx, jobs: Jobs, input: { session: AdviceSession; advisorName: string; person: MailPerson; url: string }): Promise<void> {
  const locale = localeOf(input.person.locale);
  await enqueueMail(tx, jobs, {
    to: input.person.email,
    locale,
    userId: input.person.userId ?? undefined,
    template: 'adviceReminder',
    values: {
      name: firstName(input.person.name),
      when: formatDateTime(locale, input.session.startsAt, 'weekday'),
      topic: topicLabel(input.session.topic, locale),
      advisor: input.advisorName,
      where: whereLine(input.session, locale),
      url: input.url,
    },
  });
}

/** Sessions for a person's private feed (meetings' feed adds these). */
export function feedEvents(rows: readonly { session: AdviceSession; advisorName: string }[], options: { locale: Locale; appUrl?: string }): CalendarMeeting[] {
  return rows.map((r) =>
    sessionCalendarEvent(r.session, {
      locale: options.locale,
      advisorName: r.advisorName,
      pageUrl: options.appUrl ? `${options.appUrl}/advice/sessions/${r.session.id}` : undefined,
    }),
  );
}
