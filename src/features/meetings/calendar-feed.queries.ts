// Data access for personal calendar feeds. Feeds are global (one per person, across every
// organisation the person works in), so these take a user id, not an organisation.
import { and, asc, eq, exists, gte, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { users } from '../accounts/accounts.schema.ts';
import { groupFacilitators, groupMembers, groups } from '../groups/groups.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { calendarFeeds, meetings } from './meetings.schema.ts';
import type { Meeting } from './meetings.queries.ts';

/** How far back a feed reaches. */
export const FEED_MONTHS_BACK = 3;
/** A feed lists at most this many meetings (the newest are kept if ever reached). */
const FEED_LIMIT = 2000;

export async function findCalendarFeed(db: Tx, { userId }: { userId: string }): Promise<{ createdAt: Date } | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** The feed's owner by the token's hash, with the language to write it in; null for an unknown or revoked token. */
export async function findFeedOwnerByHash(db: Tx, { tokenHash }: { tokenHash: string }): Promise<{ userId: string; locale: string | null } | null> {
  const [row] = await db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row ?? null;
}

export function feedStartsFrom(now: Date): Date {
  const from = new Date(now.getTime());
  from.setUTCMonth(from.getUTCMonth() - FEED_MONTHS_BACK);
  return from;
}

/**
 * Every meeting, since `from`, of every group the person belongs to now or facilitates, in every
 * organisation they still have a membership in; oldest first.
 */
export async function listFeedMeetings(db: Tx, { userId, from }: { userId: string; from: Date }): Promise<(Meeting & { groupName: string })[]> {
  const isMember = exists(
    db
      .select({ one: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.organizationId, meetings.organizationId), eq(groupMembers.groupId, meetings.groupId), eq(groupMembers.userId, userId), isNull(groupMembers.leftAt))),
  );
  const isFacilitator = exists(
    db
      .select({ one: groupFacilitators.userId })
      .from(groupFacilitators)
      .where(and(eq(groupFacilitators.organizationId, meetings.organizationId), eq(groupFacilitators.groupId, meetings.groupId), eq(groupFacilitators.userId, userId))),
  );
  const rows = await db
    .select({ meeting: meetings, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, and(eq(groups.organizationId, meetings.organizationId), eq(groups.id, meetings.groupId)))
    .innerJoin(memberships, and(eq(memberships.organizationId, meetings.organizationId), eq(memberships.userId, userId)))
    .where(and(gte(meetings.startsAt, from), or(isMember, isFacilitator)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(FEED_LIMIT);
  return rows.map((r) => ({ ...r.meeting, groupName: r.groupName }));
}
