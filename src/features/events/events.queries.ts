import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { eventRegistrations, events, eventTours } from './events.schema.ts';

export type Event = typeof events.$inferSelect;
export type EventRegistration = typeof eventRegistrations.$inferSelect;
export type EventTour = typeof eventTours.$inferSelect;

export async function findEvent(db: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<Event | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.organizationId, organizationId), eq(events.id, eventId)));
  return row ?? null;
}

/** A public page's event, by id alone (ids are unique across organisations). */
export async function findPublicEvent(db: Tx, { eventId }: { eventId: string }): Promise<Event | null> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), ne(events.status, 'draft')));
  return row ?? null;
}

/** Locks the event row: every change to its seats goes through this lock (the race for the last seat). */
export async function lockEvent(tx: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<Event | null> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.organizationId, organizationId), eq(events.id, eventId)))
    .for('update');
  return row ?? null;
}

export async function confirmedCount(tx: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')));
  return row?.n ?? 0;
}

export async function nextPosition(tx: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${eventRegistrations.position}), 0)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId)));
  return (row?.max ?? 0) + 1;
}

/** The first on the waiting list, or null. */
export async function firstWaitlisted(tx: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<EventRegistration | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.position))
    .limit(1);
  return row ?? null;
}

export async function listActiveRegistrations(tx: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<EventRegistration[]> {
  return tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, 'cancelled')))
    .orderBy(asc(eventRegistrations.position));
}

export async function findRegistrationByTokenHash(tx: Tx, tokenHash: string): Promise<EventRegistration | null> {
  const [row] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.cancelTokenHash, tokenHash));
  return row ?? null;
}

/** The waiting-list place of a waitlisted registration (1 = next in line). */
export async function waitlistPlace(tx: Tx, registration: EventRegistration): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.organizationId, registration.organizationId),
        eq(eventRegistrations.eventId, registration.eventId),
        eq(eventRegistrations.status, 'waitlisted'),
        sql`${eventRegistrations.position} <= ${registration.position}`,
      ),
    );
  return row?.n ?? 0;
}

/** The public list: published and cancelled events that have not ended, soonest first, with whether seats are left. */
export async function listPublicEvents(db: Tx, { now }: { now: Date }) {
  const rows = await db
    .select({
      event: events,
      tourName: eventTours.name,
      full: sql<boolean>`(SELECT count(*) FROM ${eventRegistrations} r WHERE r.organization_id = ${events.organizationId} AND r.event_id = ${events.id} AND r.status = 'confirmed') >= ${events.capacity}`,
    })
    .from(events)
    .leftJoin(eventTours, and(eq(eventTours.organizationId, events.organizationId), eq(eventTours.id, events.tourId)))
    .where(and(ne(events.status, 'draft'), sql`${events.endsAt} > ${now}`))
    .orderBy(asc(events.startsAt));
  return rows;
}

export async function isEventFull(db: Tx, event: Event): Promise<boolean> {
  return (await confirmedCount(db, { organizationId: event.organizationId, eventId: event.id })) >= event.capacity;
}
