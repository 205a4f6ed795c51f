// Data access for programmes. Programme-scoped functions take the programme's lead organisation
// (`organizationId`) and id; an organisation's links take that organisation's id.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { ParticipantDataResource, ProgrammeResource } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';
import { utcToZoned } from '../meetings/zoned-time.ts';
import {
  programmeFunders,
  programmeGroups,
  programmeOrganizations,
  programmeParticipantEnds,
  programmeParticipantStarts,
  programmes,
  programmeTargets,
} from './programmes.schema.ts';

export type Programme = typeof programmes.$inferSelect;
export type ParticipantStart = typeof programmeParticipantStarts.$inferSelect;
export type ParticipantEnd = typeof programmeParticipantEnds.$inferSelect;

/** The kinds of activity that belong to a programme (courses: see programmes.schema.ts). */
export const activityKinds = ['group', 'event', 'advice'] as const;
export type ActivityKind = (typeof activityKinds)[number];

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Tx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

export interface LoadedProgramme {
  programme: Programme;
  leadOrganizationName: string;
  resource: ProgrammeResource;
}

/** A programme by its id (any organisation: the policy decides who may see it), with who takes part and its funders. */
export async function loadProgramme(db: Tx, { programmeId }: { programmeId: string }): Promise<LoadedProgramme | null> {
  const [found] = await db
    .select({ programme: programmes, leadOrganizationName: organizations.name })
    .from(programmes)
    .innerJoin(organizations, eq(organizations.id, programmes.organizationId))
    .where(eq(programmes.id, programmeId));
  if (!found) return null;
  const key = { organizationId: found.programme.organizationId, programmeId };
  const [taking, funders] = await Promise.all([
    db
      .select({ organizationId: programmeOrganizations.organizationId })
      .from(programmeOrganizations)
      .where(and(eq(programmeOrganizations.programmeOrganizationId, key.organizationId), eq(programmeOrganizations.programmeId, programmeId))),
    db
      .select({ userId: programmeFunders.userId })
      .from(programmeFunders)
      .where(and(eq(programmeFunders.organizationId, key.organizationId), eq(programmeFunders.programmeId, programmeId))),
  ]);
  return {
    programme: found.programme,
    leadOrganizationName: found.leadOrganizationName,
    resource: {
      organizationId: key.organizationId,
      participatingOrganizationIds: taking.map((t) => t.organizationId),
      funderUserIds: funders.map((f) => f.userId),
    },
  };
}

export interface ProgrammeListItem {
  id: string;
  name: string;
  funder: string;
  projectCode: string;
  indicatorSet: Programme['indicatorSet'];
  startsOn: string;
  endsOn: string;
  leadOrganizationName: string;
  lead: boolean;
  groups: number;
  events: number;
  sessions: number;
}

/** The programmes an organisation leads or takes part in, newest first, with its own linked activities counted. */
export async function listProgrammesOf(db: Tx, { organizationId }: { organizationId: string }): Promise<ProgrammeListItem[]> {
  const found = await rows<{
    id: string;
    name: string;
    funder: string;
    project_code: string;
    indicator_set: Programme['indicatorSet'];
    starts_on: string;
    ends_on: string;
    lead_name: string;
    lead: boolean;
    groups: number;
    events: number;
    sessions: number;
  }>(
    db,
    sql`SELECT p.id, p.name, p.funder, p.project_code, p.indicator_set, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on,
          o.name AS lead_name, p.organization_id = ${organizationId} AS lead,
          (SELECT count(*)::int FROM programme_groups g WHERE g.organization_id = ${organizationId} AND g.programme_organization_id = p.organization_id AND g.programme_id = p.id) AS groups,
          (SELECT count(*)::int FROM programme_events e WHERE e.organization_id = ${organizationId} AND e.programme_organization_id = p.organization_id AND e.programme_id = p.id) AS events,
          (SELECT count(*)::int FROM programme_advice_sessions s WHERE s.organization_id = ${organizationId} AND s.programme_organization_id = p.organization_id AND s.programme_id = p.id) AS sessions
        FROM programmes p JOIN organizations o ON o.id = p.organization_id
        WHERE p.organization_id = ${organizationId}
           OR EXISTS (SELECT 1 FROM programme_organizations po WHERE po.organization_id = ${organizationId} AND po.programme_organization_id = p.organization_id AND po.programme_id = p.id)
        ORDER BY p.starts_on DESC, p.name`,
  );
  return found.map((r) => ({
    id: r.id,
    name: r.name,
    funder: r.funder,
    projectCode: r.project_code,
    indicatorSet: r.indicator_set,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    leadOrganizationName: r.lead_name,
    lead: r.lead,
    groups: r.groups,
    events: r.events,
    sessions: r.sessions,
  }));
}

