// The meeting forms: one zod schema each; messages are catalog keys. Pure, no I/O.
// Times are entered as local Helsinki wall time and turned into instants by zoned-time.ts.
import { z } from 'zod';
import { optionalHttpsUrl } from '../../platform/validation/https-url.ts';
import { agendaKinds, attendanceStatuses, rsvpResponses } from './meetings.schema.ts';
import { dateField as finnishDateField, timeField as finnishTimeField } from '../../platform/validation/finnish-input.ts';
import { parseLocalDate, weekdayOf, daysInMonth, type Weekday } from './zoned-time.ts';
import type { MeetingSeries, RecurrenceRule, WeekOfMonth } from './recurrence.ts';

export const meetingFormats = ['in_person', 'online', 'walking'] as const;
export type MeetingFormatValue = (typeof meetingFormats)[number];
export const repeatChoices = ['none', 'monthly-weekday', 'monthly-day', 'biweekly', 'weekly'] as const;
export type RepeatChoice = (typeof repeatChoices)[number];

const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

const httpsUrl = optionalHttpsUrl('meetings.validation.onlineUrlInvalid');

const lengthKm = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v.replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0 || n > 50) {
      ctx.addIssue({ code: 'custom', message: 'meetings.validation.lengthInvalid' });
      return z.NEVER;
    }
    return Math.round(n * 10) / 10;
  });

// Dates and times the Finnish way: the one shared parser of the validation layer (issue 11).
export { formatDateInput, parseDateInput, parseTimeInput } from '../../platform/validation/finnish-input.ts';

const dateField = finnishDateField('meetings.validation.dateRequired');
const timeField = finnishTimeField('meetings.validation.timeRequired');

/** The details of one meeting (time, theme, format and the format's own details). */
export const meetingDetailsSchema = z
  .object({
    date: dateField,
    startTime: timeField,
    endTime: timeField,
    theme: text(200, 'meetings.validation.themeTooLong'),
    format: z.enum(meetingFormats, 'meetings.validation.formatRequired'),
    venueAddress: text(300, 'meetings.validation.tooLong'),
    venueRoom: text(200, 'meetings.validation.tooLong'),
    venueAccessibility: text(500, 'meetings.validation.tooLong'),
    refreshments: text(300, 'meetings.validation.tooLong'),
    onlineUrl: httpsUrl,
    meetingPoint: text(300, 'meetings.validation.tooLong'),
    route: text(500, 'meetings.validation.tooLong'),
    lengthKm,
    whatToWear: text(300, 'meetings.validation.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'meetings.validation.endBeforeStart' });
    if (v.format === 'in_person' && !v.venueAddress) ctx.addIssue({ code: 'custom', path: ['venueAddress'], message: 'meetings.validation.venueRequired' });
    if (v.format === 'online' && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'meetings.validation.onlineUrlRequired' });
    if (v.format === 'walking' && !v.meetingPoint)
      ctx.addIssue({ code: 'custom', path: ['meetingPoint'], message: 'meetings.validation.meetingPointRequired' });
  });
export type MeetingDetails = z.output<typeof meetingDetailsSchema>;

/** A new meeting: the details, and optionally a series that repeats them. */
export const newMeetingSchema = z
  .object({
    repeat: z.enum(repeatChoices, 'meetings.validation.repeatInvalid').default('none'),
    count: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : 1))
      .pipe(
        z
          .number('meetings.validation.countInvalid')
          .int('meetings.validation.countInvalid')
          .min(1, 'meetings.validation.countInvalid')
          .max(24, 'meetings.validation.countInvalid'),
      ),
  })
  .and(meetingDetailsSchema)
  .superRefine((v, ctx) => {
    if (v.repeat !== 'none' && v.count < 2) ctx.addIssue({ code: 'custom', path: ['count'], message: 'meetings.validation.countInvalid' });
    if (v.repeat === 'monthly-day' && parseLocalDate(v.date).day > 28)
      ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'meetings.validation.dayTooLate' });
  });
export type NewMeeting = z.output<typeof newMeetingSchema>;

/** "first Tuesday", "last Friday": which weekday of its month a date is. */
export function weekOfMonth(date: string): WeekOfMonth {
  const { year, month, day } = parseLocalDate(date);
  if (day + 7 > daysInMonth(year, month) && day > 28) return -1;
  return Math.min(4, Math.ceil(day / 7)) as WeekOfMonth;
}

