// A member's optional photo, shown to the others in their group. Typed by its own bytes
// (PNG, JPEG or WebP only), stored beside the materials under DATA_DIR, and served only to
// people who may read the group. The member alone sets or removes it.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { detectType } from '../materials/detect-type.ts';
import { newStorageKey, readMaterialFile, removeMaterialFile, writeMaterialFile } from '../materials/material-storage.ts';
import { findGroupResource, findMembership } from './groups.queries.ts';
import { groupMembers } from './groups.schema.ts';

/** Phone photos are a few megabytes; the materials' upload limit covers them. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
const photoTypes = ['image/png', 'image/jpeg', 'image/webp'];

export class PhotoRefusedError extends DomainError {
  constructor(reason: 'type' | 'size' | 'empty') {
    super(`photo_${reason}`, 400, reason === 'type' ? 'groups.photo.errorType' : reason === 'size' ? 'groups.photo.errorSize' : 'groups.photo.errorEmpty');
  }
}

/** The photo's media type, or a refusal (not an image, too big, empty). */
export function photoType(bytes: Uint8Array, fileName: string): string {
  if (bytes.byteLength === 0) throw new PhotoRefusedError('empty');
  if (bytes.byteLength > PHOTO_MAX_BYTES) throw new PhotoRefusedError('size');
  const detected = detectType(bytes, fileName);
  if (!detected || !photoTypes.includes(detected.mediaType)) throw new PhotoRefusedError('type');
  return detected.mediaType;
}

type Deps = { db: Db; config: { dataDir: string } };

export async function setMemberPhoto(actor: Actor | null, deps: Deps, input: { organizationId: string; groupId: string; bytes: Uint8Array; fileName: string }): Promise<void> {
  const { organizationId, groupId } = input;
  const group = await findGroupResource(deps.db, { organizationId, groupId });
  if (!group) throw new NotFoundError();
  authorize(actor, group, groupPolicy.acceptAgreement);
  const mediaType = photoType(input.bytes, input.fileName);
  const key = newStorageKey();
  await writeMaterialFile(deps.config.dataDir, organizationId, key, input.bytes);
  const previous = await findMembership(deps.db, { organizationId, groupId, userId: actor!.userId });
  await deps.db
    .update(groupMembers)
    .set({ photoPath: `${key}:${mediaType}` })
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor!.userId), isNull(groupMembers.leftAt)));
  if (previous?.photoPath) await removeMaterialFile(deps.config.dataDir, organizationId, previous.photoPath.split(':')[0]!).catch(() => {});
}

export async function removeMemberPhoto(actor: Actor | null, deps: Deps, input: { organizationId: string; groupId: string }): Promise<void> {
  const { organizationId, groupId } = input;
  const group = await findGroupResource(deps.db, { organizationId, groupId });
  if (!group) throw new NotFoundError();
  authorize(actor, group, groupPolicy.acceptAgreement);
  const previous = await findMembership(deps.db, { organizationId, groupId, userId: actor!.userId });
  await deps.db
    .update(groupMembers)
    .set({ photoPath: null })
    .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor!.userId), isNull(groupMembers.leftAt)));
  if (previous?.photoPath) await removeMaterialFile(deps.config.dataDir, organizationId, previous.photoPath.split(':')[0]!).catch(() => {});
}

/** The photo of a current member, for someone who may read the group; null when there is none. */
export async function readMemberPhoto(actor: Actor | null, deps: Deps, input: { organizationId: string; groupId: string; userId: string }): Promise<{ bytes: Buffer; mediaType: string } | null> {
  const { organizationId, groupId, userId } = input;
  const group = await findGroupResource(deps.db, { organizationId, groupId });
  if (!group) throw new NotFoundError();
  authorize(actor, group, groupPolicy.read);
  const membership = await findMembership(deps.db, { organizationId, groupId, userId });
  if (!membership?.photoPath) return null;
  const [key, mediaType] = membership.photoPath.split(':') as [string, string];
  try {
    return { bytes: await readMaterialFile(deps.config.dataDir, organizationId, key), mediaType };
  } catch {
    return null;
  }
}
