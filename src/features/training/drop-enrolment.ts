// Use case: the coordinator records that a trainee dropped out, with the reason (kept with the
// enrolment; a check constraint requires it). An invited or active enrolment only; the practice
// group, if any, is a normal group from then on. Audit-logged.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { TrainingError } from './training.errors.ts';
import { cohortResource, findCohort, findEnrolment } from './training.queries.ts';
import { enrolments } from './training.schema.ts';
import { dropFormSchema } from './training.validation.ts';

export async function dropEnrolment(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; enrolmentId: string; reason: string }): Promise<void> {
  const { organizationId } = input;
  const parsed = dropFormSchema.safeParse({ reason: input.reason });
  if (!parsed.success) throw new TrainingError('training.validation.dropReason');
  const { reason } = parsed.data;
  await deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId, forUpdate: true });
    if (!enrolment) throw new NotFoundError();
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    if (!cohort) throw new NotFoundError();
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.drop);
    if (enrolment.status !== 'active' && enrolment.status !== 'invited') throw new TrainingError('training.drop.notActive');
    await tx.update(enrolments).set({ status: 'dropped', droppedReason: reason }).where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.id, enrolment.id)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.dropped', targetType: 'enrolment', targetId: enrolment.id });
  });
}
