// The funders' indicators as data (issue 17): the ESF 2014–2020 common indicators (Regulation
// (EU) No 1304/2013, Annex I: CO01…, CR01…) and the ESF+ 2021–2027 common indicators
// (Regulation (EU) 2021/1057, Annex I; the Commission's codes EECO…/EECR…, which the Regulation
// itself does not print). Only the indicators this platform collects the data for are listed:
// household situation (CO12–CO14), "other disadvantaged" (CO17, CR05), "inactive not in education"
// (CO04, CO08), the entity indicators about public administrations and NGOs (CO20–CO22, EECO18)
// and the six-month results (CR06–CR09, EECR05) are not asked here, so no target is offered for
// them. Names are message keys (`programmes.indicator.<code>`) in the three catalogs.
//
// Pure: no database, no I/O. `countParticipantIndicators` counts the participant indicators
// from the start and end rows; realised values are always computed, never typed.

export const indicatorSets = ['esf2014', 'esf2021'] as const;
export type IndicatorSet = (typeof indicatorSets)[number];

/** How a sole trader coached as a person is counted: as a participant only, or their firm as a supported SME (the programme's rule). */
export const soleTraderRules = ['participant', 'company'] as const;
export type SoleTraderRule = (typeof soleTraderRules)[number];

export const genders = ['woman', 'man', 'non_binary', 'prefer_not'] as const;
export type Gender = (typeof genders)[number];

export const employmentStatuses = ['unemployed', 'long_term_unemployed', 'inactive', 'employed'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];

/** Bands that serve both sets: 2014–2020 asks < 25 and > 54, 2021–2027 asks < 18, 18–29 and 55+. */
export const ageBands = ['under_18', '18_24', '25_29', '30_54', '55_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export const educationLevels = ['isced_0_2', 'isced_3_4', 'isced_5_8'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** The special-category and situation items, asked only when the programme asks them. */
export const specialItems = ['disability', 'minority', 'thirdCountNational', 'foreignBackground', 'homeless', 'rural'] as const;
export type SpecialItem = (typeof specialItems)[number];
/** An answer to a special item: "prefer not to say" is recorded as such; no answer is null. */
export const specialAnswers = ['yes', 'no', 'prefer_not'] as const;
export type SpecialAnswer = (typeof specialAnswers)[number];

export const leavingSituations = ['job_searching', 'in_education', 'qualification', 'employed', 'other'] as const;
export type LeavingSituation = (typeof leavingSituations)[number];

/** What a participant told at the start (null = not answered). */
export interface StartFacts {
  userId: string;
  gender: Gender | null;
  employmentStatus: EmploymentStatus | null;
  ageBand: AgeBand | null;
  education: EducationLevel | null;
  special: Partial<Record<SpecialItem, SpecialAnswer | null>>;
}

/** What a participant told on leaving. */
export interface EndFacts {
  userId: string;
  situations: readonly LeavingSituation[];
}

/** Who an indicator counts: participants (from the start rows), leavers (the end rows), or entities (companies). */
export type IndicatorKind = 'participants' | 'results' | 'entities';

export interface IndicatorDefinition {
  code: string;
  set: IndicatorSet;
  kind: IndicatorKind;
  /** Whether a participant (with their start and end facts) is counted; null for entity indicators (counted from companies later). */
  counts: ((start: StartFacts, end: EndFacts | null) => boolean) | null;
}

const unemployed = (s: StartFacts) => s.employmentStatus === 'unemployed' || s.employmentStatus === 'long_term_unemployed';
const yes = (item: SpecialItem) => (s: StartFacts) => s.special[item] === 'yes';
const left = (situation: LeavingSituation) => (_s: StartFacts, e: EndFacts | null) => e !== null && e.situations.includes(situation);

const participant = (code: string, set: IndicatorSet, counts: (s: StartFacts) => boolean): IndicatorDefinition => ({ code, set, kind: 'participants', counts });
const result = (code: string, set: IndicatorSet, counts: (s: StartFacts, e: EndFacts | null) => boolean): IndicatorDefinition => ({ code, set, kind: 'results', counts });

/** Every indicator, in the order the funder's monitoring form lists them. */
export const indicators: readonly IndicatorDefinition[] = [
  // ESF 2014–2020 (Regulation (EU) No 1304/2013, Annex I)
  participant('CO01', 'esf2014', unemployed),
  participant('CO02', 'esf2014', (s) => s.employmentStatus === 'long_term_unemployed'),
  participant('CO03', 'esf2014', (s) => s.employmentStatus === 'inactive'),
  participant('CO05', 'esf2014', (s) => s.employmentStatus === 'employed'),
  participant('CO06', 'esf2014', (s) => s.ageBand === 'under_18' || s.ageBand === '18_24'),
  participant('CO07', 'esf2014', (s) => s.ageBand === '55_plus'),
  participant('CO09', 'esf2014', (s) => s.education === 'isced_0_2'),
  participant('CO10', 'esf2014', (s) => s.education === 'isced_3_4'),
  participant('CO11', 'esf2014', (s) => s.education === 'isced_5_8'),
  // Migrants, participants with a foreign background, minorities: one indicator in 2014–2020.
  participant('CO15', 'esf2014', (s) => s.special.thirdCountNational === 'yes' || s.special.foreignBackground === 'yes' || s.special.minority === 'yes'),
  participant('CO16', 'esf2014', yes('disability')),
  participant('CO18', 'esf2014', yes('homeless')),
  participant('CO19', 'esf2014', yes('rural')),
  participant('CO_TOTAL', 'esf2014', () => true),
  { code: 'CO23', set: 'esf2014', kind: 'entities', counts: null },
  // CR01 counts the participants who were inactive at the start and are job searching on leaving.
  result('CR01', 'esf2014', (s, e) => s.employmentStatus === 'inactive' && left('job_searching')(s, e)),
  result('CR02', 'esf2014', left('in_education')),
  result('CR03', 'esf2014', left('qualification')),
  result('CR04', 'esf2014', left('employed')),

  // ESF+ 2021–2027 (Regulation (EU) 2021/1057, Annex I; the Commission's codes)
  participant('EECO01', 'esf2021', () => true),
  participant('EECO02', 'esf2021', unemployed),
  participant('EECO03', 'esf2021', (s) => s.employmentStatus === 'long_term_unemployed'),
  participant('EECO04', 'esf2021', (s) => s.employmentStatus === 'inactive'),
  participant('EECO05', 'esf2021', (s) => s.employmentStatus === 'employed'),
  participant('EECO06', 'esf2021', (s) => s.ageBand === 'under_18'),
  participant('EECO07', 'esf2021', (s) => s.ageBand === '18_24' || s.ageBand === '25_29'),
  participant('EECO08', 'esf2021', (s) => s.ageBand === '55_plus'),
  participant('EECO09', 'esf2021', (s) => s.education === 'isced_0_2'),
  participant('EECO10', 'esf2021', (s) => s.education === 'isced_3_4'),
  participant('EECO11', 'esf2021', (s) => s.education === 'isced_5_8'),
  participant('EECO12', 'esf2021', yes('disability')),
  participant('EECO13', 'esf2021', yes('thirdCountNational')),
  participant('EECO14', 'esf2021', yes('foreignBackground')),
  participant('EECO15', 'esf2021', yes('minority')),
  participant('EECO16', 'esf2021', yes('homeless')),
  participant('EECO17', 'esf2021', yes('rural')),
  { code: 'EECO19', set: 'esf2021', kind: 'entities', counts: null },
  result('EECR01', 'esf2021', left('job_searching')),
  result('EECR02', 'esf2021', left('in_education')),
  result('EECR03', 'esf2021', left('qualification')),
  result('EECR04', 'esf2021', left('employed')),
];

export function indicatorsOf(set: IndicatorSet): IndicatorDefinition[] {
  return indicators.filter((i) => i.set === set);
}

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return indicators.find((i) => i.code === code);
}

