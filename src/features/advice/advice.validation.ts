// The advice forms: one zod schema each; messages are catalog keys (translated per field by the page).
import { z } from 'zod';
import { dateField, optionalDateField, timeField } from '../../platform/validation/finnish-input.ts';
import { normalizeBusinessId } from '../companies/business-id.ts';
import { municipalityByCode } from '../places/municipalities.ts';
import { adviceTopics } from './topics.ts';

const webUrl = z
  .string()
  .trim()
  .max(500, 'advice.validation.urlInvalid')
  .refine((v) => {
    try {
      const { protocol } = new URL(v);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'advice.validation.urlInvalid');

const topicList = z
  .array(z.enum(adviceTopics, 'advice.validation.topicsRequired'), 'advice.validation.topicsRequired')
  .min(1, 'advice.validation.topicsRequired');

const common = {
  startTime: timeField('advice.validation.timeInvalid'),
  endTime: timeField('advice.validation.timeInvalid'),
  mode: z.enum(['remote', 'on_site'], 'advice.validation.modeRequired'),
  onlineUrl: z.string().optional(),
  place: z.string().optional(),
  topics: topicList,
};

export const windowSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('weekly'),
        weekday: z.coerce
          .number('advice.validation.weekdayRequired')
          .int('advice.validation.weekdayRequired')
          .min(1, 'advice.validation.weekdayRequired')
          .max(7, 'advice.validation.weekdayRequired'),
        validFrom: optionalDateField('advice.validation.dateInvalid'),
        validUntil: optionalDateField('advice.validation.dateInvalid'),
        ...common,
      }),
      z.object({ kind: z.literal('single'), onDate: dateField('advice.validation.dateInvalid'), ...common }),
    ],
    { error: 'advice.validation.kindRequired' },
  )
  .transform((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'advice.validation.endBeforeStart' });
    let onlineUrl: string | null = null;
    let place: string | null = null;
    if (v.mode === 'remote') {
      const url = webUrl.safeParse(v.onlineUrl ?? '');
      if (url.success) onlineUrl = url.data;
      else ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'advice.validation.urlInvalid' });
    } else {
      place = (v.place ?? '').trim().slice(0, 300) || null;
      if (!place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'advice.validation.placeRequired' });
    }
    if (v.kind === 'weekly' && v.validFrom && v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'advice.validation.endBeforeStart' });
    return v.kind === 'weekly' ? { ...v, onlineUrl, place } : { ...v, onlineUrl, place };
  });

export type WindowInput = z.output<typeof windowSchema>;

export const leaveSchema = z
  .object({ startsOn: dateField('advice.validation.dateInvalid'), endsOn: dateField('advice.validation.dateInvalid') })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'advice.validation.endBeforeStart' });
export type LeaveInput = z.output<typeof leaveSchema>;

const minutes = (max: number) =>
  z.coerce
    .number('advice.validation.numberInvalid')
    .int('advice.validation.numberInvalid')
    .min(0, 'advice.validation.numberInvalid')
    .max(max, 'advice.validation.numberInvalid');

export const rulesSchema = z.object({
  slotMinutes: minutes(480).refine((v) => v >= 15, 'advice.validation.numberInvalid'),
  bufferMinutes: minutes(240),
  minNoticeHours: minutes(24 * 30),
  changeNoticeHours: minutes(24 * 30),
});

export const noteSchema = z.object({
  text: z.string('advice.validation.noteRequired').trim().min(1, 'advice.validation.noteRequired').max(10_000, 'advice.validation.textTooLong'),
});
export const summarySchema = z.object({
  summary: z
    .string()
    .trim()
    .max(10_000, 'advice.validation.textTooLong')
    .transform((v) => (v === '' ? null : v)),
});
export const stepSchema = z.object({
  text: z.string('advice.validation.stepRequired').trim().min(1, 'advice.validation.stepRequired').max(500, 'advice.validation.textTooLong'),
  dueOn: optionalDateField('advice.validation.dateInvalid'),
});
export const attendanceSchema = z.object({ attendance: z.enum(['attended', 'no_show'], 'advice.validation.attendanceRequired') });

export const guestSchema = z.object({
  name: z.string('advice.validation.nameRequired').trim().min(1, 'advice.validation.nameRequired').max(120, 'advice.validation.nameRequired'),
  email: z.string('advice.validation.emailInvalid').trim().max(254, 'advice.validation.emailInvalid').pipe(z.email('advice.validation.emailInvalid')),
  companyName: z
    .string()
    .trim()
    .max(200, 'advice.validation.textTooLong')
    .transform((v) => (v === '' ? null : v)),
  businessId: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const normalized = normalizeBusinessId(v);
      if (!normalized) {
        ctx.addIssue({ code: 'custom', message: 'advice.validation.businessIdInvalid' });
        return z.NEVER;
      }
      return normalized;
    }),
  municipality: z
    .string('advice.validation.municipalityRequired')
    .refine((code) => municipalityByCode(code) !== undefined, 'advice.validation.municipalityRequired'),
  locale: z.enum(['fi', 'sv', 'en'], 'advice.validation.localeRequired'),
  consent: z.literal('on', 'advice.validation.consentRequired'),
});
export type GuestInput = z.output<typeof guestSchema>;
