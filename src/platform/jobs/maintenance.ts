// Hourly clean-up of what expires by itself: sessions, used or old one-time tokens,
// old rate-limit windows and old dev mailbox messages.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/db.ts';
import { pruneRateLimits } from '../http/rate-limit.ts';
import type { JobHandler } from './jobs.ts';

export const MAINTENANCE_QUEUE = 'maintenance.prune';

export async function pruneExpired(db: Tx, now = new Date()): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE expires_at < ${now.toISOString()} OR last_seen_at + make_interval(secs => idle_timeout_seconds) < ${now.toISOString()}`);
  // One-time tokens: kept a day after use or expiry (so "this code was already used"
  // can still be told apart from a wrong code), then dropped.
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  await db.execute(sql`DELETE FROM verification_tokens WHERE expires_at < ${dayAgo} OR used_at < ${dayAgo}`);
  await pruneRateLimits(db, new Date(dayAgo));
  await db.execute(sql`DELETE FROM dev_mailbox WHERE created_at < ${new Date(now.getTime() - 30 * 24 * 3600_000).toISOString()}`);
}

export function maintenanceHandler(db: Tx): JobHandler<Record<string, never>> {
  return { name: MAINTENANCE_QUEUE, handle: () => pruneExpired(db) };
}