/** The series for a repeat choice, anchored on the first meeting's date and time. */
export function seriesFor(input: { repeat: RepeatChoice; date: string; startTime: string; count: number }): MeetingSeries | null {
  if (input.repeat === 'none') return null;
  const weekday: Weekday = weekdayOf(input.date);
  const rule: RecurrenceRule =
    input.repeat === 'monthly-weekday'
      ? { freq: 'monthly-weekday', week: weekOfMonth(input.date), weekday }
      : input.repeat === 'monthly-day'
        ? { freq: 'monthly-day', day: parseLocalDate(input.date).day }
        : { freq: 'weekly', weekday, interval: input.repeat === 'biweekly' ? 2 : 1 };
  return { rule, time: input.startTime, zone: 'Europe/Helsinki', startDate: input.date, count: input.count };
}


export const rsvpSchema = z.object({
  response: z.enum(rsvpResponses, 'meetings.validation.rsvpRequired'),
  reason: text(300, 'meetings.validation.tooLong'),
});

/** The agenda as rows of the form: kind_0, title_0, minutes_0, expert_0, topic_0, remove_0 … */
export const agendaRowSchema = z.object({
  kind: z.enum(agendaKinds, 'meetings.validation.agendaKind'),
  title: text(120, 'meetings.validation.tooLong'),
  minutes: z.coerce
    .number('meetings.validation.minutesInvalid')
    .int('meetings.validation.minutesInvalid')
    .min(1, 'meetings.validation.minutesInvalid')
    .max(240, 'meetings.validation.minutesInvalid'),
  expertUserId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid('meetings.validation.expertInvalid').nullable()),
  topic: text(200, 'meetings.validation.tooLong'),
});
export type AgendaRow = z.output<typeof agendaRowSchema>;

/** Reads the numbered agenda rows of a form; empty rows (no kind) and removed rows are skipped. */
export function parseAgendaForm(form: Record<string, string>): { rows: AgendaRow[]; errors: Record<string, string> } {
  const rows: AgendaRow[] = [];
  const errors: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    if (!(`kind_${i}` in form)) continue;
    if (!form[`kind_${i}`] || form[`remove_${i}`] === 'on') continue;
    const parsed = agendaRowSchema.safeParse({
      kind: form[`kind_${i}`],
      title: form[`title_${i}`],
      minutes: form[`minutes_${i}`],
      expertUserId: form[`expert_${i}`],
      topic: form[`topic_${i}`],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`${String(issue.path[0])}_${i}`] ??= issue.message;
      continue;
    }
    rows.push(parsed.data);
  }
  return { rows, errors };
}

/** The agenda a new meeting starts with (the facilitator edits it). */
export const defaultAgenda: readonly AgendaRow[] = [
  { kind: 'opening_round', title: null, minutes: 15, expertUserId: null, topic: null },
  { kind: 'follow_up_round', title: null, minutes: 20, expertUserId: null, topic: null },
  { kind: 'theme_work', title: null, minutes: 40, expertUserId: null, topic: null },
  { kind: 'small_steps_round', title: null, minutes: 20, expertUserId: null, topic: null },
  { kind: 'closing', title: null, minutes: 10, expertUserId: null, topic: null },
];

/** The attendance register: status_<userId> and hours_<userId> per member. */
export function parseAttendanceForm(form: Record<string, string>, memberIds: readonly string[]) {
  const rows: { userId: string; status: (typeof attendanceStatuses)[number]; hours: number | null }[] = [];
  const errors: Record<string, string> = {};
  for (const userId of memberIds) {
    const status = form[`status_${userId}`];
    if (!status) continue;
    if (!(attendanceStatuses as readonly string[]).includes(status)) {
      errors[`status_${userId}`] = 'meetings.validation.attendanceStatus';
      continue;
    }
    const rawHours = (form[`hours_${userId}`] ?? '').trim().replace(',', '.');
    let hours: number | null = null;
    if (rawHours !== '') {
      const n = Number(rawHours);
      if (!Number.isFinite(n) || n < 0 || n > 24) {
        errors[`hours_${userId}`] = 'meetings.validation.hoursInvalid';
        continue;
      }
      hours = Math.round(n * 100) / 100;
    }
    if ((status === 'absent' || status === 'excused') && hours) hours = 0;
    rows.push({ userId, status: status as (typeof attendanceStatuses)[number], hours });
  }
  return { rows, errors };
}

export const noteSchema = z.object({
  text: z.string('meetings.validation.noteRequired').trim().min(1, 'meetings.validation.noteRequired').max(5000, 'meetings.validation.noteTooLong'),
});
export const summarySchema = z.object({
  summary: z.string('meetings.validation.summaryRequired').trim().min(1, 'meetings.validation.summaryRequired').max(5000, 'meetings.validation.noteTooLong'),
  publish: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});
