// Data access for meetings. Every function takes (db, { organizationId, … }).
import { and, asc, desc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { MeetingResource } from '../../platform/policy/meeting.policy.ts';
import { findGroupResource, type Group } from '../groups/groups.queries.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { agendaItems, attendance, meetings, rsvps } from './meetings.schema.ts';

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
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)));
  if (!meeting) return null;
  // Sequential: also called inside transactions (one connection).
  const group = await findGroupResource(db, { organizationId, groupId: meeting.groupId });
  const experts = await db
    .selectDistinct({ userId: agendaItems.expertUserId })
    .from(agendaItems)
    .where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, meetingId), isNotNull(agendaItems.expertUserId)));
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

export type MeetingListRow = Pick<Meeting, 'id' | 'groupId' | 'startsAt' | 'endsAt' | 'theme' | 'format' | 'status'>;

/** The group's meetings, upcoming (soonest first) and past (latest first). */
export async function listMeetingsAroundNow(
  db: Tx,
  { organizationId, groupId, now = new Date(), pastLimit = 12 }: { organizationId: string; groupId: string; now?: Date; pastLimit?: number },
) {
  const columns = {
    id: meetings.id,
    groupId: meetings.groupId,
    startsAt: meetings.startsAt,
    endsAt: meetings.endsAt,
    theme: meetings.theme,
    format: meetings.format,
    status: meetings.status,
  };
  const scope = and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId));
  const upcoming = await db
    .select(columns)
    .from(meetings)
    .where(and(scope, gt(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt));
  const past = await db
    .select(columns)
    .from(meetings)
    .where(and(scope, lte(meetings.endsAt, now)))
    .orderBy(desc(meetings.startsAt))
    .limit(pastLimit);
  return { upcoming, past };
}

/** The agenda in order, with each expert segment's expert's name. */
export async function listAgenda(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
      minutes: agendaItems.minutes,
      expertUserId: agendaItems.expertUserId,
      expertName: users.name,
      topic: agendaItems.topic,
    })
    .from(agendaItems)
    .leftJoin(users, eq(users.id, agendaItems.expertUserId))
    .where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
}

export async function listRsvps(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  return db
    .select({ userId: rsvps.userId, response: rsvps.response, reason: rsvps.reason, updatedAt: rsvps.updatedAt })
    .from(rsvps)
    .where(and(eq(rsvps.organizationId, organizationId), eq(rsvps.meetingId, meetingId)));
}

export async function listMeetingAttendance(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  return db
    .select({ userId: attendance.userId, status: attendance.status, hours: attendance.hours })
    .from(attendance)
    .where(and(eq(attendance.organizationId, organizationId), eq(attendance.meetingId, meetingId)));
}

/** The organisation's experts (for naming an expert segment). */
export async function listExperts(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'expert')))
    .orderBy(asc(users.name));
}
