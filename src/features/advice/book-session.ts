// Use cases: booking a session. A signed-in entrepreneur books at once (confirmation mail with
// the calendar entry); a guest from the public site holds the slot for 30 minutes until the
// e-mailed link is used. Validation and the rate limit happen before (in the page).
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { adviceBookingPolicy, authorize } from '../../platform/policy/index.ts';
import { findOrganization } from '../organizations/organizations.queries.ts';
import { adviceSessions } from './advice.schema.ts';
import { HoldExpiredError, SlotTakenError } from './advice.errors.ts';
import { findPerson, findProfileCompany, findSessionByTokenHash, type AdviceSession } from './advice.queries.ts';
import { mailConfirmLink, mailSessionChange } from './advice-mail.ts';
import { claimSlot, isSlotConflict } from './claim-slot.ts';
import { HOLD_MINUTES } from './slots.ts';
import { eq } from 'drizzle-orm';

export interface BookingDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

export function hashBookingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isBookingTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function bookingPath(token: string): string {
  return `/advice/booking/${token}`;
}

/** Runs the insert, turning the unique index's refusal into SlotTakenError. */
async function insertOrTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isSlotConflict(error)) throw new SlotTakenError();
    throw error;
  }
}

export async function bookSession(
  actor: Actor | null,
  deps: BookingDeps,
  input: { organizationId: string; advisorUserId: string; startsAt: Date; topic: string },
  options: { now?: Date } = {},
): Promise<AdviceSession> {
  const now = options.now ?? new Date();
  const { organizationId } = input;
  authorize(actor, { organizationId }, adviceBookingPolicy.book);
  const person = actor!;
  return insertOrTaken(() =>
    deps.db.transaction(async (tx) => {
      const { slot } = await claimSlot(tx, { ...input, now });
      const company = await findProfileCompany(tx, { organizationId, userId: person.userId });
      const [session] = await tx
        .insert(adviceSessions)
        .values({
          organizationId,
          advisorUserId: slot.advisorUserId,
          availabilityId: slot.availabilityId,
          userId: person.userId,
          topic: input.topic,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          mode: slot.mode,
          onlineUrl: slot.onlineUrl,
          place: slot.place,
          status: 'booked',
          locale: person.locale ?? 'fi',
          companyId: company?.id ?? null,
          confirmedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const advisor = await findPerson(tx, { userId: slot.advisorUserId });
      if (!advisor || !session) throw new NotFoundError();
      await mailSessionChange(tx, deps.jobs, {
        session,
        kind: 'booked',
        advisor,
        person: { userId: person.userId, name: person.name, email: person.email, locale: person.locale },
        appUrl: deps.config.appUrl,
        personPageUrl: `${deps.config.appUrl}/advice/sessions/${session.id}`,
        now,
      });
      await recordAudit(tx, {
        organizationId,
        actorUserId: person.userId,
        action: 'advice.session_booked',
        targetType: 'advice_session',
        targetId: session.id,
      });
      return session;
    }),
  );
}

export interface GuestBookingInput {
  organizationId: string;
  advisorUserId: string;
  startsAt: Date;
  topic: string;
  name: string;
  email: string;
  companyName: string | null;
  businessId: string | null;
  municipality: string;
  locale: 'fi' | 'sv' | 'en';
}

/** A public booking: the slot is held and the guest gets the link that confirms it. */
export async function holdPublicSession(
  deps: BookingDeps,
  input: GuestBookingInput,
  options: { now?: Date; token?: string } = {},
): Promise<{ session: AdviceSession; token: string }> {
  const now = options.now ?? new Date();
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { organizationId } = input;
  return insertOrTaken(() =>
    deps.db.transaction(async (tx) => {
      if (!(await findOrganization(tx, { organizationId }))) throw new NotFoundError();
      const { slot } = await claimSlot(tx, { ...input, now });
      const [session] = await tx
        .insert(adviceSessions)
        .values({
          organizationId,
          advisorUserId: slot.advisorUserId,
          availabilityId: slot.availabilityId,
          topic: input.topic,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          mode: slot.mode,
          onlineUrl: slot.onlineUrl,
          place: slot.place,
          status: 'held',
          locale: input.locale,
          guestName: input.name,
          guestEmail: input.email,
          guestCompanyName: input.companyName,
          guestBusinessId: input.businessId,
          guestMunicipality: input.municipality,
          consentAt: now,
          confirmTokenHash: hashBookingToken(token),
          holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const advisor = await findPerson(tx, { userId: slot.advisorUserId });
      if (!advisor || !session) throw new NotFoundError();
      await mailConfirmLink(tx, deps.jobs, {
        session,
        advisorName: advisor.name,
        guest: { userId: null, name: input.name, email: input.email, locale: input.locale },
        url: `${deps.config.appUrl}${bookingPath(token)}`,
      });
      await recordAudit(tx, { organizationId, action: 'advice.session_held', targetType: 'advice_session', targetId: session.id });
      return { session, token };
    }),
  );
}

/** The e-mailed link used within the half hour: the session is booked and the calendar entry goes out. */
export async function confirmPublicSession(deps: BookingDeps, input: { token: string }, options: { now?: Date } = {}): Promise<AdviceSession> {
  const now = options.now ?? new Date();
  if (!isBookingTokenShape(input.token)) throw new HoldExpiredError();
  return deps.db.transaction(async (tx) => {
    const held = await findSessionByTokenHash(tx, { tokenHash: hashBookingToken(input.token), forUpdate: true });
    if (!held) throw new HoldExpiredError();
    if (held.status === 'booked') return held;
    if (held.status !== 'held' || !held.holdExpiresAt || held.holdExpiresAt <= now) throw new HoldExpiredError();
    const [session] = await tx
      .update(adviceSessions)
      .set({ status: 'booked', confirmedAt: now, holdExpiresAt: null, updatedAt: now })
      .where(eq(adviceSessions.id, held.id))
      .returning();
    const advisor = await findPerson(tx, { userId: held.advisorUserId });
    if (!advisor || !session) throw new NotFoundError();
    await mailSessionChange(tx, deps.jobs, {
      session,
      kind: 'booked',
      advisor,
      person: { userId: null, name: session.guestName ?? '', email: session.guestEmail ?? '', locale: session.locale },
      appUrl: deps.config.appUrl,
      personPageUrl: `${deps.config.appUrl}${bookingPath(input.token)}`,
      now,
    });
    await recordAudit(tx, { organizationId: session.organizationId, action: 'advice.session_confirmed', targetType: 'advice_session', targetId: session.id });
    return session;
  });
}
