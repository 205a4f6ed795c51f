// Hourly clean-up of what expires by itself. The platform prunes its own tables
// (old rate-limit windows, old dev mailbox messages); each feature hands in a
// `Prune` for its own (accounts: sessions and one-time tokens), wired in server/jobs.ts.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/db.ts';
import { pruneRateLimits } from '../http/rate-limit.ts';
import type { JobHandler } from './jobs.ts';

export const MAINTENANCE_QUEUE = 'maintenance.prune';

/** A feature's share of the clean-up: deletes what of its own has expired by `now`. */
export type Prune = (db: Tx, now: Date) => Promise<void>;

export async function pruneExpired(db: Tx, now = new Date(), prunes: readonly Prune[] = []): Promise<void> {
  for (const prune of prunes) await prune(db, now);
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  await pruneRateLimits(db, dayAgo);
  await db.execute(sql`DELETE FROM dev_mailbox WHERE created_at < ${new Date(now.getTime() - 30 * 24 * 3600_000).toISOString()}`);
}

export function maintenanceHandler(db: Tx, prunes: readonly Prune[]): JobHandler<Record<string, never>> {
  return { name: MAINTENANCE_QUEUE, handle: () => pruneExpired(db, new Date(), prunes) };
}
