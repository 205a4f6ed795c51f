// Use case: a coordinator (or an admin) removes a person from the organisation.
// Nobody removes the last coordinator (themselves included), nor the last admin. With
// `erase` the organisation's data about the person goes too, as the privacy registry says
// (src/features/privacy): their steps, answers, posts, photo …; the account stays.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, membershipPolicy } from '../../platform/policy/index.ts';
import { LastAdminError, LastCoordinatorError } from './organizations.errors.ts';
import { countAdminMemberships, countMembersWithRole, findMembership } from './organizations.queries.ts';
import { memberships } from './organizations.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { erasePersonInTransaction, removeErasedFiles, type ErasureResult } from '../privacy/erase-person.ts';

export async function removeMember(
  actor: Actor | null,
  deps: { db: Db; config?: { dataDir?: string } },
  input: { organizationId: string; userId: string; erase?: boolean },
): Promise<void> {
  const { organizationId, userId } = input;
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  if (input.erase && !deps.config?.dataDir) throw new Error('erasing a member needs config.dataDir (their photo files)');
  const files = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'org-members:' + organizationId}))`);
    const membership = await findMembership(tx, { organizationId, userId });
    if (!membership) throw new NotFoundError();
    authorize(actor, membership, membershipPolicy.remove);
    if (membership.role === 'coordinator' && (await countMembersWithRole(tx, { organizationId, role: 'coordinator' })) <= 1) throw new LastCoordinatorError();
    if (membership.role === 'admin' && (await countAdminMemberships(tx)) <= 1) throw new LastAdminError();
    await tx.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    let erased: ErasureResult | null = null;
    if (input.erase) {
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      if (user) erased = await erasePersonInTransaction(tx, { userId, email: user.email }, { organizationId });
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor?.userId,
      action: 'org.member_removed',
      targetType: 'user',
      targetId: userId,
      metadata: { role: membership.role, erased: erased ? erased.touched : false },
    });
    return erased?.files ?? [];
  });
  if (deps.config?.dataDir) await removeErasedFiles(deps.config.dataDir, files);
}
