// Use case: a coordinator (or an admin) removes a person from the organisation.
// Nobody removes the last coordinator (themselves included), nor the last admin.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, membershipPolicy } from '../../platform/policy/index.ts';
import { LastAdminError, LastCoordinatorError } from './organizations.errors.ts';
import { countAdminMemberships, countMembersWithRole, findMembership } from './organizations.queries.ts';
import { memberships } from './organizations.schema.ts';

export async function removeMember(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; userId: string }): Promise<void> {
  const { organizationId, userId } = input;
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'org-members:' + organizationId}))`);
    const membership = await findMembership(tx, { organizationId, userId });
    if (!membership) throw new NotFoundError();
    authorize(actor, membership, membershipPolicy.remove);
    if (membership.role === 'coordinator' && (await countMembersWithRole(tx, { organizationId, role: 'coordinator' })) <= 1) throw new LastCoordinatorError();
    if (membership.role === 'admin' && (await countAdminMemberships(tx)) <= 1) throw new LastAdminError();
    await tx.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'org.member_removed', targetType: 'user', targetId: userId, metadata: { role: membership.role } });
  });
}
