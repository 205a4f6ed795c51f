// Data access for outcome measurement. Every function takes (db, { organizationId, … }).
// Individual answers and scores are returned only for one person (their own view, guarded
// by outcomePolicy in the callers); group functions return aggregates only.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { utcToZoned } from '../meetings/zoned-time.ts';
import type { CustomInstrument } from './custom-instruments.ts';
import { builtInInstruments, type Instrument } from './instruments/index.ts';
import { checkInAnswers, checkIns, checkInScores, customInstruments, measurementConsents, meetingFeedback, meetingFeedbackGivers } from './outcomes.schema.ts';

/** Averages are shown only when at least this many people answered. */
export const MIN_GROUP_N = 5;

export type Consent = typeof measurementConsents.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;

/** The Helsinki calendar date of an instant. */
export function helsinkiDate(instant: Date): string {
  return utcToZoned(instant).date;
}

export async function findConsent(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }): Promise<Consent | null> {
  const [row] = await db.select().from(measurementConsents).where(and(eq(measurementConsents.organizationId, organizationId), eq(measurementConsents.userId, userId)));
  return row ?? null;
}

export const consentActive = (consent: Consent | null): boolean => consent !== null && consent.withdrawnAt === null;

/** The person's current (or latest) group membership in the organisation. */
export async function findLatestMembership(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const [row] = await db
    .select({ groupId: groupMembers.groupId, joinedAt: groupMembers.joinedAt, leftAt: groupMembers.leftAt })
    .from(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.userId, userId)))
    .orderBy(sql`${groupMembers.leftAt} IS NULL DESC`, desc(groupMembers.joinedAt))
    .limit(1);
  return row ?? null;
}

export async function listGroupMeetingDates(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId)))
    .orderBy(asc(meetings.startsAt));
}

/** The person's own check-ins, newest due first. */
export async function listOwnCheckIns(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }): Promise<CheckIn[]> {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.userId, userId)))
    .orderBy(desc(checkIns.dueOn), desc(checkIns.createdAt));
}

export async function findCheckIn(db: Tx, { organizationId, checkInId }: { organizationId: string; checkInId: string }): Promise<CheckIn | null> {
  const [row] = await db.select().from(checkIns).where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.id, checkInId)));
  return row ?? null;
}

/** The answers of one check-in by instrument and item (the caller has authorised the person's own read). */
export async function listAnswers(db: Tx, { organizationId, checkInId }: { organizationId: string; checkInId: string }) {
  const rows = await db
    .select()
    .from(checkInAnswers)
    .where(and(eq(checkInAnswers.organizationId, organizationId), eq(checkInAnswers.checkInId, checkInId)));
  const out: Record<string, Record<string, number | string>> = {};
  for (const r of rows) (out[r.instrumentId] ??= {})[r.itemId] = r.valueCode ?? Number(r.valueNumber);
  return out;
}

/** The person's own scores over time (the progress page). */
export async function listOwnScores(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const rows = await db
    .select({ instrumentId: checkInScores.instrumentId, kind: checkInScores.kind, wave: checkInScores.wave, score: checkInScores.score, band: checkInScores.band, submittedAt: checkInScores.submittedAt })
    .from(checkInScores)
    .where(and(eq(checkInScores.organizationId, organizationId), eq(checkInScores.userId, userId)))
    .orderBy(asc(checkInScores.submittedAt));
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export async function countDoneSteps(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }): Promise<{ done: number; all: number }> {
  const { rows } = await db.execute<{ done: number; all: number }>(
    sql`SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*)::int AS all FROM steps WHERE organization_id = ${organizationId} AND user_id = ${userId}`,
  );
  return rows[0] ?? { done: 0, all: 0 };
}

export type TrendCell = { n: number; mean: number | null };
export type GroupTrend = {
  waves: { instrumentId: string; wave: number | 'exit'; cell: TrendCell }[];
  pulses: { meetingId: string; startsAt: Date; instrumentId: string; cell: TrendCell }[];
};

const suppress = (n: number, mean: number | null): TrendCell => ({ n, mean: n >= MIN_GROUP_N && mean !== null ? Math.round(mean * 10) / 10 : null });

