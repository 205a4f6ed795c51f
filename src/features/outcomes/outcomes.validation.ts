// Forms of the outcomes pages: one zod schema each; messages are catalog keys. Pure.
import { z } from 'zod';

export const researchExportSchema = z.object({
  purpose: z.string('admin.research.validation.purposeRequired').trim().min(1, 'admin.research.validation.purposeRequired').max(500, 'admin.research.validation.purposeTooLong'),
});
