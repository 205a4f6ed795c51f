// Use case: a member of a practice group agrees that the trainee's mentor observes one coming
// meeting, or withdraws that consent (issue 15, point 4). Each member decides for themself; the
// mentor may observe only while everyone has agreed. Both are audit-logged.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, practiceGroupPolicy } from '../../platform/policy/index.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { TrainingError } from './training.errors.ts';
import { practiceEnrolmentOfGroup, practiceGroupResource } from './practice-group.ts';
import { observationConsents } from './training.schema.ts';

export async function setObservationConsent(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; agree: boolean },
  now: Date = new Date(),
): Promise<void> {
  const { organizationId, meetingId } = input;
  await deps.db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ groupId: meetings.groupId, startsAt: meetings.startsAt, status: meetings.status })
      .from(meetings)
      .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
      .limit(1);
    if (!meeting) throw new NotFoundError();
    const enrolment = await practiceEnrolmentOfGroup(tx, { organizationId, groupId: meeting.groupId });
    if (!enrolment) throw new NotFoundError();
    authorize(actor, await practiceGroupResource(tx, enrolment), practiceGroupPolicy.consent);
    if (meeting.status !== 'scheduled' || meeting.startsAt.getTime() <= now.getTime()) throw new TrainingError('training.observation.past');
    if (input.agree) {
      await tx.insert(observationConsents).values({ organizationId, meetingId, userId: actor!.userId, consentedAt: now }).onConflictDoNothing();
    } else {
      await tx.delete(observationConsents).where(and(eq(observationConsents.organizationId, organizationId), eq(observationConsents.meetingId, meetingId), eq(observationConsents.userId, actor!.userId)));
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: input.agree ? 'training.observation_consented' : 'training.observation_withdrawn',
      targetType: 'meeting',
      targetId: meetingId,
    });
  });
}
