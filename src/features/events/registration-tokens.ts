// The cancel link's token (random, only its SHA-256 stored) and the registration code shown at
// the door. A later mail that carries a cancel link (promotion, change) issues a fresh token: the
// newest mail's link is the one that works (ADR 023).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { eventRegistrations } from './events.schema.ts';

export function hashCancelToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isCancelTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function newCancelToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashCancelToken(token) };
}

// No 0/O, 1/I/L: read aloud and typed at the door.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newRegistrationCode(): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `TP-${code}`;
}

export async function reissueCancelToken(tx: Tx, registration: { organizationId: string; id: string }): Promise<string> {
  const { token, hash } = newCancelToken();
  await tx
    .update(eventRegistrations)
    .set({ cancelTokenHash: hash })
    .where(and(eq(eventRegistrations.organizationId, registration.organizationId), eq(eventRegistrations.id, registration.id)));
  return token;
}
