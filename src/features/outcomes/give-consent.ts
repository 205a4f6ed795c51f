// Use case: the person gives consent for outcome measurement (asked separately from
// membership). Giving it again after a withdrawal starts collection anew.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, outcomePolicy } from '../../platform/policy/index.ts';
import { measurementConsents } from './outcomes.schema.ts';

export async function giveConsent(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; userId: string }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  authorize(actor, input, outcomePolicy.manageConsent);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(measurementConsents)
      .values({ organizationId: input.organizationId, userId: input.userId, givenAt: now })
      .onConflictDoUpdate({ target: [measurementConsents.organizationId, measurementConsents.userId], set: { givenAt: now, withdrawnAt: null, withdrawalChoice: null } });
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'outcomes.consent_given', targetType: 'user', targetId: input.userId });
  });
}
