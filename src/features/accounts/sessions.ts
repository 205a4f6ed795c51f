// Sessions in PostgreSQL. The cookie carries a random 160-bit token; the table
// keeps only its SHA-256, so reading the table does not let anyone sign in.
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';
import { and, eq, ne, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';
import { sessions, users } from './accounts.schema.ts';

export const SESSION_COOKIE = 'tyopeili_session';

/** Staff: 12 h absolute, 30 min idle. Entrepreneurs who choose to stay signed in: 30 days. */
export const sessionPolicies = {
  staff: { absoluteSeconds: 12 * 3600, idleSeconds: 30 * 60 },
  entrepreneurRemembered: { absoluteSeconds: 30 * 24 * 3600, idleSeconds: 30 * 24 * 3600 },
  entrepreneur: { absoluteSeconds: 12 * 3600, idleSeconds: 2 * 3600 },
} as const;

const staffRoles = new Set(['admin', 'coordinator', 'facilitator', 'expert', 'trainee', 'funder']);

export function hashSessionToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export async function isStaff(db: Tx, userId: string): Promise<boolean> {
  const rows = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  return rows.some((r) => staffRoles.has(r.role));
}

export interface CreatedSession {
  token: string;
  id: string;
  expiresAt: Date;
  /** Cookie lifetime: a remembered session survives closing the browser. */
  persistent: boolean;
}

export async function createSession(
  db: Tx,
  input: { userId: string; rememberMe: boolean; userAgent?: string | null; secondFactorDone?: boolean; now?: Date },
): Promise<CreatedSession> {
  const now = input.now ?? new Date();
  const staff = await isStaff(db, input.userId);
  const policy = staff ? sessionPolicies.staff : input.rememberMe ? sessionPolicies.entrepreneurRemembered : sessionPolicies.entrepreneur;
  const token = generateSessionToken();
  const id = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + policy.absoluteSeconds * 1000);
  const [firstMembership] = await db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, input.userId), ne(memberships.role, 'admin')))
    .orderBy(memberships.createdAt)
    .limit(1);
  await db.insert(sessions).values({
    id,
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    idleTimeoutSeconds: policy.idleSeconds,
    activeOrganizationId: firstMembership?.organizationId ?? null,
    secondFactorDone: input.secondFactorDone ?? true,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, expiresAt, persistent: !staff && input.rememberMe };
}

export interface ValidSession {
  id: string;
  userId: string;
  secondFactorDone: boolean;
  activeOrganizationId: string | null;
  expiresAt: Date;
}

/** Returns the session if it is within both its absolute and idle limits; touches it. */
export async function validateSession(db: Tx, token: string, now = new Date()): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  const id = hashSessionToken(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row) return null;
  const idleEnd = row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000;
  if (now.getTime() >= row.expiresAt.getTime() || now.getTime() >= idleEnd) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute to spare writes.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { id, userId: row.userId, secondFactorDone: row.secondFactorDone, activeOrganizationId: row.activeOrganizationId, expiresAt: row.expiresAt };
}

export async function deleteSession(db: Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** "Sign out everywhere": every session of the person, this one included unless kept. */
export async function deleteAllSessions(db: Tx, userId: string, keepSessionId?: string): Promise<number> {
  const where = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

export async function setActiveOrganization(db: Tx, sessionId: string, organizationId: string): Promise<void> {
  await db.update(sessions).set({ activeOrganizationId: organizationId }).where(eq(sessions.id, sessionId));
}

export async function markSecondFactorDone(db: Tx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, sessionId));
}

/** Builds the actor that policies see from a valid session. */
export async function loadActor(db: Tx, session: ValidSession): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, session.userId)).limit(1);
  if (!user) return null;
  const rows = await db
    .select({ organizationId: memberships.organizationId, organizationName: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, user.id))
    .orderBy(organizations.name);
  const isAdmin = rows.some((r) => r.role === 'admin');
  const active = rows.find((r) => r.organizationId === session.activeOrganizationId) ?? rows.find((r) => r.role !== 'admin') ?? rows[0];
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : null,
    isDemo: user.isDemo,
    totpEnabled: user.totpEnabledAt !== null,
    isAdmin,
    memberships: rows,
    organizationId: active?.organizationId ?? null,
    role: active?.role ?? null,
  };
}

