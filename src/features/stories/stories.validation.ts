import { z } from 'zod';
import { storyDisplayNames } from './stories.schema.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'stories.validation.tooLong')
    .optional()
    .transform((v) => v ?? '');
const optionalDetail = z
  .string()
  .trim()
  .max(80, 'stories.validation.tooLong')
  .optional()
  .transform((v) => (v ? v : null));

/** The staff's story form (the person is chosen only when the story is created). */
export const storyFormSchema = z.object({
  titleFi: z.string().trim().min(1, 'stories.validation.titleRequired').max(120, 'stories.validation.tooLong'),
  titleSv: optionalText(120),
  titleEn: optionalText(120),
  bodyFi: z.string().trim().min(1, 'stories.validation.bodyRequired').max(3000, 'stories.validation.tooLong'),
  bodySv: optionalText(3000),
  bodyEn: optionalText(3000),
  displayName: z.enum(storyDisplayNames, 'stories.validation.displayName'),
  sector: optionalDetail,
  municipality: optionalDetail,
});
export type StoryForm = z.output<typeof storyFormSchema>;

export const newStorySchema = storyFormSchema.extend({ subjectUserId: z.uuid('stories.validation.personRequired') });

const answer = optionalText(2000);
export const exitInterviewSchema = z.object({
  userId: z.uuid('stories.validation.personRequired'),
  interviewedOn: z.iso.date('stories.validation.date'),
  whatChanged: answer,
  whatHelped: answer,
  whatWasHard: answer,
  whatNext: answer,
  wouldRecommend: answer,
  themes: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'error.badRequest')).max(10, 'error.badRequest').default([]),
});
export type ExitInterviewForm = z.output<typeof exitInterviewSchema>;
