// Envelope encryption for the private journal: each person has a random data key,
// stored wrapped (AES-256-GCM) by the key-encryption key from the environment; each
// entry is sealed with the data key, bound to its author and its id (AAD), so a row
// copied to another person or another entry does not open.
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/db.ts';
import { personKeys } from './journal.schema.ts';

const wrapAad = (userId: string) => `person-key:${userId}`;
const entryAad = (userId: string, entryId: string) => `journal-entry:${userId}:${entryId}`;

/** The person's data key; made and stored (wrapped) the first time when `create` is set. */
export async function personDataKey(tx: Tx, keyEncryptionKey: Buffer, userId: string, options: { create: boolean }): Promise<Buffer | null> {
  const [row] = await tx.select().from(personKeys).where(eq(personKeys.userId, userId));
  if (row) return decrypt(keyEncryptionKey, row.wrappedKey, wrapAad(userId));
  if (!options.create) return null;
  const dataKey = randomBytes(32);
  // Two first entries at once: the second insert does nothing and both use the stored key.
  await tx.insert(personKeys).values({ userId, wrappedKey: encrypt(keyEncryptionKey, dataKey, wrapAad(userId)) }).onConflictDoNothing();
  const [stored] = await tx.select().from(personKeys).where(eq(personKeys.userId, userId));
  return decrypt(keyEncryptionKey, stored!.wrappedKey, wrapAad(userId));
}

export function sealEntry(dataKey: Buffer, userId: string, entryId: string, text: string): Buffer {
  return encrypt(dataKey, Buffer.from(text, 'utf8'), entryAad(userId, entryId));
}

export function openEntry(dataKey: Buffer, userId: string, entryId: string, sealed: Uint8Array): string {
  return decrypt(dataKey, sealed, entryAad(userId, entryId)).toString('utf8');
}
