// Material files on disk: DATA_DIR/materials/<organizationId>/<storageKey>. The key is
// random (never the uploaded name), so a name cannot reach outside the folder.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const keyPattern = /^[0-9a-f]{32}$/;

export const newStorageKey = (): string => randomBytes(16).toString('hex');

export function materialPath(dataDir: string, organizationId: string, storageKey: string): string {
  if (!uuidPattern.test(organizationId) || !keyPattern.test(storageKey)) throw new Error('invalid material location');
  return join(resolve(dataDir), 'materials', organizationId, storageKey);
}

/** Written to a temporary name first, so a half-written file is never served. */
export async function writeMaterialFile(dataDir: string, organizationId: string, storageKey: string, bytes: Uint8Array): Promise<void> {
  const path = materialPath(dataDir, organizationId, storageKey);
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.part-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, bytes, { mode: 0o600 });
  await rename(temporary, path);
}

export async function readMaterialFile(dataDir: string, organizationId: string, storageKey: string): Promise<Buffer> {
  return readFile(materialPath(dataDir, organizationId, storageKey));
}

export async function removeMaterialFile(dataDir: string, organizationId: string, storageKey: string): Promise<void> {
  await rm(materialPath(dataDir, organizationId, storageKey), { force: true });
}
