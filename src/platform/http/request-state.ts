import type { Locale } from '../i18n/i18n.ts';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';

export interface RequestState {
  services: Services;
  requestId: string;
  /** CSP nonce for this response's scripts. */
  nonce: string;
  locale: Locale;
  /** The signed-in person, or null. */
  actor: Actor | null;
  /** Raw session cookie token's hash, when signed in: for sign-out. */
  sessionId: string | null;
  clientIp: string;
}
