// The person's own details: name, language, e-mail (verified by a link), password,
// two-step verification and sessions.
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import { decrypt, deriveKey, encrypt } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { Locale, MessageKey } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import type { Services } from '../../platform/services.ts';
import { users } from './accounts.schema.ts';
import { createLinkToken, EMAIL_VERIFICATION_TTL_MS, findLinkToken, hashLinkToken, markTokenUsed, revokeLinkTokens } from './one-time-codes.ts';
import { enforceRateLimits, rateLimitRules } from '../../platform/http/rate-limit.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';
import { deleteAllSessions } from './sessions.ts';
import { normalizeEmail, userById } from './sign-in.ts';
import { disableTotp, enableTotp, newTotpKey, openTotpKey, sealTotpKey, verifyTotp } from './totp.ts';

export async function setUserLocale(db: Tx, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function updateProfile(db: Tx, userId: string, input: { name: string; locale: Locale }): Promise<void> {
  await db.update(users).set({ name: input.name, locale: input.locale }).where(eq(users.id, userId));
}

export type Outcome = { ok: true } | { ok: false; field: string; error: MessageKey };

export async function changePassword(services: Services, userId: string, input: { current: string; next: string }, keepSessionId: string | null): Promise<Outcome> {
  await enforceRateLimits(services.db, [[rateLimitRules.reauthPerAccount, userId]]);
  const user = await userById(services.db, userId);
  if (!user) return { ok: false, field: 'form', error: 'error.notFound' };
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    // People who signed in with a code may have no password yet: they may set one with the code session.
    if (user.passwordHash) return { ok: false, field: 'currentPassword', error: 'profile.currentPasswordWrong' };
  }
  const problem = checkPasswordPolicy(input.next, { email: user.email, name: user.name });
  if (problem) return { ok: false, field: 'newPassword', error: problem };
  await services.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: await hashPassword(input.next) }).where(eq(users.id, userId));
    await deleteAllSessions(tx, userId, keepSessionId ?? undefined);
    await revokeLinkTokens(tx, userId, 'password_reset');
    await recordAudit(tx, { actorUserId: userId, action: 'auth.password_changed', targetType: 'user', targetId: userId });
  });
  return { ok: true };
}

function emailSealKey(secret: string) {
  return deriveKey(secret, 'email-change');
}

/** Sends a verification link to the new address; the address changes only when the link is opened. */
export async function requestEmailChange(services: Services, userId: string, newEmail: string, locale: Locale): Promise<Outcome> {
  const email = normalizeEmail(newEmail);
  const { db, jobs, config } = services;
  const [taken] = await db.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, userId))).limit(1);
  // Do not reveal that the address belongs to someone else: answer as if sent.
  if (taken) return { ok: true };
  await db.transaction(async (tx) => {
    const token = await createLinkToken(tx, userId, 'email_verification', EMAIL_VERIFICATION_TTL_MS);
    const sealed = encrypt(emailSealKey(config.sessionSecret), Buffer.from(email, 'utf8'), hashLinkToken(token)).toString('base64url');
    const user = await userById(tx, userId);
    await enqueueMail(tx, jobs, {
      to: email,
      locale: user?.locale ?? locale,
      template: 'emailVerification',
      values: { name: user?.name ?? '', url: `${config.appUrl}/profile/verify-email/${token}?e=${sealed}` },
      userId,
    });
  });
  return { ok: true };
}

export async function confirmEmailChange(services: Services, token: string, sealedEmail: string): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    const row = await findLinkToken(tx, token, 'email_verification');
    if (!row) return false;
    let email: string;
    try {
      email = decrypt(emailSealKey(services.config.sessionSecret), Buffer.from(sealedEmail, 'base64url'), hashLinkToken(token)).toString('utf8');
    } catch {
      return false;
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, row.userId))).limit(1);
    if (taken) return false;
    await tx.update(users).set({ email, emailVerifiedAt: new Date() }).where(eq(users.id, row.userId));
    await markTokenUsed(tx, row.id);
    await recordAudit(tx, { actorUserId: row.userId, action: 'auth.email_changed', targetType: 'user', targetId: row.userId });
    return true;
  });
}

/** A new TOTP key, sealed for the browser to hold until the person confirms it with a code. */
export function beginTotpSetup(secret: string, userId: string): { key: Uint8Array; setupToken: string } {
  const key = newTotpKey();
  return { key, setupToken: sealTotpKey(secret, `setup:${userId}`, key).toString('base64url') };
}

export function keyFromSetupToken(secret: string, userId: string, setupToken: string): Uint8Array | null {
  try {
    return openTotpKey(secret, `setup:${userId}`, Buffer.from(setupToken, 'base64url'));
  } catch {
    return null;
  }
}

export async function confirmTotpSetup(services: Services, userId: string, setupToken: string, code: string): Promise<string[] | null> {
  const key = keyFromSetupToken(services.config.sessionSecret, userId, setupToken);
  if (!key || !verifyTotp(key, code)) return null;
  return services.db.transaction(async (tx) => {
    const codes = await enableTotp(tx, userId, sealTotpKey(services.config.sessionSecret, userId, key));
    await recordAudit(tx, { actorUserId: userId, action: 'auth.totp_enabled', targetType: 'user', targetId: userId });
    return codes;
  });
}

export async function turnOffTotp(services: Services, userId: string, password: string): Promise<boolean> {
  await enforceRateLimits(services.db, [[rateLimitRules.reauthPerAccount, userId]]);
  const user = await userById(services.db, userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) return false;
  await services.db.transaction(async (tx) => {
    await disableTotp(tx, userId);
    await recordAudit(tx, { actorUserId: userId, action: 'auth.totp_disabled', targetType: 'user', targetId: userId });
  });
  return true;
}

export async function signOutEverywhere(db: Tx, userId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await deleteAllSessions(tx, userId);
    await recordAudit(tx, { actorUserId: userId, action: 'auth.signed_out_everywhere', targetType: 'user', targetId: userId, metadata: { sessions: n } });
    return n;
  });
}
