// The day-before reminder: every booked session whose Helsinki date is tomorrow gets one mail to
// the person, in their language. Exactly once even with two workers: the mail is enqueued in the
// transaction that claims the session (UPDATE … WHERE reminder_sent_at IS NULL RETURNING); a
// second worker's UPDATE waits for the first and then finds nothing. A reschedule clears the
// claim, so the new day is reminded of too. Also: unconfirmed public holds are deleted.
import { and, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import { addDays, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';
import { adviceSessions } from './advice.schema.ts';
import { findPerson } from './advice.queries.ts';
import { mailReminder } from './advice-mail.ts';

export const ADVICE_REMINDER_QUEUE = 'advice.remind';

export async function sendAdviceReminders(deps: { db: Db; jobs: Jobs; config: { appUrl: string } }, now: Date = new Date()): Promise<number> {
  const tomorrow = addDays(utcToZoned(now).date, 1);
  const from = zonedTimeToUtc(tomorrow, '00:00');
  const to = zonedTimeToUtc(addDays(tomorrow, 1), '00:00');
  const due = await deps.db
    .select({ organizationId: adviceSessions.organizationId, id: adviceSessions.id })
    .from(adviceSessions)
    .where(
      and(eq(adviceSessions.status, 'booked'), isNull(adviceSessions.reminderSentAt), gte(adviceSessions.startsAt, from), lt(adviceSessions.startsAt, to)),
    );
  let sent = 0;
  for (const d of due) {
    const ok = await deps.db.transaction(async (tx) => {
      const [session] = await tx
        .update(adviceSessions)
        .set({ reminderSentAt: now })
        .where(
          and(
            eq(adviceSessions.organizationId, d.organizationId),
            eq(adviceSessions.id, d.id),
            eq(adviceSessions.status, 'booked'),
            isNull(adviceSessions.reminderSentAt),
          ),
        )
        .returning();
      if (!session) return false;
      const advisor = await findPerson(tx, { userId: session.advisorUserId });
      const person = session.userId
        ? await findPerson(tx, { userId: session.userId })
        : { userId: null, name: session.guestName ?? '', email: session.guestEmail ?? '', locale: session.locale };
      if (!advisor || !person || !person.email) return false;
      await mailReminder(tx, deps.jobs, {
        session,
        advisorName: advisor.name,
        person,
        url: session.userId ? `${deps.config.appUrl}/advice/sessions/${session.id}` : `${deps.config.appUrl}/advice`,
      });
      return true;
    });
    if (ok) sent += 1;
  }
  return sent;
}

export function adviceReminderHandler(deps: { db: Db; jobs: Jobs; config: { appUrl: string } }): JobHandler<Record<string, never>> {
  return { name: ADVICE_REMINDER_QUEUE, handle: async () => void (await sendAdviceReminders(deps)) };
}

/** The hourly clean-up's share: public holds never confirmed (their guest details with them). */
export async function pruneAdviceHolds(db: Tx, now: Date): Promise<void> {
  await db.delete(adviceSessions).where(and(sql`${adviceSessions.status} IN ('held', 'expired')`, lte(adviceSessions.holdExpiresAt, now)));
}
