// Board forms: one zod schema each; messages are catalog keys. Pure, no I/O.
import { z } from 'zod';
import { digestFrequencies } from './board.queries.ts';

export const BOARD_POST_MAX = 4000;

export const postSchema = z.object({
  body: z.string().trim().min(1, 'board.validation.bodyRequired').max(BOARD_POST_MAX, 'board.validation.bodyTooLong'),
});

export const replySchema = postSchema.extend({
  postId: z.uuid('error.badRequest'),
});

export const postIdSchema = z.object({ postId: z.uuid('error.badRequest') });

export const digestSchema = z.object({ frequency: z.enum(digestFrequencies, 'board.validation.frequency') });
