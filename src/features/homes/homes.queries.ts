// What each home page shows, in few queries each. Scoped to one organisation and,
// for entrepreneurs and facilitators, to the person's own groups.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';

type Row = Record<string, unknown>;
async function rows<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

export type NextMeeting = {
  id: string;
  groupId: string;
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  theme: string | null;
  format: string;
  response: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  onlineUrl: string | null;
  meetingPoint: string | null;
  whatToWear: string | null;
};

/** The entrepreneur's next meeting in each of their groups (soonest first), with their RSVP. */
export async function nextMeetingsForMember(db: Tx, { organizationId, userId, now, limit = 3 }: { organizationId: string; userId: string; now: Date; limit?: number }): Promise<NextMeeting[]> {
  const list = await rows<Row>(
    db,
    sql`SELECT m.id, m.group_id, g.name AS group_name, m.starts_at, m.ends_at, m.theme, m.format, r.response,
               m.venue_address, m.venue_room, m.online_url, m.meeting_point, m.what_to_wear
        FROM group_members gm
        JOIN groups g ON g.organization_id = gm.organization_id AND g.id = gm.group_id
        JOIN meetings m ON m.organization_id = gm.organization_id AND m.group_id = gm.group_id
        LEFT JOIN rsvps r ON r.organization_id = m.organization_id AND r.meeting_id = m.id AND r.user_id = gm.user_id
        WHERE gm.organization_id = ${organizationId} AND gm.user_id = ${userId} AND gm.left_at IS NULL
          AND m.status = 'scheduled' AND m.ends_at > ${now.toISOString()}
        ORDER BY m.starts_at LIMIT ${limit}`,
  );
  return list.map((r) => ({
    id: r.id as string,
    groupId: r.group_id as string,
    groupName: r.group_name as string,
    startsAt: new Date(r.starts_at as string),
    endsAt: new Date(r.ends_at as string),
    theme: r.theme as string | null,
    format: r.format as string,
    response: r.response as string | null,
    venueAddress: r.venue_address as string | null,
    venueRoom: r.venue_room as string | null,
    onlineUrl: r.online_url as string | null,
    meetingPoint: r.meeting_point as string | null,
    whatToWear: r.what_to_wear as string | null,
  }));
}

export type OpenStep = { id: string; text: string; dueOn: string | null; groupName: string };

/** The person's open steps (all of them, up to a sanity limit: the home decides what to show). */
export async function openStepsOf(db: Tx, { organizationId, userId, limit = 200 }: { organizationId: string; userId: string; limit?: number }): Promise<OpenStep[]> {
  const list = await rows<Row>(
    db,
    sql`SELECT s.id, s.text, s.due_on::text AS due_on, g.name AS group_name
        FROM steps s JOIN groups g ON g.organization_id = s.organization_id AND g.id = s.group_id
        WHERE s.organization_id = ${organizationId} AND s.user_id = ${userId} AND s.status = 'open'
        ORDER BY s.due_on NULLS LAST, s.created_at LIMIT ${limit}`,
  );
  return list.map((r) => ({ id: r.id as string, text: r.text as string, dueOn: r.due_on as string | null, groupName: r.group_name as string }));
}

export type BoardPostSummary = { id: string; groupId: string; groupName: string; author: string; body: string; createdAt: Date };

/** Recent visible board posts in the person's groups, not their own (newest first). */
export async function recentBoardPosts(db: Tx, { organizationId, userId, since, limit = 3 }: { organizationId: string; userId: string; since: Date; limit?: number }): Promise<BoardPostSummary[]> {
  const list = await rows<Row>(
    db,
    sql`SELECT p.id, p.group_id, g.name AS group_name, split_part(u.name, ' ', 1) AS author, left(p.body, 160) AS body, p.created_at
        FROM group_members gm
        JOIN board_posts p ON p.organization_id = gm.organization_id AND p.group_id = gm.group_id
        JOIN groups g ON g.organization_id = p.organization_id AND g.id = p.group_id
        JOIN users u ON u.id = p.author_user_id
        WHERE gm.organization_id = ${organizationId} AND gm.user_id = ${userId} AND gm.left_at IS NULL
          AND p.hidden_at IS NULL AND p.author_user_id <> ${userId} AND p.created_at > ${since.toISOString()}
        ORDER BY p.created_at DESC LIMIT ${limit}`,
  );
  return list.map((r) => ({ id: r.id as string, groupId: r.group_id as string, groupName: r.group_name as string, author: r.author as string, body: r.body as string, createdAt: new Date(r.created_at as string) }));
}

