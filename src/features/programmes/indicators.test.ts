// The indicators as data: both sets complete and distinct, every name in the three catalogs, the
// age band at entry at its edges (birthdays, 29 February), and the participant counts against
// hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { fi } from '../../i18n/fi.ts';
import { sv } from '../../i18n/sv.ts';
import { ageBandAt, ageInYears, countParticipantIndicators, findIndicator, indicators, indicatorsOf, type StartFacts } from './indicators.ts';

describe('indicator definitions', () => {
  it('lists each code once, in its own set, with names in fi, sv and en', () => {
    const codes = indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of indicators) {
      expect(i.code.startsWith(i.set === 'esf2014' ? 'C' : 'EE')).toBe(true);
      const key = `programmes.indicator.${i.code}`;
      for (const catalog of [fi, sv, en] as Record<string, string>[]) expect(catalog[key], key).toBeTruthy();
    }
  });

  it('has the Regulation’s participant, entity and result indicators of each period', () => {
    expect(indicatorsOf('esf2021').map((i) => i.code)).toEqual([
      'EECO01', 'EECO02', 'EECO03', 'EECO04', 'EECO05', 'EECO06', 'EECO07', 'EECO08', 'EECO09', 'EECO10', 'EECO11',
      'EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17', 'EECO19', 'EECR01', 'EECR02', 'EECR03', 'EECR04',
    ]);
    expect(indicatorsOf('esf2014').map((i) => i.code)).toEqual([
      'CO01', 'CO02', 'CO03', 'CO05', 'CO06', 'CO07', 'CO09', 'CO10', 'CO11', 'CO15', 'CO16', 'CO18', 'CO19', 'CO_TOTAL', 'CO23', 'CR01', 'CR02', 'CR03', 'CR04',
    ]);
    expect(findIndicator('EECO19')?.kind).toBe('entities');
    expect(findIndicator('CO23')?.counts).toBeNull();
    expect(findIndicator('EECR04')?.kind).toBe('results');
    expect(findIndicator('XX01')).toBeUndefined();
  });
});

describe('age band at entry', () => {
  it('turns at the birthday itself, not the day before', () => {
    expect(ageBandAt('1962-09-01', '2017-08-31')).toBe('30_54');
    expect(ageBandAt('1962-09-01', '2017-09-01')).toBe('55_plus');
    expect(ageBandAt('1999-03-15', '2017-03-14')).toBe('under_18');
    expect(ageBandAt('1999-03-15', '2017-03-15')).toBe('18_24');
    expect(ageBandAt('1992-06-30', '2017-06-29')).toBe('18_24');
    expect(ageBandAt('1992-06-30', '2017-06-30')).toBe('25_29');
    expect(ageBandAt('1987-12-31', '2017-12-30')).toBe('25_29');
    expect(ageBandAt('1987-12-31', '2017-12-31')).toBe('30_54');
  });

  it('counts a 29 February birthday as reached on 1 March in common years, on the day in leap years', () => {
    expect(ageInYears('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageInYears('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageBandAt('2000-02-29', '2018-02-28')).toBe('under_18');
    expect(ageBandAt('2000-02-29', '2018-03-01')).toBe('18_24');
    expect(ageInYears('1964-02-29', '2020-02-28')).toBe(55);
    expect(ageInYears('1964-02-29', '2020-02-29')).toBe(56);
  });

  it('has no band for a birth after the start', () => {
    expect(ageBandAt('2018-01-02', '2018-01-01')).toBeNull();
    expect(ageBandAt('2018-01-01', '2018-01-01')).toBe('under_18');
  });
});

describe('counting the participant indicators', () => {
  const person = (userId: string, over: Partial<StartFacts>): StartFacts => ({ userId, gender: null, employmentStatus: null, ageBand: null, education: null, special: {}, ...over });
  // Hand-counted: 5 people; 3 women, 1 man, 1 prefer-not.
  const starts: StartFacts[] = [
    person('a', { gender: 'woman', employmentStatus: 'employed', ageBand: '55_plus', education: 'isced_5_8', special: { rural: 'yes', disability: 'prefer_not' } }),
    person('b', { gender: 'woman', employmentStatus: 'long_term_unemployed', ageBand: '25_29', education: 'isced_3_4', special: { thirdCountNational: 'yes' } }),
    person('c', { gender: 'man', employmentStatus: 'inactive', ageBand: '18_24', education: 'isced_0_2' }),
    person('d', { gender: 'prefer_not', employmentStatus: 'unemployed', ageBand: 'under_18' }),
    person('e', { gender: 'woman', employmentStatus: 'employed', ageBand: '30_54', special: { foreignBackground: 'yes', minority: 'no' } }),
  ];
  const ends = [
    { userId: 'c', situations: ['job_searching', 'in_education'] as const },
    { userId: 'b', situations: ['employed', 'qualification'] as const },
    { userId: 'a', situations: ['employed'] as const },
    { userId: 'zz', situations: ['employed'] as const }, // an end without a start is nobody
  ];
  const of = (set: 'esf2014' | 'esf2021') => Object.fromEntries(countParticipantIndicators(set, starts, ends).map((c) => [c.code, c]));

  it('ESF+ 2021–2027', () => {
    const c = of('esf2021');
    expect(c.EECO01!.total).toBe(5);
    expect(c.EECO01!.byGender).toEqual({ woman: 3, man: 1, non_binary: 0, prefer_not: 1, unanswered: 0 });
    expect(c.EECO02!.total).toBe(2); // b long-term, d
    expect(c.EECO03!.total).toBe(1);
    expect(c.EECO04!.total).toBe(1);
    expect(c.EECO05!.total).toBe(2);
    expect(c.EECO05!.byGender.woman).toBe(2);
    expect(c.EECO06!.total).toBe(1);
    expect(c.EECO07!.total).toBe(2); // b 25–29, c 18–24
    expect(c.EECO08!.total).toBe(1);
    expect([c.EECO09!.total, c.EECO10!.total, c.EECO11!.total]).toEqual([1, 1, 1]);
    expect(c.EECO12!.total).toBe(0); // "prefer not to say" is not a yes
    expect([c.EECO13!.total, c.EECO14!.total, c.EECO15!.total, c.EECO17!.total]).toEqual([1, 1, 0, 1]);
    expect([c.EECR01!.total, c.EECR02!.total, c.EECR03!.total, c.EECR04!.total]).toEqual([1, 1, 1, 2]);
    expect(c.EECO19).toBeUndefined();
  });

  it('ESF 2014–2020: under 25, over 54, one migrant indicator, job searching only of the inactive', () => {
    const c = of('esf2014');
    expect(c.CO_TOTAL!.total).toBe(5);
    expect(c.CO06!.total).toBe(2); // c 18–24, d under 18
    expect(c.CO07!.total).toBe(1);
    expect(c.CO15!.total).toBe(2); // b third-country, e foreign background
    expect(c.CR01!.total).toBe(1); // c was inactive
    expect(countParticipantIndicators('esf2014', starts, [{ userId: 'a', situations: ['job_searching'] }]).find((x) => x.code === 'CR01')!.total).toBe(0);
  });
});
