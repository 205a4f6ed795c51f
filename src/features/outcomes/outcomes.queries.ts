// Data access for outcome measurement. Every function takes (db, { organizationId, … }).
// Individual answers and scores are returned only for one person (their own view, guarded
// by outcomePolicy in the callers); group functions return aggregates only.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import { combineReleased, releaseFigures, type Decision, type Released } from '../../platform/disclosure/release.ts';
import { meanStep, minSpanOf, scoreDomain, scoreRange } from './evaluation.ts';
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

/**
 * Group averages by wave (baseline, every 6 months, exit) and by meeting (pulses), released through the
 * disclosure-control layer (docs/decisions/015-disclosure-control.md): each cell's set of people is audited
 * against every earlier release of the instrument's scores (the evaluation's too), so a mean needs n ≥ 5
 * and no difference with an earlier one may reveal a late answer; means rounded to 1 % of the scale.
 */
export async function groupTrend(db: Db, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<Released<GroupTrend>> {
  const waveRows = await db
    .select({
      instrumentId: checkInScores.instrumentId,
      kind: checkInScores.kind,
      wave: checkInScores.wave,
      // keyed by check-in (one key per value, as the evaluation keys its sets in the same domain)
      members: sql<string[]>`array_agg(DISTINCT ${checkInScores.checkInId})::text[]`,
      people: sql<number>`count(DISTINCT ${checkInScores.userId})::int`,
      sum: sql<string>`sum(${checkInScores.score})`,
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
      // keyed by check-in (one key per value, as the evaluation keys its sets in the same domain)
      members: sql<string[]>`array_agg(DISTINCT ${checkInScores.checkInId})::text[]`,
      people: sql<number>`count(DISTINCT ${checkInScores.userId})::int`,
      sum: sql<string>`sum(${checkInScores.score})`,
    })
    .from(checkInScores)
    .innerJoin(meetings, and(eq(meetings.organizationId, checkInScores.organizationId), eq(meetings.id, checkInScores.meetingId)))
    .where(and(eq(checkInScores.organizationId, organizationId), eq(checkInScores.groupId, groupId), eq(checkInScores.kind, 'pulse')))
    .groupBy(checkInScores.meetingId, meetings.startsAt, checkInScores.instrumentId)
    .orderBy(asc(meetings.startsAt));
  const instruments = new Map((await organizationInstruments(db, { organizationId })).all.map((i) => [i.id, i]));
  const cells = [
    ...waveRows.map((r) => ({ id: `wave:${r.instrumentId}:${r.kind}:${r.wave ?? ''}`, instrumentId: r.instrumentId, members: r.members, people: Number(r.people), sum: Number(r.sum) })),
    ...pulseRows.map((r) => ({ id: `pulse:${r.instrumentId}:${r.meetingId}`, instrumentId: r.instrumentId, members: r.members, people: Number(r.people), sum: Number(r.sum) })),
  ];
  const decisions = new Map<string, Decision>();
  const parts: Released<Decision>[] = [];
  for (const instrumentId of new Set(cells.map((c) => c.instrumentId))) {
    const instrument = instruments.get(instrumentId);
    const mine = cells.filter((c) => c.instrumentId === instrumentId);
    if (!instrument) continue;
    const { min, max } = scoreRange(instrument);
    const step = meanStep(instrument);
    const released = await releaseFigures(
      db,
      { organizationId, domain: scoreDomain(instrumentId) },
      mine.map((c) => ({ id: c.id, members: c.members, means: [{ sum: c.sum, min, max, step }] })),
      (decision) => decision,
      { k: MIN_GROUP_N, minSpan: minSpanOf(instrument) },
    );
    parts.push(released);
    for (const c of mine) decisions.set(c.id, released);
  }
  const cell = (c: (typeof cells)[number]): TrendCell => {
    const instrument = instruments.get(c.instrumentId);
    const released = instrument !== undefined && decisions.get(c.id)?.released(c.id) === true;
    const step = instrument ? meanStep(instrument) : 1;
    return { n: c.people, mean: released ? Number((Math.round(c.sum / c.members.length / step) * step).toFixed(Math.max(0, -Math.log10(step)))) : null };
  };
  return combineReleased(parts, () => ({
    waves: waveRows.map((r, i) => ({ instrumentId: r.instrumentId, wave: r.kind === 'exit' ? ('exit' as const) : (r.wave ?? 0), cell: cell(cells[i]!) })),
    pulses: pulseRows.map((r, i) => ({ meetingId: r.meetingId!, startsAt: r.startsAt, instrumentId: r.instrumentId, cell: cell(cells[waveRows.length + i]!) })),
  }));
}

export async function hasGivenFeedback(db: Tx, { organizationId, meetingId, userId }: { organizationId: string; meetingId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: meetingFeedbackGivers.userId })
    .from(meetingFeedbackGivers)
    .where(and(eq(meetingFeedbackGivers.organizationId, organizationId), eq(meetingFeedbackGivers.meetingId, meetingId), eq(meetingFeedbackGivers.userId, userId)));
  return row !== undefined;
}

