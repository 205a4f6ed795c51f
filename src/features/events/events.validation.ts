import { z } from 'zod';
import { optionalHttpsUrl } from '../../platform/validation/https-url.ts';
import type { EventInput } from './manage-events.ts';
import { dateField, formatDateInput, parseTimeInput, timeField } from '../../platform/validation/finnish-input.ts';
import { utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'events.validation.textTooLong')
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

/** The public registration form. */
export const registrationSchema = z.object({
  name: z.string('events.validation.nameRequired').trim().min(1, 'events.validation.nameRequired').max(120, 'events.validation.nameRequired'),
  email: z.string('events.validation.emailInvalid').trim().max(254, 'events.validation.emailInvalid').pipe(z.email('events.validation.emailInvalid')),
  organisation: optionalText(200),
  dietaryNeeds: optionalText(500),
  accessibilityNeeds: optionalText(500),
  consent: z.literal('on', 'events.validation.consentRequired').transform(() => true as const),
});
export type RegistrationForm = z.output<typeof registrationSchema>;

// ---- the coordinator's forms ------------------------------------------------------------

const requiredText = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, message);
const plainText = (max: number) => z.string().trim().max(max, 'events.validation.textTooLong').optional().transform((v) => v ?? '');

const httpsUrl = optionalHttpsUrl('events.validation.onlineUrlInvalid');

const optionalUuid = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.uuid('events.validation.tourInvalid').nullable());

/** A new tour. */
export const tourSchema = z.object({
  name: requiredText(200, 'events.validation.tourNameRequired'),
  description: plainText(2000),
});

/**
 * An event as the coordinator types it: the date and times the Finnish way ("14.1.2027",
 * "17.00") in Helsinki time, a venue or an online link (or both), the registration deadline as
 * a date and an optional time (end of that day when left empty).
 */
export const eventFormSchema = z
  .object({
    title: requiredText(200, 'events.validation.titleRequired'),
    description: plainText(5000),
    date: dateField('events.validation.dateRequired'),
    startTime: timeField('events.validation.timeRequired'),
    endTime: timeField('events.validation.timeRequired'),
    venue: optionalText(300),
    onlineUrl: httpsUrl,
    capacity: z
      .string('events.validation.capacityInvalid')
      .trim()
      .regex(/^\d{1,6}$/, 'events.validation.capacityInvalid')
      .transform(Number)
      .pipe(z.number().int().min(1, 'events.validation.capacityInvalid').max(100_000, 'events.validation.capacityInvalid')),
    deadlineDate: dateField('events.validation.deadlineRequired'),
    deadlineTime: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v || !v.trim()) return '23:59';
        const time = parseTimeInput(v);
        if (!time) {
          ctx.addIssue({ code: 'custom', message: 'events.validation.timeRequired' });
          return z.NEVER;
        }
        return time;
      }),
    speakers: plainText(1000),
    tourId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'events.validation.endBeforeStart' });
    if (!v.venue && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'events.validation.placeRequired' });
    if (`${v.deadlineDate}T${v.deadlineTime}` > `${v.date}T${v.startTime}`)
      ctx.addIssue({ code: 'custom', path: ['deadlineDate'], message: 'events.validation.deadlineAfterStart' });
  });
export type EventForm = z.output<typeof eventFormSchema>;

/** The form as instants (Helsinki wall time → UTC). */
export function eventInputOf(form: EventForm): EventInput {
  return {
    tourId: form.tourId,
    title: form.title,
    description: form.description,
    startsAt: zonedTimeToUtc(form.date, form.startTime),
    endsAt: zonedTimeToUtc(form.date, form.endTime),
    venue: form.venue,
    onlineUrl: form.onlineUrl,
    capacity: form.capacity,
    registrationDeadline: zonedTimeToUtc(form.deadlineDate, form.deadlineTime),
    speakers: form.speakers,
  };
}

/** A stored event as the form's values (for editing). */
export function eventFormValues(event: {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationDeadline: Date;
  speakers: string;
  tourId: string | null;
}): Record<string, string> {
  const start = utcToZoned(event.startsAt);
  const end = utcToZoned(event.endsAt);
  const deadline = utcToZoned(event.registrationDeadline);
  const time = (hhmm: string) => hhmm.replace(':', '.');
  return {
    title: event.title,
    description: event.description,
    date: formatDateInput(start.date),
    startTime: time(start.time),
    endTime: time(end.time),
    venue: event.venue ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: String(event.capacity),
    deadlineDate: formatDateInput(deadline.date),
    deadlineTime: time(deadline.time),
    speakers: event.speakers,
    tourId: event.tourId ?? '',
  };
}

const rating = (message: string) =>
  z
    .string(message)
    .regex(/^[1-5]$/, message)
    .transform(Number);

/** The feedback form after an event (no sign-in: the mailed link's token). */
export const feedbackSchema = z.object({
  overall: rating('events.validation.ratingRequired'),
  usefulness: rating('events.validation.ratingRequired'),
  comment: optionalText(2000),
});
export type FeedbackForm = z.output<typeof feedbackSchema>;

/** The check-in list's search (GET): up to 100 characters, trimmed. */
export const checkInSearchSchema = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim().slice(0, 100));
