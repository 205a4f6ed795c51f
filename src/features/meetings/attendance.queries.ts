// Read-only attendance history: a group's meetings × members (for its facilitators and the
// coordinators), and one person's own meetings across every organisation. Recording is elsewhere.
import { and, asc, desc, eq, exists, gt, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { users } from '../accounts/accounts.schema.ts';
import { groupMembers, groups } from '../groups/groups.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { attendance, meetings, type AttendanceStatus } from './meetings.schema.ts';

export interface AttendanceCell {
  status: AttendanceStatus;
  hours: number | null;
}

export interface MemberAttendanceTotals {
  /** present or late */
  attended: number;
  absent: number;
  excused: number;
  hours: number;
}

export interface GroupAttendance {
  meetings: { id: string; startsAt: Date; theme: string | null }[];
  members: { userId: string; name: string; left: boolean; totals: MemberAttendanceTotals }[];
  /** `${meetingId}:${userId}` → what was recorded */
  cells: Record<string, AttendanceCell>;
}

const hoursOf = (value: string | null): number | null => (value === null ? null : Number(value));

function totalsOf(cells: AttendanceCell[]): MemberAttendanceTotals {
  const totals: MemberAttendanceTotals = { attended: 0, absent: 0, excused: 0, hours: 0 };
  for (const cell of cells) {
    if (cell.status === 'present' || cell.status === 'late') totals.attended += 1;
    else if (cell.status === 'absent') totals.absent += 1;
    else totals.excused += 1;
    totals.hours += cell.hours ?? 0;
  }
  totals.hours = Math.round(totals.hours * 100) / 100;
  return totals;
}

/** The organisation a group belongs to, from its id alone (the policy decides who sees it). */
export async function findGroupOrganizationId(db: Tx, { groupId }: { groupId: string }): Promise<string | null> {
  const [row] = await db.select({ organizationId: groups.organizationId }).from(groups).where(eq(groups.id, groupId)).limit(1);
  return row?.organizationId ?? null;
}

/** Held (started, not cancelled) meetings of the group, oldest first, with everyone who has been a member or has a record. */
export async function groupAttendance(db: Tx, { organizationId, groupId, now }: { organizationId: string; groupId: string; now: Date }): Promise<GroupAttendance> {
  const held = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, theme: meetings.theme })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId), eq(meetings.status, 'scheduled'), lte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  const meetingIds = held.map((m) => m.id);
  const records = meetingIds.length
    ? await db
        .select({ meetingId: attendance.meetingId, userId: attendance.userId, status: attendance.status, hours: attendance.hours })
        .from(attendance)
        .where(and(eq(attendance.organizationId, organizationId), inArray(attendance.meetingId, meetingIds)))
    : [];
  const memberRows = await db
    .select({ userId: groupMembers.userId, leftAt: groupMembers.leftAt, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId)));
  const known = new Set(memberRows.map((m) => m.userId));
  const extraIds = [...new Set(records.map((r) => r.userId).filter((id) => !known.has(id)))];
  const extras = extraIds.length ? await db.select({ userId: users.id, name: users.name }).from(users).where(inArray(users.id, extraIds)) : [];

  const cells: Record<string, AttendanceCell> = {};
  const byUser = new Map<string, AttendanceCell[]>();
  for (const r of records) {
    const cell = { status: r.status, hours: hoursOf(r.hours) };
    cells[`${r.meetingId}:${r.userId}`] = cell;
    byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), cell]);
  }
  const people = [...memberRows.map((m) => ({ userId: m.userId, name: m.name, left: m.leftAt !== null })), ...extras.map((e) => ({ ...e, left: true }))];
  people.sort((a, b) => Number(a.left) - Number(b.left) || a.name.localeCompare(b.name, 'fi'));
  return { meetings: held, members: people.map((p) => ({ ...p, totals: totalsOf(byUser.get(p.userId) ?? []) })), cells };
}

export interface OwnAttendanceRow {
  meetingId: string;
  startsAt: Date;
  theme: string | null;
  groupName: string;
  organizationName: string;
  /** null: nothing recorded (yet) */
  status: AttendanceStatus | null;
  hours: number | null;
}

/**
 * The person's own history, newest first, in every organisation: each held meeting they have a
 * record for, and each held meeting of a group while they were in it (shown as not recorded).
 */
export async function ownAttendance(db: Tx, { userId, now }: { userId: string; now: Date }): Promise<{ rows: OwnAttendanceRow[]; totals: MemberAttendanceTotals }> {
  const wasMember = exists(
    db
      .select({ one: groupMembers.userId })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.organizationId, meetings.organizationId),
          eq(groupMembers.groupId, meetings.groupId),
          eq(groupMembers.userId, userId),
          lte(groupMembers.joinedAt, meetings.startsAt),
          or(isNull(groupMembers.leftAt), gt(groupMembers.leftAt, meetings.startsAt)),
        ),
      ),
  );
  const rows = await db
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      theme: meetings.theme,
      groupName: groups.name,
      organizationName: organizations.name,
      status: attendance.status,
      hours: attendance.hours,
    })
    .from(meetings)
    .innerJoin(groups, and(eq(groups.organizationId, meetings.organizationId), eq(groups.id, meetings.groupId)))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .leftJoin(attendance, and(eq(attendance.organizationId, meetings.organizationId), eq(attendance.meetingId, meetings.id), eq(attendance.userId, userId)))
    .where(and(eq(meetings.status, 'scheduled'), lte(meetings.startsAt, now), or(isNotNull(attendance.userId), wasMember)))
    .orderBy(desc(meetings.startsAt), asc(meetings.id))
    .limit(1000);
  const list = rows.map((r) => ({ ...r, hours: hoursOf(r.hours) }));
  const recorded = list.flatMap((r) => (r.status ? [{ status: r.status, hours: r.hours }] : []));
  return { rows: list, totals: totalsOf(recorded) };
}
