// The verification code printed on a certificate and typed on /verify: 10 characters of
// Crockford's base32 (digits and letters without I, L, O and U, so nothing reads as another),
// 50 random bits — unguessable behind the page's rate limit, short enough to type from paper.
// Shown in two groups of five (7KQ2M-9XH4D); typing is forgiving: case, spaces and dashes do
// not matter, and I, L and O are read as 1, 1 and 0.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The code as typed → its stored form, or null when it cannot be a code. */
export function normalizeVerificationCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** 7KQ2M9XH4D → 7KQ2M-9XH4D */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
