import { describe, expect, it } from 'vitest';
import { gradationKey, indexTerms, queryTerms, splitCompound, wordTerms } from './search-terms';

const shares = (a: string, b: string) => {
  const x = new Set(wordTerms(a, 'fi'));
  return wordTerms(b, 'fi').some((t) => x.has(t));
};

describe('Finnish search terms', () => {
  it('joins the forms of one word across consonant gradation', () => {
    for (const form of ['tuen', 'tukea', 'tuesta', 'tukeen']) expect(shares('tuki', form)).toBe(true);
    expect(shares('katu', 'kadun')).toBe(true);
    expect(shares('tapa', 'tavan')).toBe(true);
    expect(shares('kenkä', 'kengän')).toBe(true);
    expect(shares('hallinta', 'hallinnan')).toBe(true);
  });

  it('joins short weak-grade forms, -nen words and clusters the stemmer leaves apart', () => {
    for (const form of ['tuella', 'tuissa', 'tukien']) expect(shares('tuki', form)).toBe(true);
    expect(shares('markkinointi', 'markkinoinnista')).toBe(true);
    expect(shares('palautuminen', 'palautumisesta')).toBe(true);
    expect(shares('ehto', 'ehdot')).toBe(true);
  });

  it('does not join unrelated words', () => {
    expect(shares('tuki', 'talous')).toBe(false);
    expect(shares('markkinointi', 'verotus')).toBe(false);
    expect(gradationKey('kadu')).toBe('kat');
  });

  it('splits compounds so the last part is found', () => {
    expect(splitCompound('yritystuki')).toContain('tuki');
    expect(splitCompound('somemarkkinointi')).toContain('markkinointi');
    expect(shares('tuki', 'yritystuen')).toBe(true);
    expect(shares('hallinta', 'ajanhallinnan')).toBe(true);
    expect(shares('suoja', 'tietosuojasta')).toBe(true);
  });

  it('builds a tsquery of letters only: AND of words, OR of forms', () => {
    const q = queryTerms("Tuki'; DROP & markkinointi", 'fi');
    expect(q).toMatch(/^\([^&]+\) & \([^&]+\) & \([^&]+\)$/u);
    expect(q).not.toMatch(/[';]/u);
    expect(queryTerms('  !! ', 'fi')).toBeNull();
  });

  it("uses the article's own language for sv and en", () => {
    expect(indexTerms('Marketing companies', 'en')).toBe('market compani');
    expect(wordTerms('företagen', 'sv')).toEqual(wordTerms('företag', 'sv'));
  });
});
