// Data access for the group board. Every function takes (db, { organizationId, … }).
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { BoardPostResource } from '../../platform/policy/board.policy.ts';
import { users } from '../accounts/accounts.schema.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { boardPosts, digestPreferences } from './board.schema.ts';

export type BoardPost = typeof boardPosts.$inferSelect;
export type BoardPostWithGroup = BoardPost & BoardPostResource;

export const digestFrequencies = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** Others see a person on the board by first name only. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** The post with its group's people (for the policies), or null. */
export async function findBoardPost(
  db: Tx,
  { organizationId, postId, forUpdate = false }: { organizationId: string; postId: string; forUpdate?: boolean },
): Promise<BoardPostWithGroup | null> {
  const query = db.select().from(boardPosts).where(and(eq(boardPosts.organizationId, organizationId), eq(boardPosts.id, postId)));
  const [post] = forUpdate ? await query.for('update') : await query;
  if (!post) return null;
  const group = await findGroupResource(db, { organizationId, groupId: post.groupId });
  if (!group) return null;
  return {
    ...post,
    facilitatorUserIds: group.facilitatorUserIds,
    memberUserIds: group.memberUserIds,
    hidden: post.hiddenAt !== null,
    isReply: post.parentId !== null,
  };
}

export interface BoardEntry {
  id: string;
  authorUserId: string;
  authorFirstName: string;
  body: string;
  hidden: boolean;
  createdAt: Date;
}

export interface BoardThread extends BoardEntry {
  replies: BoardEntry[];
}

/** The group's posts, newest first, each with its replies oldest first. */
export async function listBoard(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<BoardThread[]> {
  const rows = await db
    .select({
      id: boardPosts.id,
      parentId: boardPosts.parentId,
      authorUserId: boardPosts.authorUserId,
      authorName: users.name,
      body: boardPosts.body,
      hiddenAt: boardPosts.hiddenAt,
      createdAt: boardPosts.createdAt,
    })
    .from(boardPosts)
    .leftJoin(users, eq(users.id, boardPosts.authorUserId))
    .where(and(eq(boardPosts.organizationId, organizationId), eq(boardPosts.groupId, groupId)))
    .orderBy(desc(boardPosts.createdAt), desc(boardPosts.id));
  const entry = (r: (typeof rows)[number]): BoardEntry => ({
    id: r.id,
    authorUserId: r.authorUserId,
    authorFirstName: firstName(r.authorName ?? ''),
    body: r.body,
    hidden: r.hiddenAt !== null,
    createdAt: r.createdAt,
  });
  const threads = rows.filter((r) => r.parentId === null).map((r) => ({ ...entry(r), replies: [] as BoardEntry[] }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of [...rows].reverse()) {
    if (r.parentId !== null) byId.get(r.parentId)?.replies.push(entry(r));
  }
  return threads;
}

export async function insertBoardPost(db: Tx, values: { organizationId: string; groupId: string; parentId: string | null; authorUserId: string; body: string }, now: Date): Promise<string> {
  const [row] = await db
    .insert(boardPosts)
    .values({ ...values, createdAt: now })
    .returning({ id: boardPosts.id });
  return row!.id;
}

export async function setBoardPostHidden(db: Tx, { organizationId, postId, hiddenBy }: { organizationId: string; postId: string; hiddenBy: string | null }, now: Date): Promise<void> {
  await db
    .update(boardPosts)
    .set({ hiddenAt: hiddenBy ? now : null, hiddenBy })
    .where(and(eq(boardPosts.organizationId, organizationId), eq(boardPosts.id, postId)));
}

/** Deletes the post and, for a top-level post, the replies of its thread. */
export async function deleteBoardPost(db: Tx, { organizationId, postId }: { organizationId: string; postId: string }): Promise<void> {
  await db.delete(boardPosts).where(and(eq(boardPosts.organizationId, organizationId), or(eq(boardPosts.id, postId), eq(boardPosts.parentId, postId))));
}

/** The person's digest choice: weekly until they choose. */
export async function findDigestFrequency(db: Tx, { userId }: { userId: string }): Promise<DigestFrequency> {
  const [row] = await db.select({ frequency: digestPreferences.frequency }).from(digestPreferences).where(eq(digestPreferences.userId, userId));
  const value = row?.frequency;
  return (digestFrequencies as readonly string[]).includes(value ?? '') ? (value as DigestFrequency) : 'weekly';
}

/**
 * Sets the choice. A new row, or turning the digest back on after "off", starts the
 * window now: nobody gets a digest of months of older posts.
 */
export async function saveDigestFrequency(db: Tx, { userId, frequency }: { userId: string; frequency: DigestFrequency }, now: Date): Promise<void> {
  await db
    .insert(digestPreferences)
    .values({ userId, frequency, lastSentAt: now })
    .onConflictDoUpdate({
      target: digestPreferences.userId,
      set: { frequency, lastSentAt: sql`CASE WHEN ${digestPreferences.frequency} = 'off' THEN ${now.toISOString()}::timestamptz ELSE ${digestPreferences.lastSentAt} END` },
    });
}
