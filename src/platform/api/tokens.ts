// API tokens (ADR 037): `tp_` + 32 random bytes (base64url), stored only as the
// SHA-256 of the whole token. A token is a service actor of its organisation:
// it holds the coordinator's place in the same policies the pages use, narrowed
// by its scopes (`withScope` in policy/api.policy.ts); only read rules are wrapped for it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';

export const apiScopes = [
  'organizations:read',
  'people:read',
  'groups:read',
  'meetings:read',
  'attendance:read',
  'applications:read',
  'events:read',
  'articles:read',
  'programmes:read',
  'courses:read',
  'reports:read',
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const TOKEN_PREFIX = 'tp_';
/** The longest a token may live; expiry is required. */
export const MAX_TOKEN_LIFETIME_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^tp_[A-Za-z0-9_-]{43}$/;

export interface NewApiToken {
  /** Shown once to the coordinator, never stored. */
  token: string;
  /** SHA-256 (hex) of the token: what the database keeps and looks up by. */
  hash: string;
  /** First characters, kept so the list page can tell tokens apart. */
  displayPrefix: string;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateApiToken(): NewApiToken {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashApiToken(token), displayPrefix: token.slice(0, 7) };
}

/** The token of an `Authorization: Bearer tp_…` header, or null for anything else. */
export function parseBearer(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

/** Constant-time comparison of a stored hash with the hash of a presented token. */
export function hashMatches(storedHex: string, token: string): boolean {
  const a = Buffer.from(storedHex, 'hex');
  const b = Buffer.from(hashApiToken(token), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt && token.revokedAt.getTime() <= now.getTime()) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** An expiry is in the future and at most MAX_TOKEN_LIFETIME_DAYS away. */
export function isAllowedExpiry(expiresAt: Date, now: Date): boolean {
  const delta = expiresAt.getTime() - now.getTime();
  return Number.isFinite(delta) && delta > 0 && delta <= MAX_TOKEN_LIFETIME_DAYS * DAY_MS;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  scopes: readonly ApiScope[];
}

/** The actor a valid token acts as: its organisation's coordinator seat, plus `service`. */
export function tokenActor(token: ApiTokenRecord): Actor {
  return {
    userId: `token:${token.id}`,
    email: 'api-token@invalid',
    name: token.name,
    locale: null,
    isDemo: false,
    totpEnabled: false,
    isAdmin: false,
    memberships: [{ organizationId: token.organizationId, organizationName: token.organizationName, role: 'coordinator' }],
    organizationId: token.organizationId,
    role: 'coordinator',
    service: { tokenId: token.id, scopes: token.scopes },
  };
}