export async function targetsOf(db: Tx, { organizationId, programmeId }: { organizationId: string; programmeId: string }): Promise<Map<string, number>> {
  const found = await db
    .select({ code: programmeTargets.indicatorCode, planned: programmeTargets.planned })
    .from(programmeTargets)
    .where(and(eq(programmeTargets.organizationId, organizationId), eq(programmeTargets.programmeId, programmeId)));
  return new Map(found.map((t) => [t.code, t.planned]));
}

export interface LinkCandidate {
  id: string;
  label: string;
  /** When: a group's creation, an event's or session's start (ISO). */
  at: string;
  /** Linked to this programme. */
  linked: boolean;
  /** The name of another programme it belongs to, if any (it cannot be linked here then). */
  otherProgramme: string | null;
}

/** The organisation's groups, events and advice sessions (within the programme's dates, for events and sessions) to link. */
export async function linkCandidates(
  db: Tx,
  { organizationId, programme }: { organizationId: string; programme: Pick<Programme, 'organizationId' | 'id' | 'startsOn' | 'endsOn'> },
): Promise<Record<ActivityKind, LinkCandidate[]>> {
  type R = { id: string; label: string; at: Date | string; programme_id: string | null; programme_org: string | null; programme_name: string | null };
  const from = programme.startsOn;
  const to = programme.endsOn;
  const [groupRows, eventRows, sessionRows] = await Promise.all([
    rows<R>(
      db,
      sql`SELECT g.id, g.name AS label, g.created_at AS at, l.programme_id, l.programme_organization_id AS programme_org, p.name AS programme_name
          FROM groups g
          LEFT JOIN programme_groups l ON l.organization_id = g.organization_id AND l.group_id = g.id
          LEFT JOIN programmes p ON p.organization_id = l.programme_organization_id AND p.id = l.programme_id
          WHERE g.organization_id = ${organizationId} ORDER BY g.name LIMIT 500`,
    ),
    rows<R>(
      db,
      sql`SELECT e.id, e.title AS label, e.starts_at AS at, l.programme_id, l.programme_organization_id AS programme_org, p.name AS programme_name
          FROM events e
          LEFT JOIN programme_events l ON l.organization_id = e.organization_id AND l.event_id = e.id
          LEFT JOIN programmes p ON p.organization_id = l.programme_organization_id AND p.id = l.programme_id
          WHERE e.organization_id = ${organizationId}
            AND (l.programme_id IS NOT NULL OR (e.starts_at >= ${from}::date AND e.starts_at < ${to}::date + 1))
          ORDER BY e.starts_at LIMIT 500`,
    ),
    rows<R>(
      db,
      sql`SELECT s.id, s.topic AS label, s.starts_at AS at, l.programme_id, l.programme_organization_id AS programme_org, p.name AS programme_name
          FROM advice_sessions s
          LEFT JOIN programme_advice_sessions l ON l.organization_id = s.organization_id AND l.session_id = s.id
          LEFT JOIN programmes p ON p.organization_id = l.programme_organization_id AND p.id = l.programme_id
          WHERE s.organization_id = ${organizationId} AND s.status IN ('booked', 'held')
            AND (l.programme_id IS NOT NULL OR (s.starts_at >= ${from}::date AND s.starts_at < ${to}::date + 1))
          ORDER BY s.starts_at LIMIT 500`,
    ),
  ]);
  const shape = (r: R): LinkCandidate => {
    const here = r.programme_id === programme.id && r.programme_org === programme.organizationId;
    return { id: r.id, label: r.label, at: new Date(r.at).toISOString(), linked: here, otherProgramme: r.programme_id && !here ? r.programme_name : null };
  };
  return { group: groupRows.map(shape), event: eventRows.map(shape), advice: sessionRows.map(shape) };
}

/** The programme's funders, and the lead organisation's funder members who could be granted. */
export async function fundersOf(db: Tx, { organizationId, programmeId }: { organizationId: string; programmeId: string }) {
  const [granted, candidates] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(programmeFunders)
      .innerJoin(users, eq(users.id, programmeFunders.userId))
      .where(and(eq(programmeFunders.organizationId, organizationId), eq(programmeFunders.programmeId, programmeId)))
      .orderBy(asc(users.name)),
    db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'funder')))
      .orderBy(asc(users.name)),
  ]);
  const grantedIds = new Set(granted.map((g) => g.userId));
  return { granted, candidates: candidates.filter((c) => !grantedIds.has(c.userId)) };
}

