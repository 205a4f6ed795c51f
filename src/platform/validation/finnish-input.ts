// Dates and times as people in Finland type them (issue 11, point 6): one parser for every form
// of the product — the meeting form, the step form, any later one. Dates "1.12.2026" (or ISO
// "2026-12-01"), times "17.00", "17", "klo 17.30", "9.05" (or "17:00"). Pure, no I/O.
import { z } from 'zod';

/** A real calendar day as "YYYY-MM-DD" (1900–2999), else false. */
function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "1.12.2026", "01.12.2026" or "2026-12-01" → "2026-12-01"; null when it is not a real date. */
export function parseDateInput(value: string): string | null {
  const v = value.trim();
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = fi ? `${fi[3]}-${fi[2]!.padStart(2, '0')}-${fi[1]!.padStart(2, '0')}` : v;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * "17.00", "17", "klo 17.30", "9.05" or "17:00" → "HH:MM"; null when it is not a time of day.
 * (Finnish writes times with a full stop, Kielitoimisto.)
 */
export function parseTimeInput(value: string): string | null {
  const v = value.trim().replace(/^klo\.?\s*/i, '');
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(v);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2] ?? '0')];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "2026-12-01" → "1.12.2026" (how a date field shows a stored date). */
export function formatDateInput(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

/** A required date field: the parsed ISO date, or the message key as the field's error. */
export function dateField(messageKey: string) {
  return z.string(messageKey).transform((v, ctx) => {
    const date = parseDateInput(v);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: messageKey });
      return z.NEVER;
    }
    return date;
  });
}

/** An optional date field: empty is null, anything else must be a date. */
export function optionalDateField(messageKey: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const date = parseDateInput(v);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: messageKey });
        return z.NEVER;
      }
      return date;
    });
}

/** A required time field: "HH:MM", or the message key as the field's error. */
export function timeField(messageKey: string) {
  return z.string(messageKey).transform((v, ctx) => {
    const time = parseTimeInput(v);
    if (!time) {
      ctx.addIssue({ code: 'custom', message: messageKey });
      return z.NEVER;
    }
    return time;
  });
}
