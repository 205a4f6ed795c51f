// Use case: a member gives anonymous feedback after a meeting has started. The answers are
// stored without a user id; a separate row records only that this person has answered.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingFeedbackPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource } from '../meetings/meetings.queries.ts';
import { FeedbackGivenError } from './outcomes.errors.ts';
import { meetingFeedback, meetingFeedbackGivers } from './outcomes.schema.ts';

export async function giveMeetingFeedback(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; useful: number | null; safe: number | null; comment: string | null },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, meetingId } = input;
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingFeedbackPolicy.give);
    const inserted = await tx.insert(meetingFeedbackGivers).values({ organizationId, meetingId, userId: actor!.userId }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new FeedbackGivenError();
    const comment = input.comment?.trim() || null;
    await tx.insert(meetingFeedback).values({ organizationId, groupId: meeting.groupId, meetingId, useful: input.useful, safe: input.safe, comment });
  });
}
