// Each person's choice of reminders by e-mail. Global (one choice per person, like
// digest_preferences): reminders span the person's organisations. No row = both on.
import { boolean, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';

export const reminderPreferences = pgTable('reminder_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  meetingReminders: boolean('meeting_reminders').notNull().default(true),
  stepReminders: boolean('step_reminders').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
