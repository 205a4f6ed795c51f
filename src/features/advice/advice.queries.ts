// Data access for advice. Every function takes (db, { organizationId, … }), except the
// calendar feed's, which follows one person across organisations.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { AdviceSessionResource } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { steps } from '../steps/steps.schema.ts';
import { adviceAvailability, adviceLeave, adviceNotes, adviceSessions, adviceSettings } from './advice.schema.ts';
import { DEFAULT_ADVICE_RULES, withinChangeNotice, type AdviceRules, type AvailabilityWindow, type Busy, type Leave } from './slots.ts';

export type AdviceSession = typeof adviceSessions.$inferSelect;
export type AdviceNote = typeof adviceNotes.$inferSelect;

export async function findAdviceRules(db: Tx, { organizationId }: { organizationId: string }): Promise<AdviceRules> {
  const [row] = await db.select().from(adviceSettings).where(eq(adviceSettings.organizationId, organizationId));
  return row
    ? { slotMinutes: row.slotMinutes, bufferMinutes: row.bufferMinutes, minNoticeHours: row.minNoticeHours, changeNoticeHours: row.changeNoticeHours }
    : { ...DEFAULT_ADVICE_RULES };
}

export async function saveAdviceRules(db: Tx, { organizationId, rules, now }: { organizationId: string; rules: AdviceRules; now: Date }): Promise<void> {
  await db
    .insert(adviceSettings)
    .values({ organizationId, ...rules, updatedAt: now })
    .onConflictDoUpdate({ target: adviceSettings.organizationId, set: { ...rules, updatedAt: now } });
}

/** Windows still published; of one advisor when given. */
export async function listWindows(
  db: Tx,
  { organizationId, advisorUserId }: { organizationId: string; advisorUserId?: string },
): Promise<AvailabilityWindow[]> {
  const rows = await db
    .select()
    .from(adviceAvailability)
    .where(
      and(
        eq(adviceAvailability.organizationId, organizationId),
        isNull(adviceAvailability.removedAt),
        advisorUserId ? eq(adviceAvailability.advisorUserId, advisorUserId) : undefined,
      ),
    )
    .orderBy(asc(adviceAvailability.kind), asc(adviceAvailability.weekday), asc(adviceAvailability.onDate), asc(adviceAvailability.startTime));
  return rows.map((r) => ({
    id: r.id,
    advisorUserId: r.advisorUserId,
    kind: r.kind,
    weekday: r.weekday,
    onDate: r.onDate,
    startTime: r.startTime,
    endTime: r.endTime,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    mode: r.mode,
    onlineUrl: r.onlineUrl,
    place: r.place,
    topics: r.topics,
  }));
}

export async function listLeave(
  db: Tx,
  { organizationId, advisorUserId, from }: { organizationId: string; advisorUserId?: string; from: string },
): Promise<(Leave & { id: string })[]> {
  return db
    .select({ id: adviceLeave.id, advisorUserId: adviceLeave.advisorUserId, startsOn: adviceLeave.startsOn, endsOn: adviceLeave.endsOn })
    .from(adviceLeave)
    .where(
      and(
        eq(adviceLeave.organizationId, organizationId),
        gte(adviceLeave.endsOn, from),
        advisorUserId ? eq(adviceLeave.advisorUserId, advisorUserId) : undefined,
      ),
    )
    .orderBy(asc(adviceLeave.startsOn));
}

