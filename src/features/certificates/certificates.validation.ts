// What issuing takes (the training feature calls issueCertificate on a confirmed completion), the
// revocation form and the holder's disclosure form, as zod schemas: the boundary for every caller.
import { z } from 'zod';
import { certificateNameShown } from './certificates.schema.ts';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

/** One text in the three languages: Finnish required, Swedish and English fall back to it. */
const inLanguages = (max: number) => z.object({ fi: text(max).min(1), sv: text(max).default(''), en: text(max).default('') });

export const issueCertificateInput = z
  .object({
    organizationId: z.uuid(),
    /** The person the certificate is for (a member of the organisation when issued). */
    holderUserId: z.uuid(),
    achievement: z.object({
      /** A slug naming the kind of achievement, e.g. 'facilitator-training'. */
      kind: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
        .max(60),
      title: inLanguages(200),
      description: inLanguages(2000),
      /** What was required, e.g. "4 sessions attended, every assignment accepted, 3 practice meetings led". */
      criteria: inLanguages(2000),
    }),
    /** The first and last day of what is certified (ISO dates, Helsinki calendar days). */
    startedOn: isoDate,
    endedOn: isoDate,
    /** What it is given for in the calling feature (e.g. { type: 'course-cohort', id }): issuing the same again returns the first. */
    source: z.object({ type: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60), id: z.uuid() }).optional(),
  })
  .refine((v) => v.endedOn >= v.startedOn, { path: ['endedOn'], message: 'certificates.error.dates' });

/** The input of issueCertificate (what the training feature hands over). */
export type IssueCertificateInput = z.input<typeof issueCertificateInput>;

export const revokeForm = z.object({
  reason: z.string().trim().min(3, 'certificates.revoke.reasonRequired').max(500, 'certificates.revoke.reasonTooLong'),
});

export const disclosureForm = z.object({
  certificateId: z.uuid(),
  showName: z.enum(certificateNameShown),
  showOrganization: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  showEmail: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
});
