// Registration for a public event, with or without an account. Every change to the seats takes
// the event row's lock first (SELECT … FOR UPDATE), so of two people racing for the last seat
// exactly one gets it and the other is waitlisted. A seat given up goes at once to the first on
// the waiting list, who is mailed the calendar entry. Validation and the rate limit are the page's.
import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { authorize, eventPolicy } from '../../platform/policy/index.ts';
import { mailRegistrant, type EventMailDeps } from './event-mail.ts';
import { AlreadyRegisteredError, CancelLinkError, RegistrationClosedError } from './events.errors.ts';
import {
  confirmedCount,
  findRegistrationByTokenHash,
  firstWaitlisted,
  lockEvent,
  nextPosition,
  waitlistPlace,
  type Event,
  type EventRegistration,
} from './events.queries.ts';
import { eventRegistrations, events } from './events.schema.ts';
import { hashCancelToken, newCancelToken, newRegistrationCode, reissueCancelToken } from './registration-tokens.ts';
import { enqueueWebhookEvent } from '../webhooks/index.ts';

export interface RegistrationDeps extends EventMailDeps {
  db: Db;
}

export interface RegistrationInput {
  organizationId: string;
  eventId: string;
  name: string;
  email: string;
  organisation: string | null;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
  /** The privacy notice was accepted (the form refuses otherwise). */
  consent: true;
  locale: Locale;
}

export interface RegistrationResult {
  registration: EventRegistration;
  /** 1 = next in line; null with a seat. */
  waitlistPlace: number | null;
  cancelToken: string;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = e.cause ?? e;
  return pg.code === '23505' && pg.constraint === constraint;
}

export function isOpenForRegistration(event: Event, now: Date): boolean {
  return event.status === 'published' && now <= event.registrationDeadline && now < event.startsAt;
}

/** Signed in (`actor`) or not (null): a signed-in registrant's account is linked to the row. */
export async function registerForEvent(
  actor: Actor | null,
  deps: RegistrationDeps,
  input: RegistrationInput,
  options: { now?: Date } = {},
): Promise<RegistrationResult> {
  const now = options.now ?? new Date();
  try {
    return await deps.db.transaction(async (tx) => {
      const event = await lockEvent(tx, input);
      if (!event || event.status === 'draft') throw new NotFoundError();
      if (!isOpenForRegistration(event, now)) throw new RegistrationClosedError();
      authorize(actor, event, eventPolicy.register);
      const seats = await confirmedCount(tx, input);
      const status = seats < event.capacity ? 'confirmed' : 'waitlisted';
      const { token, hash } = newCancelToken();
      const [registration] = await tx
        .insert(eventRegistrations)
        .values({
          organizationId: input.organizationId,
          eventId: input.eventId,
          userId: actor?.userId ?? null,
          name: input.name,
          email: input.email,
          organisation: input.organisation,
          dietaryNeeds: input.dietaryNeeds,
          accessibilityNeeds: input.accessibilityNeeds,
          consentAt: now,
          code: newRegistrationCode(),
          cancelTokenHash: hash,
          status,
          position: await nextPosition(tx, input),
          locale: input.locale,
          createdAt: now,
        })
        .returning();
      if (!registration) throw new NotFoundError();
      const place = status === 'waitlisted' ? await waitlistPlace(tx, registration) : null;
      await mailRegistrant(tx, deps, {
        event,
        registration,
        kind: status === 'confirmed' ? 'registered' : 'waitlisted',
        cancelToken: token,
        waitlistPlace: place ?? undefined,
        now,
      });
      await recordAudit(tx, {
        organizationId: event.organizationId,
        actorUserId: actor?.userId ?? null,
        action: 'events.registered',
        targetType: 'event_registration',
        targetId: registration.id,
        metadata: { status },
      });
      await enqueueWebhookEvent(tx, deps.jobs, event.organizationId, 'registration.created', { registration: registration.id, event: event.id }, { now });
      return { registration, waitlistPlace: place, cancelToken: token };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'event_registrations_email_key')) throw new AlreadyRegisteredError();
    throw error;
  }
}

