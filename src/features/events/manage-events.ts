// Use cases of the coordinator: tours, and an event's life (create as a draft, publish, change,
// cancel). A change or cancellation of a published event tells every registrant, with the
// updated calendar entry (SEQUENCE raised) or METHOD:CANCEL; a raised capacity promotes the
// waiting list at once.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, eventPolicy } from '../../platform/policy/index.ts';
import { mailRegistrant, type EventMailDeps } from './event-mail.ts';
import { EventChangeError } from './events.errors.ts';
import { confirmedCount, findEvent, listActiveRegistrations, lockEvent, type Event, type EventTour } from './events.queries.ts';
import { eventRegistrations, events, eventTours } from './events.schema.ts';
import { promoteWaitlisted } from './register.ts';
import { reissueCancelToken } from './registration-tokens.ts';

export interface EventDeps extends EventMailDeps {
  db: Db;
}

export interface EventInput {
  tourId: string | null;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationDeadline: Date;
  speakers: string;
}

/** A tour of another organisation (or none) is refused as a field error, not a foreign-key failure. */
async function checkTour(tx: Tx, organizationId: string, tourId: string | null): Promise<void> {
  if (tourId === null) return;
  const [tour] = await tx
    .select({ id: eventTours.id })
    .from(eventTours)
    .where(and(eq(eventTours.organizationId, organizationId), eq(eventTours.id, tourId)));
  if (!tour) throw new EventChangeError('events.validation.tourInvalid');
}

export async function createTour(
  actor: Actor | null,
  deps: EventDeps,
  input: { organizationId: string; name: string; description: string },
): Promise<EventTour> {
  authorize(actor, { organizationId: input.organizationId, status: 'draft' }, eventPolicy.manage);
  return deps.db.transaction(async (tx) => {
    const [tour] = await tx.insert(eventTours).values(input).returning();
    if (!tour) throw new NotFoundError();
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'events.tour_created',
      targetType: 'event_tour',
      targetId: tour.id,
    });
    return tour;
  });
}

export async function createEvent(
  actor: Actor | null,
  deps: EventDeps,
  input: EventInput & { organizationId: string },
  options: { now?: Date } = {},
): Promise<Event> {
  const now = options.now ?? new Date();
  authorize(actor, { organizationId: input.organizationId, status: 'draft' }, eventPolicy.manage);
  return deps.db.transaction(async (tx) => {
    await checkTour(tx, input.organizationId, input.tourId);
    const [event] = await tx
      .insert(events)
      .values({ ...input, status: 'draft', createdAt: now, updatedAt: now })
      .returning();
    if (!event) throw new NotFoundError();
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'events.created',
      targetType: 'event',
      targetId: event.id,
    });
    return event;
  });
}

export async function publishEvent(
  actor: Actor | null,
  deps: EventDeps,
  input: { organizationId: string; eventId: string },
  options: { now?: Date } = {},
): Promise<Event> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, input);
    if (!event) throw new NotFoundError();
    authorize(actor, event, eventPolicy.manage);
    if (event.status !== 'draft') return event;
    const [published] = await tx
      .update(events)
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where(and(eq(events.organizationId, event.organizationId), eq(events.id, event.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: event.organizationId,
      actorUserId: actor!.userId,
      action: 'events.published',
      targetType: 'event',
      targetId: event.id,
    });
    return published ?? event;
  });
}

/** Changes that move the calendar entry (time, place, link) raise SEQUENCE and tell registrants. */
function movesCalendar(before: Event, after: EventInput): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venue !== after.venue ||
    before.onlineUrl !== after.onlineUrl ||
    before.title !== after.title
  );
}

export async function changeEvent(
  actor: Actor | null,
  deps: EventDeps,
  input: EventInput & { organizationId: string; eventId: string },
  options: { now?: Date } = {},
): Promise<Event> {
  const now = options.now ?? new Date();
  const { organizationId, eventId, ...fields } = input;
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, { organizationId, eventId });
    if (!event) throw new NotFoundError();
    authorize(actor, event, eventPolicy.manage);
    if (event.status === 'cancelled') throw new EventChangeError('events.error.cancelled');
    if (fields.capacity < (await confirmedCount(tx, { organizationId, eventId }))) throw new EventChangeError('events.error.capacityBelowConfirmed');
    await checkTour(tx, organizationId, fields.tourId);
    const tell = event.status === 'published' && movesCalendar(event, fields);
    const [changed] = await tx
      .update(events)
      .set({ ...fields, sequence: tell ? event.sequence + 1 : event.sequence, updatedAt: now })
      .where(and(eq(events.organizationId, organizationId), eq(events.id, eventId)))
      .returning();
    if (!changed) throw new NotFoundError();
    // A new day is reminded of again (the reminder job claims each registration once per day).
    if (changed.startsAt.getTime() !== event.startsAt.getTime())
      await tx
        .update(eventRegistrations)
        .set({ reminderSentAt: null })
        .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId)));
    if (tell) {
      for (const registration of await listActiveRegistrations(tx, { organizationId, eventId })) {
        const cancelToken = await reissueCancelToken(tx, registration);
        await mailRegistrant(tx, deps, { event: changed, registration, kind: 'changed', cancelToken, now });
      }
    }
    if (changed.status === 'published') await promoteWaitlisted(tx, deps, changed, now);
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'events.changed',
      targetType: 'event',
      targetId: eventId,
      metadata: { told: tell },
    });
    return changed;
  });
}

export async function cancelEvent(
  actor: Actor | null,
  deps: EventDeps,
  input: { organizationId: string; eventId: string },
  options: { now?: Date } = {},
): Promise<Event> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, input);
    if (!event) throw new NotFoundError();
    authorize(actor, event, eventPolicy.manage);
    if (event.status === 'cancelled') return event;
    const [cancelled] = await tx
      .update(events)
      .set({ status: 'cancelled', sequence: event.sequence + 1, cancelledAt: now, updatedAt: now })
      .where(and(eq(events.organizationId, event.organizationId), eq(events.id, event.id)))
      .returning();
    if (!cancelled) throw new NotFoundError();
    if (event.status === 'published') {
      for (const registration of await listActiveRegistrations(tx, input)) {
        await mailRegistrant(tx, deps, { event: cancelled, registration, kind: 'eventCancelled', cancelToken: null, now });
      }
    }
    await recordAudit(tx, {
      organizationId: event.organizationId,
      actorUserId: actor!.userId,
      action: 'events.cancelled',
      targetType: 'event',
      targetId: event.id,
    });
    return cancelled;
  });
}

export { findEvent };
