// Tokens in newsletter links. The unsubscribe link is signed (HMAC-SHA256 over the delivery's
// id with the session secret): nothing to store per mail, and it works without sign-in and
// without Origin (RFC 8058's one-click POST from a mail provider, ADR 028). The double opt-in
// link is random with only its SHA-256 stored, as the event cancel link (events/registration-tokens.ts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const UNSUBSCRIBE_CONTEXT = 'tyopeili:newsletter-unsubscribe:';

function mac(secret: string, hexId: string): string {
  return createHmac('sha256', secret)
    .update(UNSUBSCRIBE_CONTEXT + hexId, 'utf8')
    .digest('base64url');
}

/** The delivery's id (32 hex, no dashes) followed by its 43-character signature. */
export function signUnsubscribeToken(secret: string, deliveryId: string): string {
  const hexId = deliveryId.replace(/-/g, '').toLowerCase();
  return hexId + mac(secret, hexId);
}

/** The delivery id named by a well-formed, correctly signed token; otherwise null. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  if (!/^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hexId = token.slice(0, 32);
  const given = Buffer.from(token.slice(32), 'utf8');
  const expected = Buffer.from(mac(secret, hexId), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return `${hexId.slice(0, 8)}-${hexId.slice(8, 12)}-${hexId.slice(12, 16)}-${hexId.slice(16, 20)}-${hexId.slice(20)}`;
}

export function unsubscribeUrl(config: { appUrl: string; sessionSecret: string }, deliveryId: string): string {
  return `${config.appUrl}/newsletters/unsubscribe/${signUnsubscribeToken(config.sessionSecret, deliveryId)}`;
}

export function hashConfirmToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isConfirmTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashConfirmToken(token) };
}