/** Fills free seats from the waiting list, in order; each promoted person is mailed. Needs the event's lock. */
export async function promoteWaitlisted(tx: Tx, deps: EventMailDeps, event: Event, now: Date): Promise<EventRegistration[]> {
  const promoted: EventRegistration[] = [];
  if (event.status !== 'published' || now >= event.startsAt) return promoted;
  let free = event.capacity - (await confirmedCount(tx, { organizationId: event.organizationId, eventId: event.id }));
  while (free > 0) {
    const next = await firstWaitlisted(tx, { organizationId: event.organizationId, eventId: event.id });
    if (!next) break;
    const [row] = await tx
      .update(eventRegistrations)
      .set({ status: 'confirmed', promotedAt: now })
      .where(and(eq(eventRegistrations.organizationId, next.organizationId), eq(eventRegistrations.id, next.id)))
      .returning();
    if (!row) break;
    const cancelToken = await reissueCancelToken(tx, row);
    await mailRegistrant(tx, deps, { event, registration: row, kind: 'promoted', cancelToken, now });
    promoted.push(row);
    free -= 1;
  }
  return promoted;
}

/** What the cancel page shows before the person confirms. */
export async function findRegistrationByToken(db: Tx, token: string): Promise<{ registration: EventRegistration; event: Event } | null> {
  const registration = await findRegistrationByTokenHash(db, hashCancelToken(token));
  if (!registration) return null;
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.organizationId, registration.organizationId), eq(events.id, registration.eventId)));
  return event ? { registration, event } : null;
}

/** Cancellation by the mailed link (no sign-in): the seat goes to the next in line at once. */
export async function cancelRegistrationByToken(
  deps: RegistrationDeps,
  token: string,
  options: { now?: Date } = {},
): Promise<{ registration: EventRegistration; promoted: EventRegistration[] }> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const found = await findRegistrationByTokenHash(tx, hashCancelToken(token));
    if (!found) throw new CancelLinkError();
    const event = await lockEvent(tx, { organizationId: found.organizationId, eventId: found.eventId });
    if (!event) throw new CancelLinkError();
    // Re-read under the event's lock: a promotion may have changed the row meanwhile.
    const current = await findRegistrationByTokenHash(tx, hashCancelToken(token));
    if (!current || current.status === 'cancelled') throw new CancelLinkError();
    const hadSeat = current.status === 'confirmed';
    const [cancelled] = await tx
      .update(eventRegistrations)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(eventRegistrations.organizationId, current.organizationId), eq(eventRegistrations.id, current.id)))
      .returning();
    if (!cancelled) throw new CancelLinkError();
    await mailRegistrant(tx, deps, { event, registration: cancelled, kind: 'registrationCancelled', cancelToken: null, hadSeat, now });
    const promoted = hadSeat ? await promoteWaitlisted(tx, deps, event, now) : [];
    await recordAudit(tx, {
      organizationId: event.organizationId,
      actorUserId: null,
      action: 'events.registration_cancelled',
      targetType: 'event_registration',
      targetId: cancelled.id,
      metadata: { promoted: promoted.length },
    });
    return { registration: cancelled, promoted };
  });
}

/** The check-in list's tick (and untick): when the person was ticked present is kept. */
export async function markAttended(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; eventId: string; registrationId: string; attended: boolean },
  options: { now?: Date } = {},
): Promise<EventRegistration> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.organizationId, input.organizationId), eq(events.id, input.eventId)));
    if (!event) throw new NotFoundError();
    authorize(actor, event, eventPolicy.checkIn);
    const [row] = await tx
      .update(eventRegistrations)
      .set(
        input.attended
          ? { attended: true, attendedAt: sql`coalesce(${eventRegistrations.attendedAt}, ${now.toISOString()}::timestamptz)` }
          : { attended: false, attendedAt: null },
      )
      .where(
        and(
          eq(eventRegistrations.organizationId, input.organizationId),
          eq(eventRegistrations.eventId, input.eventId),
          eq(eventRegistrations.id, input.registrationId),
          eq(eventRegistrations.status, 'confirmed'),
        ),
      )
      .returning();
    if (!row) throw new NotFoundError();
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: input.attended ? 'events.checked_in' : 'events.check_in_undone',
      targetType: 'event_registration',
      targetId: row.id,
    });
    return row;
  });
}

/** The hourly clean-up's share: dietary and accessibility needs are deleted once the event has ended. */
export async function pruneEventNeeds(db: Tx, now: Date): Promise<void> {
  await db
    .update(eventRegistrations)
    .set({ dietaryNeeds: null, accessibilityNeeds: null })
    .where(
      and(
        or(isNotNull(eventRegistrations.dietaryNeeds), isNotNull(eventRegistrations.accessibilityNeeds)),
        sql`(${eventRegistrations.organizationId}, ${eventRegistrations.eventId}) IN (SELECT ${events.organizationId}, ${events.id} FROM ${events} WHERE ${lt(events.endsAt, now)})`,
      ),
    );
}