export type FeedbackSummary = { meetingId: string; startsAt: Date; n: number; useful: number | null; safe: number | null; comments: string[] };

/** The domain of meeting feedback in the disclosure layer: the anonymous feedback rows are the members. */
export const FEEDBACK_DOMAIN = 'meeting-feedback';
/** Ratings 1–5: averages to one decimal; a person's rating must stay uncertain by more than 0.4 (10 % of the scale). */
const feedbackMean = (sum: number) => ({ sum, min: 1, max: 5, step: 0.1 });

/**
 * Feedback per meeting of a group: counts, averages released through the disclosure layer (n ≥ 5, and no
 * late answer revealed by difference with an earlier release), and comments without names (sorted, not in
 * arrival order).
 */
export async function groupFeedback(db: Db, { organizationId, groupId, meetingId }: { organizationId: string; groupId: string; meetingId?: string }): Promise<Released<FeedbackSummary[]>> {
  const where = [eq(meetingFeedback.organizationId, organizationId), eq(meetingFeedback.groupId, groupId)];
  if (meetingId) where.push(eq(meetingFeedback.meetingId, meetingId));
  const rows = await db
    .select({
      meetingId: meetingFeedback.meetingId,
      startsAt: meetings.startsAt,
      n: sql<number>`count(*)::int`,
      usefulIds: sql<string[]>`coalesce(array_agg(${meetingFeedback.id}) FILTER (WHERE ${meetingFeedback.useful} IS NOT NULL), '{}')::text[]`,
      usefulSum: sql<string | null>`sum(${meetingFeedback.useful})`,
      safeIds: sql<string[]>`coalesce(array_agg(${meetingFeedback.id}) FILTER (WHERE ${meetingFeedback.safe} IS NOT NULL), '{}')::text[]`,
      safeSum: sql<string | null>`sum(${meetingFeedback.safe})`,
      comments: sql<string[] | null>`array_agg(${meetingFeedback.comment} ORDER BY ${meetingFeedback.comment}) FILTER (WHERE ${meetingFeedback.comment} IS NOT NULL)`,
    })
    .from(meetingFeedback)
    .innerJoin(meetings, and(eq(meetings.organizationId, meetingFeedback.organizationId), eq(meetings.id, meetingFeedback.meetingId)))
    .where(and(...where))
    .groupBy(meetingFeedback.meetingId, meetings.startsAt)
    .orderBy(desc(meetings.startsAt));
  const candidates = rows.flatMap((r) => [
    { id: `useful:${r.meetingId}`, members: r.usefulIds, means: [feedbackMean(Number(r.usefulSum ?? 0))] },
    { id: `safe:${r.meetingId}`, members: r.safeIds, means: [feedbackMean(Number(r.safeSum ?? 0))] },
  ]);
  const avg = (d: Decision, id: string, sum: string | null, n: number) => (d.released(id) && n > 0 ? Math.round((Number(sum) / n) * 10) / 10 : null);
  return releaseFigures(db, { organizationId, domain: FEEDBACK_DOMAIN }, candidates, (d) =>
    rows.map((r) => ({
      meetingId: r.meetingId,
      startsAt: r.startsAt,
      n: r.n,
      useful: avg(d, `useful:${r.meetingId}`, r.usefulSum, r.usefulIds.length),
      safe: avg(d, `safe:${r.meetingId}`, r.safeSum, r.safeIds.length),
      comments: r.comments ?? [],
    })),
    { k: MIN_GROUP_N, minSpan: 0.4 },
  );
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
