// The training's forms: one zod schema each, messages are catalog keys. Pure, no I/O.
import { z } from 'zod';
import { dateField, timeField } from '../../platform/validation/finnish-input.ts';
import { optionalHttpsUrl } from '../../platform/validation/https-url.ts';
import { zonedTimeToUtc } from '../meetings/zoned-time.ts';
import { HELSINKI } from './rules.ts';

const text = (max: number, key: string) => z.string().trim().max(max, key);

export const courseFormSchema = z.object({
  slug: z
    .string('training.validation.slug')
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'training.validation.slug')
    .max(60, 'training.validation.slug'),
  titleFi: text(200, 'training.validation.title').min(1, 'training.validation.title'),
  minPracticeMeetings: z.coerce.number('training.validation.minPractice').int('training.validation.minPractice').min(0, 'training.validation.minPractice').max(50, 'training.validation.minPractice'),
  published: z.literal('on').optional(),
});

/** A dated session typed the Finnish way: date, start and end in Helsinki time, the online link. */
const sessionFields = z.object({
  date: dateField('training.validation.date'),
  start: timeField('training.validation.time'),
  end: timeField('training.validation.time'),
  onlineUrl: optionalHttpsUrl('training.validation.url'),
});

export function zonedSpan(s: { date: string; start: string; end: string }): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedTimeToUtc(s.date, s.start, HELSINKI), endsAt: zonedTimeToUtc(s.date, s.end, HELSINKI) };
}

export const cohortFormSchema = z.object({
  name: text(120, 'training.validation.name').min(1, 'training.validation.name'),
  capacity: z.coerce.number('training.validation.capacity').int('training.validation.capacity').min(1, 'training.validation.capacity').max(40, 'training.validation.capacity'),
  mentorUserIds: z.array(z.uuid('training.validation.mentor')).min(1, 'training.validation.mentor').max(10, 'training.validation.mentor'),
  sessions: z.array(sessionFields).min(1).max(12),
});

export const applicationFormSchema = z.object({
  cohortId: z.uuid('training.validation.cohort'),
  name: text(120, 'training.validation.name').min(1, 'training.validation.name'),
  email: z.string('training.validation.email').trim().min(1, 'training.validation.email').max(254, 'training.validation.email').pipe(z.email('training.validation.email')),
  phone: text(30, 'training.validation.phone').transform((v) => (v === '' ? null : v)),
  background: text(1000, 'training.validation.tooLong'),
  motivation: text(3000, 'training.validation.tooLong'),
  locale: z.enum(['fi', 'sv', 'en'], 'training.validation.locale'),
  consent: z.literal('on', 'training.validation.consent'),
});
export type TrainingApplicationInput = z.infer<typeof applicationFormSchema>;

export const decideFormSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), mentorUserId: z.union([z.uuid(), z.literal('').transform(() => null)]).optional() }),
  z.object({ decision: z.literal('decline'), message: text(2000, 'training.validation.tooLong') }),
], 'training.validation.decision');

export const submissionFormSchema = z.object({
  body: text(20000, 'training.validation.tooLong').min(1, 'training.validation.body'),
});

export const feedbackFormSchema = z.object({
  decision: z.enum(['revision_requested', 'accepted'], 'training.validation.decision'),
  comment: text(5000, 'training.validation.tooLong'),
});

export const attendanceFormSchema = z
  .object({
    status: z.enum(['present', 'absent', 'compensated'], 'training.validation.attendance'),
    compensation: text(1000, 'training.validation.tooLong'),
  })
  .refine((v) => v.status !== 'compensated' || v.compensation.length > 0, { message: 'training.validation.compensation', path: ['compensation'] });

export const mentoringFormSchema = sessionFields.extend({
  topic: text(200, 'training.validation.tooLong'),
  enrolmentIds: z.array(z.uuid('training.validation.participants')).min(1, 'training.validation.participants').max(6, 'training.validation.participants'),
});

export const materialFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), title: text(200, 'training.validation.title').min(1, 'training.validation.title'), body: text(20000, 'training.validation.tooLong').min(1, 'training.validation.body') }),
  z.object({
    kind: z.literal('video'),
    title: text(200, 'training.validation.title').min(1, 'training.validation.title'),
    url: optionalHttpsUrl('training.validation.url').refine((v) => v !== null, 'training.validation.url'),
  }),
], 'training.validation.kind');

/** Drop-out: the reason is required (it is kept with the enrolment). */
export const dropFormSchema = z.object({
  reason: text(1000, 'training.validation.dropReason').min(1, 'training.validation.dropReason'),
});

const rating = z.coerce.number('training.validation.rating').int('training.validation.rating').min(1, 'training.validation.rating').max(5, 'training.validation.rating');

/** The course evaluation: a session's id or 'course', two ratings 1–5 and an optional comment. */
export const evaluationFormSchema = z.object({
  target: z.union([z.literal('course'), z.uuid('training.validation.target')], 'training.validation.target'),
  useful: rating,
  ready: rating,
  comment: text(2000, 'training.validation.comment').optional(),
});
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;
