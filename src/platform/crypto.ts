// Small wrappers over node:crypto (no crypto of our own): HKDF-derived keys from
// SESSION_SECRET and AES-256-GCM for secrets kept in the database.
import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';

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

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 private key whose seed is these 32 bytes (deterministic: the same seed, the same key). */
export function ed25519KeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/**
 * An Ed25519 private key given as PKCS#8 PEM (newlines may be written as \n in one line) or as a
 * JWK with its private part `d`; null for anything else (another kind of key, a public key, junk).
 */
export function parseEd25519PrivateKey(value: string): KeyObject | null {
  try {
    const text = value.trim();
    const key = text.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(text) as JsonWebKey, format: 'jwk' })
      : createPrivateKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}
