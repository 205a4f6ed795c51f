// The one "exactly once" of reminders (meetings, steps, the training's sessions and due dates): the
// reminders_sent row is claimed and the mail enqueued in one transaction, so two workers or a
// repeated sweep never send the same reminder twice.
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailRequest } from '../../platform/mail/mail.ts';
import { remindersSent } from './meetings.schema.ts';

export interface ReminderKey {
  organizationId: string;
  kind: string;
  targetId: string;
  userId: string;
  occasion: string;
}

/** Claims the reminder and enqueues its mail in one transaction; false if already sent. */
export async function sendReminderOnce(deps: { db: Db; jobs: Jobs }, key: ReminderKey, mail: MailRequest): Promise<boolean> {
  return deps.db.transaction(async (tx: Tx) => {
    const claimed = await tx.insert(remindersSent).values(key).onConflictDoNothing().returning({ userId: remindersSent.userId });
    if (claimed.length === 0) return false;
    await enqueueMail(tx, deps.jobs, mail);
    return true;
  });
}
