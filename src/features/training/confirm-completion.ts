// Use case: the coordinator confirms a trainee's completion once every completion rule of the
// course is met (sessions attended or compensated, assignments accepted, practice meetings held).
// The enrolment's `completed` state and date are what the certificates feature issues from
// (trainingCompletion in training.queries.ts): the certificate with its Open Badges credential is
// issued in the same transaction, so a completion never stands without one. The trainee is told in
// their language.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { isLocale, translate } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { utcToZoned } from '../meetings/zoned-time.ts';
import { issueCertificateInTransaction } from '../certificates/issue-certificate.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { localized } from './template.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { cohortResource, enrolmentProgress, findEnrolment, trainingCompletion } from './training.queries.ts';
import { enrolments } from './training.schema.ts';

export async function confirmCompletion(
  actor: Actor | null,
  deps: TrainingDeps,
  input: { organizationId: string; enrolmentId: string },
  now: Date = new Date(),
): Promise<{ completedAt: Date }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, { organizationId, enrolmentId: input.enrolmentId, forUpdate: true });
    if (!enrolment) throw new NotFoundError();
    const { cohort, course, progress } = await enrolmentProgress(tx, enrolment, now);
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.confirmCompletion);
    if (enrolment.status !== 'active') throw new TrainingError('training.completion.notActive');
    if (!progress.complete) throw new TrainingError('training.completion.rulesNotMet');
    await tx
      .update(enrolments)
      .set({ status: 'completed', completedAt: now, completionConfirmedBy: actor!.userId })
      .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.id, enrolment.id)));
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.completion_confirmed', targetType: 'enrolment', targetId: enrolment.id });
    const completion = await trainingCompletion(tx, { organizationId, enrolmentId: enrolment.id });
    if (completion) {
      const inEach = (f: (locale: Locale) => string) => ({ fi: f('fi'), sv: f('sv'), en: f('en') });
      const day = (d: Date | null) => utcToZoned(d ?? now).date;
      await issueCertificateInTransaction(
        tx,
        actor,
        deps,
        {
          organizationId,
          holderUserId: completion.userId,
          achievement: {
            kind: 'facilitator-training',
            title: inEach((l) => localized(course.title, l)),
            description: inEach((l) => localized(course.description, l)),
            criteria: inEach((l) =>
              translate(l, 'training.certificate.criteria', {
                sessions: progress.sessionsNeeded,
                meetings: course.completionRules.minPracticeMeetings,
              }),
            ),
          },
          startedOn: day(completion.startedAt),
          endedOn: day(completion.endedAt),
          source: { type: 'course-enrolment', id: enrolment.id },
        },
        now,
      );
    }
    if (enrolment.userId) {
      const [user] = await tx.select({ email: users.email, locale: users.locale, name: users.name }).from(users).where(eq(users.id, enrolment.userId)).limit(1);
      if (user) {
        const locale = isLocale(user.locale) ? user.locale : 'fi';
        await enqueueMail(tx, deps.jobs, {
          to: user.email,
          userId: enrolment.userId,
          locale,
          template: 'trainingCompleted',
          values: { name: user.name, course: localized(course.title, locale), cohort: cohort.name, link: `${deps.config.appUrl}/training/my` },
        });
      }
    }
    return { completedAt: now };
  });
}
