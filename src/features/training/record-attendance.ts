// Use case: a mentor of the cohort records a trainee's attendance at a session: present, absent,
// or compensated — with what replaced the missed session (a written task, a make-up talk…).
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { cohortResource, findCohort, findCohortSession, findEnrolment } from './training.queries.ts';
import { trainingSessionAttendance, type SessionAttendanceStatus } from './training.schema.ts';

export async function recordSessionAttendance(
  actor: Actor | null,
  deps: Pick<TrainingDeps, 'db'>,
  input: { organizationId: string; enrolmentId: string; cohortSessionId: string; status: SessionAttendanceStatus; compensation: string },
  now: Date = new Date(),
): Promise<void> {
  const { organizationId } = input;
  await deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId });
    const session = await findCohortSession(tx, { organizationId, cohortSessionId: input.cohortSessionId });
    if (!enrolment || !session || session.cohortSession.cohortId !== enrolment.cohortId) throw new NotFoundError();
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    if (!cohort) throw new NotFoundError();
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.mentor);
    if (input.status === 'compensated' && !input.compensation.trim()) throw new TrainingError('training.validation.compensation');
    const values = {
      status: input.status,
      compensation: input.status === 'compensated' ? input.compensation.trim() : null,
      recordedBy: actor!.userId,
      recordedAt: now,
    };
    await tx
      .insert(trainingSessionAttendance)
      .values({ organizationId, enrolmentId: enrolment.id, cohortSessionId: session.cohortSession.id, ...values })
      .onConflictDoUpdate({ target: [trainingSessionAttendance.organizationId, trainingSessionAttendance.enrolmentId, trainingSessionAttendance.cohortSessionId], set: values });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.attendance_recorded', targetType: 'enrolment', targetId: enrolment.id, metadata: { status: input.status } });
  });
}
