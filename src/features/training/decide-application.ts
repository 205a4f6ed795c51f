// Use case: the coordinator accepts or declines an application to a cohort. Accepting makes the
// applicant a trainee of the cohort (an enrolment): a member of the organisation already is
// enrolled at once; anyone else is invited to the organisation as a trainee (the organisations
// feature's inviteMember, in a savepoint of this transaction) and the enrolment becomes theirs
// when they accept (claimEnrolments). The applicant is told in their language. A full cohort
// (capacity) takes no more.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { inviteMember } from '../organizations/invite-member.ts';
import { findMemberByEmail, findOrganization } from '../organizations/organizations.queries.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { countTrainees, findApplication, findCohort, findCourse, listCohortSessions, listMentors } from './training.queries.ts';
import { cohorts, enrolments, trainingApplications } from './training.schema.ts';

export type Decision = { decision: 'accept'; mentorUserId?: string | null } | { decision: 'decline'; message: string };

export async function decideApplication(
  actor: Actor | null,
  deps: TrainingDeps,
  input: { organizationId: string; applicationId: string } & Decision,
  now: Date = new Date(),
): Promise<{ enrolmentId: string | null; invitationToken: string | null }> {
  const { organizationId, applicationId } = input;
  authorize(actor, { organizationId }, coursePolicy.manage);
  return deps.db.transaction(async (tx) => {
    const application = await findApplication(tx, { organizationId, applicationId, forUpdate: true });
    if (!application) throw new NotFoundError();
    if (application.status !== 'new') throw new TrainingError('training.application.handled');
    // The cohort row's lock orders concurrent acceptances: the last seat goes once.
    await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.id, application.cohortId))).for('update');
    const cohort = await findCohort(tx, { organizationId, cohortId: application.cohortId });
    const course = cohort ? await findCourse(tx, { organizationId, courseId: cohort.courseId }) : null;
    if (!cohort || !course) throw new NotFoundError();
    const locale: Locale = isLocale(application.locale) ? application.locale : 'fi';
    const organization = await findOrganization(tx, { organizationId });

    if (input.decision === 'decline') {
      await tx
        .update(trainingApplications)
        .set({ status: 'declined', declineMessage: input.message || null, handledBy: actor!.userId, updatedAt: now })
        .where(and(eq(trainingApplications.organizationId, organizationId), eq(trainingApplications.id, applicationId)));
      await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.application_declined', targetType: 'training_application', targetId: applicationId });
      await enqueueMail(tx, deps.jobs, {
        to: application.email,
        locale,
        template: 'trainingApplicationDeclined',
        values: { name: application.name, course: localized(course.title, locale), organization: organization?.name ?? '', message: input.message || '–' },
      });
      return { enrolmentId: null, invitationToken: null };
    }

    if ((await countTrainees(tx, { organizationId, cohortId: cohort.id })) >= cohort.capacity) throw new TrainingError('training.application.full');
    const mentorUserId: string | null = input.mentorUserId ?? null;
    if (mentorUserId && !(await listMentors(tx, { organizationId, cohortId: cohort.id })).some((m) => m.userId === mentorUserId)) throw new TrainingError('training.cohort.mentorInvalid');
    const member = await findMemberByEmail(tx, { organizationId, email: application.email });
    const [enrolment] = await tx
      .insert(enrolments)
      .values({
        organizationId,
        cohortId: cohort.id,
        userId: member?.userId ?? null,
        email: application.email,
        name: application.name,
        mentorUserId,
        applicationId,
        status: member ? 'active' : 'invited',
      })
      .onConflictDoNothing()
      .returning({ id: enrolments.id });
    if (!enrolment) throw new TrainingError('training.application.alreadyEnrolled');
    await tx
      .update(trainingApplications)
      .set({ status: 'accepted', handledBy: actor!.userId, updatedAt: now })
      .where(and(eq(trainingApplications.organizationId, organizationId), eq(trainingApplications.id, applicationId)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.application_accepted', targetType: 'enrolment', targetId: enrolment.id });

    const sessions = await listCohortSessions(tx, { organizationId, cohortId: cohort.id });
    const first = sessions[0]?.cohortSession.startsAt;
    const values = {
      name: application.name,
      course: localized(course.title, locale),
      cohort: cohort.name,
      organization: organization?.name ?? '',
      firstSession: first ? formatDateTime(locale, first, 'weekday') : '–',
      link: `${deps.config.appUrl}/training/my`,
    };
    let invitationToken: string | null = null;
    if (!member) {
      // inviteMember opens its own transaction: on a transaction handle that is a savepoint.
      const invited = await inviteMember(actor, { ...deps, db: tx as unknown as Db }, { organizationId, email: application.email, role: 'trainee', name: application.name, locale }, { now });
      invitationToken = invited.token;
    }
    await enqueueMail(tx, deps.jobs, { to: application.email, locale, userId: member?.userId, template: member ? 'trainingAccepted' : 'trainingAcceptedInvite', values });
    return { enrolmentId: enrolment.id, invitationToken };
  });
}
