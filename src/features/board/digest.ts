// The board digest job: for each person whose digest is due (daily or weekly, by their
// choice), ONE mail in their language listing the new visible posts of others in their
// groups since the last digest; then the window moves on.
//
// Exactly once with several workers: each person's row is claimed by
//   UPDATE digest_preferences SET last_sent_at = now WHERE user_id = … AND last_sent_at IS NOT DISTINCT FROM <old>
// in the transaction that enqueues the mail. A second worker's UPDATE waits for the first
// transaction, then finds last_sent_at changed and claims nothing. A rollback (mail not
// enqueued) leaves the row as it was for the next run.
//
// The mail names the groups, the writers' first names and times, not the text: the board
// is the members' confidential space, and mail travels and stays outside the service.
import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { users } from '../accounts/accounts.schema.ts';
import { digestPreferences } from './board.schema.ts';
import { firstName } from './board.queries.ts';

export const BOARD_DIGEST_QUEUE = 'board.digest';

const DAY_MS = 24 * 3600_000;
const periodMs = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
/** The job runs hourly: a digest due a few minutes after this run goes now, not an hour late. */
const SLACK_MS = 10 * 60_000;

export interface DigestDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

interface DigestPost {
  organizationId: string;
  groupId: string;
  groupName: string;
  authorName: string;
  createdAt: Date;
}

/** New visible posts and replies by others in the person's current groups, in (since, until]. */
async function newPostsFor(tx: Tx, userId: string, since: Date, until: Date): Promise<DigestPost[]> {
  const { rows } = await tx.execute<{ organization_id: string; group_id: string; group_name: string; author_name: string; created_at: string | Date }>(sql`
    SELECT p.organization_id, p.group_id, g.name AS group_name, u.name AS author_name, p.created_at
    FROM board_posts p
    JOIN groups g ON g.organization_id = p.organization_id AND g.id = p.group_id
    JOIN users u ON u.id = p.author_user_id
    LEFT JOIN board_posts parent ON parent.organization_id = p.organization_id AND parent.id = p.parent_id
    WHERE p.hidden_at IS NULL AND parent.hidden_at IS NULL
      AND p.author_user_id <> ${userId}
      AND p.created_at > ${since.toISOString()} AND p.created_at <= ${until.toISOString()}
      AND (EXISTS (SELECT 1 FROM group_members m WHERE m.organization_id = p.organization_id AND m.group_id = p.group_id AND m.user_id = ${userId} AND m.left_at IS NULL)
        OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.organization_id = p.organization_id AND f.group_id = p.group_id AND f.user_id = ${userId}))
    ORDER BY g.name, p.group_id, p.created_at`);
  return rows.map((r) => ({
    organizationId: r.organization_id,
    groupId: r.group_id,
    groupName: r.group_name,
    authorName: firstName(r.author_name),
    createdAt: new Date(r.created_at),
  }));
}

/** The digest's list: a line per group (with its board's address), a line per post. */
export function digestList(locale: Locale, posts: DigestPost[], appUrl: string): string {
  const lines: string[] = [];
  let current = '';
  for (const post of posts) {
    const key = `${post.organizationId}/${post.groupId}`;
    if (key !== current) {
      current = key;
      const count = posts.filter((p) => p.groupId === post.groupId && p.organizationId === post.organizationId).length;
      if (lines.length) lines.push('');
      lines.push(translate(locale, 'board.digest.group', { group: post.groupName, count }));
      lines.push(`${appUrl}/groups/${post.groupId}/board?organization=${post.organizationId}`);
    }
    lines.push(translate(locale, 'board.digest.post', { author: post.authorName, when: formatDateTime(locale, post.createdAt) }));
  }
  return lines.join('\n');
}

/** One run of the digest. Returns how many digests were enqueued. */
export async function runBoardDigest(deps: DigestDeps, now: Date = new Date()): Promise<{ sent: number }> {
  const { db } = deps;
  // People in a group with no choice yet get the default (weekly), their window opening now.
  await db.execute(sql`
    INSERT INTO digest_preferences (user_id, frequency, last_sent_at)
    SELECT user_id, 'weekly', ${now.toISOString()} FROM (
      SELECT user_id FROM group_members WHERE left_at IS NULL
      UNION SELECT user_id FROM group_facilitators) people
    ON CONFLICT (user_id) DO NOTHING`);
  const due = await db
    .select()
    .from(digestPreferences)
    .where(
      or(
        and(eq(digestPreferences.frequency, 'daily'), lte(digestPreferences.lastSentAt, new Date(now.getTime() - periodMs.daily + SLACK_MS))),
        and(eq(digestPreferences.frequency, 'weekly'), lte(digestPreferences.lastSentAt, new Date(now.getTime() - periodMs.weekly + SLACK_MS))),
        and(ne(digestPreferences.frequency, 'off'), isNull(digestPreferences.lastSentAt)),
      ),
    );
  let sent = 0;
  for (const row of due) {
    const frequency = row.frequency === 'daily' ? 'daily' : 'weekly';
    const enqueued = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(digestPreferences)
        .set({ lastSentAt: now })
        .where(and(eq(digestPreferences.userId, row.userId), eq(digestPreferences.frequency, row.frequency), sql`${digestPreferences.lastSentAt} IS NOT DISTINCT FROM ${row.lastSentAt?.toISOString() ?? null}::timestamptz`))
        .returning({ userId: digestPreferences.userId });
      if (claimed.length === 0) return false;
      const since = row.lastSentAt ?? new Date(now.getTime() - periodMs[frequency]);
      const posts = await newPostsFor(tx, row.userId, since, now);
      if (posts.length === 0) return false;
      const [user] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, row.userId));
      if (!user) return false;
      const locale: Locale = isLocale(user.locale) ? user.locale : 'fi';
      await enqueueMail(tx, deps.jobs, {
        to: user.email,
        userId: row.userId,
        locale,
        template: frequency === 'daily' ? 'boardDigestDaily' : 'boardDigestWeekly',
        values: { name: firstName(user.name), count: posts.length, posts: digestList(locale, posts, deps.config.appUrl), settings: `${deps.config.appUrl}/profile/notifications` },
      });
      return true;
    });
    if (enqueued) sent += 1;
  }
  return { sent };
}

export function boardDigestHandler(deps: DigestDeps): JobHandler<Record<string, never>> {
  return { name: BOARD_DIGEST_QUEUE, handle: async () => void (await runBoardDigest(deps)) };
}
