// Use case: the person shares a private step from advice with one of their groups. Until then
// it has no group, so it never shows in a group's live round or follow-up; after it, it is
// followed up there like the group's other steps.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, stepPolicy } from '../../platform/policy/index.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { findStep } from './steps.queries.ts';
import { steps } from './steps.schema.ts';

export async function shareStepWithGroup(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; stepId: string; groupId: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId } = input;
  await deps.db.transaction(async (tx) => {
    const step = await findStep(tx, { organizationId, stepId: input.stepId, forUpdate: true });
    if (!step || step.groupId !== null || !actor || step.userId !== actor.userId) throw new NotFoundError();
    const group = await findGroupResource(tx, { organizationId, groupId: input.groupId });
    if (!group) throw new NotFoundError();
    // Only the owner, and only into a group they belong to (the rule for a new step there).
    authorize(actor, { ...group, ownerUserId: actor.userId }, stepPolicy.create);
    await tx
      .update(steps)
      .set({ groupId: input.groupId, updatedAt: now })
      .where(and(eq(steps.organizationId, organizationId), eq(steps.id, input.stepId), isNull(steps.groupId)));
  });
}
