// The mails around an event that nobody clicks to send: the day-before reminder to everyone with
// a seat (with the online link for an online event), and after the event a feedback request to
// each person ticked present, with a tokened link to a short form that needs no sign-in.
// Exactly once even with two workers, as advice's reminder: the mail is enqueued in the
// transaction that claims the registration (UPDATE … WHERE reminder_sent_at IS NULL RETURNING);
// a second worker's UPDATE waits for the first and then finds nothing. Moving the event clears
// the reminder's claim (changeEvent), so the new day is reminded of too.
import { and, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { formatDateTime, isLocale } from '../../platform/i18n/i18n.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { addDays, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';
import { cancelUrl, whereLines } from './event-mail.ts';
import { eventRegistrations, events } from './events.schema.ts';
import { newFeedbackToken } from './feedback.ts';
import { reissueCancelToken } from './registration-tokens.ts';

export const EVENTS_FOLLOW_UP_QUEUE = 'events.remind';
/** Feedback is asked for within this long after the event ended (not of old events, e.g. after an upgrade). */
export const FEEDBACK_REQUEST_WINDOW_MS = 7 * 86_400_000;

export interface FollowUpDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** Day-before reminders of published events whose Helsinki date is tomorrow; returns how many were sent. */
export async function sendEventReminders(deps: FollowUpDeps, now: Date = new Date()): Promise<number> {
  const tomorrow = addDays(utcToZoned(now).date, 1);
  const from = zonedTimeToUtc(tomorrow, '00:00');
  const to = zonedTimeToUtc(addDays(tomorrow, 1), '00:00');
  const due = await deps.db
    .select({ organizationId: eventRegistrations.organizationId, id: eventRegistrations.id })
    .from(eventRegistrations)
    .innerJoin(events, and(eq(events.organizationId, eventRegistrations.organizationId), eq(events.id, eventRegistrations.eventId)))
    .where(
      and(
        eq(events.status, 'published'),
        gte(events.startsAt, from),
        lt(events.startsAt, to),
        eq(eventRegistrations.status, 'confirmed'),
        isNull(eventRegistrations.reminderSentAt),
      ),
    );
  let sent = 0;
  for (const d of due) {
    const ok = await deps.db.transaction(async (tx) => {
      const [registration] = await tx
        .update(eventRegistrations)
        .set({ reminderSentAt: now })
        .where(
          and(
            eq(eventRegistrations.organizationId, d.organizationId),
            eq(eventRegistrations.id, d.id),
            eq(eventRegistrations.status, 'confirmed'),
            isNull(eventRegistrations.reminderSentAt),
          ),
        )
        .returning();
      if (!registration) return false;
      const [event] = await tx
        .select()
        .from(events)
        .where(and(eq(events.organizationId, registration.organizationId), eq(events.id, registration.eventId), eq(events.status, 'published')));
      if (!event) return false;
      const locale = isLocale(registration.locale) ? registration.locale : 'fi';
      const token = await reissueCancelToken(tx, registration);
      await enqueueMail(tx, deps.jobs, {
        to: registration.email,
        locale,
        userId: registration.userId ?? undefined,
        template: 'eventReminder',
        values: {
          name: firstName(registration.name),
          title: event.title,
          when: formatDateTime(locale, event.startsAt, 'weekday'),
          where: whereLines(event, locale, true),
          code: registration.code,
          url: `${deps.config.appUrl}/events/${event.id}`,
          cancelUrl: cancelUrl(deps.config.appUrl, token),
        },
      });
      return true;
    });
    if (ok) sent += 1;
  }
  return sent;
}

/** After the event: a feedback request to each attendee, once, in their language; returns how many were sent. */
export async function sendFeedbackRequests(deps: FollowUpDeps, now: Date = new Date()): Promise<number> {
  const due = await deps.db
    .select({ organizationId: eventRegistrations.organizationId, id: eventRegistrations.id })
    .from(eventRegistrations)
    .innerJoin(events, and(eq(events.organizationId, eventRegistrations.organizationId), eq(events.id, eventRegistrations.eventId)))
    .where(
      and(
        eq(events.status, 'published'),
        lte(events.endsAt, now),
        sql`${events.endsAt} > ${new Date(now.getTime() - FEEDBACK_REQUEST_WINDOW_MS).toISOString()}::timestamptz`,
        eq(eventRegistrations.status, 'confirmed'),
        isNotNull(eventRegistrations.attendedAt),
        isNull(eventRegistrations.feedbackRequestedAt),
      ),
    );
  let sent = 0;
  for (const d of due) {
    const ok = await deps.db.transaction(async (tx) => {
      const { token, hash } = newFeedbackToken();
      const [registration] = await tx
        .update(eventRegistrations)
        .set({ feedbackRequestedAt: now, feedbackTokenHash: hash })
        .where(
          and(
            eq(eventRegistrations.organizationId, d.organizationId),
            eq(eventRegistrations.id, d.id),
            isNotNull(eventRegistrations.attendedAt),
            isNull(eventRegistrations.feedbackRequestedAt),
          ),
        )
        .returning();
      if (!registration) return false;
      const [event] = await tx
        .select()
        .from(events)
        .where(and(eq(events.organizationId, registration.organizationId), eq(events.id, registration.eventId)));
      if (!event) return false;
      const locale = isLocale(registration.locale) ? registration.locale : 'fi';
      await enqueueMail(tx, deps.jobs, {
        to: registration.email,
        locale,
        userId: registration.userId ?? undefined,
        template: 'eventFeedbackRequest',
        values: {
          name: firstName(registration.name),
          title: event.title,
          when: formatDateTime(locale, event.startsAt, 'weekday'),
          feedbackUrl: `${deps.config.appUrl}/events/feedback/${token}`,
        },
      });
      return true;
    });
    if (ok) sent += 1;
  }
  return sent;
}

export function eventFollowUpHandler(deps: FollowUpDeps): JobHandler<Record<string, never>> {
  return {
    name: EVENTS_FOLLOW_UP_QUEUE,
    handle: async () => {
      await sendEventReminders(deps);
      await sendFeedbackRequests(deps);
    },
  };
}
