import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/ids.ts';

/** Mail kept when no SMTP_URL is set (demo, development): shown on the dev mailbox page. */
export const devMailbox = pgTable('dev_mailbox', {
  id: idColumn(),
  jobId: text('job_id').unique(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  /** Extra headers the mail was sent with (List-Unsubscribe…), for the dev mailbox to show. */
  headers: jsonb('headers').$type<Record<string, string>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per mail handed to SMTP, so a retried or duplicated job never sends twice. */
export const sentMail = pgTable('sent_mail', {
  jobId: text('job_id').primaryKey(),
  messageId: text('message_id'),
  userId: uuid('user_id'),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
