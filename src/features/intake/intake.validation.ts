// The public application form and the coordinator's intake actions: one zod schema each,
// messages are catalog keys (translated per field by the page). Pure, no I/O.
import { z } from 'zod';
import { normalizeBusinessId } from '../companies/business-id.ts';
import { companySizes, isSectorCode } from '../companies/sectors.ts';
import { municipalityByCode } from '../places/municipalities.ts';
import { applicationStatuses, meetingFormats } from './intake.schema.ts';

export const applicationLocales = ['fi', 'sv', 'en'] as const;

/** Oldest and youngest plausible birth year for an applicant in a given year. */
export function birthYearRange(now = new Date()): { min: number; max: number } {
  const year = now.getUTCFullYear();
  return { min: year - 100, max: year - 15 };
}

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => (v === '' ? null : v));

/** A phone number as people type it: digits, spaces, +, -, parentheses; 6–15 digits. */
const phonePattern = /^\+?[0-9 ()-]+$/;

export function applicationSchema(now = new Date()) {
  const { min, max } = birthYearRange(now);
  return z.object({
    organizationId: z.uuid('intake.validation.organizationRequired'),
    name: z.string('intake.validation.nameRequired').trim().min(1, 'intake.validation.nameRequired').max(120, 'intake.validation.nameTooLong'),
    email: z
      .string('intake.validation.emailRequired')
      .trim()
      .min(1, 'intake.validation.emailRequired')
      .max(254, 'intake.validation.emailInvalid')
      .pipe(z.email('intake.validation.emailInvalid')),
    phone: z
      .string()
      .trim()
      .max(30, 'intake.validation.phoneInvalid')
      .refine((v) => v === '' || (phonePattern.test(v) && (v.match(/[0-9]/g)?.length ?? 0) >= 6 && (v.match(/[0-9]/g)?.length ?? 0) <= 15), 'intake.validation.phoneInvalid')
      .transform((v) => (v === '' ? null : v)),
    companyName: optionalText(200, 'intake.validation.companyNameTooLong'),
    businessId: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === '') return null;
        const normalized = normalizeBusinessId(v);
        if (!normalized) {
          ctx.addIssue({ code: 'custom', message: 'intake.validation.businessIdInvalid' });
          return z.NEVER;
        }
        return normalized;
      }),
    sector: z.string().refine(isSectorCode, 'intake.validation.sectorRequired'),
    size: z.enum(companySizes, 'intake.validation.sizeRequired'),
    municipality: z.string().refine((code) => municipalityByCode(code) !== undefined, 'intake.validation.municipalityRequired'),
    birthYear: z
      .string('intake.validation.birthYearRequired')
      .trim()
      .min(1, 'intake.validation.birthYearRequired')
      .regex(/^\d{4}$/, 'intake.validation.birthYearInvalid')
      .transform(Number)
      .pipe(z.number().int().min(min, 'intake.validation.birthYearInvalid').max(max, 'intake.validation.birthYearInvalid')),
    formats: z.array(z.enum(meetingFormats, 'intake.validation.formatsRequired'), 'intake.validation.formatsRequired').min(1, 'intake.validation.formatsRequired'),
    locale: z.enum(applicationLocales, 'intake.validation.localeRequired'),
    availability: optionalText(1000, 'intake.validation.textTooLong'),
    hopes: optionalText(2000, 'intake.validation.textTooLong'),
    consent: z.literal('on', 'intake.validation.consentRequired'),
  });
}

export type ApplicationInput = z.output<ReturnType<typeof applicationSchema>>;

/** The form's fields in page order (the error summary lists them in this order). */
export const applicationFields = [
  'organizationId',
  'name',
  'email',
  'phone',
  'companyName',
  'businessId',
  'sector',
  'size',
  'municipality',
  'birthYear',
  'formats',
  'locale',
  'availability',
  'hopes',
  'consent',
] as const;

/** A posted form as the schema's raw input: text fields as strings, formats as a list. */
export function applicationInputFromForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of applicationFields) {
    if (field === 'formats') out.formats = form.getAll('formats').map(String);
    else {
      const value = form.get(field);
      out[field] = typeof value === 'string' ? value : field === 'consent' ? undefined : '';
    }
  }
  return out;
}

// ---- the coordinator's queue -------------------------------------------------

export const queueSorts = ['newest', 'oldest', 'name'] as const;
export type QueueSort = (typeof queueSorts)[number];

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The queue's filters from the query string; unknown values are ignored, not errors. */
export const queueFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(applicationStatuses).optional()).catch(undefined),
  sector: z.preprocess(emptyToUndefined, z.string().refine(isSectorCode).optional()).catch(undefined),
  municipality: z.preprocess(emptyToUndefined, z.string().refine((c) => municipalityByCode(c) !== undefined).optional()).catch(undefined),
  format: z.preprocess(emptyToUndefined, z.enum(meetingFormats).optional()).catch(undefined),
  sort: z.preprocess(emptyToUndefined, z.enum(queueSorts).default('newest')).catch('newest'),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

export const contactNoteSchema = z.object({
  note: z.string().trim().max(4000, 'intake.validation.textTooLong'),
});

export const assignSchema = z
  .object({
    groupId: z.string().trim(),
    newGroupName: z.string().trim().max(120, 'intake.validation.groupNameTooLong').default(''),
  })
  .transform((v, ctx) => {
    if (v.groupId === 'new') {
      if (v.newGroupName === '') {
        ctx.addIssue({ code: 'custom', path: ['newGroupName'], message: 'intake.validation.groupNameRequired' });
        return z.NEVER;
      }
      return { kind: 'new' as const, name: v.newGroupName };
    }
    const id = z.uuid().safeParse(v.groupId);
    if (!id.success) {
      ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'intake.validation.groupRequired' });
      return z.NEVER;
    }
    return { kind: 'existing' as const, groupId: id.data };
  });
export type AssignInput = z.output<typeof assignSchema>;

export const declineSchema = z.object({
  message: z.string().trim().min(1, 'intake.validation.declineMessageRequired').max(4000, 'intake.validation.textTooLong'),
});
