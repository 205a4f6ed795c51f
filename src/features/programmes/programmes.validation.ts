// The programmes' forms, parsed at the boundary. Dates are typed the Finnish way (1.9.2017).
import { z } from 'zod';
import { dateField, optionalDateField } from '../../platform/validation/finnish-input.ts';
import { ageBands, educationLevels, employmentStatuses, genders, indicatorSets, indicatorsOf, leavingSituations, soleTraderRules, specialAnswers, type IndicatorSet } from './indicators.ts';

const text = (max: number) => z.string().trim().max(max, 'programmes.validation.tooLong');
/** An optional choice: empty (not answered) is null; anything else must be one of the values. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(values).nullable());

export const programmeFormSchema = z
  .object({
    name: text(200).min(1, 'programmes.validation.nameRequired'),
    funder: text(300).default(''),
    fundingProgramme: text(300).default(''),
    indicatorSet: z.enum(indicatorSets, 'programmes.validation.indicatorSet'),
    projectCode: text(60).default(''),
    startsOn: dateField('programmes.validation.date'),
    endsOn: dateField('programmes.validation.date'),
    soleTraderRule: z.enum(soleTraderRules, 'programmes.validation.soleTraderRule'),
    asksSpecialCategories: z.enum(['on']).optional().transform((v) => v === 'on'),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'programmes.validation.endsBeforeStart' });
export type ProgrammeInput = z.infer<typeof programmeFormSchema>;

/** Planned values: one field per indicator of the programme's set, `target-<code>`; empty = no target. */
export function targetsFormSchema(set: IndicatorSet) {
  const shape: Record<string, z.ZodType<number | null>> = {};
  for (const indicator of indicatorsOf(set)) {
    shape[`target-${indicator.code}`] = z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim().replace(/\s/g, ''))
      .pipe(z.union([z.literal('').transform(() => null), z.string().regex(/^\d{1,7}$/, 'programmes.validation.target').transform(Number)]))
      .pipe(z.number().int().min(0).max(1_000_000, 'programmes.validation.target').nullable());
  }
  return z.object(shape).transform((fields) => {
    const out: { code: string; planned: number }[] = [];
    for (const [key, planned] of Object.entries(fields)) if (planned !== null) out.push({ code: key.slice('target-'.length), planned });
    return out;
  });
}

const uuidList = z.array(z.uuid()).max(500).default([]);
/** The link form: the ids ticked per kind (the full list of the organisation's activities is on the page). */
export const linksFormSchema = z.object({
  groupIds: uuidList,
  eventIds: uuidList,
  sessionIds: uuidList,
});

export const funderFormSchema = z.object({ intent: z.enum(['grant', 'revoke']), userId: z.uuid() });
export const organizationFormSchema = z.object({ intent: z.enum(['add', 'remove']), organizationId: z.uuid() });

/** The start form: every item may be left unanswered; the age is a date of birth or a band. */
export const startFormSchema = z
  .object({
    gender: optionalChoice(genders),
    employmentStatus: optionalChoice(employmentStatuses),
    birthDate: optionalDateField('programmes.validation.birthDate'),
    ageBand: optionalChoice(ageBands),
    education: optionalChoice(educationLevels),
    disability: optionalChoice(specialAnswers),
    minority: optionalChoice(specialAnswers),
    thirdCountNational: optionalChoice(specialAnswers),
    foreignBackground: optionalChoice(specialAnswers),
    homeless: optionalChoice(specialAnswers),
    rural: optionalChoice(specialAnswers),
  })
  .refine((s) => !(s.birthDate && s.ageBand), { path: ['birthDate'], message: 'programmes.validation.birthDateOrBand' });
export type StartInput = z.infer<typeof startFormSchema>;

export const endFormSchema = z.object({
  endedOn: dateField('programmes.validation.date'),
  situations: z.array(z.enum(leavingSituations)).max(leavingSituations.length).default([]),
});
export type EndInput = z.infer<typeof endFormSchema>;
