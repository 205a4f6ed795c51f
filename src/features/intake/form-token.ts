// The application form's time check: the page carries a signed timestamp (HMAC-SHA256 with
// the session secret); a submission sooner than 3 s after the page was made (a bot) or later
// than 24 h (a stale page) is refused with a kind message. Pure apart from the crypto, no I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FORM_MIN_AGE_MS = 3_000;
export const FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`application-form:${issuedAt}`).digest('base64url');
}

/** A token for a form shown now: "<ms since epoch>.<signature>". */
export function issueFormToken(secret: string, now = new Date()): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${sign(secret, issuedAt)}`;
}

export type FormTokenCheck = 'ok' | 'invalid' | 'tooFast' | 'expired';

export function checkFormToken(secret: string, token: unknown, now = new Date()): FormTokenCheck {
  if (typeof token !== 'string') return 'invalid';
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, issuedAt));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now.getTime() - issuedAt;
  if (age < FORM_MIN_AGE_MS) return 'tooFast';
  if (age > FORM_MAX_AGE_MS) return 'expired';
  return 'ok';
}
