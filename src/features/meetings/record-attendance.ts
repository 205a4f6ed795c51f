// Use case: after the meeting has started, the facilitator records who was there
// (present, late, absent, excused) and their hours. Rows are upserted per member.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { attendance, type AttendanceStatus } from './meetings.schema.ts';

export async function recordAttendance(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; rows: { userId: string; status: AttendanceStatus; hours: number | null }[] },
  options: { now?: Date } = {},
): Promise<void> {
  const { organizationId, meetingId } = input;
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.recordAttendance);
    const defaultHours = Math.round(((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 3_600_000) * 100) / 100;
    for (const row of input.rows) {
      if (!meeting.memberUserIds.includes(row.userId)) continue;
      const hours = row.hours ?? (row.status === 'present' || row.status === 'late' ? defaultHours : 0);
      await tx
        .insert(attendance)
        .values({ organizationId, meetingId, userId: row.userId, status: row.status, hours: String(hours), recordedBy: actor!.userId, recordedAt: now })
        .onConflictDoUpdate({ target: [attendance.organizationId, attendance.meetingId, attendance.userId], set: { status: row.status, hours: String(hours), recordedBy: actor!.userId, recordedAt: now } });
    }
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.attendance_recorded', targetType: 'meeting', targetId: meetingId });
  });
}
