// Use case: how a step went (done / partly / dropped, or open again) with a short reflection —
// in the follow-up round, by the facilitator or by the member.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, stepPolicy } from '../../platform/policy/index.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import type { StepStatus } from './steps.schema.ts';
import { findStep, updateStep } from './steps.queries.ts';

export async function updateStepStatus(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; stepId: string; status: StepStatus; reflection: string | null },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, stepId } = input;
  await deps.db.transaction(async (tx) => {
    const step = await findStep(tx, { organizationId, stepId, forUpdate: true });
    if (!step) throw new NotFoundError();
    // A private step from advice (no group): its owner alone keeps it up.
    const group = step.groupId ? await findGroupResource(tx, { organizationId, groupId: step.groupId }) : { organizationId, facilitatorUserIds: [], memberUserIds: [] };
    if (!group) throw new NotFoundError();
    authorize(actor, { ...group, ownerUserId: step.userId }, stepPolicy.edit);
    await updateStep(tx, { organizationId, stepId, values: { status: input.status, reflection: input.reflection } }, now);
  });
}