/**
 * The age band at entry from a date of birth (yyyy-mm-dd) and the start date: whole years
 * reached on that day (a birthday on the start date counts; 29 Feb birthdays turn on 1 Mar in
 * common years). Null when the birth date is after the start date.
 */
export function ageBandAt(birthDate: string, onDate: string): AgeBand | null {
  const age = ageInYears(birthDate, onDate);
  if (age === null) return null;
  if (age < 18) return 'under_18';
  if (age < 25) return '18_24';
  if (age < 30) return '25_29';
  if (age < 55) return '30_54';
  return '55_plus';
}

/** Whole years from `birthDate` to `onDate` (both yyyy-mm-dd), or null if born after. */
export function ageInYears(birthDate: string, onDate: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  // Feb 29 in a common year: the birthday is reached on 1 March.
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const [cm, cd] = bm === 2 && bd === 29 && !leap(y) ? [3, 1] : [bm, bd];
  if (m < cm || (m === cm && d < cd)) age -= 1;
  return age < 0 ? null : age;
}

export interface IndicatorCount {
  code: string;
  total: number;
  byGender: Record<Gender | 'unanswered', number>;
}

/**
 * The participant and result indicators of a set, counted from the start rows (each person once)
 * and the end rows: totals and the gender breakdown. Entity indicators are left out (companies are
 * counted from the activities). People without a start row are not participants.
 */
export function countParticipantIndicators(set: IndicatorSet, starts: readonly StartFacts[], ends: readonly EndFacts[]): IndicatorCount[] {
  const endOf = new Map(ends.map((e) => [e.userId, e]));
  const people = new Map(starts.map((s) => [s.userId, s]));
  const out: IndicatorCount[] = [];
  for (const indicator of indicatorsOf(set)) {
    if (!indicator.counts) continue;
    const count: IndicatorCount = { code: indicator.code, total: 0, byGender: { woman: 0, man: 0, non_binary: 0, prefer_not: 0, unanswered: 0 } };
    for (const start of people.values()) {
      const end = endOf.get(start.userId) ?? null;
      if (indicator.kind === 'results' && !end) continue;
      if (!indicator.counts(start, end)) continue;
      count.total += 1;
      count.byGender[start.gender ?? 'unanswered'] += 1;
    }
    out.push(count);
  }
  return out;
}
