// The dashboard's rows: one statement per figure family, each filtering organization_id first (every
// index it uses starts with it), run in parallel by load-dashboard.ts. Meetings, attendance, events,
// registrations, advice sessions and expert hours are rows the organisation's coordinators may read
// anyway, so their counts are exact. Steps are personal (coordinators see none), so the steps query
// also returns the people behind the counts — only for the disclosure layer, never published.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';

export interface DashboardScope {
  organizationId: string;
  /** [from, to): Helsinki midnights. */
  from: Date;
  to: Date;
  now: Date;
}

const iso = (d: Date) => d.toISOString();

export interface GroupFigures {
  /** Current status of every group (a group's status has no history). */
  forming: number;
  active: number;
  paused: number;
  ended: number;
  /** Groups with at least one meeting (not cancelled) that began in the period. */
  met: number;
}

export async function groupFigures(db: Tx, { organizationId, from, to, now }: DashboardScope): Promise<GroupFigures> {
  const { rows } = await db.execute<{ forming: number; active: number; paused: number; ended: number; met: number }>(sql`
    SELECT count(*) FILTER (WHERE g.status = 'forming')::int AS forming,
           count(*) FILTER (WHERE g.status = 'active')::int AS active,
           count(*) FILTER (WHERE g.status = 'paused')::int AS paused,
           count(*) FILTER (WHERE g.status = 'ended')::int AS ended,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM meetings m
             WHERE m.organization_id = g.organization_id AND m.group_id = g.id AND m.status = 'scheduled'
               AND m.starts_at >= ${iso(from)}::timestamptz AND m.starts_at < ${iso(to)}::timestamptz AND m.starts_at <= ${iso(now)}::timestamptz
           ))::int AS met
    FROM groups g WHERE g.organization_id = ${organizationId}`);
  const r = rows[0];
  return { forming: r?.forming ?? 0, active: r?.active ?? 0, paused: r?.paused ?? 0, ended: r?.ended ?? 0, met: r?.met ?? 0 };
}

export interface GroupMeetingRow {
  groupId: string;
  groupName: string;
  status: string;
  /** Meetings in the period, not cancelled (held and still to come). */
  planned: number;
  /** Of those, begun by now. */
  held: number;
  cancelled: number;
  /** Held meetings with attendance recorded. */
  recorded: number;
  /** Attendance records of held meetings: present or late, and all. */
  attended: number;
  attendanceRecords: number;
}

/** Per group with a meeting in the period: meetings planned, held, cancelled, and the attendance of the held ones. */
export async function meetingFigures(db: Tx, { organizationId, from, to, now }: DashboardScope): Promise<GroupMeetingRow[]> {
  const { rows } = await db.execute<{
    group_id: string;
    group_name: string;
    status: string;
    planned: number;
    held: number;
    cancelled: number;
    recorded: number;
    attended: number;
    records: number;
  }>(sql`
    WITH m AS (
      SELECT m.id, m.group_id, m.status, (m.status = 'scheduled' AND m.starts_at <= ${iso(now)}::timestamptz) AS held
      FROM meetings m
      WHERE m.organization_id = ${organizationId} AND m.starts_at >= ${iso(from)}::timestamptz AND m.starts_at < ${iso(to)}::timestamptz
    ), a AS (
      SELECT a.meeting_id, count(*) FILTER (WHERE a.status IN ('present', 'late'))::int AS attended, count(*)::int AS records
      FROM attendance a JOIN m ON m.id = a.meeting_id AND m.held
      WHERE a.organization_id = ${organizationId}
      GROUP BY a.meeting_id
    )
    SELECT g.id AS group_id, g.name AS group_name, g.status,
           count(*) FILTER (WHERE m.status = 'scheduled')::int AS planned,
           count(*) FILTER (WHERE m.held)::int AS held,
           count(*) FILTER (WHERE m.status = 'cancelled')::int AS cancelled,
           count(a.meeting_id)::int AS recorded,
           coalesce(sum(a.attended), 0)::int AS attended,
           coalesce(sum(a.records), 0)::int AS records
    FROM m
    JOIN groups g ON g.organization_id = ${organizationId} AND g.id = m.group_id
    LEFT JOIN a ON a.meeting_id = m.id
    GROUP BY g.organization_id, g.id, g.name, g.status
    ORDER BY lower(g.name), g.id`);
  return rows.map((r) => ({
    groupId: r.group_id,
    groupName: r.group_name,
    status: r.status,
    planned: r.planned,
    held: r.held,
    cancelled: r.cancelled,
    recorded: r.recorded,
    attended: r.attended,
    attendanceRecords: r.records,
  }));
}

