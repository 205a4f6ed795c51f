// TOTP (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits, ±1 step) with recovery codes.
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { decrypt, deriveKey, encrypt } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/db.ts';
import { recoveryCodes, users, verificationTokens } from './accounts.schema.ts';

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
  return totpStep(key, code, now) !== null;
}

/** The time step whose code this is (current or one either side), or null. */
export function totpStep(key: Uint8Array, code: string, now = new Date()): bigint | null {
  const normalized = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(normalized)) return null;
  const counter = BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD));
  return [counter - 1n, counter, counter + 1n].find((c) => c >= 0n && verifyHOTP(key, c, TOTP_DIGITS, normalized)) ?? null;
}

/**
 * A TOTP code is accepted once (issue 18, point 4): the step of each accepted code is kept as a
 * used one-time token, and a code of that step or an earlier one is refused, in any session.
 * Under a per-person lock, so two sessions sending the same code at once get one success.
 */
export async function claimTotpStep(tx: Tx, userId: string, step: bigint, now = new Date()): Promise<boolean> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'totp-step:' + userId}))`);
  const [last] = await tx
    .select({ step: verificationTokens.tokenHash })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, 'totp_step')))
    .orderBy(desc(verificationTokens.createdAt))
    .limit(1);
  if (last && BigInt(last.step) >= step) return false;
  // Kept past the steps a code could still be sent in; the hourly prune drops it a day after.
  await tx
    .insert(verificationTokens)
    .values({
      userId,
      purpose: 'totp_step',
      tokenHash: step.toString(),
      expiresAt: new Date(now.getTime() + 3 * TOTP_PERIOD * 1000),
      usedAt: now,
      createdAt: now,
    });
  return true;
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
