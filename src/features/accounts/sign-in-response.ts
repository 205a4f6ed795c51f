// Turning a successful sign-in into the HTTP answer: the cookie and where to go.
// It takes only what it reads (the session and whether a second factor is due), so it
// depends on sessions.ts, not on the sign-in use cases that produce the result.
import type { Config } from '../../platform/config.ts';
import { safeNext } from '../../platform/http/safe-next.ts';
import { sessionCookie } from './cookies.ts';
import type { CreatedSession } from './sessions.ts';

/** What a successful sign-in hands on (a `SignInResult` with `ok: true` is one). */
export interface SignedIn {
  session: CreatedSession;
  needsSecondFactor: boolean;
}

export function signedInRedirect(config: Config, result: SignedIn, next: string | null | undefined): { location: string; cookie: string } {
  const { session } = result;
  const maxAgeSeconds = session.persistent ? Math.floor((session.expiresAt.getTime() - Date.now()) / 1000) : undefined;
  const cookie = sessionCookie(session.token, { isProduction: config.isProduction, maxAgeSeconds });
  const target = safeNext(next, '/home');
  const location = result.needsSecondFactor ? `/sign-in/two-factor?next=${encodeURIComponent(target)}` : target;
  return { location, cookie };
}
