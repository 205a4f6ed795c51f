// What the coordinator's pages read: the organisation's events with their counts, the tours with
// the sums of their stops, an event's registrations (seats, then the waiting list in order) and
// the check-in list. The coordinator may see the rows themselves, so these counts are plain
// numbers on the organisation's own pages; nothing here is published.
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { eventRegistrations, events, eventTours } from './events.schema.ts';
import type { Event, EventRegistration, EventTour } from './events.queries.ts';

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  attended: number;
}

const zero = (): RegistrationCounts => ({ confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0 });

export interface EventWithCounts {
  event: Event;
  counts: RegistrationCounts;
}

export interface TourWithCounts {
  tour: EventTour;
  events: number;
  counts: RegistrationCounts;
}

/** Every event of the organisation, newest start first, with its counts; the tours with their sums. */
export async function listOrganizationEvents(
  db: Tx,
  { organizationId }: { organizationId: string },
): Promise<{ events: EventWithCounts[]; tours: TourWithCounts[] }> {
  const [rows, tourRows] = await Promise.all([
    db
      .select({
        event: events,
        confirmed: sql<number>`count(${eventRegistrations.id}) FILTER (WHERE ${eventRegistrations.status} = 'confirmed')::int`,
        waitlisted: sql<number>`count(${eventRegistrations.id}) FILTER (WHERE ${eventRegistrations.status} = 'waitlisted')::int`,
        cancelled: sql<number>`count(${eventRegistrations.id}) FILTER (WHERE ${eventRegistrations.status} = 'cancelled')::int`,
        attended: sql<number>`count(${eventRegistrations.id}) FILTER (WHERE ${eventRegistrations.attendedAt} IS NOT NULL)::int`,
      })
      .from(events)
      .leftJoin(eventRegistrations, and(eq(eventRegistrations.organizationId, events.organizationId), eq(eventRegistrations.eventId, events.id)))
      .where(eq(events.organizationId, organizationId))
      .groupBy(events.organizationId, events.id)
      .orderBy(desc(events.startsAt), asc(events.id)),
    listTours(db, { organizationId }),
  ]);
  const list = rows.map((r) => ({
    event: r.event,
    counts: { confirmed: r.confirmed, waitlisted: r.waitlisted, cancelled: r.cancelled, attended: r.attended },
  }));
  const tours = tourRows.map((tour) => {
    const stops = list.filter((e) => e.event.tourId === tour.id);
    const counts = zero();
    for (const s of stops) for (const k of Object.keys(counts) as (keyof RegistrationCounts)[]) counts[k] += s.counts[k];
    return { tour, events: stops.length, counts };
  });
  return { events: list, tours };
}

export async function listTours(db: Tx, { organizationId }: { organizationId: string }): Promise<EventTour[]> {
  return db.select().from(eventTours).where(eq(eventTours.organizationId, organizationId)).orderBy(asc(eventTours.createdAt), asc(eventTours.id));
}

export async function findTour(db: Tx, { organizationId, tourId }: { organizationId: string; tourId: string }): Promise<EventTour | null> {
  const [row] = await db
    .select()
    .from(eventTours)
    .where(and(eq(eventTours.organizationId, organizationId), eq(eventTours.id, tourId)));
  return row ?? null;
}

/** Every registration of an event in order of registering (cancelled ones too, last). */
export async function listRegistrations(db: Tx, { organizationId, eventId }: { organizationId: string; eventId: string }): Promise<EventRegistration[]> {
  return db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId)))
    .orderBy(asc(eventRegistrations.position));
}

/** Those with a seat, by name, optionally narrowed by a part of the name (the check-in list). */
export async function listCheckIn(
  db: Tx,
  { organizationId, eventId, search }: { organizationId: string; eventId: string; search: string },
): Promise<EventRegistration[]> {
  const where = [eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed')];
  if (search) where.push(ilike(eventRegistrations.name, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select()
    .from(eventRegistrations)
    .where(and(...where))
    .orderBy(sql`lower(${eventRegistrations.name})`, asc(eventRegistrations.position));
}