/** The organisations taking part, and the others that could be added (names only). */
export async function organizationsOf(db: Tx, loaded: LoadedProgramme) {
  const all = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name));
  const taking = new Set(loaded.resource.participatingOrganizationIds);
  return {
    participating: all.filter((o) => taking.has(o.id)),
    addable: all.filter((o) => !taking.has(o.id) && o.id !== loaded.programme.organizationId),
  };
}

/** A person's place in one programme: the groups of it they joined, and their start and end rows. */
export interface ParticipantContext {
  programme: Programme;
  /** The first day they joined a group of the programme (Helsinki), or null when they never did. */
  joinedOn: string | null;
  /** Whether every membership of theirs in the programme's groups has ended. */
  leftAll: boolean;
  lastLeftOn: string | null;
  start: ParticipantStart | null;
  end: ParticipantEnd | null;
  resource: ParticipantDataResource;
}

const helsinkiDate = (d: Date) => utcToZoned(d).date;

/** Memberships of a person in groups that belong to a programme, per programme (any organisation). */
async function programmeMemberships(db: Tx, userId: string, programmeId?: string) {
  return rows<{ programme_id: string; programme_org: string; joined_at: Date; left_at: Date | null }>(
    db,
    sql`SELECT l.programme_id, l.programme_organization_id AS programme_org, m.joined_at, m.left_at
        FROM group_members m
        JOIN programme_groups l ON l.organization_id = m.organization_id AND l.group_id = m.group_id
        WHERE m.user_id = ${userId} ${programmeId ? sql`AND l.programme_id = ${programmeId}` : sql``}`,
  );
}

function contextOf(programme: Programme, userId: string, member: { joined_at: Date; left_at: Date | null }[], start: ParticipantStart | null, end: ParticipantEnd | null): ParticipantContext {
  const joined = member.map((m) => new Date(m.joined_at)).sort((a, b) => a.getTime() - b.getTime());
  const lefts = member.map((m) => (m.left_at ? new Date(m.left_at) : null));
  const leftAll = member.length > 0 && lefts.every((l) => l !== null);
  const lastLeft = leftAll ? (lefts as Date[]).sort((a, b) => b.getTime() - a.getTime())[0]! : null;
  return {
    programme,
    joinedOn: joined[0] ? helsinkiDate(joined[0]) : null,
    leftAll,
    lastLeftOn: lastLeft ? helsinkiDate(lastLeft) : null,
    start,
    end,
    resource: { organizationId: programme.organizationId, userId, isParticipant: member.length > 0 },
  };
}

/** One person's context in one programme (null when the programme does not exist). */
export async function participantContext(db: Tx, { userId, programmeId }: { userId: string; programmeId: string }): Promise<ParticipantContext | null> {
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!programme) return null;
  const key = and(eq(programmeParticipantStarts.organizationId, programme.organizationId), eq(programmeParticipantStarts.programmeId, programmeId), eq(programmeParticipantStarts.userId, userId));
  const [member, [start], [end]] = await Promise.all([
    programmeMemberships(db, userId, programmeId),
    db.select().from(programmeParticipantStarts).where(key),
    db
      .select()
      .from(programmeParticipantEnds)
      .where(and(eq(programmeParticipantEnds.organizationId, programme.organizationId), eq(programmeParticipantEnds.programmeId, programmeId), eq(programmeParticipantEnds.userId, userId))),
  ]);
  return contextOf(programme, userId, member, start ?? null, end ?? null);
}

export interface PendingForm {
  programmeId: string;
  programmeName: string;
  form: 'start' | 'end';
}

/**
 * The start and end forms waiting for this person: a start form for each programme whose group
 * they joined without start data; an end form once they have left every group of it (or the
 * programme has ended) and not yet told how they left. Event registrations never count.
 */
