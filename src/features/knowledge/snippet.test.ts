import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './snippet.ts';

const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('highlight', () => {
  it('marks inflected forms and compounds of a Finnish query word', () => {
    expect(marked(highlight('Yritystuen haku alkoi. Tukea saa myös kunnalta, ja tuki on haettava ajoissa.', 'tuki', 'fi'))).toEqual([
      'Yritystuen',
      'Tukea',
      'tuki',
    ]);
  });
  it('marks Swedish and English words by their own stems', () => {
    expect(marked(highlight('Stödet gäller alla företagen.', 'företag', 'sv'))).toEqual(['företagen']);
    expect(marked(highlight('Supporting small firms', 'support', 'en'))).toEqual(['Supporting']);
  });
  it('keeps the text whole', () => {
    const text = 'Hinnoittelu on vaikeaa, mutta hinnoittelun voi oppia.';
    expect(
      highlight(text, 'hinnoittelu', 'fi')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});

describe('snippet', () => {
  it('cuts a window around the first match, with ellipses', () => {
    const text = `${'alku '.repeat(40)}Palautuminen työpäivän jälkeen on tärkeää. ${'loppu '.repeat(40)}`;
    const parts = snippet(text, 'palautumisesta', 'fi', 12);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(marked(parts)).toEqual(['Palautuminen']);
  });
  it('without a match gives the opening', () => {
    expect(
      snippet('Lyhyt teksti.', 'kissa', 'fi')
        .map((p) => p.text)
        .join(''),
    ).toBe('Lyhyt teksti.');
  });
});
