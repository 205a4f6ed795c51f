import { z } from 'zod';
import { articleLanguages, articleVisibilities } from './knowledge.schema.ts';

const text = (max: number) => z.string().trim().max(max, { message: 'knowledge.validation.tooLong' });

/** The article form (a new article and every new version of it). */
export const articleSchema = z.object({
  title: text(200).pipe(z.string().min(3, { message: 'knowledge.validation.titleRequired' })),
  summary: text(400).default(''),
  body: z
    .string()
    .max(50_000, { message: 'knowledge.validation.tooLong' })
    .refine((s) => s.trim().length > 0, { message: 'knowledge.validation.bodyRequired' }),
  language: z.enum(articleLanguages, { message: 'knowledge.validation.language' }),
  visibility: z.enum(articleVisibilities, { message: 'knowledge.validation.visibility' }),
  themes: z
    .array(z.string().regex(/^[a-z-]{1,40}$/))
    .max(9)
    .default([]),
});
export type ArticleForm = z.infer<typeof articleSchema>;

export const reviewNoteSchema = z.object({ note: text(1000).default('') });

/** The search box: any text, cut to a sane length; a theme code. */
export const searchSchema = z.object({
  q: z.string().max(200).catch('').default(''),
  theme: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .nullable()
    .catch(null)
    .default(null),
});
