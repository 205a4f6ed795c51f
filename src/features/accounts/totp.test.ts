import { describe, expect, it } from 'vitest';
import { openTotpKey, sealTotpKey, totpAt, totpUri, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 seed "12345678901234567890" (8 digits).
const rfcKey = new TextEncoder().encode('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('T=%i → %s', (seconds, expected) => {
    expect(totpAt(rfcKey, new Date(seconds * 1000), 8)).toBe(expected);
  });

  it('verifies 6-digit codes within one step of drift only', () => {
    const now = new Date(1111111109 * 1000);
    expect(verifyTotp(rfcKey, '081804', now)).toBe(true);
    expect(verifyTotp(rfcKey, totpAt(rfcKey, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(rfcKey, totpAt(rfcKey, new Date(now.getTime() + 30_000)), now)).toBe(true);
    expect(verifyTotp(rfcKey, totpAt(rfcKey, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(rfcKey, 'abcdef', now)).toBe(false);
  });

  it('makes an otpauth URI with a Base32 secret', () => {
    expect(totpUri(rfcKey, 'tuula@example.fi')).toMatch(/^otpauth:\/\/totp\/Ty%C3%B6peili:tuula%40example\.fi\?.*secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
  });

  it('keeps the key encrypted and bound to its owner', () => {
    const sealed = sealTotpKey('s'.repeat(40), 'user-1', rfcKey);
    expect(sealed.includes(Buffer.from(rfcKey))).toBe(false);
    expect(Buffer.from(openTotpKey('s'.repeat(40), 'user-1', sealed))).toEqual(Buffer.from(rfcKey));
    expect(() => openTotpKey('s'.repeat(40), 'user-2', sealed)).toThrow();
  });
});