export type FacilitatedGroup = { id: string; name: string; status: string; memberCount: number; openSteps: number };
export type FacilitatorMeeting = { id: string; groupId: string; groupName: string; startsAt: Date; theme: string | null; coming: number; notComing: number; members: number };
export type AttendanceDue = { id: string; groupName: string; startsAt: Date };

/** The facilitator's groups, their next meetings with RSVP counts, and past meetings without attendance. */
export async function facilitatorOverview(db: Tx, { organizationId, userId, now }: { organizationId: string; userId: string; now: Date }) {
  const nowIso = now.toISOString();
  const [groupRows, meetingRows, dueRows] = await Promise.all([
    rows<Row>(
      db,
      sql`SELECT g.id, g.name, g.status,
            (SELECT count(*)::int FROM group_members gm WHERE gm.organization_id = g.organization_id AND gm.group_id = g.id AND gm.left_at IS NULL) AS member_count,
            (SELECT count(*)::int FROM steps s JOIN group_members gm ON gm.organization_id = s.organization_id AND gm.group_id = s.group_id AND gm.user_id = s.user_id AND gm.left_at IS NULL
              WHERE s.organization_id = g.organization_id AND s.group_id = g.id AND s.status = 'open') AS open_steps
          FROM group_facilitators f JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id
          WHERE f.organization_id = ${organizationId} AND f.user_id = ${userId} AND g.status <> 'ended'
          ORDER BY lower(g.name)`,
    ),
    rows<Row>(
      db,
      sql`SELECT m.id, m.group_id, g.name AS group_name, m.starts_at, m.theme,
            (SELECT count(*)::int FROM rsvps r WHERE r.organization_id = m.organization_id AND r.meeting_id = m.id AND r.response = 'coming') AS coming,
            (SELECT count(*)::int FROM rsvps r WHERE r.organization_id = m.organization_id AND r.meeting_id = m.id AND r.response = 'not_coming') AS not_coming,
            (SELECT count(*)::int FROM group_members gm WHERE gm.organization_id = m.organization_id AND gm.group_id = m.group_id AND gm.left_at IS NULL) AS members
          FROM group_facilitators f
          JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id
          JOIN meetings m ON m.organization_id = f.organization_id AND m.group_id = f.group_id
          WHERE f.organization_id = ${organizationId} AND f.user_id = ${userId} AND m.status = 'scheduled' AND m.ends_at > ${nowIso}
          ORDER BY m.starts_at LIMIT 5`,
    ),
    rows<Row>(
      db,
      sql`SELECT m.id, g.name AS group_name, m.starts_at
          FROM group_facilitators f
          JOIN groups g ON g.organization_id = f.organization_id AND g.id = f.group_id
          JOIN meetings m ON m.organization_id = f.organization_id AND m.group_id = f.group_id
          WHERE f.organization_id = ${organizationId} AND f.user_id = ${userId} AND m.status = 'scheduled'
            AND m.starts_at <= ${nowIso} AND m.starts_at > ${new Date(now.getTime() - 60 * 86_400_000).toISOString()}
            AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.organization_id = m.organization_id AND a.meeting_id = m.id)
          ORDER BY m.starts_at DESC LIMIT 5`,
    ),
  ]);
  return {
    groups: groupRows.map((r) => ({ id: r.id as string, name: r.name as string, status: r.status as string, memberCount: r.member_count as number, openSteps: r.open_steps as number })) as FacilitatedGroup[],
    meetings: meetingRows.map((r) => ({ id: r.id as string, groupId: r.group_id as string, groupName: r.group_name as string, startsAt: new Date(r.starts_at as string), theme: r.theme as string | null, coming: r.coming as number, notComing: r.not_coming as number, members: r.members as number })) as FacilitatorMeeting[],
    attendanceDue: dueRows.map((r) => ({ id: r.id as string, groupName: r.group_name as string, startsAt: new Date(r.starts_at as string) })) as AttendanceDue[],
  };
}

