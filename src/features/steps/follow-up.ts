// The follow-up round: at meeting M, each member present goes through their small steps "from last
// time". Pure: the caller loads the group's meetings, attendance and the members' steps.
//
// Which steps (decided from what a facilitator expects; each step is listed once, with the reason):
// 1. 'set-at-previous-meeting' — steps the member set at the group's previous meeting, whatever
//    their status now: that is what the round is about ("how did it go?"), and a step that was done
//    or dropped is worth a sentence too.
// 2. 'set-since-last-attended' — steps set at or after the member's own last attended meeting (set at
//    that meeting, or in the app between meetings). For a member who missed the previous meeting this
//    brings back the steps from the last meeting they were at; for one who was there it adds the steps
//    they wrote in the app since.
// 3. Older steps (set before the member's last attended meeting):
//    'still-open'  — still open or partly done: followed up until closed or dropped;
//    'changed-since-last-attended' — done or dropped since that meeting: reported once.
//    Older steps closed before it were already talked about, and are left out.
// Meetings: same group only; cancelled ones do not count; "previous" means starting before M, held
// or planned (a past meeting whose status was not updated is still a meeting that took place).
// Attendance must be recorded: a member with no 'present' record before M has no last attended
// meeting, so all their earlier steps in the group count as set since then.
// Members absent from M get no entry; steps set at M itself are not listed.

import { nextOccurrence, type MeetingSeries } from '../meetings/recurrence.ts';
import { addDays, DEFAULT_TIME_ZONE, utcToZoned, type LocalDate } from '../meetings/zoned-time.ts';

export type MeetingStatus = 'planned' | 'held' | 'cancelled';
export type AttendanceStatus = 'present' | 'absent' | 'excused';
export type StepStatus = 'open' | 'partly' | 'done' | 'dropped';

export interface FollowUpMeeting {
  id: string;
  groupId: string;
  startsAt: Date;
  status: MeetingStatus;
}

export interface FollowUpAttendance {
  meetingId: string;
  memberId: string;
  status: AttendanceStatus;
}

export interface FollowUpStep {
  id: string;
  memberId: string;
  groupId: string;
  /** the meeting the step was set at; null when written in the app between meetings */
  meetingId: string | null;
  title: string;
  status: StepStatus;
  createdAt: Date;
  /** when the status last changed; null if never */
  statusChangedAt: Date | null;
  dueDate?: LocalDate | null;
}

export type FollowUpReason = 'set-at-previous-meeting' | 'set-since-last-attended' | 'still-open' | 'changed-since-last-attended';

export interface FollowUpItem {
  step: FollowUpStep;
  reason: FollowUpReason;
  /** the start of the meeting it was set at, else when it was written */
  setAt: Date;
}

export interface MemberFollowUp {
  memberId: string;
  /** the member's last meeting of the group before M that they were present at */
  lastAttendedMeetingId: string | null;
  /** meetings of the group between that one and M that the member missed; null without a last attended meeting */
  missedMeetings: number | null;
  items: FollowUpItem[];
}

export interface FollowUpInput {
  meetingId: string;
  meetings: readonly FollowUpMeeting[];
  attendance: readonly FollowUpAttendance[];
  steps: readonly FollowUpStep[];
}

export interface FollowUpRound {
  meetingId: string;
  /** the group's previous meeting, or null when M is its first */
  previousMeetingId: string | null;
  /** one entry per member present at M, in the order of M's attendance records */
  members: MemberFollowUp[];
}

