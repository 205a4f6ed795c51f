// Use case: a coordinator adds a material to a course session: a text, a video link, or a file
// kept with the materials' files and typed by its bytes (the materials feature's detectType and
// storage). The file is written first and removed again if the row cannot be stored.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/http/content-disposition.ts';
import { authorize, coursePolicy } from '../../platform/policy/index.ts';
import { detectType } from '../materials/detect-type.ts';
import { newStorageKey, removeMaterialFile, writeMaterialFile } from '../materials/material-storage.ts';
import { MATERIAL_MAX_BYTES } from '../materials/upload-material.ts';
import { and, eq } from 'drizzle-orm';
import { TrainingError } from './training.errors.ts';
import { courseMaterials, courseSessions } from './training.schema.ts';

export type MaterialInput =
  | { kind: 'text'; title: string; body: string }
  | { kind: 'video'; title: string; url: string }
  | { kind: 'file'; title: string; fileName: string; bytes: Uint8Array };

export async function addCourseMaterial(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; sessionId: string; material: MaterialInput },
): Promise<{ materialId: string }> {
  const { organizationId, sessionId, material } = input;
  authorize(actor, { organizationId }, coursePolicy.manage);
  const [session] = await deps.db
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .where(and(eq(courseSessions.organizationId, organizationId), eq(courseSessions.id, sessionId)))
    .limit(1);
  if (!session) throw new NotFoundError();
  const materialId = newId();
  let storageKey: string | null = null;
  let values: Partial<typeof courseMaterials.$inferInsert> = {};
  if (material.kind === 'file') {
    if (material.bytes.length === 0) throw new TrainingError('materials.validation.fileRequired');
    if (material.bytes.length > MATERIAL_MAX_BYTES) throw new TrainingError('materials.validation.tooLarge');
    const fileName = safeFileName(material.fileName, 'tiedosto');
    const type = detectType(material.bytes, fileName);
    if (!type) throw new TrainingError('materials.validation.typeNotAllowed');
    storageKey = newStorageKey();
    await writeMaterialFile(deps.config.dataDir, organizationId, storageKey, material.bytes);
    values = { fileName, mediaType: type.mediaType, sizeBytes: material.bytes.length, storageKey };
  } else if (material.kind === 'video') {
    values = { url: material.url };
  } else {
    values = { body: material.body };
  }
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(courseMaterials).values({ organizationId, id: materialId, sessionId, kind: material.kind, title: material.title || (material.kind === 'file' ? material.fileName : ''), ...values });
      await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'training.material_added', targetType: 'course_material', targetId: materialId });
    });
  } catch (error) {
    if (storageKey) await removeMaterialFile(deps.config.dataDir, organizationId, storageKey);
    throw error;
  }
  return { materialId };
}
