// Use case: a coordinator (or an admin) revokes a pending invitation; its link stops working.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, canSeeOrganization, invitationPolicy } from '../../platform/policy/index.ts';
import { InvitationUnusableError } from './organizations.errors.ts';
import { findInvitation } from './organizations.queries.ts';
import { invitations } from './organizations.schema.ts';

export async function revokeInvitation(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; invitationId: string }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, invitationId } = input;
  if (!canSeeOrganization(actor, { organizationId })) throw new NotFoundError();
  await deps.db.transaction(async (tx) => {
    const invitation = await findInvitation(tx, { organizationId, invitationId });
    if (!invitation) throw new NotFoundError();
    authorize(actor, invitation, invitationPolicy.revoke);
    if (invitation.acceptedAt) throw new InvitationUnusableError('used');
    if (invitation.revokedAt) return; // already revoked: nothing to do
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, invitationId), isNull(invitations.revokedAt)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'org.invitation_revoked', targetType: 'invitation', targetId: invitationId });
  });
}
