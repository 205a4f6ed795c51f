// The experts' forms, parsed at the boundary.
import { z } from 'zod';
import { expertLanguages } from './languages.ts';

const text = (max: number) => z.string().trim().max(max);
const list = (max: number) =>
  text(2000).transform((s) =>
    [...new Set(s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean))].slice(0, max).map((x) => x.slice(0, 80)),
  );

export const profileFormSchema = z.object({
  topics: list(20),
  bio: text(4000).default(''),
  languages: z.array(z.enum(expertLanguages)).max(expertLanguages.length).default([]),
  region: text(300).default(''),
  publicInDirectory: z.enum(['on']).optional().transform((v) => v === 'on'),
});
export type ProfileInput = z.infer<typeof profileFormSchema>;

export const directoryFilterSchema = z.object({
  q: text(100).optional().catch(undefined),
  topic: text(100).optional().catch(undefined),
  language: z.enum(expertLanguages).optional().catch(undefined),
  region: text(100).optional().catch(undefined),
});

/** "segment:<meetingId>:<agendaItemId>" or "event:<eventId>" from the invitation form. */
export const inviteFormSchema = z.object({
  target: z.union([
    z.string().regex(/^segment:[0-9a-f-]{36}:[0-9a-f-]{36}$/).transform((s) => {
      const [, meetingId, agendaItemId] = s.split(':');
      return { kind: 'segment' as const, meetingId: z.uuid().parse(meetingId), agendaItemId: z.uuid().parse(agendaItemId) };
    }),
    z.string().regex(/^event:[0-9a-f-]{36}$/).transform((s) => ({ kind: 'event' as const, eventId: z.uuid().parse(s.slice(6)) })),
  ]),
  message: text(2000).default(''),
});

export const respondFormSchema = z.object({
  answer: z.enum(['accept', 'decline']),
  note: text(1000).default(''),
});

export const hoursFormSchema = z.object({
  hours: z
    .string()
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,2})?$/)
    .transform((s) => Math.round(Number(s.replace(',', '.')) * 60))
    .pipe(z.number().int().min(0).max(1440)),
  note: text(500).default(''),
});

/** A period of whole days (yyyy-mm-dd), from ≤ to, at most ten years. */
export const periodSchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
