// Use case: the lead organisation's coordinator grants or revokes the funder role for one
// programme. Only the lead organisation's members with the role funder can be granted.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { programmePolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { loadAuthorized } from './load.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { programmeFunders } from './programmes.schema.ts';

export async function manageFunder(actor: Actor | null, deps: { db: Db }, input: { programmeId: string; intent: 'grant' | 'revoke'; userId: string }): Promise<void> {
  const { programme } = await loadAuthorized(deps.db, actor, input.programmeId, programmePolicy.manageFunders);
  const organizationId = programme.organizationId;
  await deps.db.transaction(async (tx) => {
    if (input.intent === 'grant') {
      const [member] = await tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.userId)));
      if (member?.role !== 'funder') throw new ProgrammeChangeError('programmes.funders.notFunder');
      await tx.insert(programmeFunders).values({ organizationId, programmeId: programme.id, userId: input.userId, grantedBy: actor!.userId }).onConflictDoNothing();
    } else {
      await tx
        .delete(programmeFunders)
        .where(and(eq(programmeFunders.organizationId, organizationId), eq(programmeFunders.programmeId, programme.id), eq(programmeFunders.userId, input.userId)));
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: input.intent === 'grant' ? 'programmes.funder_granted' : 'programmes.funder_revoked',
      targetType: 'user',
      targetId: input.userId,
      metadata: { programmeId: programme.id },
    });
  });
}
