// Input schemas, shared by the pages, the API and the use cases.
import { z } from 'zod';
import { locales } from '../accounts/accounts.schema.ts';
import { roles } from './organizations.schema.ts';

export const organizationNameSchema = z.string().trim().min(2, 'org.validation.nameRequired').max(120, 'org.validation.nameTooLong');

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

export const roleSchema = z.enum(roles, { message: 'org.validation.roleRequired' });

export const inviteMemberSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'org.validation.emailInvalid' }).max(254, 'org.validation.emailInvalid')),
  name: z
    .string()
    .trim()
    .max(120, 'org.validation.personNameTooLong')
    .optional()
    .transform((v) => (v ? v : undefined)),
  role: roleSchema,
  locale: z.enum(locales).default('fi'),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
/** `data=erase` also erases what the organisation holds about the person (after a confirmation step). */
export const removeMemberSchema = z.object({ userId: z.uuid(), data: z.enum(['keep', 'erase']).default('keep') });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });

/** Invitation tokens: 32 random bytes, base64url (43 characters). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
