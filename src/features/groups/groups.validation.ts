// Forms of the groups pages: one zod schema each; messages are catalog keys. Pure.
import { z } from 'zod';
import { groupStatuses } from './groups.schema.ts';

export const groupFormats = ['in_person', 'online', 'walking', 'mixed'] as const;

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

export const groupFormSchema = z
  .object({
    name: z.string('groups.validation.nameRequired').trim().min(1, 'groups.validation.nameRequired').max(100, 'groups.validation.nameTooLong'),
    status: z.enum(groupStatuses, 'groups.validation.statusRequired'),
    format: z.enum(groupFormats, 'groups.validation.formatRequired'),
    description: z
      .string()
      .trim()
      .max(1000, 'groups.validation.descriptionTooLong')
      .optional()
      .transform((v) => (v ? v : null)),
    facilitator1: z.uuid('groups.validation.facilitatorRequired'),
    facilitator2: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid('groups.validation.facilitatorInvalid').nullable()),
  })
  .refine((v) => v.facilitator1 !== v.facilitator2, { path: ['facilitator2'], message: 'groups.validation.facilitatorTwice' })
  .transform(({ facilitator1, facilitator2, ...rest }) => ({ ...rest, facilitatorIds: facilitator2 ? [facilitator1, facilitator2] : [facilitator1] }));
export type GroupForm = z.output<typeof groupFormSchema>;

export const addMemberSchema = z.object({ userId: z.uuid('groups.validation.memberRequired') });
export const removeMemberSchema = z.object({ userId: z.uuid('groups.validation.memberRequired') });

const agreementText = z.string('groups.validation.agreementRequired').trim().min(20, 'groups.validation.agreementTooShort').max(10_000, 'groups.validation.agreementTooLong');
export const agreementSchema = z.object({ textFi: agreementText, textSv: agreementText, textEn: agreementText });

export const acceptAgreementSchema = z.object({
  version: z.coerce.number('groups.validation.agreementVersion').int().positive('groups.validation.agreementVersion'),
  accept: z.literal('on', 'groups.validation.mustAccept'),
  showCompany: checkbox,
});

export const displaySchema = z.object({ showCompany: checkbox });
