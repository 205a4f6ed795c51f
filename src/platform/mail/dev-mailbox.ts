import { desc, eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Tx } from '../db/db.ts';
import { devMailbox } from './mail.schema.ts';

/** The dev mailbox exists only where mail is not really sent: never in production. */
export function devMailboxEnabled(config: Config): boolean {
  return !config.isProduction && !config.smtpUrl;
}

export async function listDevMail(db: Tx, limit = 100) {
  return db.select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, createdAt: devMailbox.createdAt }).from(devMailbox).orderBy(desc(devMailbox.createdAt)).limit(limit);
}

export async function findDevMail(db: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id)).limit(1);
  return row ?? null;
}