/** The coordinator's view: the intake queue, groups by status, this month's meetings (Helsinki month). */
export async function coordinatorOverview(db: Tx, { organizationId, monthStart, monthEnd }: { organizationId: string; monthStart: Date; monthEnd: Date }) {
  const [queue, statuses, meetingRows] = await Promise.all([
    rows<Row>(db, sql`SELECT status, count(*)::int AS n FROM applications WHERE organization_id = ${organizationId} AND status IN ('new', 'contacted') GROUP BY status`),
    rows<Row>(db, sql`SELECT status, count(*)::int AS n FROM groups WHERE organization_id = ${organizationId} GROUP BY status`),
    rows<Row>(
      db,
      sql`SELECT m.id, g.name AS group_name, m.starts_at, m.status, m.format
          FROM meetings m JOIN groups g ON g.organization_id = m.organization_id AND g.id = m.group_id
          WHERE m.organization_id = ${organizationId} AND m.starts_at >= ${monthStart.toISOString()} AND m.starts_at < ${monthEnd.toISOString()}
          ORDER BY m.starts_at`,
    ),
  ]);
  const count = (list: Row[], status: string) => (list.find((r) => r.status === status)?.n as number | undefined) ?? 0;
  return {
    applications: { new: count(queue, 'new'), contacted: count(queue, 'contacted') },
    groups: { forming: count(statuses, 'forming'), active: count(statuses, 'active'), paused: count(statuses, 'paused'), ended: count(statuses, 'ended') },
    meetings: meetingRows.map((r) => ({ id: r.id as string, groupName: r.group_name as string, startsAt: new Date(r.starts_at as string), status: r.status as string, format: r.format as string })),
  };
}

/**
 * An expert's own upcoming segments, each with its window: it begins after the agenda items before
 * it (their minutes from the meeting's start) and lasts its own minutes. The online link goes with
 * it; the page offers it only during the window.
 */
export async function expertSegments(db: Tx, { organizationId, userId, now }: { organizationId: string; userId: string; now: Date }) {
  const list = await rows<Row>(
    db,
    sql`SELECT x.meeting_id AS id, x.starts_at, x.topic, x.format, x.online_url,
               x.starts_at + make_interval(mins => x.before) AS segment_starts_at,
               x.starts_at + make_interval(mins => x.before + x.minutes) AS segment_ends_at
        FROM (
          SELECT m.id AS meeting_id, m.starts_at, m.format, m.online_url, m.status, m.ends_at, a.topic, a.minutes, a.expert_user_id,
                 COALESCE(sum(a.minutes) OVER (PARTITION BY a.meeting_id ORDER BY a.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS before
          FROM agenda_items a JOIN meetings m ON m.organization_id = a.organization_id AND m.id = a.meeting_id
          WHERE a.organization_id = ${organizationId} AND m.status = 'scheduled' AND m.ends_at > ${now.toISOString()}
        ) x
        WHERE x.expert_user_id = ${userId}
        ORDER BY x.starts_at LIMIT 10`,
  );
  return list.map((r) => ({
    id: r.id as string,
    startsAt: new Date(r.starts_at as string),
    topic: r.topic as string | null,
    format: r.format as string,
    onlineUrl: r.online_url as string | null,
    segmentStartsAt: new Date(r.segment_starts_at as string),
    segmentEndsAt: new Date(r.segment_ends_at as string),
  }));
}

/**
 * For each of the person's groups with at least two meetings that have begun (cancelled ones do
 * not count), the start of the second-to-last one: closed steps set before it fold under "older".
 */
export async function stepFoldCutoffs(db: Tx, { organizationId, userId, now }: { organizationId: string; userId: string; now: Date }): Promise<Map<string, Date>> {
  const list = await rows<Row>(
    db,
    sql`SELECT group_id, starts_at FROM (
          SELECT m.group_id, m.starts_at, row_number() OVER (PARTITION BY m.group_id ORDER BY m.starts_at DESC) AS n
          FROM group_members gm
          JOIN meetings m ON m.organization_id = gm.organization_id AND m.group_id = gm.group_id
          WHERE gm.organization_id = ${organizationId} AND gm.user_id = ${userId}
            AND m.status <> 'cancelled' AND m.starts_at <= ${now.toISOString()}
        ) x WHERE n = 2`,
  );
  return new Map(list.map((r) => [r.group_id as string, new Date(r.starts_at as string)]));
}
