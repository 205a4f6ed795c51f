// Use cases: a coordinator adds an entrepreneur to a group, or removes one (the row
// stays with left_at, so attendance history keeps its people).
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { NotAddableMemberError } from './groups.errors.ts';
import { findGroupResource } from './groups.queries.ts';
import { groupMembers } from './groups.schema.ts';

type Input = { organizationId: string; groupId: string; userId: string };

export async function addGroupMember(actor: Actor | null, deps: { db: Db }, input: Input, options: { now?: Date } = {}): Promise<void> {
  const { organizationId, groupId, userId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.manageMembers);
    const [membership] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    if (membership?.role !== 'entrepreneur' || group.memberUserIds.includes(userId)) throw new NotAddableMemberError();
    const now = options.now ?? new Date();
    // A member who left and comes back gets a fresh row state (and accepts the agreement again).
    await tx
      .insert(groupMembers)
      .values({ organizationId, groupId, userId, joinedAt: now, showCompany: false })
      .onConflictDoUpdate({
        target: [groupMembers.organizationId, groupMembers.groupId, groupMembers.userId],
        set: { leftAt: null, joinedAt: now, agreementVersion: null, agreementAcceptedAt: null, showCompany: false },
      });
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.member_added', targetType: 'user', targetId: userId });
  });
}

export async function removeGroupMember(actor: Actor | null, deps: { db: Db }, input: Input, options: { now?: Date } = {}): Promise<void> {
  const { organizationId, groupId, userId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.manageMembers);
    if (!group.memberUserIds.includes(userId)) throw new NotFoundError();
    await tx
      .update(groupMembers)
      .set({ leftAt: options.now ?? new Date() })
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNull(groupMembers.leftAt)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.member_removed', targetType: 'user', targetId: userId });
  });
}