/** Sessions that take time from their advisor: booked, or held and not expired. */
export async function listBusy(
  db: Tx,
  {
    organizationId,
    advisorUserId,
    from,
    to,
    now,
    exceptSessionId,
  }: { organizationId: string; advisorUserId?: string; from: Date; to: Date; now: Date; exceptSessionId?: string },
): Promise<Busy[]> {
  return db
    .select({ advisorUserId: adviceSessions.advisorUserId, startsAt: adviceSessions.startsAt, endsAt: adviceSessions.endsAt })
    .from(adviceSessions)
    .where(
      and(
        eq(adviceSessions.organizationId, organizationId),
        advisorUserId ? eq(adviceSessions.advisorUserId, advisorUserId) : undefined,
        lt(adviceSessions.startsAt, to),
        gt(adviceSessions.endsAt, from),
        or(eq(adviceSessions.status, 'booked'), and(eq(adviceSessions.status, 'held'), gt(adviceSessions.holdExpiresAt, now))),
        exceptSessionId ? ne(adviceSessions.id, exceptSessionId) : undefined,
      ),
    );
}

/** The advisors of the organisation: its facilitators and coordinators, by name. */
export async function listAdvisors(db: Tx, { organizationId }: { organizationId: string }): Promise<{ userId: string; name: string }[]> {
  return db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ['facilitator', 'coordinator'])))
    .orderBy(asc(users.name));
}

export async function findPerson(
  db: Tx,
  { userId }: { userId: string },
): Promise<{ userId: string; name: string; email: string; locale: string | null } | null> {
  const [row] = await db.select({ userId: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** The entrepreneur's company in this organisation (for counting supported companies). */
export async function findProfileCompany(
  db: Tx,
  { organizationId, userId }: { organizationId: string; userId: string },
): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: companies.id, name: companies.name })
    .from(entrepreneurProfiles)
    .innerJoin(companies, and(eq(companies.organizationId, entrepreneurProfiles.organizationId), eq(companies.id, entrepreneurProfiles.companyId)))
    .where(and(eq(entrepreneurProfiles.organizationId, organizationId), eq(entrepreneurProfiles.userId, userId)));
  return row ?? null;
}

