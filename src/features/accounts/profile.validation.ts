// The profile page's forms, one schema per intent (messages are catalog keys).
import { z } from 'zod';

const locale = z.enum(['fi', 'sv', 'en']);

export const profileSchemas = {
  details: z.object({ intent: z.literal('details'), name: z.string().trim().min(1, 'profile.nameRequired').max(200, 'profile.nameTooLong'), locale }),
  email: z.object({ intent: z.literal('email'), email: z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid') }),
  password: z.object({ intent: z.literal('password'), currentPassword: z.string().max(1024), newPassword: z.string().min(1, 'auth.passwordRequired').max(1024), confirm: z.string().max(1024) }),
  totpBegin: z.object({ intent: z.literal('totp-begin') }),
  totpConfirm: z.object({ intent: z.literal('totp-confirm'), setupToken: z.string().min(10).max(500), code: z.string().trim().min(1, 'auth.totpRequired').max(10) }),
  totpOff: z.object({ intent: z.literal('totp-off'), password: z.string().min(1, 'auth.passwordRequired').max(1024) }),
  signOutEverywhere: z.object({ intent: z.literal('sign-out-everywhere') }),
};
