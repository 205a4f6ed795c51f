// Password reset by an e-mailed link (1 h, single use). Setting the new password
// signs the person out everywhere.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/db.ts';
import { enforceRateLimits, rateLimitRules } from '../../platform/http/rate-limit.ts';
import type { Locale, MessageKey } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import type { Services } from '../../platform/services.ts';
import { users } from './accounts.schema.ts';
import { createLinkToken, findLinkToken, markTokenUsed, RESET_LINK_TTL_MS, revokeLinkTokens } from './one-time-codes.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { deleteAllSessions } from './sessions.ts';
import { findUserByEmail, noAccountMail, normalizeEmail } from './sign-in.ts';

export async function requestPasswordReset(services: Services, input: { email: string; locale: Locale }, ip: string): Promise<void> {
  const { db, jobs, config } = services;
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, [
    [rateLimitRules.resetPerIp, ip],
    [rateLimitRules.resetPerAccount, email],
  ]);
  const user = await findUserByEmail(db, email);
  // One path for known and unknown addresses (the same answer, and the same work: one transaction with
  // one mail and one audit row), so neither the reply nor its timing tells whether an account exists.
  // An unknown address is told that it has no account (and where to apply).
  await db.transaction(async (tx) => {
    if (!user) {
      await enqueueMail(tx, jobs, noAccountMail(config.appUrl, email, input.locale, 'mail.noAccount.whatReset'));
      await recordAudit(tx, { actorUserId: null, action: 'auth.password_reset_requested', targetType: 'user', metadata: { account: false } });
      return;
    }
    const token = await createLinkToken(tx, user.id, 'password_reset', RESET_LINK_TTL_MS);
    await enqueueMail(tx, jobs, {
      to: user.email,
      locale: user.locale ?? input.locale,
      template: 'passwordReset',
      values: { name: user.name, url: `${config.appUrl}/reset-password/${token}`, minutes: RESET_LINK_TTL_MS / 60_000 },
      userId: user.id,
    });
    await recordAudit(tx, { actorUserId: user.id, action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id });
  });
}

export async function isResetTokenValid(db: Tx, token: string): Promise<boolean> {
  return (await findLinkToken(db, token, 'password_reset')) !== null;
}

export type ResetResult = { ok: true } | { ok: false; error: MessageKey; field: 'password' | 'token' };

export async function resetPassword(services: Services, input: { token: string; password: string }): Promise<ResetResult> {
  return services.db.transaction(async (tx) => {
    const row = await findLinkToken(tx, input.token, 'password_reset');
    if (!row) return { ok: false, error: 'auth.resetLinkInvalid', field: 'token' } as const;
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).limit(1);
    if (!user) return { ok: false, error: 'auth.resetLinkInvalid', field: 'token' } as const;
    const problem = checkPasswordPolicy(input.password, { email: user.email, name: user.name });
    if (problem) return { ok: false, error: problem, field: 'password' } as const;
    // The link proves the address: it also counts as verifying it.
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() })
      .where(eq(users.id, user.id));
    await markTokenUsed(tx, row.id);
    // Older and newer reset links of the person stop working too.
    await revokeLinkTokens(tx, user.id, 'password_reset');
    await deleteAllSessions(tx, user.id);
    await recordAudit(tx, { actorUserId: user.id, action: 'auth.password_reset', targetType: 'user', targetId: user.id });
    return { ok: true } as const;
  });
}
