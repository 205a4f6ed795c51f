// Use case: the trainee's mentor gives written feedback on the latest version — a comment per
// rubric criterion and overall — and asks for a revision or accepts. The trainee is told by
// mail in their language. Feedback is given once per version.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, submissionPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { enrolmentResource, findAssignment, findCohort, findEnrolment, findSubmissionById, listRubric } from './training.queries.ts';
import { submissionFeedback, submissions, type FeedbackDecision } from './training.schema.ts';

export async function giveFeedback(
  actor: Actor | null,
  deps: TrainingDeps,
  input: { organizationId: string; submissionId: string; decision: FeedbackDecision; comment: string; criteria: Record<string, string> },
  now: Date = new Date(),
): Promise<{ feedbackId: string }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const submission = await findSubmissionById(tx, { organizationId, submissionId: input.submissionId, forUpdate: true });
    if (!submission) throw new NotFoundError();
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: submission.enrolmentId });
    if (!enrolment) throw new NotFoundError();
    authorize(actor, await enrolmentResource(tx, enrolment, submission.status), submissionPolicy.giveFeedback);
    if (submission.status !== 'submitted') throw new TrainingError('training.feedback.notWaiting');
    const cohort = await findCohort(tx, { organizationId, cohortId: enrolment.cohortId });
    const rubric = cohort ? await listRubric(tx, { organizationId, courseId: cohort.courseId }) : [];
    const criteria: Record<string, string> = {};
    for (const c of rubric) {
      const text = input.criteria[c.id]?.trim();
      if (text) criteria[c.id] = text.slice(0, 3000);
    }
    if (input.decision === 'revision_requested' && !input.comment.trim() && Object.keys(criteria).length === 0) throw new TrainingError('training.feedback.revisionNeedsText');
    const [row] = await tx
      .insert(submissionFeedback)
      .values({ organizationId, submissionId: submission.id, enrolmentId: enrolment.id, version: submission.latestVersion, mentorUserId: actor!.userId, decision: input.decision, comment: input.comment.trim(), criteria, createdAt: now })
      .returning({ id: submissionFeedback.id });
    await tx.update(submissions).set({ status: input.decision, updatedAt: now }).where(and(eq(submissions.organizationId, organizationId), eq(submissions.id, submission.id)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.feedback_given', targetType: 'submission', targetId: submission.id, metadata: { decision: input.decision } });

    if (enrolment.userId) {
      const [user] = await tx.select({ email: users.email, locale: users.locale, name: users.name }).from(users).where(eq(users.id, enrolment.userId)).limit(1);
      const found = await findAssignment(tx, { organizationId, assignmentId: submission.assignmentId });
      if (user && found) {
        const locale = isLocale(user.locale) ? user.locale : 'fi';
        await enqueueMail(tx, deps.jobs, {
          to: user.email,
          userId: enrolment.userId,
          locale,
          template: input.decision === 'accepted' ? 'trainingSubmissionAccepted' : 'trainingRevisionRequested',
          values: { name: user.name, mentor: actor!.name, assignment: localized(found.assignment.title, locale), link: `${deps.config.appUrl}/training/submissions/${submission.id}` },
        });
      }
    }
    return { feedbackId: row!.id };
  });
}
