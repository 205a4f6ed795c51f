import { desc, eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Tx } from '../db/db.ts';
import { devMailbox } from './mail.schema.ts';

/** The dev mailbox exists only where mail is not really sent: never in production. */
export function devMailboxEnabled(config: Config): boolean {
  return !config.isProduction && !config.smtpUrl;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || ip === '127.0.0.1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

/**
 * Who may open the dev mailbox (it shows live sign-in and reset links for every account):
 * where it exists at all, a loopback client of a server that listens only on loopback (not
 * through a proxy, whose forwarded address could be anything), or a signed-in administrator.
 * A server listening on a public interface never shows it to anyone else.
 */
export function devMailboxOpenTo(config: Config, request: { clientIp: string; isAdmin: boolean }): boolean {
  if (!devMailboxEnabled(config)) return false;
  if (request.isAdmin) return true;
  return LOOPBACK_HOSTS.has(config.host) && !config.trustProxy && isLoopbackAddress(request.clientIp);
}

export async function listDevMail(db: Tx, limit = 100) {
  return db.select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, createdAt: devMailbox.createdAt }).from(devMailbox).orderBy(desc(devMailbox.createdAt)).limit(limit);
}

export async function findDevMail(db: Tx, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id)).limit(1);
  return row ?? null;
}
