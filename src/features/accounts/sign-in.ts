// Signing in: by password, or by a code sent by e-mail; both rate limited per IP
// and per account, both audited, neither telling whether an address has an account.
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/db.ts';
import { enforceRateLimits, rateLimitRules } from '../../platform/http/rate-limit.ts';
import { createTranslator, type Locale } from '../../platform/i18n/i18n.ts';
import { enqueueMail, type MailRequest } from '../../platform/mail/mail.ts';
import type { Services } from '../../platform/services.ts';
import { users } from './accounts.schema.ts';
import { consumeSignInCode, createSignInCode, SIGN_IN_CODE_TTL_MS } from './one-time-codes.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { createSession, type CreatedSession } from './sessions.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export type SignInResult = { ok: true; session: CreatedSession; needsSecondFactor: boolean; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Stands for "no such account" in the code check (no row has it). */
const NO_USER_ID = '00000000-0000-0000-0000-000000000000';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Tx, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return user ?? null;
}

async function startSession(tx: Tx, user: typeof users.$inferSelect, rememberMe: boolean, client: ClientInfo, method: string): Promise<SignInResult> {
  const needsSecondFactor = user.totpEnabledAt !== null;
  const session = await createSession(tx, { userId: user.id, rememberMe, userAgent: client.userAgent, secondFactorDone: !needsSecondFactor });
  await recordAudit(tx, {
    actorUserId: user.id,
    action: needsSecondFactor ? 'auth.first_factor' : 'auth.sign_in',
    targetType: 'user',
    targetId: user.id,
    metadata: { method },
  });
  return { ok: true, session, needsSecondFactor, userId: user.id };
}

export async function signInWithPassword(
  services: Services,
  input: { email: string; password: string; rememberMe: boolean },
  client: ClientInfo,
): Promise<SignInResult> {
  const { db } = services;
  const email = normalizeEmail(input.email);
  // Counted outside the sign-in transaction, so failed attempts count too.
  await enforceRateLimits(db, [
    [rateLimitRules.signInPerIp, client.ip],
    [rateLimitRules.signInPerAccount, email],
  ]);
  const user = await findUserByEmail(db, email);
  // Verify against a dummy hash when there is no account, so timing does not tell.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || !valid) {
    await recordAudit(db, {
      actorUserId: user?.id ?? null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: user?.id,
      metadata: { method: 'password' },
    });
    return { ok: false, reason: 'invalid' };
  }
  return db.transaction((tx) => startSession(tx, user, input.rememberMe, client, 'password'));
}

/** Sends a code if the address has a verified account; answers the same either way. */
export async function requestSignInCode(services: Services, input: { email: string; locale: Locale }, client: ClientInfo): Promise<void> {
  const { db, config, jobs } = services;
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, [
    [rateLimitRules.codeRequestPerIp, client.ip],
    [rateLimitRules.codeRequestPerAccount, email],
  ]);
  const found = await findUserByEmail(db, email);
  // An unverified address cannot sign in by code: the code would prove nothing.
  const user = found?.emailVerifiedAt ? found : null;
  // One path for every address (the same answer and the same work: one transaction with one mail), so
  // neither the reply nor its timing tells whether an account exists. Without an account, the mail says so.
  await db.transaction(async (tx) => {
    if (!user) {
      await enqueueMail(tx, jobs, noAccountMail(config.appUrl, email, found?.locale ?? input.locale, 'mail.noAccount.whatCode'));
      return;
    }
    const code = await createSignInCode(tx, config.sessionSecret, user.id);
    await enqueueMail(tx, jobs, {
      to: user.email,
      locale: user.locale ?? input.locale,
      template: 'signInCode',
      values: { code, minutes: SIGN_IN_CODE_TTL_MS / 60_000, name: user.name },
      userId: user.id,
    });
  });
}

/** The mail to an address that has no account: what was asked for, and where to apply. */
export function noAccountMail(appUrl: string, to: string, locale: Locale, what: 'mail.noAccount.whatReset' | 'mail.noAccount.whatCode'): MailRequest {
  return { to, locale, template: 'noAccount', values: { what: createTranslator(locale)(what), url: `${appUrl}/apply` } };
}

export async function signInWithCode(
  services: Services,
  input: { email: string; code: string; rememberMe: boolean },
  client: ClientInfo,
): Promise<SignInResult> {
  const { db, config } = services;
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, [
    [rateLimitRules.signInPerIp, client.ip],
    [rateLimitRules.signInPerAccount, email],
  ]);
  const found = await findUserByEmail(db, email);
  const user = found?.emailVerifiedAt ? found : null;
  // One path for known and unknown addresses: an unknown one checks its code against no
  // user (a locked read that finds nothing, the same HMAC, the same audit row), and every
  // failure has the same answer, so neither the reply nor the work tells an account exists.
  return db.transaction(async (tx) => {
    const check = await consumeSignInCode(tx, config.sessionSecret, user?.id ?? NO_USER_ID, input.code.replace(/\s+/g, ''));
    if (check !== 'ok' || !user) {
      await recordAudit(tx, {
        actorUserId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: user?.id,
        metadata: { method: 'code' },
      });
      return { ok: false, reason: 'invalid' } as const;
    }
    return startSession(tx, user, input.rememberMe, client, 'code');
  });
}

export async function userById(db: Tx, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}
