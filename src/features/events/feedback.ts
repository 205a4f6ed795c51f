// Feedback after an event by the mailed link (no sign-in): overall 1–5, usefulness 1–5 and free
// text. One answer per registration: the registration is claimed (feedback_given_at IS NULL) in
// the transaction that writes the answer, and the answer itself carries no registration, no
// person and no time (event_feedback). The coordinator sees counts and means only through the
// disclosure layer: under five answers they are withheld.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { releaseFigures, type Released } from '../../platform/disclosure/release.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { authorize, eventPolicy } from '../../platform/policy/index.ts';
import { findEvent, type Event, type EventRegistration } from './events.queries.ts';
import { eventFeedback, eventRegistrations, events } from './events.schema.ts';
import type { FeedbackForm } from './events.validation.ts';

/** Answers are taken this long after the event ended. */
export const FEEDBACK_OPEN_MS = 30 * 86_400_000;

export function hashFeedbackToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isFeedbackTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function newFeedbackToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedbackToken(token) };
}

/** The link is unknown, already used, or the form has closed. */
export class FeedbackLinkError extends DomainError {
  constructor(messageKey: 'events.feedback.linkInvalid' | 'events.feedback.alreadyGiven' | 'events.feedback.closed') {
    super('event_feedback_link', 410, messageKey);
  }
}

export type FeedbackInvitation =
  | { state: 'open'; event: Event; registration: EventRegistration }
  | { state: 'given' | 'closed'; event: Event }
  | { state: 'invalid' };

export async function findFeedbackInvitation(db: Tx, token: string, now: Date = new Date()): Promise<FeedbackInvitation> {
  if (!isFeedbackTokenShape(token)) return { state: 'invalid' };
  const [row] = await db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, and(eq(events.organizationId, eventRegistrations.organizationId), eq(events.id, eventRegistrations.eventId)))
    .where(eq(eventRegistrations.feedbackTokenHash, hashFeedbackToken(token)));
  if (!row) return { state: 'invalid' };
  if (row.registration.feedbackGivenAt) return { state: 'given', event: row.event };
  if (now.getTime() > row.event.endsAt.getTime() + FEEDBACK_OPEN_MS || row.event.status === 'cancelled') return { state: 'closed', event: row.event };
  return { state: 'open', event: row.event, registration: row.registration };
}

/** Saves one answer for the link's registration; a second answer (or a race of two) is refused. */
export async function giveEventFeedback(deps: { db: Db }, token: string, form: FeedbackForm, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    const found = await findFeedbackInvitation(tx, token, now);
    if (found.state === 'invalid') throw new FeedbackLinkError('events.feedback.linkInvalid');
    if (found.state === 'given') throw new FeedbackLinkError('events.feedback.alreadyGiven');
    if (found.state !== 'open') throw new FeedbackLinkError('events.feedback.closed');
    const [claimed] = await tx
      .update(eventRegistrations)
      .set({ feedbackGivenAt: now })
      .where(
        and(
          eq(eventRegistrations.organizationId, found.registration.organizationId),
          eq(eventRegistrations.id, found.registration.id),
          isNull(eventRegistrations.feedbackGivenAt),
        ),
      )
      .returning({ id: eventRegistrations.id });
    if (!claimed) throw new FeedbackLinkError('events.feedback.alreadyGiven');
    await tx.insert(eventFeedback).values({
      organizationId: found.event.organizationId,
      eventId: found.event.id,
      overall: form.overall,
      usefulness: form.usefulness,
      comment: form.comment,
    });
    await recordAudit(tx, {
      organizationId: found.event.organizationId,
      actorUserId: null,
      action: 'events.feedback_given',
      targetType: 'event',
      targetId: found.event.id,
    });
  });
}

/** The domain of event feedback in the disclosure layer: the anonymous answers are the members. */
export const EVENT_FEEDBACK_DOMAIN = 'event-feedback';
/** Answers needed before anything is shown. */
export const EVENT_FEEDBACK_MIN_N = 5;
const ratingMean = (sum: number) => ({ sum, min: 1, max: 5, step: 0.1 });

export interface EventFeedbackSummary {
  /** Answers given; null when withheld (fewer than five). */
  n: number | null;
  overall: number | null;
  usefulness: number | null;
  /** Free texts without names, sorted (not in arrival order); empty when withheld. */
  comments: string[];
  /** Whether the figures were withheld (too few answers, or they would reveal a person). */
  withheld: boolean;
}

/** The coordinator's view of an event's feedback, through releaseFigures. */
export async function releasedEventFeedback(
  actor: Actor | null,
  db: Db,
  { organizationId, eventId }: { organizationId: string; eventId: string },
): Promise<Released<EventFeedbackSummary>> {
  const event = await findEvent(db, { organizationId, eventId });
  if (!event) throw new NotFoundError();
  authorize(actor, event, eventPolicy.manage);
  const [row] = await db
    .select({
      ids: sql<string[]>`coalesce(array_agg(${eventFeedback.id}::text ORDER BY ${eventFeedback.id}), '{}')::text[]`,
      overallSum: sql<string | null>`sum(${eventFeedback.overall})`,
      usefulnessSum: sql<string | null>`sum(${eventFeedback.usefulness})`,
      comments: sql<string[] | null>`array_agg(${eventFeedback.comment} ORDER BY ${eventFeedback.comment}) FILTER (WHERE ${eventFeedback.comment} IS NOT NULL)`,
    })
    .from(eventFeedback)
    .where(and(eq(eventFeedback.organizationId, organizationId), eq(eventFeedback.eventId, eventId)));
  const ids = row?.ids ?? [];
  const n = ids.length;
  const candidates = [
    { id: 'overall', members: ids, means: [ratingMean(Number(row?.overallSum ?? 0))] },
    { id: 'usefulness', members: ids, means: [ratingMean(Number(row?.usefulnessSum ?? 0))] },
  ];
  const mean = (sum: string | null | undefined) => Math.round((Number(sum ?? 0) / n) * 10) / 10;
  return releaseFigures(
    db,
    { organizationId, domain: EVENT_FEEDBACK_DOMAIN },
    candidates,
    (d) => {
      const released = n > 0 && d.released('overall') && d.released('usefulness');
      return {
        n: released ? n : null,
        overall: released ? mean(row?.overallSum) : null,
        usefulness: released ? mean(row?.usefulnessSum) : null,
        comments: released ? (row?.comments ?? []) : [],
        withheld: !released,
      };
    },
    { k: EVENT_FEEDBACK_MIN_N, minSpan: 0.4 },
  );
}
