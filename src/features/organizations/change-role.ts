// Use case: a coordinator (or an admin) changes a member's role. The organisation
// keeps at least one coordinator, and the installation at least one admin.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, membershipPolicy, roleAssignmentPolicy } from '../../platform/policy/index.ts';
import { LastAdminError, LastCoordinatorError } from './organizations.errors.ts';
import { countAdminMemberships, countMembersWithRole, findMembership } from './organizations.queries.ts';
import { memberships, type Role } from './organizations.schema.ts';
import { roleSchema } from './organizations.validation.ts';

export async function changeRole(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; userId: string; role: string }): Promise<{ from: Role; to: Role }> {
  const { organizationId, userId } = input;
  const role = roleSchema.parse(input.role);
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  return deps.db.transaction(async (tx) => {
    // Serialise role changes in one organisation so two coordinators cannot demote each other at once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'org-members:' + organizationId}))`);
    const membership = await findMembership(tx, { organizationId, userId });
    if (!membership) throw new NotFoundError();
    authorize(actor, membership, membershipPolicy.changeRole);
    authorize(actor, { organizationId, role }, roleAssignmentPolicy.assign);
    if (membership.role === role) return { from: role, to: role };
    if (membership.role === 'coordinator' && (await countMembersWithRole(tx, { organizationId, role: 'coordinator' })) <= 1) throw new LastCoordinatorError();
    if (membership.role === 'admin' && (await countAdminMemberships(tx)) <= 1) throw new LastAdminError();
    await tx.update(memberships).set({ role }).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'org.member_role_changed', targetType: 'user', targetId: userId, metadata: { from: membership.role, to: role } });
    return { from: membership.role, to: role };
  });
}
