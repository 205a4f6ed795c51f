import { describe, expect, it } from 'vitest';
import { municipalities, municipalitiesInRegion, municipalityByCode, municipalityName, regionName, regions } from './municipalities.ts';

describe('municipalities', () => {
  it('has the 308 municipalities of 2025 with unique three-digit codes', () => {
    expect(municipalities).toHaveLength(308);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(308);
    for (const m of municipalities) expect(m.code).toMatch(/^\d{3}$/);
  });

  it('has unique Finnish names and no blank or padded names', () => {
    expect(new Set(municipalities.map((m) => m.fi)).size).toBe(308);
    for (const m of municipalities) {
      for (const name of [m.fi, m.sv]) {
        expect(name.trim()).toBe(name);
        expect(name.length).toBeGreaterThan(1);
      }
    }
  });

  it('is in code order', () => {
    const codes = municipalities.map((m) => m.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('puts every municipality in one of the 19 regions, with the expected counts', () => {
    expect(regions).toHaveLength(19);
    const names = new Set(regions.map((r) => r.fi));
    for (const m of municipalities) expect(names.has(m.region)).toBe(true);
    const counts = Object.fromEntries(regions.map((r) => [r.fi, municipalitiesInRegion(r.fi).length]));
    expect(counts).toEqual({
      Uusimaa: 26,
      'Varsinais-Suomi': 27,
      Satakunta: 16,
      'Kanta-Häme': 11,
      Pirkanmaa: 23,
      'Päijät-Häme': 10,
      Kymenlaakso: 6,
      'Etelä-Karjala': 9,
      'Etelä-Savo': 11,
      'Pohjois-Savo': 19,
      'Pohjois-Karjala': 13,
      'Keski-Suomi': 22,
      'Etelä-Pohjanmaa': 18,
      Pohjanmaa: 14,
      'Keski-Pohjanmaa': 8,
      'Pohjois-Pohjanmaa': 30,
      Kainuu: 8,
      Lappi: 21,
      Ahvenanmaa: 16,
    });
  });

  it('has the 16 municipalities of Satakunta', () => {
    expect(
      municipalitiesInRegion('Satakunta')
        .map((m) => m.fi)
        .sort((a, b) => a.localeCompare(b, 'fi')),
    ).toEqual([
      'Eura',
      'Eurajoki',
      'Harjavalta',
      'Huittinen',
      'Jämijärvi',
      'Kankaanpää',
      'Karvia',
      'Kokemäki',
      'Merikarvia',
      'Nakkila',
      'Pomarkku',
      'Pori',
      'Rauma',
      'Siikainen',
      'Säkylä',
      'Ulvila',
    ]);
  });

  it('knows the well-known codes and Swedish names', () => {
    expect(municipalityByCode('609')).toEqual({ code: '609', fi: 'Pori', sv: 'Björneborg', region: 'Satakunta' });
    expect(municipalityByCode('684')).toMatchObject({ fi: 'Rauma', sv: 'Raumo' });
    expect(municipalityByCode('091')).toEqual({ code: '091', fi: 'Helsinki', sv: 'Helsingfors', region: 'Uusimaa' });
    expect(municipalityByCode('853')).toMatchObject({ fi: 'Turku', sv: 'Åbo', region: 'Varsinais-Suomi' });
    expect(municipalityByCode('837')).toMatchObject({ fi: 'Tampere', sv: 'Tammerfors', region: 'Pirkanmaa' });
    expect(municipalityByCode('564')).toMatchObject({ fi: 'Oulu', sv: 'Uleåborg', region: 'Pohjois-Pohjanmaa' });
    expect(municipalityByCode('905')).toMatchObject({ fi: 'Vaasa', sv: 'Vasa', region: 'Pohjanmaa' });
    expect(municipalityByCode('478')).toMatchObject({ fi: 'Maarianhamina', sv: 'Mariehamn', region: 'Ahvenanmaa' });
  });

  it('reflects the municipal mergers up to 2025', () => {
    expect(municipalityByCode('588')).toBeUndefined(); // Pertunmaa → Mäntyharju 2025
    expect(municipalityByCode('099')).toBeUndefined(); // Honkajoki → Kankaanpää 2021
    expect(municipalityByCode('442')).toBeUndefined(); // Luvia → Eurajoki 2017
    expect(municipalityByCode('507')).toMatchObject({ fi: 'Mäntyharju', region: 'Etelä-Savo' });
  });

  it('returns undefined for unknown codes', () => {
    expect(municipalityByCode('000')).toBeUndefined();
    expect(municipalityByCode('609 ')).toBeUndefined();
    expect(municipalityName('999', 'fi')).toBeUndefined();
  });
});

describe('municipalityName', () => {
  it('gives the Finnish, Swedish or English name', () => {
    expect(municipalityName('609', 'fi')).toBe('Pori');
    expect(municipalityName('609', 'sv')).toBe('Björneborg');
    expect(municipalityName('609', 'en')).toBe('Pori');
    expect(municipalityName('091', 'sv')).toBe('Helsingfors');
    expect(municipalityName('091', 'en')).toBe('Helsinki');
  });

  it('uses the Finnish name in Swedish when there is no Swedish name', () => {
    expect(municipalityName('181', 'sv')).toBe('Jämijärvi');
  });

  it('uses the Swedish name in English for Åland', () => {
    expect(municipalityName('478', 'en')).toBe('Mariehamn');
    expect(municipalityName('478', 'fi')).toBe('Maarianhamina');
    expect(municipalityName('170', 'en')).toBe('Jomala');
  });
});

describe('regionName', () => {
  it('translates a region by its Finnish name', () => {
    expect(regionName('Varsinais-Suomi', 'sv')).toBe('Egentliga Finland');
    expect(regionName('Varsinais-Suomi', 'en')).toBe('Southwest Finland');
    expect(regionName('Satakunta', 'fi')).toBe('Satakunta');
    expect(regionName('Nowhere', 'fi')).toBeUndefined();
  });
});
