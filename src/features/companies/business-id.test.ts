import { describe, expect, it } from 'vitest';
import { businessIdCheckDigit, generateBusinessId, isValidBusinessId, normalizeBusinessId } from './business-id.ts';
import { createRandom } from '../../../tests/factories/finnish-names.ts';

// Real business IDs, each check digit worked out by hand (weights 7 9 10 5 8 4 2):
const realIds = [
  // Nokia Oyj: 0·7+1·9+1·10+2·5+0·8+3·4+8·2 = 0+9+10+10+0+12+16 = 57; 57 mod 11 = 2 → 11−2 = 9
  '0112038-9',
  // Satakunnan ammattikorkeakoulu Oy: 2·7+3·9+8·10+8·5+9·8+2·4+4·2 = 14+27+80+40+72+8+8 = 249; 249 mod 11 = 7 → 4
  '2388924-4',
  // Helsingin kaupunki: 0+2·9+0+1·5+2·8+5·4+6·2 = 18+5+16+20+12 = 71; 71 mod 11 = 5 → 6
  '0201256-6',
  // Kesko Oyj: 0+1·9+0+9·5+8·8+6·4+2·2 = 9+45+64+24+4 = 146; 146 mod 11 = 3 → 8
  '0109862-8',
  // KONE Oyj: 1·7+9·9+2·10+7·5+4·8+0+0 = 7+81+20+35+32 = 175; 175 mod 11 = 10 → 1
  '1927400-1',
  // UPM-Kymmene Oyj: 1·7+0+4·10+1·5+0+9·4+0 = 7+40+5+36 = 88; 88 mod 11 = 0 → check digit 0
  '1041090-0',
] as const;

describe('businessIdCheckDigit', () => {
  it('computes the check digit of real IDs', () => {
    for (const id of realIds) expect(businessIdCheckDigit(id.slice(0, 7))).toBe(Number(id[8]));
  });

  it('gives 0 for remainder 0 and null for remainder 1', () => {
    expect(businessIdCheckDigit('1041090')).toBe(0); // sum 88
    expect(businessIdCheckDigit('0000000')).toBe(0); // sum 0
    expect(businessIdCheckDigit('0000006')).toBeNull(); // 6·2 = 12; 12 mod 11 = 1
    expect(businessIdCheckDigit('2000018')).toBeNull(); // 14+0+0+0+0+4+16 = 34; 34 mod 11 = 1
  });

  it('refuses anything but seven digits', () => {
    for (const s of ['', '123456', '12345678', '12345a7', ' 123456', '１２３４５６７']) expect(businessIdCheckDigit(s)).toBeNull();
  });
});

describe('isValidBusinessId', () => {
  it('accepts real IDs', () => {
    for (const id of realIds) expect(isValidBusinessId(id), id).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidBusinessId('0112038-8')).toBe(false);
    expect(isValidBusinessId('2388924-5')).toBe(false);
    expect(isValidBusinessId('1041090-1')).toBe(false);
    // every wrong digit for one ID
    for (let d = 0; d <= 9; d++) expect(isValidBusinessId(`0201256-${d}`)).toBe(d === 6);
  });

  it('rejects bodies whose remainder is 1, whatever the check digit', () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidBusinessId(`0000006-${d}`)).toBe(false);
      expect(isValidBusinessId(`2000018-${d}`)).toBe(false);
    }
  });

  it('rejects other formats', () => {
    for (const s of [
      '',
      '01120389', // no hyphen: use normalizeBusinessId
      ' 0112038-9',
      '0112038-9 ',
      '112038-9', // six-digit body
      '00112038-9',
      '0112038-',
      '0112038-98',
      '0112038–9', // en dash
      'FI01120389',
      'abcdefg-h',
      '0112O38-9', // letter O
    ])
      expect(isValidBusinessId(s), JSON.stringify(s)).toBe(false);
  });
});

describe('normalizeBusinessId', () => {
  it('returns the canonical form of what a person typed', () => {
    expect(normalizeBusinessId('0112038-9')).toBe('0112038-9');
    expect(normalizeBusinessId('  2388924-4\n')).toBe('2388924-4');
    expect(normalizeBusinessId('01120389')).toBe('0112038-9');
    expect(normalizeBusinessId('0112038 - 9')).toBe('0112038-9');
    expect(normalizeBusinessId('011 2038-9')).toBe('0112038-9');
    expect(normalizeBusinessId('0112038–9')).toBe('0112038-9'); // en dash
    expect(normalizeBusinessId('0112038−9')).toBe('0112038-9'); // minus sign
  });

  it('returns null for invalid input', () => {
    for (const s of ['', '   ', '0112038-8', '0000006-0', '112038-9', 'FI01120389', '0112038--9', 'Nokia']) expect(normalizeBusinessId(s), s).toBeNull();
  });
});

describe('generateBusinessId', () => {
  it('always produces valid IDs (1000 seeded samples)', () => {
    const rnd = createRandom(2025);
    const ids = Array.from({ length: 1000 }, () => generateBusinessId(() => rnd.next()));
    for (const id of ids) {
      expect(id).toMatch(/^\d{7}-\d$/);
      expect(isValidBusinessId(id), id).toBe(true);
    }
    expect(new Set(ids).size).toBeGreaterThan(990);
  });

  it('always produces valid IDs with Math.random', () => {
    for (let i = 0; i < 1000; i++) expect(isValidBusinessId(generateBusinessId(Math.random))).toBe(true);
  });

  it('repairs a remainder-1 body deterministically', () => {
    // A "random" source that yields the given digits in turn.
    const digits = (s: string) => {
      let i = 0;
      return () => Number(s[i++ % s.length]) / 10;
    };
    // 0000059: 5·4+9·2 = 38; 38 mod 11 = 5 → valid as drawn, check 6
    expect(generateBusinessId(digits('0000059'))).toBe('0000059-6');
    // 0000006: 6·2 = 12 leaves remainder 1; the last digit steps to 7: 14 mod 11 = 3 → 8
    expect(generateBusinessId(digits('0000006'))).toBe('0000007-8');
    // 0000049: 4·4+9·2 = 34 leaves remainder 1; the last digit wraps to 0: 16 mod 11 = 5 → 6
    expect(generateBusinessId(digits('0000049'))).toBe('0000040-6');
  });

  it('is deterministic for the same random sequence', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect(generateBusinessId(() => a.next())).toBe(generateBusinessId(() => b.next()));
  });

  it('copes with a generator at the edges of [0, 1)', () => {
    expect(isValidBusinessId(generateBusinessId(() => 0))).toBe(true);
    expect(isValidBusinessId(generateBusinessId(() => 0.9999999999))).toBe(true);
    expect(isValidBusinessId(generateBusinessId(() => 1))).toBe(true);
    expect(isValidBusinessId(generateBusinessId(() => Number.NaN))).toBe(true);
  });
});
