// Use case: a mentor schedules a mentoring meeting (1:1 or a small group) with trainees of a
// cohort they mentor; each trainee gets a mail in their language with the .ics attached.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { formatDateTime, isLocale, translate } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { trainingIcs } from './calendar.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { cohortResource, findCohort, listEnrolments } from './training.queries.ts';
import { mentoringMeetings, mentoringParticipants } from './training.schema.ts';

export async function scheduleMentoring(
  actor: Actor | null,
  deps: TrainingDeps,
  input: { organizationId: string; cohortId: string; startsAt: Date; endsAt: Date; onlineUrl: string | null; topic: string; enrolmentIds: readonly string[] },
  now: Date = new Date(),
): Promise<{ meetingId: string }> {
  const { organizationId } = input;
  return deps.db.transaction(async (tx) => {
    const cohort = await findCohort(tx, { organizationId, cohortId: input.cohortId });
    if (!cohort) throw new NotFoundError();
    authorize(actor, await cohortResource(tx, cohort, actor), coursePolicy.mentor);
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new TrainingError('training.cohort.endBeforeStart');
    const wanted = new Set(input.enrolmentIds);
    const chosen = (await listEnrolments(tx, { organizationId, cohortId: cohort.id })).filter((e) => wanted.has(e.id) && (e.status === 'active' || e.status === 'invited'));
    if (chosen.length !== wanted.size || chosen.length === 0) throw new TrainingError('training.validation.participants');
    const meetingId = newId();
    await tx.insert(mentoringMeetings).values({
      organizationId,
      id: meetingId,
      cohortId: cohort.id,
      mentorUserId: actor!.userId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      onlineUrl: input.onlineUrl,
      topic: input.topic,
      createdAt: now,
    });
    for (const e of chosen) await tx.insert(mentoringParticipants).values({ organizationId, meetingId, enrolmentId: e.id });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.mentoring_scheduled', targetType: 'mentoring_meeting', targetId: meetingId });
    for (const e of chosen) {
      const [user] = e.userId ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, e.userId)).limit(1) : [];
      const locale = isLocale(user?.locale) ? user.locale : 'fi';
      const title = translate(locale, 'training.mentoring.icsTitle', { mentor: actor!.name });
      const pageUrl = `${deps.config.appUrl}/training/my`;
      await enqueueMail(tx, deps.jobs, {
        to: e.email,
        userId: e.userId ?? undefined,
        locale,
        template: 'trainingMentoringScheduled',
        values: { name: e.name, mentor: actor!.name, when: formatDateTime(locale, input.startsAt, 'weekday'), topic: input.topic || '–', link: input.onlineUrl ?? pageUrl },
        calendar: {
          method: 'PUBLISH',
          content: trainingIcs({ id: meetingId, sequence: 0, startsAt: input.startsAt, endsAt: input.endsAt, title, description: input.topic, onlineUrl: input.onlineUrl, pageUrl }, locale, now),
        },
      });
    }
    return { meetingId };
  });
}
