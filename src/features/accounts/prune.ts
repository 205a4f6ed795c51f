// The accounts' share of the hourly clean-up (src/platform/jobs/maintenance.ts):
// expired or idle sessions, and one-time tokens a day after their use or expiry.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';

export async function pruneExpiredAccounts(db: Tx, now: Date): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE expires_at < ${now.toISOString()} OR last_seen_at + make_interval(secs => idle_timeout_seconds) < ${now.toISOString()}`);
  // One-time tokens: kept a day after use or expiry (so "this code was already used"
  // can still be told apart from a wrong code), then dropped.
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  await db.execute(sql`DELETE FROM verification_tokens WHERE expires_at < ${dayAgo} OR used_at < ${dayAgo}`);
}
