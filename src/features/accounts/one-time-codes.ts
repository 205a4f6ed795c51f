// One-time codes and links sent by e-mail: only an HMAC (codes) or SHA-256 (links)
// is stored; each is single use, expires, and a code allows a few wrong tries.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { verificationTokens, type TokenPurpose } from './accounts.schema.ts';

export const SIGN_IN_CODE_TTL_MS = 10 * 60 * 1000;
export const RESET_LINK_TTL_MS = 60 * 60 * 1000;
export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

export function generateSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hmacCode(secret: string, userId: string, code: string): string {
  return createHmac('sha256', secret).update(`${userId}:${code}`).digest('hex');
}

export function generateLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new sign-in code replaces any earlier unused one. */
export async function createSignInCode(db: Tx, secret: string, userId: string, now = new Date()): Promise<string> {
  const code = generateSixDigitCode();
  await db
    .update(verificationTokens)
    .set({ usedAt: now })
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, 'sign_in_code'), isNull(verificationTokens.usedAt)));
  await db.insert(verificationTokens).values({
    userId,
    purpose: 'sign_in_code',
    tokenHash: hmacCode(secret, userId, code),
    expiresAt: new Date(now.getTime() + SIGN_IN_CODE_TTL_MS),
    createdAt: now,
  });
  return code;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired';

/** Checks a code; a right code is used up, a wrong one counts against the code's tries. */
export async function consumeSignInCode(db: Tx, secret: string, userId: string, code: string, now = new Date()): Promise<CodeCheck> {
  const [token] = await db
    .select()
    .from(verificationTokens)
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, 'sign_in_code'), isNull(verificationTokens.usedAt)))
    .orderBy(desc(verificationTokens.createdAt))
    .limit(1)
    .for('update');
  if (!token || token.expiresAt.getTime() <= now.getTime() || token.attempts >= MAX_CODE_ATTEMPTS) return 'expired';
  if (!/^\d{6}$/.test(code) || !safeEqualHex(token.tokenHash, hmacCode(secret, userId, code))) {
    await db.update(verificationTokens).set({ attempts: sql`${verificationTokens.attempts} + 1` }).where(eq(verificationTokens.id, token.id));
    return 'wrong';
  }
  await db.update(verificationTokens).set({ usedAt: now }).where(eq(verificationTokens.id, token.id));
  return 'ok';
}

export async function createLinkToken(db: Tx, userId: string, purpose: TokenPurpose, ttlMs: number, now = new Date()): Promise<string> {
  const token = generateLinkToken();
  await db.insert(verificationTokens).values({ userId, purpose, tokenHash: hashLinkToken(token), expiresAt: new Date(now.getTime() + ttlMs), createdAt: now });
  return token;
}

/** The unused, unexpired link token's row, locked for the caller's transaction. */
export async function findLinkToken(db: Tx, token: string, purpose: TokenPurpose, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, hashLinkToken(token)),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, now),
      ),
    )
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Every unused link of this purpose for the person stops working (a reset used, a password changed). */
export async function revokeLinkTokens(db: Tx, userId: string, purpose: TokenPurpose, now = new Date()): Promise<void> {
  await db
    .update(verificationTokens)
    .set({ usedAt: now })
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, purpose), isNull(verificationTokens.usedAt)));
}

export async function markTokenUsed(db: Tx, id: string, now = new Date()): Promise<void> {
  await db.update(verificationTokens).set({ usedAt: now }).where(eq(verificationTokens.id, id));
}
