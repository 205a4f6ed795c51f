// Data access for peer groups. Every function takes (db, { organizationId, … }).
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { GroupResource } from '../../platform/policy/group.policy.ts';
import { groupFacilitators, groupMembers, groups } from './groups.schema.ts';

export type Group = typeof groups.$inferSelect;
export type GroupWithPeople = Group & GroupResource;

/** The group with its facilitators and current members (those who have not left), or null. */
export async function findGroupResource(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<GroupWithPeople | null> {
  const [group] = await db.select().from(groups).where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  if (!group) return null;
  const [facilitators, members] = await Promise.all([
    db.select({ userId: groupFacilitators.userId }).from(groupFacilitators).where(and(eq(groupFacilitators.organizationId, organizationId), eq(groupFacilitators.groupId, groupId))),
    db
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt))),
  ]);
  return { ...group, facilitatorUserIds: facilitators.map((f) => f.userId), memberUserIds: members.map((m) => m.userId) };
}
