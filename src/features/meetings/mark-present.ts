// Use case: at the start of the live meeting the facilitator marks who is here (attendance rows:
// 'present' for those ticked, 'absent' for the other current members). Once the meeting is under
// way, someone who arrives is marked 'late'. (Allowed before the start time too, unlike
// meetingPolicy.recordAttendance: the facilitator ticks names as people come in.)
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { findLiveState, writePresence } from './live.queries.ts';
import { findMeetingResource } from './meetings.queries.ts';

export async function markPresent(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; presentUserIds: readonly string[] },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, meetingId } = input;
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.runLive);
    const members = new Set(meeting.memberUserIds);
    const live = await findLiveState(tx, { organizationId, meetingId });
    await writePresence(
      tx,
      { organizationId, meetingId, memberUserIds: meeting.memberUserIds, presentUserIds: input.presentUserIds.filter((id) => members.has(id)), recordedBy: actor!.userId, lateComers: live.phase === 'running' },
      now,
    );
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meeting.attendance_recorded', targetType: 'meeting', targetId: meetingId });
  });
}
