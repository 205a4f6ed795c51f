// The daily reminder: everyone with active consent whose baseline, 6-month or exit check-in
// is due gets one mail per check-in (pulses are answered from the home page after a meeting
// and are not mailed). The mail says only that a check-in is waiting, never any answers.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { users } from '../accounts/accounts.schema.ts';
import { remindersSent } from '../meetings/meetings.schema.ts';
import { findDueCheckIns } from './due-check-ins.ts';
import { checkIns, measurementConsents } from './outcomes.schema.ts';

export const CHECK_IN_REMINDER_QUEUE = 'outcomes.remind';
const REMINDER_KIND = 'outcomes.check_in_due';

export async function sendCheckInReminders(db: Db, jobs: Jobs, { appUrl, now = new Date() }: { appUrl: string; now?: Date }): Promise<number> {
  const people = await db
    .select({ organizationId: measurementConsents.organizationId, userId: measurementConsents.userId, email: users.email, name: users.name, locale: users.locale })
    .from(measurementConsents)
    .innerJoin(users, eq(users.id, measurementConsents.userId))
    .where(isNull(measurementConsents.withdrawnAt));
  let sent = 0;
  for (const person of people) {
    sent += await db.transaction(async (tx) => {
      const { organizationId, userId } = person;
      const { due, groupId } = await findDueCheckIns(tx, { organizationId, userId, now });
      const mailable = due.filter((d) => d.kind !== 'pulse');
      if (mailable.length > 0) {
        await tx
          .insert(checkIns)
          .values(mailable.map((d) => ({ organizationId, userId, groupId, kind: d.kind, wave: d.wave, dueOn: d.dueOn, meetingId: d.meetingId, createdAt: now, updatedAt: now })))
          .onConflictDoNothing();
      }
      const drafts = await tx
        .select({ id: checkIns.id, kind: checkIns.kind })
        .from(checkIns)
        .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.userId, userId), eq(checkIns.status, 'draft')));
      let count = 0;
      for (const draft of drafts.filter((d) => d.kind !== 'pulse')) {
        const claimed = await tx.insert(remindersSent).values({ organizationId, kind: REMINDER_KIND, targetId: draft.id, userId }).onConflictDoNothing().returning();
        if (claimed.length === 0) continue;
        const locale = (person.locale ?? 'fi') as Locale;
        await enqueueMail(tx, jobs, { to: person.email, locale, userId, template: 'checkInDue', values: { name: person.name.split(' ')[0] ?? person.name, url: `${appUrl}/check-in/${draft.id}` } });
        count += 1;
      }
      return count;
    });
  }
  return sent;
}

export function checkInReminderHandler(deps: { db: Db; jobs: Jobs; appUrl: string }): JobHandler<Record<string, never>> {
  return { name: CHECK_IN_REMINDER_QUEUE, handle: async () => void (await sendCheckInReminders(deps.db, deps.jobs, { appUrl: deps.appUrl })) };
}
