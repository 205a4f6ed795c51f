// Use case: a coordinator runs a course as a cohort: its name, capacity (about 15), the dated
// online sessions (one per course session, in Helsinki time) and its mentors — facilitators or
// coordinators of the organisation.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { findCourse, listCourseSessions } from './training.queries.ts';
import { cohortMentors, cohorts, cohortSessions, type CohortStatus } from './training.schema.ts';
import { eligibleMentors } from './training.write.ts';

export interface CohortInput {
  organizationId: string;
  courseId: string;
  name: string;
  capacity: number;
  mentorUserIds: readonly string[];
  /** One per course session, in the course's order. */
  sessions: readonly { startsAt: Date; endsAt: Date; onlineUrl: string | null }[];
  status?: CohortStatus;
  applicationsOpen?: boolean;
}

export async function createCohort(actor: Actor | null, deps: Pick<TrainingDeps, 'db'>, input: CohortInput): Promise<{ cohortId: string }> {
  const { organizationId } = input;
  authorize(actor, { organizationId }, coursePolicy.manage);
  return deps.db.transaction(async (tx) => {
    const course = await findCourse(tx, { organizationId, courseId: input.courseId });
    if (!course) throw new NotFoundError();
    const sessions = await listCourseSessions(tx, { organizationId, courseId: course.id });
    if (input.sessions.length !== sessions.length) throw new TrainingError('training.cohort.sessionsMissing');
    for (const s of input.sessions) if (s.endsAt.getTime() <= s.startsAt.getTime()) throw new TrainingError('training.cohort.endBeforeStart');
    const mentors = await eligibleMentors(tx, { organizationId, userIds: [...new Set(input.mentorUserIds)] });
    if (mentors.length !== new Set(input.mentorUserIds).size || mentors.length === 0) throw new TrainingError('training.cohort.mentorInvalid');
    const cohortId = newId();
    await tx.insert(cohorts).values({
      organizationId,
      id: cohortId,
      courseId: course.id,
      name: input.name,
      capacity: input.capacity,
      status: input.status ?? 'planned',
      applicationsOpen: input.applicationsOpen ?? true,
    });
    for (const [index, session] of sessions.entries()) {
      const dated = input.sessions[index]!;
      await tx.insert(cohortSessions).values({ organizationId, cohortId, sessionId: session.id, startsAt: dated.startsAt, endsAt: dated.endsAt, onlineUrl: dated.onlineUrl });
    }
    for (const m of mentors) await tx.insert(cohortMentors).values({ organizationId, cohortId, userId: m.userId });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.cohort_created', targetType: 'cohort', targetId: cohortId });
    return { cohortId };
  });
}
