// TOTP (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits, ±1 step) with recovery codes.
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { decrypt, deriveKey, encrypt } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/db.ts';
import { recoveryCodes, users } from './accounts.schema.ts';

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;

export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function totpUri(key: Uint8Array, accountName: string): string {
  return createTOTPKeyURI('Työpeili', accountName, key, TOTP_PERIOD, TOTP_DIGITS);
}

export function base32Secret(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

export function totpAt(key: Uint8Array, at: Date, digits = TOTP_DIGITS): string {
  return generateHOTP(key, BigInt(Math.floor(at.getTime() / 1000 / TOTP_PERIOD)), digits);
}

/** Accepts the code of the current step or one step either side (clock drift). */
export function verifyTotp(key: Uint8Array, code: string, now = new Date()): boolean {
  const normalized = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(normalized)) return false;
  const counter = BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD));
  return [counter - 1n, counter, counter + 1n].some((c) => c >= 0n && verifyHOTP(key, c, TOTP_DIGITS, normalized));
}

export function sealTotpKey(secret: string, userId: string, key: Uint8Array): Buffer {
  return encrypt(deriveKey(secret, 'totp'), key, userId);
}

export function openTotpKey(secret: string, userId: string, sealed: Uint8Array): Uint8Array {
  return new Uint8Array(decrypt(deriveKey(secret, 'totp'), sealed, userId));
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export async function replaceRecoveryCodes(db: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

export async function useRecoveryCode(db: Tx, userId: string, code: string, now = new Date()): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function enableTotp(db: Tx, userId: string, sealedKey: Buffer, now = new Date()): Promise<string[]> {
  await db.update(users).set({ totpSecret: sealedKey, totpEnabledAt: now }).where(eq(users.id, userId));
  return replaceRecoveryCodes(db, userId);
}

export async function disableTotp(db: Tx, userId: string): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
