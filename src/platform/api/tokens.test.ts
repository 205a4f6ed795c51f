import { describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken, hashMatches, isAllowedExpiry, MAX_TOKEN_LIFETIME_DAYS, parseBearer, tokenStatus } from './tokens.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-04T05:00:00Z');

describe('API tokens', () => {
  it('are tp_ + 43 base64url characters, different every time, stored only as SHA-256', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^tp_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(3));
    expect(a.displayPrefix).toBe(a.token.slice(0, 7));
    expect(hashMatches(a.hash, a.token)).toBe(true);
    expect(hashMatches(a.hash, b.token)).toBe(false);
  });

  it('reads only a well-formed Bearer header', () => {
    const { token } = generateApiToken();
    expect(parseBearer(`Bearer ${token}`)).toBe(token);
    expect(parseBearer(`bearer  ${token}`)).toBe(token);
    for (const bad of [undefined, null, '', token, `Basic ${token}`, 'Bearer tp_short', `Bearer ${token}x`, `Bearer ${token} extra`, `Bearer xx${token.slice(2)}`]) {
      expect(parseBearer(bad)).toBeNull();
    }
  });

  it('expire and are revoked', () => {
    expect(tokenStatus({ expiresAt: new Date(now.getTime() + DAY), revokedAt: null }, now)).toBe('active');
    expect(tokenStatus({ expiresAt: now, revokedAt: null }, now)).toBe('expired');
    expect(tokenStatus({ expiresAt: new Date(now.getTime() + DAY), revokedAt: new Date(now.getTime() - 1) }, now)).toBe('revoked');
  });

  it('need an expiry in the future, at most a year away', () => {
    expect(isAllowedExpiry(new Date(now.getTime() + DAY), now)).toBe(true);
    expect(isAllowedExpiry(new Date(now.getTime() + MAX_TOKEN_LIFETIME_DAYS * DAY), now)).toBe(true);
    expect(isAllowedExpiry(new Date(now.getTime() + MAX_TOKEN_LIFETIME_DAYS * DAY + 1), now)).toBe(false);
    expect(isAllowedExpiry(now, now)).toBe(false);
    expect(isAllowedExpiry(new Date('invalid'), now)).toBe(false);
  });
});
