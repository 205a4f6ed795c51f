// Turning a successful sign-in into the HTTP answer: the cookie and where to go.
import type { Config } from '../../platform/config.ts';
import { sessionCookie } from './cookies.ts';
import type { SignInResult } from './sign-in.ts';
import { safeNext } from '../../platform/http/safe-next.ts';

export function signedInRedirect(config: Config, result: Extract<SignInResult, { ok: true }>, next: string | null | undefined): { location: string; cookie: string } {
  const { session } = result;
  const maxAgeSeconds = session.persistent ? Math.floor((session.expiresAt.getTime() - Date.now()) / 1000) : undefined;
  const cookie = sessionCookie(session.token, { isProduction: config.isProduction, maxAgeSeconds });
  const target = safeNext(next, '/home');
  const location = result.needsSecondFactor ? `/sign-in/two-factor?next=${encodeURIComponent(target)}` : target;
  return { location, cookie };
}
