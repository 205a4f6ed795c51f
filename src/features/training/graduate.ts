// Use case (issue 15, point 7): graduation. A confirmed completion offers the trainee the
// facilitator role in the organisation; the coordinator confirms it here. The membership's role
// change is audit-logged as any role change (org.member_role_changed, with the enrolment) and as
// training.graduated. The practice group stays as it is — a normal group led by its facilitator;
// the enrolment keeps its practice_group_id as history, and the group is no longer "in training"
// (the mentor's meta view and observation end with the active enrolment).
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy, roleAssignmentPolicy } from '../../platform/policy/index.ts';
import { findMembership } from '../organizations/organizations.queries.ts';
import { memberships, type Role } from '../organizations/organizations.schema.ts';
import { TrainingError } from './training.errors.ts';
import { cohortResource, findCohort, findEnrolment } from './training.queries.ts';

/** Roles that graduation raises to facilitator; anyone above already leads groups. */
export const GRADUATING_ROLES: readonly Role[] = ['trainee', 'entrepreneur'];

export async function graduateTrainee(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; enrolmentId: string }): Promise<{ from: Role; to: Role }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId, forUpdate: true });
    if (!enrolment) throw new NotFoundError();
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    if (!cohort) throw new NotFoundError();
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.graduate);
    authorize(actor, { organizationId, role: 'facilitator' }, roleAssignmentPolicy.assign);
    if (enrolment.status !== 'completed' || !enrolment.userId) throw new TrainingError('training.graduation.notCompleted');
    // As changeRole: one role change at a time in an organisation.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'org-members:' + organizationId}))`);
    const membership = await findMembership(tx, { organizationId, userId: enrolment.userId });
    if (!membership) throw new NotFoundError();
    if (!GRADUATING_ROLES.includes(membership.role)) throw new TrainingError('training.graduation.already');
    await tx.update(memberships).set({ role: 'facilitator' }).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, enrolment.userId)));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'org.member_role_changed',
      targetType: 'user',
      targetId: enrolment.userId,
      metadata: { from: membership.role, to: 'facilitator', enrolmentId: enrolment.id },
    });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.graduated', targetType: 'enrolment', targetId: enrolment.id });
    return { from: membership.role, to: 'facilitator' as Role };
  });
}
