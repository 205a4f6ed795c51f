// Use case: the uploader or a facilitator of the group deletes a file (row and bytes).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, materialPolicy } from '../../platform/policy/index.ts';
import { removeMaterialFile } from './material-storage.ts';
import { findMaterialResource } from './materials.queries.ts';
import { materials } from './materials.schema.ts';

export async function deleteMaterial(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; materialId: string },
): Promise<{ meetingId: string }> {
  const { organizationId, materialId } = input;
  const removed = await deps.db.transaction(async (tx) => {
    const material = await findMaterialResource(tx, { organizationId, materialId });
    if (!material) throw new NotFoundError();
    authorize(actor, material, materialPolicy.delete);
    await tx.delete(materials).where(and(eq(materials.organizationId, organizationId), eq(materials.id, materialId)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'materials.deleted', targetType: 'material', targetId: materialId });
    return material;
  });
  // The bytes go once the row is gone; a failure here leaves an unreachable file, never a dangling row.
  await removeMaterialFile(deps.config.dataDir, organizationId, removed.storageKey);
  return { meetingId: removed.meetingId };
}
