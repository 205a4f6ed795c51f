// Use case: the lead organisation adds or removes an organisation taking part. Removing one
// removes its links to the programme (its groups, events and sessions no longer belong to it).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { programmePolicy } from '../../platform/policy/index.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { loadAuthorized } from './load.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { programmeAdviceSessions, programmeEvents, programmeGroups, programmeOrganizations } from './programmes.schema.ts';

export async function manageParticipatingOrganization(
  actor: Actor | null,
  deps: { db: Db },
  input: { programmeId: string; intent: 'add' | 'remove'; organizationId: string },
): Promise<void> {
  const { programme } = await loadAuthorized(deps.db, actor, input.programmeId, programmePolicy.manageOrganizations);
  if (input.organizationId === programme.organizationId) throw new ProgrammeChangeError('programmes.organizations.isLead');
  const key = { programmeOrganizationId: programme.organizationId, programmeId: programme.id };
  await deps.db.transaction(async (tx) => {
    if (input.intent === 'add') {
      const [exists] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId));
      if (!exists) throw new ProgrammeChangeError('programmes.organizations.unknown');
      await tx.insert(programmeOrganizations).values({ organizationId: input.organizationId, ...key }).onConflictDoNothing();
    } else {
      for (const t of [programmeOrganizations, programmeGroups, programmeEvents, programmeAdviceSessions]) {
        await tx.delete(t).where(and(eq(t.organizationId, input.organizationId), eq(t.programmeOrganizationId, key.programmeOrganizationId), eq(t.programmeId, key.programmeId)));
      }
    }
    await recordAudit(tx, {
      organizationId: programme.organizationId,
      actorUserId: actor!.userId,
      action: input.intent === 'add' ? 'programmes.organization_added' : 'programmes.organization_removed',
      targetType: 'organization',
      targetId: input.organizationId,
      metadata: { programmeId: programme.id },
    });
  });
}
