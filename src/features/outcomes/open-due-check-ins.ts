// Use case: the person's check-ins that are due now, opened as drafts (idempotent), and every
// draft still open. Nothing is opened without consent.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, outcomePolicy } from '../../platform/policy/index.ts';
import { findDueCheckIns } from './due-check-ins.ts';
import type { CheckIn } from './outcomes.queries.ts';
import { checkIns } from './outcomes.schema.ts';

export async function openDueCheckIns(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; userId: string }, options: { now?: Date } = {}): Promise<CheckIn[]> {
  const now = options.now ?? new Date();
  const { organizationId, userId } = input;
  authorize(actor, input, outcomePolicy.answer);
  return deps.db.transaction(async (tx) => {
    const { consent, due, groupId } = await findDueCheckIns(tx, { organizationId, userId, now });
    if (!consent) return [];
    if (due.length > 0) {
      await tx
        .insert(checkIns)
        .values(due.map((d) => ({ organizationId, userId, groupId, kind: d.kind, wave: d.wave, dueOn: d.dueOn, meetingId: d.meetingId, createdAt: now, updatedAt: now })))
        .onConflictDoNothing();
    }
    return tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.userId, userId), eq(checkIns.status, 'draft')))
      .orderBy(checkIns.dueOn);
  });
}
