import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Satakunnan Yrityspalvelut Oy', 'satakunnan-yrityspalvelut-oy'],
    ['Porin Kehitysyhtiö', 'porin-kehitysyhtio'],
    ['Åbo Företagscenter', 'abo-foretagscenter'],
    ['  --Yritys & Co!!  ', 'yritys-co'],
    ['Ääkkös-Öljy', 'aakkos-oljy'],
    ['!!!', 'organisaatio'],
    ['a'.repeat(100), 'a'.repeat(60)],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('uniqueSlug', () => {
  it('adds the first free number when the slug is taken', async () => {
    const taken = new Set(['pori', 'pori-2']);
    expect(await uniqueSlug('Pori', async (s) => taken.has(s))).toBe('pori-3');
    expect(await uniqueSlug('Rauma', async (s) => taken.has(s))).toBe('rauma');
  });
});
