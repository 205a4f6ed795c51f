import { z } from 'zod';

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
