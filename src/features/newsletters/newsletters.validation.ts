import { z } from 'zod';
import { audienceKinds } from './newsletters.schema.ts';

const text = (max: number) => z.string().trim().max(max, { error: 'newsletters.validation.tooLong' });

/** The compose form: Finnish required, Swedish and English optional (then Finnish is sent). */
export const newsletterSchema = z
  .object({
    subjectFi: text(200).min(1, { error: 'newsletters.validation.subjectRequired' }),
    subjectSv: text(200).default(''),
    subjectEn: text(200).default(''),
    bodyFi: text(50_000).min(1, { error: 'newsletters.validation.bodyRequired' }),
    bodySv: text(50_000).default(''),
    bodyEn: text(50_000).default(''),
    audienceKind: z.enum(audienceKinds, { error: 'newsletters.validation.audience' }),
    groupId: z.string().optional(),
    eventId: z.string().optional(),
  })
  .transform((v, ctx) => {
    let audienceTargetId: string | null = null;
    if (v.audienceKind === 'group' || v.audienceKind === 'event') {
      const raw = v.audienceKind === 'group' ? v.groupId : v.eventId;
      const parsed = z.uuid().safeParse(raw);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', path: [v.audienceKind === 'group' ? 'groupId' : 'eventId'], message: 'newsletters.validation.target' });
        return z.NEVER;
      }
      audienceTargetId = parsed.data;
    }
    return {
      subjectFi: v.subjectFi,
      subjectSv: v.subjectSv,
      subjectEn: v.subjectEn,
      bodyFi: v.bodyFi,
      bodySv: v.bodySv,
      bodyEn: v.bodyEn,
      audienceKind: v.audienceKind,
      audienceTargetId,
    };
  });
export type NewsletterInput = z.output<typeof newsletterSchema>;

/** The public subscribe form. */
export const subscribeSchema = z.object({
  organization: z.uuid({ error: 'newsletters.validation.organization' }),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'newsletters.validation.email' })),
  language: z.enum(['fi', 'sv', 'en'], { error: 'newsletters.validation.language' }),
  consent: z.literal('on', { error: 'newsletters.validation.consent' }),
});
