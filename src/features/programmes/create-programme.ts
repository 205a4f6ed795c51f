// Use case: a coordinator (or admin) of the lead organisation creates a programme.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, programmePolicy } from '../../platform/policy/index.ts';
import type { Programme } from './programmes.queries.ts';
import { programmes } from './programmes.schema.ts';
import type { ProgrammeInput } from './programmes.validation.ts';

export async function createProgramme(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; programme: ProgrammeInput }): Promise<Programme> {
  authorize(actor, { organizationId: input.organizationId, participatingOrganizationIds: [], funderUserIds: [] }, programmePolicy.create);
  return deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(programmes)
      .values({ organizationId: input.organizationId, ...input.programme })
      .returning();
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'programmes.created', targetType: 'programme', targetId: created!.id });
    return created!;
  });
}
