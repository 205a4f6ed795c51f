// A person's e-mail choices in one place: the board digest (off/daily/weekly, weekly by
// default) and meeting and step reminders (on by default).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { findDigestFrequency, saveDigestFrequency, type DigestFrequency } from '../board/board.queries.ts';
import { reminderPreferences } from './reminders.schema.ts';

export interface NotificationPreferences {
  digest: DigestFrequency;
  meetingReminders: boolean;
  stepReminders: boolean;
}

export async function findNotificationPreferences(db: Tx, { userId }: { userId: string }): Promise<NotificationPreferences> {
  const [digest, [reminders]] = await Promise.all([
    findDigestFrequency(db, { userId }),
    db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId)),
  ]);
  return { digest, meetingReminders: reminders?.meetingReminders ?? true, stepReminders: reminders?.stepReminders ?? true };
}

/** Use case: the signed-in person saves their own choices (nobody else's: no other input). */
export async function saveNotificationPreferences(actor: Actor | null, deps: { db: Db }, input: NotificationPreferences, options: { now?: Date } = {}): Promise<void> {
  if (!actor) throw new NotFoundError();
  const now = options.now ?? new Date();
  const userId = actor.userId;
  await deps.db.transaction(async (tx) => {
    await saveDigestFrequency(tx, { userId, frequency: input.digest }, now);
    await tx
      .insert(reminderPreferences)
      .values({ userId, meetingReminders: input.meetingReminders, stepReminders: input.stepReminders, updatedAt: now })
      .onConflictDoUpdate({ target: reminderPreferences.userId, set: { meetingReminders: input.meetingReminders, stepReminders: input.stepReminders, updatedAt: now } });
  });
}