/** What a request's session cookie resolves to: nothing, a session waiting for its second factor, or an actor. */
export type ResolvedSession = { session: null; actor: null } | { session: ValidSession; actor: Actor | null };

type MembershipRow = Actor['memberships'][number];

/**
 * validateSession + loadActor in one round trip (issue 13): the session, its user and the user's
 * memberships in one statement. Only an expired session (delete) or one not seen for a minute
 * (touch) costs a second statement.
 */
export async function resolveSession(db: Tx, token: string, now = new Date()): Promise<ResolvedSession> {
  const none = { session: null, actor: null } as const;
  if (!/^[a-z2-7]{16,64}$/.test(token)) return none;
  const id = hashSessionToken(token);
  const result = await db.execute<{
    user_id: string;
    last_seen_at: string | Date;
    expires_at: string | Date;
    idle_timeout_seconds: number;
    active_organization_id: string | null;
    second_factor_done: boolean;
    email: string | null;
    name: string | null;
    locale: string | null;
    is_demo: boolean | null;
    totp_enabled: boolean | null;
    memberships: MembershipRow[];
  }>(sql`
    SELECT s.user_id, s.last_seen_at, s.expires_at, s.idle_timeout_seconds, s.active_organization_id, s.second_factor_done,
           u.email, u.name, u.locale, u.is_demo, u.totp_enabled_at IS NOT NULL AS totp_enabled,
           coalesce((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'organizationName', o.name, 'role', m.role) ORDER BY o.name)
                       FROM ${memberships} m JOIN ${organizations} o ON o.id = m.organization_id
                      WHERE m.user_id = s.user_id), '[]'::json) AS memberships
      FROM ${sessions} s LEFT JOIN ${users} u ON u.id = s.user_id
     WHERE s.id = ${id}
     LIMIT 1`);
  const row = result.rows[0];
  if (!row) return none;
  const lastSeenAt = new Date(row.last_seen_at);
  const expiresAt = new Date(row.expires_at);
  if (now.getTime() >= expiresAt.getTime() || now.getTime() >= lastSeenAt.getTime() + row.idle_timeout_seconds * 1000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return none;
  }
  if (now.getTime() - lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const session: ValidSession = { id, userId: row.user_id, secondFactorDone: row.second_factor_done, activeOrganizationId: row.active_organization_id, expiresAt };
  if (!session.secondFactorDone || row.email === null) return { session, actor: null };
  const rows = row.memberships;
  const isAdmin = rows.some((r) => r.role === 'admin');
  const active = rows.find((r) => r.organizationId === session.activeOrganizationId) ?? rows.find((r) => r.role !== 'admin') ?? rows[0];
  return {
    session,
    actor: {
      userId: row.user_id,
      email: row.email,
      name: row.name ?? '',
      locale: isLocale(row.locale) ? row.locale : null,
      isDemo: row.is_demo === true,
      totpEnabled: row.totp_enabled === true,
      isAdmin,
      memberships: rows,
      organizationId: active?.organizationId ?? null,
      role: active?.role ?? null,
    },
  };
}

export async function listSessions(db: Tx, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sql`${sessions.lastSeenAt} DESC`);
}

/** The user of a session that still waits for its second factor. */
export async function pendingSecondFactorUserId(db: Tx, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ userId: sessions.userId, done: sessions.secondFactorDone }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return row && !row.done ? row.userId : null;
}

/** In production, administrators and coordinators must have TOTP on (demo accounts are exempt). */
export function mustSetUpTotp(actor: Actor, isProduction: boolean): boolean {
  if (!isProduction || actor.totpEnabled || actor.isDemo) return false;
  return actor.isAdmin || actor.memberships.some((m) => m.role === 'coordinator');
}
