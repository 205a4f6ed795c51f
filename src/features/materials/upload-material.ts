// Use case: a facilitator adds a file to a meeting (or to one of its expert segments), or
// an expert to their own segment. The type comes from the bytes; the file is written
// to disk first and removed again if the row cannot be stored.
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/http/content-disposition.ts';
import { authorize, materialPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource } from '../meetings/meetings.queries.ts';
import { detectType } from './detect-type.ts';
import { newStorageKey, removeMaterialFile, writeMaterialFile } from './material-storage.ts';
import { MaterialRejectedError } from './materials.errors.ts';
import { listExpertSegments } from './materials.queries.ts';
import { materials } from './materials.schema.ts';

/** The largest file accepted: 10 MB. */
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

export async function uploadMaterial(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; meetingId: string; agendaItemId: string | null; fileName: string; bytes: Uint8Array },
  options: { now?: Date } = {},
): Promise<{ materialId: string }> {
  const { organizationId, meetingId, agendaItemId } = input;
  const meeting = await findMeetingResource(deps.db, { organizationId, meetingId }, options.now);
  if (!meeting) throw new NotFoundError();
  let segmentExpertUserId: string | null = null;
  if (agendaItemId) {
    const segment = (await listExpertSegments(deps.db, { organizationId, meetingId })).find((s) => s.id === agendaItemId);
    if (!segment) throw new MaterialRejectedError('materials.validation.segmentUnknown');
    segmentExpertUserId = segment.expertUserId;
  }
  authorize(actor, { ...meeting, segmentExpertUserId, uploadedBy: null }, materialPolicy.upload);

  if (input.bytes.length === 0) throw new MaterialRejectedError('materials.validation.fileRequired');
  if (input.bytes.length > MATERIAL_MAX_BYTES) throw new MaterialRejectedError('materials.validation.tooLarge');
  const fileName = safeFileName(input.fileName, 'tiedosto');
  const type = detectType(input.bytes, fileName);
  if (!type) throw new MaterialRejectedError('materials.validation.typeNotAllowed');

  const materialId = newId();
  const storageKey = newStorageKey();
  await writeMaterialFile(deps.config.dataDir, organizationId, storageKey, input.bytes);
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(materials).values({
        organizationId,
        id: materialId,
        meetingId,
        agendaItemId,
        uploadedBy: actor!.userId,
        fileName,
        mediaType: type.mediaType,
        sizeBytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        ...(options.now ? { createdAt: options.now } : {}),
      });
      await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'materials.uploaded', targetType: 'material', targetId: materialId });
    });
  } catch (error) {
    await removeMaterialFile(deps.config.dataDir, organizationId, storageKey);
    throw error;
  }
  return { materialId };
}
