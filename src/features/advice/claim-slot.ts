// The one place a slot is taken: under a transaction-scoped advisory lock per advisor the
// slot is recomputed from the availability (notice, holidays, leave, other sessions with
// their buffer) and must still be free. The partial unique index on (organization_id,
// advisor_user_id, starts_at) for held and booked sessions is the last word: of two people
// racing for one slot exactly one insert succeeds; the other gets SlotTakenError.
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { utcToZoned } from '../meetings/zoned-time.ts';
import { adviceSessions } from './advice.schema.ts';
import { SlotTakenError } from './advice.errors.ts';
import { findAdviceRules, listBusy, listLeave, listWindows } from './advice.queries.ts';
import { freeSlots, type AdviceRules, type Slot } from './slots.ts';

export async function lockAdvisor(tx: Tx, organizationId: string, advisorUserId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`advice:${organizationId}:${advisorUserId}`}, 0))`);
}

export async function claimSlot(
  tx: Tx,
  input: { organizationId: string; advisorUserId: string; startsAt: Date; topic: string; now: Date; exceptSessionId?: string },
): Promise<{ slot: Slot; rules: AdviceRules }> {
  const { organizationId, advisorUserId, startsAt, now } = input;
  await lockAdvisor(tx, organizationId, advisorUserId);
  // Holds whose half hour is over give their slot back.
  await tx
    .update(adviceSessions)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        eq(adviceSessions.organizationId, organizationId),
        eq(adviceSessions.advisorUserId, advisorUserId),
        eq(adviceSessions.status, 'held'),
        lte(adviceSessions.holdExpiresAt, now),
      ),
    );
  const rules = await findAdviceRules(tx, { organizationId });
  const date = utcToZoned(startsAt).date;
  const dayStart = new Date(startsAt.getTime() - 86_400_000);
  const dayEnd = new Date(startsAt.getTime() + 86_400_000);
  const [windows, leave, busy] = [
    await listWindows(tx, { organizationId, advisorUserId }),
    await listLeave(tx, { organizationId, advisorUserId, from: date }),
    await listBusy(tx, { organizationId, advisorUserId, from: dayStart, to: dayEnd, now, exceptSessionId: input.exceptSessionId }),
  ];
  const slot = freeSlots({ windows, leave, busy, rules, from: date, to: date, now, topic: input.topic }).find(
    (s) => s.startsAt.getTime() === startsAt.getTime(),
  );
  if (!slot) throw new SlotTakenError();
  return { slot, rules };
}

/** A unique violation on the active-slot index means someone else has the slot. */
export function isSlotConflict(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'advice_sessions_active_slot_key') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
