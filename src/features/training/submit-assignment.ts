// Use case: a trainee submits an assignment — the first version or a revision after the mentor
// asked for one. Every version is kept; each records its due time (23.59 Helsinki time after
// the cohort's session) and is marked late when it came after it (late is allowed). A
// self-assessment carries a level for every criterion of the course's rubric. The mentors are told.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, submissionPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { assignmentDueAt, isLate } from './rules.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { enrolmentResource, findAssignment, findCohort, findEnrolment, findSubmission, listCohortSessions, listMentors, listRubric } from './training.queries.ts';
import { submissions, submissionVersions } from './training.schema.ts';

export async function submitAssignment(
  actor: Actor | null,
  deps: TrainingDeps,
  input: { organizationId: string; enrolmentId: string; assignmentId: string; body: string; levels?: Record<string, number> },
  now: Date = new Date(),
): Promise<{ submissionId: string; version: number; late: boolean }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId, forUpdate: true });
    if (!enrolment) throw new NotFoundError();
    const found = await findAssignment(tx, { organizationId, assignmentId: input.assignmentId });
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    if (!found || !cohort || found.courseId !== cohort.courseId) throw new NotFoundError();
    const existing = await findSubmission(tx, { organizationId, enrolmentId: enrolment.id, assignmentId: found.assignment.id, forUpdate: true });
    authorize(actor, await enrolmentResource(tx, enrolment, existing?.status ?? null), submissionPolicy.submit);
    // A first version, or a revision the mentor asked for; a submitted one waits for feedback.
    if (existing && existing.status !== 'revision_requested') throw new TrainingError('training.submit.waiting');

    const levels: Record<string, number> = {};
    if (found.assignment.kind === 'self_assessment') {
      const rubric = await listRubric(tx, { organizationId, courseId: cohort.courseId });
      for (const criterion of rubric) {
        const level = input.levels?.[criterion.id];
        if (level === undefined || !Number.isInteger(level) || level < 0 || level >= criterion.levels.length) throw new TrainingError('training.submit.levels');
        levels[criterion.id] = level;
      }
    }
    const sessions = await listCohortSessions(tx, { organizationId, cohortId: cohort.id });
    const session = sessions.find((s) => s.session.id === found.assignment.sessionId);
    const dueAt = session ? assignmentDueAt(session.cohortSession.startsAt, found.assignment.dueDaysAfter) : null;
    const late = isLate(now, dueAt);

    let submissionId: string;
    let version: number;
    if (existing) {
      submissionId = existing.id;
      version = existing.latestVersion + 1;
      await tx.update(submissions).set({ status: 'submitted', latestVersion: version, updatedAt: now }).where(and(eq(submissions.organizationId, organizationId), eq(submissions.id, existing.id)));
    } else {
      submissionId = newId();
      version = 1;
      await tx.insert(submissions).values({ organizationId, id: submissionId, enrolmentId: enrolment.id, assignmentId: found.assignment.id, status: 'submitted', latestVersion: 1, updatedAt: now });
    }
    await tx.insert(submissionVersions).values({ organizationId, submissionId, enrolmentId: enrolment.id, version, body: input.body, levels, submittedAt: now, dueAt, late });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.submitted', targetType: 'submission', targetId: submissionId, metadata: { version, late } });

    // The trainee's mentor (or every mentor of the cohort) is told.
    const mentors = (await listMentors(tx, { organizationId, cohortId: cohort.id })).filter((m) => !enrolment.mentorUserId || m.userId === enrolment.mentorUserId);
    for (const mentor of mentors) {
      const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, mentor.userId)).limit(1);
      const locale = isLocale(user?.locale) ? user.locale : 'fi';
      await enqueueMail(tx, deps.jobs, {
        to: mentor.email,
        userId: mentor.userId,
        locale,
        template: 'trainingSubmitted',
        values: { name: mentor.name, trainee: enrolment.name, assignment: localized(found.assignment.title, locale), version, link: `${deps.config.appUrl}/training/submissions/${submissionId}` },
      });
    }
    return { submissionId, version, late };
  });
}
