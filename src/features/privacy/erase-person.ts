// Use cases: a person erases their account (GDPR Art. 17), or a coordinator removes a member
// from an organisation and chooses to erase what the organisation holds about them. Both
// follow the privacy registry's erase rules (registry-rows.ts) in one transaction; what the
// funder must keep (the attendance register for the ESF monitoring) stays under a pseudonym,
// and the audit log keeps its ids. Group photos are files: removed once the rows are gone.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { personalDataPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { removeMaterialFile } from '../materials/material-storage.ts';
import { expertProfiles } from '../experts/experts.schema.ts';
import { LastAdminError, LastCoordinatorError } from '../organizations/organizations.errors.ts';
import { countAdminMemberships, countMembersWithRole } from '../organizations/organizations.queries.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { eraseRows, type DataSubject, type ErasureScope } from './registry-rows.ts';

type Deps = { db: Db; config: { dataDir: string } };

export interface ErasureResult {
  /** Rows touched per table. */
  touched: Record<string, number>;
  /** Photo files to remove once the transaction has committed. */
  files: { organizationId: string; storageKey: string }[];
}

/**
 * Erases within the caller's transaction (the caller holds the locks and writes its own audit
 * row). Photo files are returned, not removed: a rolled-back erasure must not lose them.
 */
export async function erasePersonInTransaction(tx: Tx, person: DataSubject, scope: ErasureScope): Promise<ErasureResult> {
  const photos = await tx
    .select({ organizationId: groupMembers.organizationId, photoPath: groupMembers.photoPath })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.userId, person.userId),
        isNotNull(groupMembers.photoPath),
        scope.organizationId ? eq(groupMembers.organizationId, scope.organizationId) : undefined,
      ),
    );
  const expertPhotos = await tx
    .select({ organizationId: expertProfiles.organizationId, storageKey: expertProfiles.photoStorageKey })
    .from(expertProfiles)
    .where(
      and(
        eq(expertProfiles.userId, person.userId),
        isNotNull(expertProfiles.photoStorageKey),
        scope.organizationId ? eq(expertProfiles.organizationId, scope.organizationId) : undefined,
      ),
    );
  const touched = await eraseRows(tx, person, scope);
  return {
    touched,
    files: [
      ...photos.map((p) => ({ organizationId: p.organizationId, storageKey: p.photoPath!.split(':')[0]! })),
      ...expertPhotos.map((p) => ({ organizationId: p.organizationId, storageKey: p.storageKey! })),
    ],
  };
}

export async function removeErasedFiles(dataDir: string, files: ErasureResult['files']): Promise<void> {
  // A file already gone is not an error; the rows that named it are.
  for (const f of files) await removeMaterialFile(dataDir, f.organizationId, f.storageKey).catch(() => {});
}

/** The person erases their own account: everything, in every organisation. */
export async function eraseMyAccount(actor: Actor | null, deps: Deps): Promise<ErasureResult> {
  if (!actor || !personalDataPolicy.erase(actor, { userId: actor.userId })) throw new NotFoundError();
  const result = await deps.db.transaction(async (tx) => {
    // The same locks as removing a member: an organisation is never left without its last coordinator.
    const mine = await tx
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, actor.userId));
    for (const m of [...mine].sort((a, b) => a.organizationId.localeCompare(b.organizationId))) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'org-members:' + m.organizationId}))`);
      if (m.role === 'coordinator' && (await countMembersWithRole(tx, { organizationId: m.organizationId, role: 'coordinator' })) <= 1)
        throw new LastCoordinatorError();
      if (m.role === 'admin' && (await countAdminMemberships(tx)) <= 1) throw new LastAdminError();
    }
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)).for('update');
    if (!user) throw new NotFoundError();
    const erased = await erasePersonInTransaction(tx, { userId: actor.userId, email: user.email }, {});
    // Ids only: the row says an erasure happened (accountability), not who the person was.
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: 'privacy.account_erased',
      targetType: 'user',
      targetId: actor.userId,
      metadata: { tables: erased.touched },
    });
    return erased;
  });
  await removeErasedFiles(deps.config.dataDir, result.files);
  return result;
}
