// Use case: someone (no account needed) applies to a cohort from the public course page, as the
// application to a group does: the application and the confirmation mail in the applicant's
// language, in one transaction. Validation, the spam checks and the rate limit happen before.
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { findOrganization } from '../organizations/organizations.queries.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import { findCohort, findCourse } from './training.queries.ts';
import { trainingApplications } from './training.schema.ts';
import type { TrainingApplicationInput } from './training.validation.ts';

export async function applyToCohort(
  deps: { db: Db; jobs: Jobs },
  input: Omit<TrainingApplicationInput, 'consent'> & { organizationId: string },
  now: Date = new Date(),
): Promise<{ applicationId: string }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const cohort = await findCohort(tx, { organizationId, cohortId: input.cohortId });
    const course = cohort ? await findCourse(tx, { organizationId, courseId: cohort.courseId }) : null;
    if (!cohort || !course || !course.published) throw new NotFoundError();
    if (!cohort.applicationsOpen || cohort.status === 'finished') throw new TrainingError('training.apply.closed');
    const organization = await findOrganization(tx, { organizationId });
    const [row] = await tx
      .insert(trainingApplications)
      .values({
        organizationId,
        cohortId: cohort.id,
        name: input.name,
        email: input.email,
        phone: input.phone,
        locale: input.locale,
        background: input.background,
        motivation: input.motivation,
        consentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: trainingApplications.id });
    await recordAudit(tx, { organizationId, action: 'training.application_submitted', targetType: 'training_application', targetId: row!.id });
    await enqueueMail(tx, deps.jobs, {
      to: input.email,
      locale: input.locale,
      template: 'trainingApplicationReceived',
      values: { name: input.name, course: localized(course.title, input.locale), cohort: cohort.name, organization: organization?.name ?? '' },
    });
    return { applicationId: row!.id };
  });
}
