// Use case: the person withdraws consent. Collection stops (unfinished drafts go);
// the person chooses whether the answers given so far are kept or erased.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, outcomePolicy } from '../../platform/policy/index.ts';
import { NoConsentError } from './outcomes.errors.ts';
import { consentActive, findConsent } from './outcomes.queries.ts';
import { checkIns, measurementConsents, type WithdrawalChoice } from './outcomes.schema.ts';

export async function withdrawConsent(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; userId: string; choice: WithdrawalChoice },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, userId, choice } = input;
  authorize(actor, { organizationId, userId }, outcomePolicy.manageConsent);
  await deps.db.transaction(async (tx) => {
    const consent = await findConsent(tx, { organizationId, userId });
    if (!consentActive(consent)) throw new NoConsentError();
    await tx
      .update(measurementConsents)
      .set({ withdrawnAt: now, withdrawalChoice: choice })
      .where(and(eq(measurementConsents.organizationId, organizationId), eq(measurementConsents.userId, userId)));
    const mine = and(eq(checkIns.organizationId, organizationId), eq(checkIns.userId, userId));
    // Erasing deletes every check-in (answers and scores cascade); keeping still drops unfinished drafts.
    await tx.delete(checkIns).where(choice === 'erase' ? mine : and(mine, eq(checkIns.status, 'draft')));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'outcomes.consent_withdrawn', targetType: 'user', targetId: userId, metadata: { choice } });
  });
}
