// Passwords: argon2id (OWASP parameters), at least 12 characters, and not a common
// password (the zxcvbn-ts common list of ~49,000, plus Finnish and Swedish favourites).
import { hash, verify, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1. */
// algorithm 2 = Argon2id (the package's enum is a const enum, which type stripping cannot inline).
const argon2Options: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

const localCommon = [
  'salasana', 'salasana1', 'salasana12', 'salasana123', 'salasana1234', 'salasanani', 'salasana2024', 'salasana2025', 'salasana2026',
  'lösenord', 'lösenord123', 'lösenord1234', 'kesäloma', 'kissakoira', 'perkele', 'suomi100', 'suomisuomi', 'suomisuomi12',
  'tyopeili', 'työpeili', 'tyopeili123', 'työpeili123', 'tyopeili2026', 'työpeili2026', 'demo-tyopeili', 'yrittaja', 'yrittäjä', 'yrittaja123',
  'qwertyuiop', 'qwertyuiopå', 'asdfghjklöä', 'qwertyuiop12', '123456789012', '1234567890ab', 'aaaaaaaaaaaa', 'passwordpassword',
];
const commonPasswords = new Set([...(dictionary['passwords-common'] as string[]), ...localCommon].map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  // A common password with a year or digits tacked on is still a guessable one.
  const stripped = lower.replace(/[\d!?.]+$/u, '');
  return stripped.length >= 4 && stripped !== lower && commonPasswords.has(stripped) && lower.length - stripped.length <= 5;
}

/** Returns the message for the first rule the password breaks, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string | null; name?: string | null } = {}): MessageKey | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password.tooLong';
  if (isCommonPassword(password)) return 'password.common';
  if (/^(.)\1+$/u.test(password)) return 'password.common';
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((context.email && lower === context.email.toLowerCase()) || (local && local.length >= 4 && lower.replace(/[\d!?.]+$/u, '') === local)) return 'password.likeEmail';
  if (context.name && lower.replace(/\s+/g, '') === context.name.toLowerCase().replace(/\s+/g, '')) return 'password.likeEmail';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random password: verified against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-' + Math.random());
  return dummyHash;
}
