// Data access for experts. Every function takes (db, { organizationId, … }).
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { ExpertResource } from '../../platform/policy/expert.policy.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { expertHours, expertInvitations, expertProfiles } from './experts.schema.ts';

export type ExpertProfile = typeof expertProfiles.$inferSelect;
export type ExpertInvitation = typeof expertInvitations.$inferSelect;
export type ExpertHoursRow = typeof expertHours.$inferSelect;

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** An expert of the organisation (a membership with the role expert) with their profile if written. */
export async function findExpert(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const [found] = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale, profile: expertProfiles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(expertProfiles, and(eq(expertProfiles.organizationId, memberships.organizationId), eq(expertProfiles.userId, memberships.userId)))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId), eq(memberships.role, 'expert')));
  return found ?? null;
}

export function expertResource(
  organizationId: string,
  expertUserId: string,
  profile: Pick<ExpertProfile, 'publicInDirectory'> | null,
  extra: { facilitatorUserIds?: readonly string[]; invitationStatus?: ExpertResource['invitationStatus'] } = {},
): ExpertResource {
  return {
    organizationId,
    expertUserId,
    publicInDirectory: profile?.publicInDirectory ?? true,
    facilitatorUserIds: extra.facilitatorUserIds ?? [],
    invitationStatus: extra.invitationStatus ?? null,
  };
}

export interface DirectoryFilter {
  q?: string;
  topic?: string;
  language?: string;
  region?: string;
  /** Coordinators see the profiles kept out of the directory too. */
  includeUnlisted: boolean;
}

/** The organisation's experts, filtered by words, a topic, a language and a region (case-insensitive). */
export async function listDirectory(db: Tx, { organizationId, filter }: { organizationId: string; filter: DirectoryFilter }) {
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const conditions = [sql`m.organization_id = ${organizationId}`, sql`m.role = 'expert'`];
  if (!filter.includeUnlisted) conditions.push(sql`COALESCE(p.public_in_directory, true)`);
  if (filter.topic) conditions.push(sql`EXISTS (SELECT 1 FROM unnest(p.topics) t WHERE t ILIKE ${like(filter.topic)})`);
  if (filter.language) conditions.push(sql`${filter.language} = ANY(p.languages)`);
  if (filter.region) conditions.push(sql`p.region ILIKE ${like(filter.region)}`);
  if (filter.q)
    conditions.push(sql`(u.name ILIKE ${like(filter.q)} OR p.bio ILIKE ${like(filter.q)} OR array_to_string(p.topics, ' ') ILIKE ${like(filter.q)})`);
  const list = await rows<Row>(
    db,
    sql`SELECT u.id, u.name, p.topics, p.languages, p.region, p.bio, p.public_in_directory, p.photo_storage_key IS NOT NULL AS has_photo
        FROM memberships m JOIN users u ON u.id = m.user_id
        LEFT JOIN expert_profiles p ON p.organization_id = m.organization_id AND p.user_id = m.user_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY u.name, u.id LIMIT 200`,
  );
  return list.map((r) => ({
    userId: r.id as string,
    name: r.name as string,
    topics: (r.topics as string[] | null) ?? [],
    languages: (r.languages as string[] | null) ?? [],
    region: (r.region as string | null) ?? '',
    bio: (r.bio as string | null) ?? '',
    publicInDirectory: (r.public_in_directory as boolean | null) ?? true,
    hasPhoto: r.has_photo === true,
  }));
}

/** An agenda item's own window: after the items before it, for its own minutes. */
export interface Segment {
  meetingId: string;
  agendaItemId: string;
  position: number;
  groupId: string;
  groupName: string;
  topic: string | null;
  minutes: number;
  expertUserId: string | null;
  startsAt: Date;
  meetingStatus: string;
  facilitatorUserIds: string[];
}

function segmentOf(r: Row): Segment {
  return {
    meetingId: r.meeting_id as string,
    agendaItemId: r.id as string,
    position: Number(r.position),
    groupId: r.group_id as string,
    groupName: r.group_name as string,
    topic: (r.topic as string | null) ?? (r.title as string | null),
    minutes: Number(r.minutes),
    expertUserId: r.expert_user_id as string | null,
    startsAt: new Date(r.segment_starts_at as string),
    meetingStatus: r.status as string,
    facilitatorUserIds: (r.facilitator_user_ids as string[] | null) ?? [],
  };
}

const segmentSelect = sql`SELECT x.*, x.starts_at + make_interval(mins => x.before) AS segment_starts_at FROM (
    SELECT a.id, a.meeting_id, a.position, a.kind, a.topic, a.title, a.minutes, a.expert_user_id, m.starts_at, m.status, m.group_id, g.name AS group_name,
           COALESCE(sum(a.minutes) OVER (PARTITION BY a.meeting_id ORDER BY a.position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS before,
           ARRAY(SELECT gf.user_id FROM group_facilitators gf WHERE gf.organization_id = m.organization_id AND gf.group_id = m.group_id) AS facilitator_user_ids
    FROM agenda_items a JOIN meetings m ON m.organization_id = a.organization_id AND m.id = a.meeting_id
    JOIN groups g ON g.organization_id = m.organization_id AND g.id = m.group_id`;