export interface EventRow {
  eventId: string;
  title: string;
  startsAt: Date;
  status: string;
  /** Begun by now (and not cancelled). */
  held: boolean;
  confirmed: number;
  waitlisted: number;
  attended: number;
}

/** Published or cancelled events that begin in the period (drafts are not events yet), with their registrations. */
export async function eventFigures(db: Tx, { organizationId, from, to, now }: DashboardScope): Promise<EventRow[]> {
  const { rows } = await db.execute<{
    id: string;
    title: string;
    starts_at: string;
    status: string;
    held: boolean;
    confirmed: number;
    waitlisted: number;
    attended: number;
  }>(sql`
    SELECT e.id, e.title, e.starts_at, e.status, (e.status = 'published' AND e.starts_at <= ${iso(now)}::timestamptz) AS held,
           count(r.id) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
           count(r.id) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
           count(r.id) FILTER (WHERE r.status = 'confirmed' AND r.attended)::int AS attended
    FROM events e
    LEFT JOIN event_registrations r ON r.organization_id = e.organization_id AND r.event_id = e.id
    WHERE e.organization_id = ${organizationId} AND e.status IN ('published', 'cancelled')
      AND e.starts_at >= ${iso(from)}::timestamptz AND e.starts_at < ${iso(to)}::timestamptz
    GROUP BY e.organization_id, e.id
    ORDER BY e.starts_at, e.id`);
  return rows.map((r) => ({
    eventId: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    status: r.status,
    held: r.held,
    confirmed: r.confirmed,
    waitlisted: r.waitlisted,
    attended: r.attended,
  }));
}

export interface ExpertHoursFigures {
  /** Recorded contributions (one per answered invitation). */
  entries: number;
  experts: number;
  minutes: number;
}

/** Expert hours whose work fell in the period, as the hours list of /organization/experts counts them. */
export async function expertHoursFigures(db: Tx, { organizationId, from, to }: DashboardScope): Promise<ExpertHoursFigures> {
  const { rows } = await db.execute<{ entries: number; experts: number; minutes: number }>(sql`
    SELECT count(*)::int AS entries, count(DISTINCT expert_user_id)::int AS experts, coalesce(sum(minutes), 0)::int AS minutes
    FROM expert_hours
    WHERE organization_id = ${organizationId} AND worked_at >= ${iso(from)}::timestamptz AND worked_at < ${iso(to)}::timestamptz`);
  const r = rows[0];
  return { entries: r?.entries ?? 0, experts: r?.experts ?? 0, minutes: r?.minutes ?? 0 };
}

export interface StepRows {
  /** Group steps set in the period. */
  set: number;
  /** Of those, followed up: the member marked them done, partly done or dropped. */
  followedUp: number;
  done: number;
  /** The people who set them (user ids, each once): the disclosure layer's query set, never published. */
  people: string[];
}

/** Small steps set in the groups during the period (private steps agreed in 1:1 advice are not counted). */
export async function stepRows(db: Tx, { organizationId, from, to }: DashboardScope): Promise<StepRows> {
  const { rows } = await db.execute<{ set: number; followed: number; done: number; people: string | null }>(sql`
    SELECT count(*)::int AS set,
           count(*) FILTER (WHERE status <> 'open')::int AS followed,
           count(*) FILTER (WHERE status = 'done')::int AS done,
           string_agg(DISTINCT user_id::text, ',') AS people
    FROM steps
    WHERE organization_id = ${organizationId} AND group_id IS NOT NULL
      AND created_at >= ${iso(from)}::timestamptz AND created_at < ${iso(to)}::timestamptz`);
  const r = rows[0];
  return { set: r?.set ?? 0, followedUp: r?.followed ?? 0, done: r?.done ?? 0, people: r?.people ? r.people.split(',') : [] };
}
