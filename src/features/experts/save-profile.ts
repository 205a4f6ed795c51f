// Use case: the expert writes their own profile, and sets or removes its photo (a picture
// typed by its bytes, kept where the materials are).
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, expertPolicy } from '../../platform/policy/index.ts';
import { detectType } from '../materials/detect-type.ts';
import { newStorageKey, readMaterialFile, removeMaterialFile, writeMaterialFile } from '../materials/material-storage.ts';
import { ExpertPhotoRejectedError } from './experts.errors.ts';
import { expertResource, findExpert } from './experts.queries.ts';
import { expertProfiles } from './experts.schema.ts';
import type { ProfileInput } from './experts.validation.ts';

export const EXPERT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PICTURES = new Set(['image/png', 'image/jpeg', 'image/webp']);

async function loadOwn(actor: Actor | null, db: Db, organizationId: string) {
  if (!actor) throw new NotFoundError();
  const expert = await findExpert(db, { organizationId, userId: actor.userId });
  if (!expert) throw new NotFoundError();
  authorize(actor, expertResource(organizationId, actor.userId, expert.profile), expertPolicy.editProfile);
  return expert;
}

export async function saveExpertProfile(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; profile: ProfileInput }): Promise<void> {
  await loadOwn(actor, deps.db, input.organizationId);
  const { topics, bio, languages, region, publicInDirectory } = input.profile;
  await deps.db.transaction(async (tx) => {
    const values = { topics, bio, languages, region, publicInDirectory, updatedAt: new Date() };
    await tx
      .insert(expertProfiles)
      .values({ organizationId: input.organizationId, userId: actor!.userId, ...values })
      .onConflictDoUpdate({ target: [expertProfiles.organizationId, expertProfiles.userId], set: values });
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'experts.profile_saved', targetType: 'user', targetId: actor!.userId });
  });
}

export async function setExpertPhoto(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; fileName: string; bytes: Uint8Array | null },
): Promise<void> {
  const expert = await loadOwn(actor, deps.db, input.organizationId);
  const old = expert.profile?.photoStorageKey ?? null;
  let storageKey: string | null = null;
  let mediaType: string | null = null;
  if (input.bytes) {
    if (input.bytes.length === 0) throw new ExpertPhotoRejectedError('experts.photo.required');
    if (input.bytes.length > EXPERT_PHOTO_MAX_BYTES) throw new ExpertPhotoRejectedError('experts.photo.tooLarge');
    const type = detectType(input.bytes, input.fileName);
    if (!type || !PICTURES.has(type.mediaType)) throw new ExpertPhotoRejectedError('experts.photo.notPicture');
    storageKey = newStorageKey();
    mediaType = type.mediaType;
    await writeMaterialFile(deps.config.dataDir, input.organizationId, storageKey, input.bytes);
  }
  try {
    await deps.db.transaction(async (tx) => {
      await tx
        .insert(expertProfiles)
        .values({ organizationId: input.organizationId, userId: actor!.userId, photoStorageKey: storageKey, photoMediaType: mediaType })
        .onConflictDoUpdate({ target: [expertProfiles.organizationId, expertProfiles.userId], set: { photoStorageKey: storageKey, photoMediaType: mediaType, updatedAt: new Date() } });
      await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: storageKey ? 'experts.photo_set' : 'experts.photo_removed', targetType: 'user', targetId: actor!.userId });
    });
  } catch (error) {
    if (storageKey) await removeMaterialFile(deps.config.dataDir, input.organizationId, storageKey);
    throw error;
  }
  if (old) await removeMaterialFile(deps.config.dataDir, input.organizationId, old);
}

/** The photo for whoever may read the profile (404 for anyone else); typed again by its bytes. */
export async function openExpertPhoto(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; userId: string },
): Promise<{ bytes: Buffer; mediaType: string }> {
  const expert = await findExpert(deps.db, input);
  const profile = expert?.profile ?? null;
  if (!profile?.photoStorageKey || !profile.photoMediaType) throw new NotFoundError();
  if (!expertPolicy.readProfile(actor, expertResource(input.organizationId, input.userId, profile))) throw new NotFoundError();
  const bytes = await readMaterialFile(deps.config.dataDir, input.organizationId, profile.photoStorageKey);
  const type = detectType(bytes, 'photo');
  if (!type || type.mediaType !== profile.photoMediaType) throw new NotFoundError();
  return { bytes, mediaType: profile.photoMediaType };
}