/** The expert segments of upcoming scheduled meetings (for the invitation form). */
export async function listUpcomingSegments(db: Tx, { organizationId, now }: { organizationId: string; now: Date }): Promise<Segment[]> {
  const list = await rows<Row>(
    db,
    sql`${segmentSelect} WHERE a.organization_id = ${organizationId} AND m.status = 'scheduled' AND m.starts_at > ${now.toISOString()}) x
        WHERE x.kind = 'expert_segment' ORDER BY x.starts_at, x.position LIMIT 100`,
  );
  return list.map(segmentOf);
}

/** One agenda item of a meeting, by its id or else (the agenda was saved again) by its position. */
export async function findSegment(db: Tx, { organizationId, meetingId, agendaItemId, position }: { organizationId: string; meetingId: string; agendaItemId: string | null; position: number | null }) {
  const list = await rows<Row>(db, sql`${segmentSelect} WHERE a.organization_id = ${organizationId} AND a.meeting_id = ${meetingId}) x WHERE x.kind = 'expert_segment'`);
  const segments = list.map(segmentOf);
  return segments.find((s) => s.agendaItemId === agendaItemId) ?? segments.find((s) => s.position === position) ?? null;
}

/** Upcoming events that are not cancelled (the coordinator's invitation form). */
export async function listUpcomingEvents(db: Tx, { organizationId, now }: { organizationId: string; now: Date }) {
  const list = await rows<Row>(
    db,
    sql`SELECT id, title, starts_at, ends_at FROM events WHERE organization_id = ${organizationId} AND status <> 'cancelled' AND starts_at > ${now.toISOString()} ORDER BY starts_at LIMIT 100`,
  );
  return list.map((r) => ({ id: r.id as string, title: r.title as string, startsAt: new Date(r.starts_at as string), endsAt: new Date(r.ends_at as string) }));
}

export async function findInvitation(db: Tx, { organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const [found] = await db
    .select()
    .from(expertInvitations)
    .where(and(eq(expertInvitations.organizationId, organizationId), eq(expertInvitations.id, invitationId)));
  return found ?? null;
}

/** What the expert sees of an invitation: the segment's time, length and topic, or the event's title; nothing else of the group. */
export async function invitationView(db: Tx, invitation: ExpertInvitation) {
  const [inviter] = invitation.invitedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, invitation.invitedBy)) : [];
  if (invitation.eventId) {
    const [event] = await rows<Row>(db, sql`SELECT title, venue FROM events WHERE organization_id = ${invitation.organizationId} AND id = ${invitation.eventId}`);
    return { kind: 'event' as const, title: (event?.title as string) ?? '', place: (event?.venue as string | null) ?? null, inviterName: inviter?.name ?? null };
  }
  const segment = await findSegment(db, { organizationId: invitation.organizationId, meetingId: invitation.meetingId!, agendaItemId: invitation.agendaItemId, position: invitation.agendaPosition });
  return { kind: 'segment' as const, title: segment?.topic ?? '', place: null, inviterName: inviter?.name ?? null };
}

/** The expert's open invitations (their home). */
export async function pendingInvitationsFor(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  return db
    .select({ id: expertInvitations.id, startsAt: expertInvitations.startsAt, minutes: expertInvitations.minutes, eventId: expertInvitations.eventId })
    .from(expertInvitations)
    .where(and(eq(expertInvitations.organizationId, organizationId), eq(expertInvitations.expertUserId, userId), eq(expertInvitations.status, 'pending')))
    .orderBy(asc(expertInvitations.startsAt));
}

/** Invitations to one expert (their profile page, for staff). */
export async function invitationsOf(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  return db
    .select()
    .from(expertInvitations)
    .where(and(eq(expertInvitations.organizationId, organizationId), eq(expertInvitations.expertUserId, userId)))
    .orderBy(asc(expertInvitations.startsAt))
    .limit(100);
}

/** Hours given in [from, to), per row with the expert's name; optionally one expert's. */
export async function listHours(db: Tx, { organizationId, from, to, expertUserId }: { organizationId: string; from: Date; to: Date; expertUserId?: string }) {
  return db
    .select({ id: expertHours.id, expertUserId: expertHours.expertUserId, name: users.name, workedAt: expertHours.workedAt, minutes: expertHours.minutes, note: expertHours.note, invitationId: expertHours.invitationId })
    .from(expertHours)
    .innerJoin(users, eq(users.id, expertHours.expertUserId))
    .where(
      and(
        eq(expertHours.organizationId, organizationId),
        gte(expertHours.workedAt, from),
        lt(expertHours.workedAt, to),
        ...(expertUserId ? [eq(expertHours.expertUserId, expertUserId)] : []),
      ),
    )
    .orderBy(asc(users.name), asc(expertHours.workedAt));
}

export async function findHours(db: Tx, { organizationId, hoursId }: { organizationId: string; hoursId: string }) {
  const [found] = await db.select().from(expertHours).where(and(eq(expertHours.organizationId, organizationId), eq(expertHours.id, hoursId)));
  return found ?? null;
}

/** The hours recorded for one invitation, if any. */
export async function hoursOfInvitation(db: Tx, { organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const [found] = await db
    .select({ id: expertHours.id, minutes: expertHours.minutes, note: expertHours.note })
    .from(expertHours)
    .where(and(eq(expertHours.organizationId, organizationId), eq(expertHours.invitationId, invitationId)));
  return found ?? null;
}