export async function findSession(
  db: Tx,
  { organizationId, sessionId, forUpdate = false }: { organizationId: string; sessionId: string; forUpdate?: boolean },
): Promise<AdviceSession | null> {
  const query = db
    .select()
    .from(adviceSessions)
    .where(and(eq(adviceSessions.organizationId, organizationId), eq(adviceSessions.id, sessionId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findSessionByTokenHash(
  db: Tx,
  { tokenHash, forUpdate = false }: { tokenHash: string; forUpdate?: boolean },
): Promise<AdviceSession | null> {
  const query = db.select().from(adviceSessions).where(eq(adviceSessions.confirmTokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The session as the policy sees it. */
export function sessionResource(session: AdviceSession, rules: AdviceRules, now: Date): AdviceSessionResource {
  const active = session.status === 'booked' || (session.status === 'held' && session.holdExpiresAt !== null && session.holdExpiresAt > now);
  return {
    organizationId: session.organizationId,
    advisorUserId: session.advisorUserId,
    personUserId: session.userId,
    upcoming: active && session.startsAt > now,
    beforeChangeNotice: withinChangeNotice(session.startsAt, now, rules),
    started: session.status === 'booked' && session.startsAt <= now,
  };
}

const sessionListColumns = {
  id: adviceSessions.id,
  organizationId: adviceSessions.organizationId,
  advisorUserId: adviceSessions.advisorUserId,
  userId: adviceSessions.userId,
  topic: adviceSessions.topic,
  startsAt: adviceSessions.startsAt,
  endsAt: adviceSessions.endsAt,
  mode: adviceSessions.mode,
  place: adviceSessions.place,
  status: adviceSessions.status,
  attendance: adviceSessions.attendance,
  summary: adviceSessions.summary,
  summarySharedAt: adviceSessions.summarySharedAt,
  guestName: adviceSessions.guestName,
};

/** A person's own sessions (booked or cancelled; holds are the public form's), newest first. */
export async function listPersonSessions(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  return db
    .select({ ...sessionListColumns, advisorName: users.name })
    .from(adviceSessions)
    .innerJoin(users, eq(users.id, adviceSessions.advisorUserId))
    .where(and(eq(adviceSessions.organizationId, organizationId), eq(adviceSessions.userId, userId), inArray(adviceSessions.status, ['booked', 'cancelled'])))
    .orderBy(desc(adviceSessions.startsAt));
}

/** An advisor's sessions (or every advisor's, for a coordinator), with the person's name. */
export async function listAdvisorSessions(
  db: Tx,
  { organizationId, advisorUserId, from }: { organizationId: string; advisorUserId: string | null; from: Date },
) {
  return db
    .select({ ...sessionListColumns, personName: users.name })
    .from(adviceSessions)
    .leftJoin(users, eq(users.id, adviceSessions.userId))
    .where(
      and(
        eq(adviceSessions.organizationId, organizationId),
        advisorUserId ? eq(adviceSessions.advisorUserId, advisorUserId) : undefined,
        gte(adviceSessions.startsAt, from),
        inArray(adviceSessions.status, ['booked', 'held', 'cancelled']),
      ),
    )
    .orderBy(asc(adviceSessions.startsAt));
}

export async function listNotes(db: Tx, { organizationId, sessionId }: { organizationId: string; sessionId: string }) {
  return db
    .select({
      id: adviceNotes.id,
      organizationId: adviceNotes.organizationId,
      authorUserId: adviceNotes.authorUserId,
      authorName: users.name,
      text: adviceNotes.text,
      createdAt: adviceNotes.createdAt,
    })
    .from(adviceNotes)
    .innerJoin(users, eq(users.id, adviceNotes.authorUserId))
    .where(and(eq(adviceNotes.organizationId, organizationId), eq(adviceNotes.sessionId, sessionId)))
    .orderBy(asc(adviceNotes.createdAt));
}

/** Steps agreed at this session. */
export async function listSessionSteps(db: Tx, { organizationId, sessionId }: { organizationId: string; sessionId: string }) {
  return db
    .select({ id: steps.id, text: steps.text, dueOn: steps.dueOn, status: steps.status, reflection: steps.reflection, groupId: steps.groupId })
    .from(steps)
    .where(and(eq(steps.organizationId, organizationId), eq(steps.adviceSessionId, sessionId)))
    .orderBy(asc(steps.createdAt), asc(steps.id));
}

/** For the follow-up at the next session: the person's steps from earlier advice sessions, open ones first. */
export async function listEarlierAdviceSteps(db: Tx, { organizationId, userId, before }: { organizationId: string; userId: string; before: Date }) {
  return db
    .select({
      id: steps.id,
      text: steps.text,
      dueOn: steps.dueOn,
      status: steps.status,
      reflection: steps.reflection,
      sessionStartsAt: adviceSessions.startsAt,
    })
    .from(steps)
    .innerJoin(adviceSessions, and(eq(adviceSessions.organizationId, steps.organizationId), eq(adviceSessions.id, steps.adviceSessionId)))
    .where(and(eq(steps.organizationId, organizationId), eq(steps.userId, userId), lt(adviceSessions.startsAt, before)))
    .orderBy(sql`CASE WHEN ${steps.status} IN ('open', 'partly') THEN 0 ELSE 1 END`, desc(adviceSessions.startsAt), asc(steps.createdAt));
}

/** Booked sessions of a person (as the one advised or the advisor) since `from`, in every organisation they still belong to. */
export async function listFeedSessions(db: Tx, { userId, from }: { userId: string; from: Date }) {
  return db
    .select({ session: adviceSessions, advisorName: users.name })
    .from(adviceSessions)
    .innerJoin(users, eq(users.id, adviceSessions.advisorUserId))
    .innerJoin(memberships, and(eq(memberships.organizationId, adviceSessions.organizationId), eq(memberships.userId, userId)))
    .where(
      and(
        gte(adviceSessions.startsAt, from),
        inArray(adviceSessions.status, ['booked', 'cancelled']),
        or(eq(adviceSessions.userId, userId), eq(adviceSessions.advisorUserId, userId)),
      ),
    )
    .orderBy(asc(adviceSessions.startsAt))
    .limit(2000);
}
