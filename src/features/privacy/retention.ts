// Retention: the privacy feature's share of the hourly clean-up (src/platform/jobs/maintenance.ts).
// What is past its time is erased or pseudonymised, as docs/privacy/ describes to the controller:
// - applications that were declined or placed in a group: deleted two years after their last change;
// - invitations never accepted: deleted 90 days after they expired or were revoked;
// - the record of mail sent to a person (no contents): its user id and message id are set to NULL
//   after one year (the row stays as a count of mail sent).
// Consent records (measurement_consents) keep their versions and are not pruned here: they are
// the proof of consent for as long as the answers exist, and go with the person's erasure.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';

const DAY_MS = 24 * 3600_000;
export const retention = {
  closedApplicationsDays: 730,
  unusedInvitationsDays: 90,
  sentMailDays: 365,
} as const;

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

export async function pruneRetention(db: Tx, now: Date): Promise<void> {
  await db.execute(sql`DELETE FROM applications WHERE status IN ('declined', 'assigned') AND updated_at < ${before(now, retention.closedApplicationsDays)}`);
  await db.execute(
    sql`DELETE FROM invitations WHERE accepted_at IS NULL AND (expires_at < ${before(now, retention.unusedInvitationsDays)} OR revoked_at < ${before(now, retention.unusedInvitationsDays)})`,
  );
  await db.execute(sql`UPDATE sent_mail SET user_id = NULL, message_id = NULL WHERE user_id IS NOT NULL AND sent_at < ${before(now, retention.sentMailDays)}`);
}