/** Group averages by wave (baseline, every 6 months, exit) and by meeting (pulses); a mean only when n ≥ 5. */
export async function groupTrend(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<GroupTrend> {
  const waveRows = await db
    .select({
      instrumentId: checkInScores.instrumentId,
      kind: checkInScores.kind,
      wave: checkInScores.wave,
      n: sql<number>`count(DISTINCT ${checkInScores.userId})::int`,
      mean: sql<string | null>`avg(${checkInScores.score})`,
    })
    .from(checkInScores)
    .where(and(eq(checkInScores.organizationId, organizationId), eq(checkInScores.groupId, groupId), sql`${checkInScores.kind} <> 'pulse'`))
    .groupBy(checkInScores.instrumentId, checkInScores.kind, checkInScores.wave)
    .orderBy(asc(checkInScores.instrumentId), asc(checkInScores.wave));
  const pulseRows = await db
    .select({
      meetingId: checkInScores.meetingId,
      startsAt: meetings.startsAt,
      instrumentId: checkInScores.instrumentId,
      n: sql<number>`count(DISTINCT ${checkInScores.userId})::int`,
      mean: sql<string | null>`avg(${checkInScores.score})`,
    })
    .from(checkInScores)
    .innerJoin(meetings, and(eq(meetings.organizationId, checkInScores.organizationId), eq(meetings.id, checkInScores.meetingId)))
    .where(and(eq(checkInScores.organizationId, organizationId), eq(checkInScores.groupId, groupId), eq(checkInScores.kind, 'pulse')))
    .groupBy(checkInScores.meetingId, meetings.startsAt, checkInScores.instrumentId)
    .orderBy(asc(meetings.startsAt));
  return {
    waves: waveRows.map((r) => ({ instrumentId: r.instrumentId, wave: r.kind === 'exit' ? 'exit' : (r.wave ?? 0), cell: suppress(r.n, r.mean === null ? null : Number(r.mean)) })),
    pulses: pulseRows.map((r) => ({ meetingId: r.meetingId!, startsAt: r.startsAt, instrumentId: r.instrumentId, cell: suppress(r.n, r.mean === null ? null : Number(r.mean)) })),
  };
}

export async function hasGivenFeedback(db: Tx, { organizationId, meetingId, userId }: { organizationId: string; meetingId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: meetingFeedbackGivers.userId })
    .from(meetingFeedbackGivers)
    .where(and(eq(meetingFeedbackGivers.organizationId, organizationId), eq(meetingFeedbackGivers.meetingId, meetingId), eq(meetingFeedbackGivers.userId, userId)));
  return row !== undefined;
}

export type FeedbackSummary = { meetingId: string; startsAt: Date; n: number; useful: number | null; safe: number | null; comments: string[] };

/** Feedback per meeting of a group: counts, averages when n ≥ 5, and comments without names (sorted, not in arrival order). */
export async function groupFeedback(db: Tx, { organizationId, groupId, meetingId }: { organizationId: string; groupId: string; meetingId?: string }): Promise<FeedbackSummary[]> {
  const where = [eq(meetingFeedback.organizationId, organizationId), eq(meetingFeedback.groupId, groupId)];
  if (meetingId) where.push(eq(meetingFeedback.meetingId, meetingId));
  const rows = await db
    .select({
      meetingId: meetingFeedback.meetingId,
      startsAt: meetings.startsAt,
      n: sql<number>`count(*)::int`,
      useful: sql<string | null>`avg(${meetingFeedback.useful})`,
      safe: sql<string | null>`avg(${meetingFeedback.safe})`,
      comments: sql<string[] | null>`array_agg(${meetingFeedback.comment} ORDER BY ${meetingFeedback.comment}) FILTER (WHERE ${meetingFeedback.comment} IS NOT NULL)`,
    })
    .from(meetingFeedback)
    .innerJoin(meetings, and(eq(meetings.organizationId, meetingFeedback.organizationId), eq(meetings.id, meetingFeedback.meetingId)))
    .where(and(...where))
    .groupBy(meetingFeedback.meetingId, meetings.startsAt)
    .orderBy(desc(meetings.startsAt));
  return rows.map((r) => ({
    meetingId: r.meetingId,
    startsAt: r.startsAt,
    n: r.n,
    useful: suppress(r.n, r.useful === null ? null : Number(r.useful)).mean,
    safe: suppress(r.n, r.safe === null ? null : Number(r.safe)).mean,
    comments: r.comments ?? [],
  }));
}

/** The organisation's own instruments, oldest first (active and retired). */
export async function listCustomInstruments(db: Tx, { organizationId }: { organizationId: string }): Promise<(CustomInstrument & { createdAt: Date })[]> {
  const rows = await db.select().from(customInstruments).where(eq(customInstruments.organizationId, organizationId)).orderBy(asc(customInstruments.createdAt), asc(customInstruments.id));
  return rows.map((r) => ({ instrument: r.definition, askIn: r.askIn, status: r.status, createdAt: r.createdAt }));
}

/** Every instrument whose scores the organisation may hold: the built-in ones, then its own. */
export async function organizationInstruments(db: Tx, { organizationId }: { organizationId: string }): Promise<{ all: Instrument[]; custom: CustomInstrument[] }> {
  const custom = await listCustomInstruments(db, { organizationId });
  return { all: [...builtInInstruments, ...custom.map((c) => c.instrument)], custom };
}

/** Whether anybody has answered (or started answering) the instrument. */
export async function instrumentHasAnswers(db: Tx, { organizationId, instrumentId }: { organizationId: string; instrumentId: string }): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(checkInAnswers)
    .where(and(eq(checkInAnswers.organizationId, organizationId), eq(checkInAnswers.instrumentId, instrumentId)))
    .limit(1);
  return row !== undefined;
}
