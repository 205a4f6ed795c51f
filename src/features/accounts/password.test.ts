import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it.each([
    ['short1', 'password.tooShort'],
    ['lyhyt salasa', null],
    ['123456789012', 'password.common'],
    ['qwerty123456', 'password.common'],
    ['Salasana1234', 'password.common'],
    ['salasana2026!', 'password.common'],
    ['aaaaaaaaaaaaaaaa', 'password.common'],
    ['kahvi pullaa ja rauhaa', null],
    ['x'.repeat(257), 'password.tooLong'],
  ])('%s → %s', (password, expected) => {
    expect(checkPasswordPolicy(password)).toBe(expected);
  });

  it('refuses the e-mail address or the name as a password', () => {
    expect(checkPasswordPolicy('tuula.rantanen@example.fi', { email: 'tuula.rantanen@example.fi' })).toBe('password.likeEmail');
    expect(checkPasswordPolicy('tuularantanen1', { email: 'tuularantanen@example.fi' })).toBe('password.likeEmail');
    expect(checkPasswordPolicy('Tuula Rantanen', { name: 'Tuula Rantanen' })).toBe('password.likeEmail');
    expect(checkPasswordPolicy('Tuula Rantanen-Koski', { name: 'Tuula Rantanen-Koski' })).toBe('password.likeEmail');
  });

  it('knows the common list', () => {
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true);
    expect(isCommonPassword('metsän reunalla kasvaa')).toBe(false);
  });
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('kahvi pullaa ja rauhaa');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'kahvi pullaa ja rauhaa')).toBe(true);
    expect(await verifyPassword(h, 'kahvi pullaa ja rauhaaa')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
