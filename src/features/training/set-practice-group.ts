// Use case: the coordinator marks a group as the trainee's practice group (one a trainee, one
// enrolment a group). The group stays a normal group with the normal tools; the trainee must be
// one of its facilitators. Its held meetings count toward the completion rule.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { groupFacilitators } from '../groups/groups.schema.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { findEnrolment } from './training.queries.ts';
import { enrolments } from './training.schema.ts';

export async function setPracticeGroup(actor: Actor | null, deps: Pick<TrainingDeps, 'db'>, input: { organizationId: string; enrolmentId: string; groupId: string | null }): Promise<void> {
  const { organizationId } = input;
  authorize(actor, { organizationId }, coursePolicy.manage);
  await deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId, forUpdate: true });
    if (!enrolment) throw new NotFoundError();
    if (input.groupId) {
      if (!enrolment.userId) throw new TrainingError('training.practice.notJoined');
      const [leads] = await tx
        .select({ groupId: groupFacilitators.groupId })
        .from(groupFacilitators)
        .where(and(eq(groupFacilitators.organizationId, organizationId), eq(groupFacilitators.groupId, input.groupId), eq(groupFacilitators.userId, enrolment.userId)))
        .limit(1);
      if (!leads) throw new TrainingError('training.practice.notFacilitator');
      const [taken] = await tx
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.practiceGroupId, input.groupId)))
        .limit(1);
      if (taken && taken.id !== enrolment.id) throw new TrainingError('training.practice.taken');
    }
    await tx.update(enrolments).set({ practiceGroupId: input.groupId }).where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.id, enrolment.id)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.practice_group_set', targetType: 'enrolment', targetId: enrolment.id, metadata: { groupId: input.groupId } });
  });
}
