// The second step of signing in for people with TOTP on: a code from the app, or a recovery code.
import { recordAudit } from '../../platform/audit/audit.ts';
import { enforceRateLimits, rateLimitRules } from '../../platform/http/rate-limit.ts';
import type { Services } from '../../platform/services.ts';
import { markSecondFactorDone, pendingSecondFactorUserId } from './sessions.ts';
import { userById } from './sign-in.ts';
import { claimTotpStep, openTotpKey, totpStep, useRecoveryCode } from './totp.ts';

export async function completeSecondFactor(services: Services, input: { sessionId: string; code: string }, ip: string, now = new Date()): Promise<boolean> {
  const { db, config } = services;
  const userId = await pendingSecondFactorUserId(db, input.sessionId);
  if (!userId) return false;
  await enforceRateLimits(db, [
    [rateLimitRules.signInPerIp, ip],
    [rateLimitRules.signInPerAccount, `2fa:${userId}`],
  ]);
  const user = await userById(db, userId);
  if (!user?.totpSecret) return false;
  return db.transaction(async (tx) => {
    const code = input.code.trim();
    let ok: boolean;
    if (/^\d{3}\s?\d{3}$/.test(code)) {
      const step = totpStep(openTotpKey(config.sessionSecret, user.id, user.totpSecret!), code, now);
      ok = step !== null && (await claimTotpStep(tx, user.id, step, now));
    } else ok = await useRecoveryCode(tx, user.id, code, now);
    if (!ok) {
      await recordAudit(tx, { actorUserId: user.id, action: 'auth.sign_in_failed', targetType: 'user', targetId: user.id, metadata: { method: 'totp' } });
      return false;
    }
    await markSecondFactorDone(tx, input.sessionId);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: user.id,
      metadata: { method: /^\d/.test(code) ? 'password+totp' : 'password+recovery_code' },
    });
    return true;
  });
}
