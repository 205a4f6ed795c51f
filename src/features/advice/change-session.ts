// Use cases: moving a session to another free slot and cancelling it — by the person up to the
// organisation's change notice, by the advisor (or a coordinator) at any time before it starts.
// A guest acts through the link of their booking. Each change raises SEQUENCE and mails both
// sides the updated calendar entry (METHOD:CANCEL for a cancellation).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { adviceSessionPolicy, authorize } from '../../platform/policy/index.ts';
import { adviceSessions } from './advice.schema.ts';
import { HoldExpiredError, SessionClosedError, SlotTakenError } from './advice.errors.ts';
import { findAdviceRules, findPerson, findSession, findSessionByTokenHash, sessionResource, type AdviceSession } from './advice.queries.ts';
import { mailSessionChange, type MailPerson } from './advice-mail.ts';
import { bookingPath, hashBookingToken, isBookingTokenShape, type BookingDeps } from './book-session.ts';
import { claimSlot, isSlotConflict, lockAdvisor } from './claim-slot.ts';
import { withinChangeNotice } from './slots.ts';

/** Who is changing the session: a signed-in actor, or a guest holding the booking's link. */
export type ChangeBy = { actor: Actor | null; organizationId: string; sessionId: string } | { token: string };

async function loadForChange(
  tx: Tx,
  by: ChangeBy,
  action: 'reschedule' | 'cancel',
  now: Date,
): Promise<{ session: AdviceSession; actorUserId: string | null; token: string | null }> {
  if ('token' in by) {
    if (!isBookingTokenShape(by.token)) throw new HoldExpiredError();
    const session = await findSessionByTokenHash(tx, { tokenHash: hashBookingToken(by.token), forUpdate: true });
    if (!session || session.status !== 'booked') throw new NotFoundError();
    const rules = await findAdviceRules(tx, { organizationId: session.organizationId });
    if (session.startsAt <= now || !withinChangeNotice(session.startsAt, now, rules)) throw new SessionClosedError();
    return { session, actorUserId: null, token: by.token };
  }
  const session = await findSession(tx, { organizationId: by.organizationId, sessionId: by.sessionId, forUpdate: true });
  if (!session) throw new NotFoundError();
  const rules = await findAdviceRules(tx, { organizationId: session.organizationId });
  const resource = sessionResource(session, rules, now);
  authorize(by.actor, resource, adviceSessionPolicy.read);
  if (!resource.upcoming || session.status !== 'booked') throw new SessionClosedError();
  authorize(by.actor, resource, adviceSessionPolicy[action]);
  return { session, actorUserId: by.actor?.userId ?? null, token: null };
}

async function peopleOf(tx: Tx, session: AdviceSession): Promise<{ advisor: MailPerson; person: MailPerson }> {
  const advisor = await findPerson(tx, { userId: session.advisorUserId });
  if (!advisor) throw new NotFoundError();
  if (session.userId) {
    const person = await findPerson(tx, { userId: session.userId });
    if (!person) throw new NotFoundError();
    return { advisor, person };
  }
  return { advisor, person: { userId: null, name: session.guestName ?? '', email: session.guestEmail ?? '', locale: session.locale } };
}

function personPage(appUrl: string, session: AdviceSession, token: string | null): string | null {
  if (token) return `${appUrl}${bookingPath(token)}`;
  return session.userId ? `${appUrl}/advice/sessions/${session.id}` : null;
}

export async function rescheduleSession(deps: BookingDeps, by: ChangeBy, input: { startsAt: Date }, options: { now?: Date } = {}): Promise<AdviceSession> {
  const now = options.now ?? new Date();
  try {
    return await deps.db.transaction(async (tx) => {
      const { session, actorUserId, token } = await loadForChange(tx, by, 'reschedule', now);
      if (session.startsAt.getTime() === input.startsAt.getTime()) return session;
      const { slot } = await claimSlot(tx, {
        organizationId: session.organizationId,
        advisorUserId: session.advisorUserId,
        startsAt: input.startsAt,
        topic: session.topic,
        now,
        exceptSessionId: session.id,
      });
      const [moved] = await tx
        .update(adviceSessions)
        .set({
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          availabilityId: slot.availabilityId,
          mode: slot.mode,
          onlineUrl: slot.onlineUrl,
          place: slot.place,
          sequence: session.sequence + 1,
          reminderSentAt: null,
          updatedAt: now,
        })
        .where(and(eq(adviceSessions.organizationId, session.organizationId), eq(adviceSessions.id, session.id)))
        .returning();
      if (!moved) throw new NotFoundError();
      const people = await peopleOf(tx, moved);
      await mailSessionChange(tx, deps.jobs, {
        session: moved,
        kind: 'rescheduled',
        ...people,
        appUrl: deps.config.appUrl,
        personPageUrl: personPage(deps.config.appUrl, moved, token),
        now,
      });
      await recordAudit(tx, {
        organizationId: moved.organizationId,
        actorUserId,
        action: 'advice.session_rescheduled',
        targetType: 'advice_session',
        targetId: moved.id,
      });
      return moved;
    });
  } catch (error) {
    if (isSlotConflict(error)) throw new SlotTakenError();
    throw error;
  }
}

export async function cancelSession(deps: BookingDeps, by: ChangeBy, options: { now?: Date } = {}): Promise<AdviceSession> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const { session, actorUserId, token } = await loadForChange(tx, by, 'cancel', now);
    await lockAdvisor(tx, session.organizationId, session.advisorUserId);
    const [cancelled] = await tx
      .update(adviceSessions)
      .set({ status: 'cancelled', sequence: session.sequence + 1, cancelledAt: now, cancelledByUserId: actorUserId, updatedAt: now })
      .where(and(eq(adviceSessions.organizationId, session.organizationId), eq(adviceSessions.id, session.id)))
      .returning();
    if (!cancelled) throw new NotFoundError();
    const people = await peopleOf(tx, cancelled);
    await mailSessionChange(tx, deps.jobs, {
      session: cancelled,
      kind: 'cancelled',
      ...people,
      appUrl: deps.config.appUrl,
      personPageUrl: personPage(deps.config.appUrl, cancelled, token),
      now,
    });
    await recordAudit(tx, {
      organizationId: cancelled.organizationId,
      actorUserId,
      action: 'advice.session_cancelled',
      targetType: 'advice_session',
      targetId: cancelled.id,
    });
    return cancelled;
  });
}
