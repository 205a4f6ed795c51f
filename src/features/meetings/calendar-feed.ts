// Use cases: a person creates (or regenerates) and revokes their private calendar feed.
// The address carries 32 random bytes; the table keeps only their SHA-256, so reading the
// table does not give anyone a working address. Regenerating replaces the hash: the old
// address stops working at once. Audited without the token.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { CalendarMeeting } from './calendar.ts';
import { calendarFeedPolicy } from '../../platform/policy/index.ts';
import { personalFeed } from './calendar-export.ts';
import { feedStartsFrom, findFeedOwnerByHash, listFeedMeetings } from './calendar-feed.queries.ts';
import { calendarFeeds } from './meetings.schema.ts';

export function generateFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A well-formed token: 32 bytes in base64url without padding (43 characters). */
export function isFeedTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function feedPath(token: string): string {
  return `/calendar/feed/${token}.ics`;
}

/** Creates the person's feed, or replaces it with a new address. Returns the token (shown once). */
export async function createCalendarFeed(
  actor: Actor | null,
  deps: { db: Db },
  input: { userId: string },
  options: { now?: Date } = {},
): Promise<{ token: string; regenerated: boolean }> {
  const now = options.now ?? new Date();
  if (!calendarFeedPolicy.create(actor, input)) throw new ForbiddenError();
  const token = generateFeedToken();
  const tokenHash = hashFeedToken(token);
  const regenerated = await deps.db.transaction(async (tx) => {
    const [previous] = await tx.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, input.userId)).for('update');
    await tx
      .insert(calendarFeeds)
      .values({ userId: input.userId, tokenHash, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
    await recordAudit(tx, {
      actorUserId: actor?.userId,
      action: previous ? 'calendar.feed_regenerated' : 'calendar.feed_created',
      targetType: 'calendar_feed',
      targetId: input.userId,
    });
    return Boolean(previous);
  });
  return { token, regenerated };
}

/** Revokes the feed: its address answers 404 from now on. Revoking no feed changes nothing. */
export async function revokeCalendarFeed(actor: Actor | null, deps: { db: Db }, input: { userId: string }): Promise<{ revoked: boolean }> {
  if (!calendarFeedPolicy.revoke(actor, input)) throw new ForbiddenError();
  return deps.db.transaction(async (tx) => {
    const deleted = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, input.userId)).returning({ userId: calendarFeeds.userId });
    if (deleted.length === 0) return { revoked: false };
    await recordAudit(tx, { actorUserId: actor?.userId, action: 'calendar.feed_revoked', targetType: 'calendar_feed', targetId: input.userId });
    return { revoked: true };
  });
}

/**
 * The feed behind a token, as iCalendar text; null for a malformed, unknown or revoked token
 * (the caller answers all of them with the same 404). No session: the token is the permission.
 */
export async function readCalendarFeed(
  deps: { db: Db },
  input: { token: string; appUrl?: string },
  options: { now?: Date; extraEvents?: (owner: { userId: string; locale: Locale; from: Date }) => Promise<CalendarMeeting[]> } = {},
): Promise<string | null> {
  const now = options.now ?? new Date();
  // A malformed token is still hashed and looked up, so every miss costs about the same.
  const owner = await findFeedOwnerByHash(deps.db, { tokenHash: hashFeedToken(input.token) });
  if (!owner || !isFeedTokenShape(input.token)) return null;
  const from = feedStartsFrom(now);
  const locale = isLocale(owner.locale) ? owner.locale : 'fi';
  const rows = await listFeedMeetings(deps.db, { userId: owner.userId, from });
  // Other features' events (advice sessions) come from the caller, so meetings imports none of them.
  const extra = options.extraEvents ? await options.extraEvents({ userId: owner.userId, locale, from }) : [];
  return personalFeed(rows, { locale, appUrl: input.appUrl, now, extra });
}