export async function pendingParticipantForms(db: Tx, { userId, today }: { userId: string; today: string }): Promise<PendingForm[]> {
  const member = await programmeMemberships(db, userId);
  if (member.length === 0) return [];
  const ids = [...new Set(member.map((m) => m.programme_id))];
  const [found, starts, ends] = await Promise.all([
    db.select().from(programmes).where(inArray(programmes.id, ids)),
    db.select().from(programmeParticipantStarts).where(and(eq(programmeParticipantStarts.userId, userId), inArray(programmeParticipantStarts.programmeId, ids))),
    db.select().from(programmeParticipantEnds).where(and(eq(programmeParticipantEnds.userId, userId), inArray(programmeParticipantEnds.programmeId, ids))),
  ]);
  const out: PendingForm[] = [];
  for (const programme of found.sort((a, b) => a.name.localeCompare(b.name, 'fi'))) {
    const mine = member.filter((m) => m.programme_id === programme.id && m.programme_org === programme.organizationId);
    if (mine.length === 0) continue;
    const start = starts.find((s) => s.programmeId === programme.id && s.organizationId === programme.organizationId) ?? null;
    const end = ends.find((e) => e.programmeId === programme.id && e.organizationId === programme.organizationId) ?? null;
    const context = contextOf(programme, userId, mine, start, end);
    if (!start) out.push({ programmeId: programme.id, programmeName: programme.name, form: 'start' });
    else if (!end && (context.leftAll || programme.endsOn < today)) out.push({ programmeId: programme.id, programmeName: programme.name, form: 'end' });
  }
  return out;
}

/** The pending forms of the programme a group belongs to, for its page. */
export async function programmeOfGroup(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  const [found] = await db
    .select({ programmeId: programmeGroups.programmeId, programmeOrganizationId: programmeGroups.programmeOrganizationId, name: programmes.name })
    .from(programmeGroups)
    .innerJoin(programmes, and(eq(programmes.organizationId, programmeGroups.programmeOrganizationId), eq(programmes.id, programmeGroups.programmeId)))
    .where(and(eq(programmeGroups.organizationId, organizationId), eq(programmeGroups.groupId, groupId)));
  return found ?? null;
}

export interface ParticipantRow {
  userId: string;
  name: string;
  start: ParticipantStart;
  end: ParticipantEnd | null;
}

/** Every participant's start and end rows of a programme, for its lead organisation's reporting. */
export async function participantRows(db: Tx, { organizationId, programmeId }: { organizationId: string; programmeId: string }): Promise<ParticipantRow[]> {
  const found = await db
    .select({ start: programmeParticipantStarts, end: programmeParticipantEnds, name: users.name })
    .from(programmeParticipantStarts)
    .innerJoin(users, eq(users.id, programmeParticipantStarts.userId))
    .leftJoin(
      programmeParticipantEnds,
      and(
        eq(programmeParticipantEnds.organizationId, programmeParticipantStarts.organizationId),
        eq(programmeParticipantEnds.programmeId, programmeParticipantStarts.programmeId),
        eq(programmeParticipantEnds.userId, programmeParticipantStarts.userId),
      ),
    )
    .where(and(eq(programmeParticipantStarts.organizationId, organizationId), eq(programmeParticipantStarts.programmeId, programmeId)))
    .orderBy(asc(users.name));
  return found.map((r) => ({ userId: r.start.userId, name: r.name, start: r.start, end: r.end }));
}

/** The programmes this person is granted as funder, in the organisations where they are a funder. */
export async function fundedProgrammes(db: Tx, { userId, organizationIds }: { userId: string; organizationIds: readonly string[] }) {
  if (organizationIds.length === 0) return [];
  return db
    .select({
      id: programmes.id,
      name: programmes.name,
      funder: programmes.funder,
      fundingProgramme: programmes.fundingProgramme,
      projectCode: programmes.projectCode,
      indicatorSet: programmes.indicatorSet,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      leadOrganizationName: organizations.name,
    })
    .from(programmeFunders)
    .innerJoin(programmes, and(eq(programmes.organizationId, programmeFunders.organizationId), eq(programmes.id, programmeFunders.programmeId)))
    .innerJoin(organizations, eq(organizations.id, programmes.organizationId))
    .where(and(inArray(programmeFunders.organizationId, [...organizationIds]), eq(programmeFunders.userId, userId)))
    .orderBy(asc(programmes.startsOn));
}

/** The activities linked to a programme, counted per kind across every organisation taking part. */
export async function activityCounts(db: Tx, { organizationId, programmeId }: { organizationId: string; programmeId: string }): Promise<Record<ActivityKind, number>> {
  const [r] = await rows<{ groups: number; events: number; sessions: number }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM programme_groups WHERE programme_organization_id = ${organizationId} AND programme_id = ${programmeId}) AS groups,
          (SELECT count(*)::int FROM programme_events WHERE programme_organization_id = ${organizationId} AND programme_id = ${programmeId}) AS events,
          (SELECT count(*)::int FROM programme_advice_sessions WHERE programme_organization_id = ${organizationId} AND programme_id = ${programmeId}) AS sessions`,
  );
  return { group: r?.groups ?? 0, event: r?.events ?? 0, advice: r?.sessions ?? 0 };
}
