import { describe, expect, it } from 'vitest';
import { companySizeLabel, companySizeLabels, companySizes, isCompanySize, isSectorCode, sectorCodes, sectorLabel, sectors } from './sectors.ts';
import { companySizeCodes } from './companies.schema.ts';

describe('sectors', () => {
  it('has sote first, then the TOL 2008 sections A–U in order without Q, the same field as sote', () => {
    expect(sectors).toHaveLength(21);
    expect(sectors[0]).toEqual({ code: 'sote', fi: 'Sosiaali- ja terveysala', sv: 'Social- och hälsovårdsbranschen', en: 'Social and health care' });
    expect(sectorCodes).toEqual(['sote', ...'ABCDEFGHIJKLMNOPRSTU']);
    expect(isSectorCode('Q')).toBe(false);
  });

  it('has unique codes and names in every language', () => {
    for (const key of ['code', 'fi', 'sv', 'en'] as const) expect(new Set(sectors.map((s) => s[key])).size).toBe(21);
    for (const s of sectors) for (const name of [s.fi, s.sv, s.en]) expect(name.trim()).toBe(name);
  });

  it('labels a sector in each language', () => {
    expect(sectorLabel('sote', 'fi')).toBe('Sosiaali- ja terveysala');
    expect(sectorLabel('sote', 'en')).toBe('Social and health care');
    expect(sectorLabel('I', 'fi')).toBe('Majoitus- ja ravitsemistoiminta');
    expect(sectorLabel('sote', 'sv')).toBe('Social- och hälsovårdsbranschen');
  });

  it('knows its codes', () => {
    expect(isSectorCode('sote')).toBe(true);
    expect(isSectorCode('U')).toBe(true);
    for (const code of ['', 'V', 'X', 'a', 'SOTE', '86']) {
      expect(isSectorCode(code)).toBe(false);
      expect(sectorLabel(code, 'fi')).toBeUndefined();
    }
  });
});

describe('company sizes', () => {
  it('are the same codes the database allows', () => {
    expect(companySizes).toEqual(companySizeCodes);
  });

  it('have a label in every language', () => {
    expect(Object.keys(companySizeLabels)).toEqual([...companySizes]);
    expect(companySizeLabel('sole', 'fi')).toBe('Yksinyrittäjä');
    expect(companySizeLabel('micro', 'fi')).toBe('1–9 henkeä');
    expect(companySizeLabel('small', 'sv')).toBe('10–49 personer');
    expect(companySizeLabel('medium', 'en')).toBe('50–249 people');
  });

  it('rejects unknown sizes', () => {
    expect(isCompanySize('large')).toBe(false);
    expect(isCompanySize('micro')).toBe(true);
    expect(companySizeLabel('large', 'fi')).toBeUndefined();
  });
});
