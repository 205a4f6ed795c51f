// Small wrappers over node:crypto (no crypto of our own): HKDF-derived keys from
// SESSION_SECRET and AES-256-GCM for secrets kept in the database.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(`tyopeili:${purpose}`, 'utf8'), 32));
}

/** AES-256-GCM: nonce (12) ‖ ciphertext ‖ tag (16). `aad` binds the value to its owner. */
export function encrypt(key: Buffer, plaintext: Uint8Array, aad = ''): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

export function decrypt(key: Buffer, sealed: Uint8Array, aad = ''): Buffer {
  const data = Buffer.from(sealed);
  if (data.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
}
