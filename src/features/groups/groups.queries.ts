// Data access for peer groups. Every function takes (db, { organizationId, … }).
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { GroupResource } from '../../platform/policy/group.policy.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { groupAgreements, groupFacilitators, groupMembers, groups, type GroupStatus } from './groups.schema.ts';

export type Group = typeof groups.$inferSelect;
export type GroupWithPeople = Group & GroupResource;

/** The group with its facilitators and current members (those who have not left), or null. */
export async function findGroupResource(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<GroupWithPeople | null> {
  const [group] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  if (!group) return null;
  // One after the other: inside a transaction there is one connection, and pg refuses overlapping queries on it.
  const facilitators = await db
    .select({ userId: groupFacilitators.userId })
    .from(groupFacilitators)
    .where(and(eq(groupFacilitators.organizationId, organizationId), eq(groupFacilitators.groupId, groupId)));
  const members = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)));
  return { ...group, facilitatorUserIds: facilitators.map((f) => f.userId), memberUserIds: members.map((m) => m.userId) };
}

export type GroupListRow = { id: string; name: string; status: GroupStatus; format: string; memberCount: number; nextMeetingAt: Date | null };

/**
 * Groups of the organisation: all of them for those who manage groups, otherwise
 * those the person facilitates or belongs to. With member counts and the next meeting.
 */
export async function listGroups(
  db: Tx,
  { organizationId, userId, all, status, now = new Date() }: { organizationId: string; userId: string; all: boolean; status?: GroupStatus | null; now?: Date },
): Promise<GroupListRow[]> {
  const where: SQL[] = [eq(groups.organizationId, organizationId)];
  if (status) where.push(eq(groups.status, status));
  if (!all) {
    where.push(
      or(
        sql`EXISTS (SELECT 1 FROM group_facilitators f WHERE f.organization_id = "groups"."organization_id" AND f.group_id = "groups"."id" AND f.user_id = ${userId})`,
        sql`EXISTS (SELECT 1 FROM group_members m WHERE m.organization_id = "groups"."organization_id" AND m.group_id = "groups"."id" AND m.user_id = ${userId} AND m.left_at IS NULL)`,
      )!,
    );
  }
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      status: groups.status,
      format: groups.format,
      // Qualified by hand: inside a select list Drizzle writes a column unqualified, which the subquery would resolve to its own table.
      memberCount: sql<number>`(SELECT count(*)::int FROM group_members m WHERE m.organization_id = "groups"."organization_id" AND m.group_id = "groups"."id" AND m.left_at IS NULL)`,
      nextMeetingAt: sql<
        string | null
      >`(SELECT min(mt.starts_at) FROM meetings mt WHERE mt.organization_id = "groups"."organization_id" AND mt.group_id = "groups"."id" AND mt.status = 'scheduled' AND mt.starts_at > ${now.toISOString()})`,
    })
    .from(groups)
    .where(and(...where))
    .orderBy(asc(sql`lower(${groups.name})`));
  return rows.map((r) => ({ ...r, nextMeetingAt: r.nextMeetingAt ? new Date(r.nextMeetingAt) : null }));
}

export type GroupPerson = {
  userId: string;
  name: string;
  email: string;
  companyName: string | null;
  showCompany: boolean;
  agreementVersion: number | null;
  locale: string | null;
  hasPhoto: boolean;
};

/** The group's facilitators and current members, with what members chose to show. */
export async function listGroupPeople(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  // Sequential on purpose: also called inside transactions (one connection).
  const facilitators = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(groupFacilitators)
    .innerJoin(users, eq(users.id, groupFacilitators.userId))
    .where(and(eq(groupFacilitators.organizationId, organizationId), eq(groupFacilitators.groupId, groupId)))
    .orderBy(asc(users.name));
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      companyName: companies.name,
      showCompany: groupMembers.showCompany,
      agreementVersion: groupMembers.agreementVersion,
      hasPhoto: sql<boolean>`${groupMembers.photoPath} IS NOT NULL`,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(
      entrepreneurProfiles,
      and(eq(entrepreneurProfiles.organizationId, groupMembers.organizationId), eq(entrepreneurProfiles.userId, groupMembers.userId)),
    )
    .leftJoin(companies, and(eq(companies.organizationId, entrepreneurProfiles.organizationId), eq(companies.id, entrepreneurProfiles.companyId)))
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)))
    .orderBy(asc(users.name));
  return { facilitators, members: members as GroupPerson[] };
}

/** People of the organisation who may facilitate: facilitators, trainees and coordinators. */
export async function listFacilitatorCandidates(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ['facilitator', 'trainee', 'coordinator'])))
    .orderBy(asc(users.name));
}

/** Entrepreneurs of the organisation who are not in this group now. */
export async function listMemberCandidates(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }) {
  return db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'entrepreneur'),
        sql`NOT EXISTS (SELECT 1 FROM ${groupMembers} m WHERE m.organization_id = ${organizationId} AND m.group_id = ${groupId} AND m.user_id = ${users.id} AND m.left_at IS NULL)`,
      ),
    )
    .orderBy(asc(users.name));
}

export type GroupAgreement = typeof groupAgreements.$inferSelect;

/** The organisation's current (latest) group agreement, or null. */
export async function findCurrentAgreement(db: Tx, { organizationId }: { organizationId: string }): Promise<GroupAgreement | null> {
  const [row] = await db
    .select()
    .from(groupAgreements)
    .where(eq(groupAgreements.organizationId, organizationId))
    .orderBy(desc(groupAgreements.version))
    .limit(1);
  return row ?? null;
}

export async function listAgreementVersions(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({ version: groupAgreements.version, createdAt: groupAgreements.createdAt })
    .from(groupAgreements)
    .where(eq(groupAgreements.organizationId, organizationId))
    .orderBy(desc(groupAgreements.version));
}

/** The member's row in the group (current members only), or null. */
export async function findMembership(db: Tx, { organizationId, groupId, userId }: { organizationId: string; groupId: string; userId: string }) {
  const [row] = await db
    .select()
    .from(groupMembers)
    .where(
      and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNull(groupMembers.leftAt)),
    );
  return row ?? null;
}

/** A person who was in this group and has left it (the undo of a removal names them), or null. */
export async function findLeftMember(db: Tx, { organizationId, groupId, userId }: { organizationId: string; groupId: string; userId: string }) {
  const [row] = await db
    .select({ userId: users.id, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNotNull(groupMembers.leftAt)));
  return row ?? null;
}
