// Rate limits are configuration: a rule names its limit and window; counters live
// in PostgreSQL so every app instance shares them.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/db.ts';
import { RateLimitedError } from '../errors.ts';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Sign-in, code requests and resets: per IP and per account. */
export const rateLimitRules = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 15 * 60 },
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  codeRequestPerIp: { name: 'code:ip', limit: 10, windowSeconds: 15 * 60 },
  codeRequestPerAccount: { name: 'code:account', limit: 5, windowSeconds: 15 * 60 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { name: 'reset:account', limit: 5, windowSeconds: 60 * 60 },
  dataLinkPerIp: { name: 'data-link:ip', limit: 10, windowSeconds: 60 * 60 },
  dataLinkPerAddress: { name: 'data-link:address', limit: 5, windowSeconds: 60 * 60 },
  invitationPerIp: { name: 'invitation:ip', limit: 30, windowSeconds: 15 * 60 },
  /** The public application form: saved applications per IP. */
  applicationPerIp: { name: 'application:ip', limit: 5, windowSeconds: 60 * 60 },
  /** The public advice booking: held slots per IP (like the application form). */
  adviceBookingPerIp: { name: 'advice-booking:ip', limit: 5, windowSeconds: 60 * 60 },
  /** Public event registration per IP (like the application form). */
  eventRegistrationPerIp: { name: 'event-registration:ip', limit: 5, windowSeconds: 60 * 60 },
  /** The newsletter subscribe form (issue 14, point 4): as the event registration. */
  newsletterSubscribePerIp: { name: 'newsletter-subscribe:ip', limit: 5, windowSeconds: 60 * 60 },
  /** Calendar feeds: generous per IP (one calendar service fetches for many people), tighter per address. */
  calendarFeedPerIp: { name: 'calendar-feed:ip', limit: 600, windowSeconds: 15 * 60 },
  calendarFeedPerToken: { name: 'calendar-feed:token', limit: 60, windowSeconds: 15 * 60 },
  /** Re-authentication on the profile (current password for a new password or to turn TOTP off), per person. */
  reauthPerAccount: { name: 'reauth:account', limit: 10, windowSeconds: 15 * 60 },
  /** The public certificate verification (issue 15, point 6): codes looked up and credentials checked per IP. */
  certificateVerifyPerIp: { name: 'certificate-verify:ip', limit: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/** Counts one attempt against the rule for this key. */
export async function hitRateLimit(db: Tx, rule: RateLimitRule, key: string, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucketKey = `${rule.name}:${key.toLowerCase()}`;
  const result = await db.execute<{ count: number }>(sql`
    INSERT INTO rate_limit_buckets (key, window_start, count) VALUES (${bucketKey}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`);
  const count = Number(result.rows[0]?.count ?? 0);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfterSeconds };
}

/** Throws a RateLimitedError (429 with Retry-After) when any rule is over its limit. */
export async function enforceRateLimits(db: Tx, checks: [RateLimitRule, string | null | undefined][]): Promise<void> {
  let retryAfter = 0;
  for (const [rule, key] of checks) {
    if (!key) continue;
    const r = await hitRateLimit(db, rule, key);
    if (!r.allowed) retryAfter = Math.max(retryAfter, r.retryAfterSeconds);
  }
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
}

/** Old windows are useless: dropped by a periodic job. */
export async function pruneRateLimits(db: Tx, olderThan: Date): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limit_buckets WHERE window_start < ${olderThan.toISOString()}`);
}
