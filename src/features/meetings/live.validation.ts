// The live meeting's posted intents and the small-steps forms: zod schemas whose messages are
// catalog keys. Pure, no I/O.
import { z } from 'zod';
import { stepStatuses } from '../steps/steps.schema.ts';
import { liveCommandTypes } from './live-state.ts';

export const liveCommandSchema = z.object({
  intent: z.enum(liveCommandTypes, 'error.badRequest'),
  version: z.coerce.number('error.badRequest').int('error.badRequest').min(0, 'error.badRequest'),
  order: z.enum(['fixed', 'shuffled'], 'error.badRequest').optional(),
});

export const presenceSchema = z.object({
  present: z.array(z.uuid('error.badRequest')).default([]),
});

export const stepTextSchema = z.object({
  text: z.string('live.validation.stepRequired').trim().min(1, 'live.validation.stepRequired').max(300, 'live.validation.stepTooLong'),
  memberId: z.uuid('error.badRequest').optional(),
});

export const stepStatusSchema = z.object({
  stepId: z.uuid('error.badRequest'),
  status: z.enum(stepStatuses, 'live.validation.statusRequired'),
  reflection: z
    .string()
    .trim()
    .max(500, 'live.validation.reflectionTooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});
