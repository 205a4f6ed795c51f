// Finnish business ID (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit,
// "NNNNNNN-C". The check digit: weigh the seven digits by 7, 9, 10, 5, 8, 4, 2 and take the
// sum mod 11; remainder 0 gives 0, remainder 1 is never issued, otherwise 11 − remainder.
// Only the seven-digit body is accepted; old IDs carry a leading zero in it (Nokia Oyj is
// 0112038-9), and a six-digit body is not padded. Pure, no I/O.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

const CANONICAL = /^(\d{7})-(\d)$/;

/**
 * The check digit for the first seven digits, or null when the digits are not seven ASCII
 * digits or their weighted sum leaves remainder 1 (no valid ID has such a body).
 */
export function businessIdCheckDigit(first7: string): number | null {
  if (!/^\d{7}$/.test(first7)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * WEIGHTS[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** True for a business ID in its canonical form "NNNNNNN-C" with a correct check digit. */
export function isValidBusinessId(s: string): boolean {
  const match = CANONICAL.exec(s);
  if (!match) return false;
  return businessIdCheckDigit(match[1]!) === Number(match[2]);
}

/**
 * The canonical form "NNNNNNN-C" of what a person typed, or null if it is not a valid
 * business ID. Forgives surrounding and inner spaces, a missing hyphen ("01120389") and a
 * typographic dash (en dash, minus sign) in place of the hyphen.
 */
export function normalizeBusinessId(s: string): string | null {
  const compact = s.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  const match = /^(\d{7})-?(\d)$/.exec(compact);
  if (!match) return null;
  const id = `${match[1]}-${match[2]}`;
  return isValidBusinessId(id) ? id : null;
}

/**
 * A random valid business ID, for test data and demos. `random` returns numbers in [0, 1)
 * (Math.random or a seeded generator); the same sequence gives the same ID.
 */
export function generateBusinessId(random: () => number): string {
  const digit = () => {
    const r = random();
    const n = Math.floor((Number.isFinite(r) ? r : 0) * 10);
    return Math.min(9, Math.max(0, n));
  };
  const digits = Array.from({ length: 7 }, digit);
  let check = businessIdCheckDigit(digits.join(''));
  if (check === null) {
    // Remainder 1. Stepping the last digit by one moves the sum by 2 (mod 11), so the next
    // value of the last digit never leaves remainder 1 again.
    digits[6] = (digits[6]! + 1) % 10;
    check = businessIdCheckDigit(digits.join(''))!;
  }
  return `${digits.join('')}-${check}`;
}
