// Data access for the live meeting mode. Every function takes (db, { organizationId, … }).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { users } from '../accounts/accounts.schema.ts';
import { attendance, liveMeetingStates, meetings, rsvps, type AttendanceStatus } from './meetings.schema.ts';
import { initialLiveState, parseLiveState, type LiveState } from './live-state.ts';
import { listAgenda } from './meetings.queries.ts';

export type AgendaItem = Awaited<ReturnType<typeof listAgenda>>[number];
export { listAgenda };

/** The stored state (version 0 and not started when there is no row yet). */
export async function findLiveState(db: Tx, { organizationId, meetingId, forUpdate = false }: { organizationId: string; meetingId: string; forUpdate?: boolean }): Promise<LiveState> {
  const query = db
    .select({ state: liveMeetingStates.state, version: liveMeetingStates.version })
    .from(liveMeetingStates)
    .where(and(eq(liveMeetingStates.organizationId, organizationId), eq(liveMeetingStates.meetingId, meetingId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? parseLiveState(row.state, row.version) : initialLiveState();
}

/**
 * Writes the state if the stored version is still `expectedVersion` (the row is created at version
 * 0 → 1). Returns false when someone else wrote first.
 */
export async function saveLiveState(
  db: Tx,
  { organizationId, meetingId, state, expectedVersion }: { organizationId: string; meetingId: string; state: LiveState; expectedVersion: number },
  now: Date = new Date(),
): Promise<boolean> {
  const stored = state as unknown as Record<string, unknown>;
  if (expectedVersion === 0) {
    const inserted = await db
      .insert(liveMeetingStates)
      .values({ organizationId, meetingId, state: stored, version: state.version, updatedAt: now })
      .onConflictDoNothing()
      .returning({ version: liveMeetingStates.version });
    if (inserted.length > 0) return true;
  }
  const updated = await db
    .update(liveMeetingStates)
    .set({ state: stored, version: state.version, updatedAt: now })
    .where(and(eq(liveMeetingStates.organizationId, organizationId), eq(liveMeetingStates.meetingId, meetingId), eq(liveMeetingStates.version, expectedVersion)))
    .returning({ version: liveMeetingStates.version });
  return updated.length > 0;
}

export type PresenceSource = 'attendance' | 'rsvp' | 'members';

/**
 * Who is here: attendance 'present'/'late' if any attendance is recorded for the meeting, else
 * those who said they are coming, else all current members. Only current members, by name.
 */
export async function listPresentMembers(
  db: Tx,
  { organizationId, meetingId, memberUserIds }: { organizationId: string; meetingId: string; memberUserIds: readonly string[] },
): Promise<{ source: PresenceSource; userIds: string[] }> {
  const current = new Set(memberUserIds);
  const recorded = await db
    .select({ userId: attendance.userId, status: attendance.status })
    .from(attendance)
    .where(and(eq(attendance.organizationId, organizationId), eq(attendance.meetingId, meetingId)));
  const names = await userNames(db, [...current]);
  const byName = (ids: string[]) => ids.filter((id) => current.has(id)).sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'fi') || a.localeCompare(b));
  if (recorded.length > 0) return { source: 'attendance', userIds: byName(recorded.filter((r) => r.status === 'present' || r.status === 'late').map((r) => r.userId)) };
  const coming = await db
    .select({ userId: rsvps.userId })
    .from(rsvps)
    .where(and(eq(rsvps.organizationId, organizationId), eq(rsvps.meetingId, meetingId), eq(rsvps.response, 'coming')));
  const comingIds = byName(coming.map((r) => r.userId));
  if (comingIds.length > 0) return { source: 'rsvp', userIds: comingIds };
  return { source: 'members', userIds: byName([...current]) };
}

/**
 * Marks who is here: 'present' for these, 'absent' for the other current members (replacing earlier
 * marks). A member marked late stays late; with `lateComers`, one who was marked absent and now
 * arrives is marked late (the meeting is under way).
 */
export async function writePresence(
  db: Tx,
  {
    organizationId,
    meetingId,
    memberUserIds,
    presentUserIds,
    recordedBy,
    lateComers = false,
  }: { organizationId: string; meetingId: string; memberUserIds: readonly string[]; presentUserIds: readonly string[]; recordedBy: string; lateComers?: boolean },
  now: Date = new Date(),
): Promise<void> {
  if (memberUserIds.length === 0) return;
  const present = new Set(presentUserIds);
  await db
    .insert(attendance)
    .values(memberUserIds.map((userId) => ({ organizationId, meetingId, userId, status: (present.has(userId) ? 'present' : 'absent') as AttendanceStatus, recordedBy, recordedAt: now })))
    .onConflictDoUpdate({
      target: [attendance.organizationId, attendance.meetingId, attendance.userId],
      set: {
        status: lateComers
          ? sql`CASE WHEN excluded.status = 'present' AND ${attendance.status} IN ('late', 'absent', 'excused') THEN 'late' ELSE excluded.status END`
          : sql`CASE WHEN excluded.status = 'present' AND ${attendance.status} = 'late' THEN 'late' ELSE excluded.status END`,
        recordedBy,
        recordedAt: now,
      },
    });
}

export async function userNames(db: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The group's meetings (for the follow-up round and due dates). */
export async function listGroupMeetings(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  return db
    .select({ id: meetings.id, groupId: meetings.groupId, startsAt: meetings.startsAt, status: meetings.status, timeZone: meetings.timeZone })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.groupId, groupId)))
    .orderBy(asc(meetings.startsAt));
}

/** Attendance records of these meetings. */
export async function listAttendance(db: Tx, { organizationId, meetingIds }: { organizationId: string; meetingIds: readonly string[] }) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: attendance.meetingId, userId: attendance.userId, status: attendance.status })
    .from(attendance)
    .where(and(eq(attendance.organizationId, organizationId), inArray(attendance.meetingId, [...meetingIds])));
}
