// The journal form: one text, 1–20 000 characters. Messages are catalog keys.
import { z } from 'zod';

export const JOURNAL_ENTRY_MAX = 20_000;

export const journalEntrySchema = z.object({
  text: z
    .string('journal.validation.textRequired')
    .trim()
    .min(1, 'journal.validation.textRequired')
    .max(JOURNAL_ENTRY_MAX, 'journal.validation.textTooLong'),
});
