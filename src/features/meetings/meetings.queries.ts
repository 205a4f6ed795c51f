// Data access for meetings. Every function takes (db, { organizationId, … }).
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { MeetingResource } from '../../platform/policy/meeting.policy.ts';
import { findGroupResource, type Group } from '../groups/groups.queries.ts';
import { agendaItems, meetings } from './meetings.schema.ts';

export type Meeting = typeof meetings.$inferSelect;
export type MeetingWithPeople = Meeting & MeetingResource & { group: Group };

/**
 * The meeting as the policies see it: its group's facilitators and members, the
 * experts of its segments, whether it has started (at `now`) or been cancelled.
 */
export async function findMeetingResource(
  db: Tx,
  { organizationId, meetingId }: { organizationId: string; meetingId: string },
  now: Date = new Date(),
): Promise<MeetingWithPeople | null> {
  const [meeting] = await db.select().from(meetings).where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)));
  if (!meeting) return null;
  const [group, experts] = await Promise.all([
    findGroupResource(db, { organizationId, groupId: meeting.groupId }),
    db
      .selectDistinct({ userId: agendaItems.expertUserId })
      .from(agendaItems)
      .where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, meetingId), isNotNull(agendaItems.expertUserId))),
  ]);
  if (!group) return null;
  const { facilitatorUserIds, memberUserIds, ...groupRow } = group;
  return {
    ...meeting,
    group: groupRow,
    facilitatorUserIds,
    memberUserIds,
    expertUserIds: experts.map((e) => e.userId!),
    started: meeting.startsAt.getTime() <= now.getTime(),
    cancelled: meeting.status === 'cancelled',
  };
}