export function followUpRound({ meetingId, meetings, attendance, steps }: FollowUpInput): FollowUpRound {
  const meeting = meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`Unknown meeting ${meetingId}`);
  const startMs = meeting.startsAt.getTime();
  const byId = new Map(meetings.map((m) => [m.id, m]));
  // the group's earlier meetings, newest first
  const earlier = meetings
    .filter((m) => m.groupId === meeting.groupId && m.status !== 'cancelled' && m.startsAt.getTime() < startMs)
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  const previous = earlier[0] ?? null;

  const presentAt = new Map<string, Set<string>>();
  for (const a of attendance) {
    if (a.status !== 'present') continue;
    const set = presentAt.get(a.meetingId) ?? new Set<string>();
    set.add(a.memberId);
    presentAt.set(a.meetingId, set);
  }
  const presentNow = [...new Set(attendance.filter((a) => a.meetingId === meetingId && a.status === 'present').map((a) => a.memberId))];

  const members = presentNow.map((memberId): MemberFollowUp => {
    const lastIndex = earlier.findIndex((m) => presentAt.get(m.id)?.has(memberId));
    const lastAttended = lastIndex >= 0 ? earlier[lastIndex]! : null;
    const sinceMs = lastAttended ? lastAttended.startsAt.getTime() : -Infinity;
    const items: FollowUpItem[] = [];
    for (const step of steps) {
      if (step.memberId !== memberId || step.groupId !== meeting.groupId || step.meetingId === meetingId) continue;
      const setAt = step.meetingId && byId.has(step.meetingId) ? byId.get(step.meetingId)!.startsAt : step.createdAt;
      if (setAt.getTime() >= startMs) continue;
      const reason = reasonFor(step, setAt.getTime(), previous, sinceMs);
      if (reason) items.push({ step, reason, setAt });
    }
    items.sort(
      (a, b) => a.setAt.getTime() - b.setAt.getTime() || a.step.createdAt.getTime() - b.step.createdAt.getTime() || a.step.id.localeCompare(b.step.id),
    );
    return { memberId, lastAttendedMeetingId: lastAttended?.id ?? null, missedMeetings: lastIndex >= 0 ? lastIndex : null, items };
  });

  return { meetingId, previousMeetingId: previous?.id ?? null, members };
}

function reasonFor(step: FollowUpStep, setAtMs: number, previous: FollowUpMeeting | null, sinceMs: number): FollowUpReason | null {
  if (previous && step.meetingId === previous.id) return 'set-at-previous-meeting';
  if (setAtMs >= sinceMs) return 'set-since-last-attended';
  if (step.status === 'open' || step.status === 'partly') return 'still-open';
  if (step.statusChangedAt && step.statusChangedAt.getTime() >= sinceMs) return 'changed-since-last-attended';
  return null;
}

// ---- due dates --------------------------------------------------------------------------------

export const DEFAULT_DUE_DAYS = 30;

export interface DueDateInput {
  /** when the step is set (usually the meeting's start) */
  setAt: Date;
  /** the group's zone; default the series' zone, else Europe/Helsinki */
  zone?: string;
  /** the group's scheduled meetings (any; past and cancelled ones are skipped) */
  meetings?: readonly Pick<FollowUpMeeting, 'startsAt' | 'status'>[];
  /** the group's series, for when the next meeting is not scheduled yet */
  series?: MeetingSeries | null;
  /** default 30 */
  fallbackDays?: number;
}

/**
 * A step's default due date: the day of the group's next meeting (a scheduled one first, else the
 * series' next occurrence), on a later day than `setAt`; else `setAt` + 30 days. A local date in the zone.
 */
export function defaultDueDate({ setAt, zone: givenZone, meetings = [], series = null, fallbackDays = DEFAULT_DUE_DAYS }: DueDateInput): LocalDate {
  const zone = givenZone ?? series?.zone ?? DEFAULT_TIME_ZONE;
  const today = utcToZoned(setAt, zone).date;
  const laterDay = (d: Date) => utcToZoned(d, zone).date > today;
  const scheduled = meetings
    .filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() > setAt.getTime() && laterDay(m.startsAt))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (scheduled) return utcToZoned(scheduled.startsAt, zone).date;
  if (series) {
    // the first occurrence on a later day (at most one can fall on the same day)
    let next = nextOccurrence(series, setAt);
    if (next && !laterDay(next.start)) next = nextOccurrence(series, next.start);
    if (next) return utcToZoned(next.start, zone).date;
  }
  return addDays(today, fallbackDays);
}
