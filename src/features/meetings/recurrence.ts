// Meeting series that keep their local wall time in an IANA zone (default Europe/Helsinki) across
// DST: "first Tuesday of each month at 17:00" is 15:00Z in winter and 14:00Z in summer.
//
// Semantics (kept identical to the RRULE we export, so a calendar client expands the same dates):
// - The first occurrence is the first date on or after `startDate` that matches the rule; the
//   interval counts from it (weeks for `weekly`, months for the monthly rules). Exported DTSTART is
//   that first occurrence, so RFC 5545 expansion gives the same set.
// - `until` is a local date, inclusive; `count` is the number of occurrences; not both (RFC 5545).
// - Monthly day rules accept 1–28 or -1 (the last day), and weekday rules the 1st–4th or the last
//   weekday: these exist in every month, so no month is silently skipped (RFC 5545 would skip
//   February for BYMONTHDAY=30, which is never what a facilitator means).
// - A wall time that does not exist on a date (spring gap) moves forward by the gap; one that
//   occurs twice (autumn) is the earlier. See zoned-time.ts. The occurrence says which happened.

import {
  DEFAULT_TIME_ZONE,
  addDays,
  daysInMonth,
  epochDay,
  formatLocalDate,
  isLocalDate,
  isLocalTime,
  isValidTimeZone,
  parseLocalDate,
  parseLocalTime,
  resolveZonedTime,
  utcToZoned,
  weekdayIndex,
  weekdayOf,
  WEEKDAYS,
  type LocalDate,
  type LocalTime,
  type Resolution,
  type Weekday,
} from './zoned-time.ts';

export type { LocalDate, LocalTime, Weekday } from './zoned-time.ts';

/** Which week of the month: 1st–4th, or -1 for the last. */
export type WeekOfMonth = 1 | 2 | 3 | 4 | -1;

export type RecurrenceRule =
  /** every `interval` weeks on `weekday` ("every 2 weeks on Wednesday") */
  | { freq: 'weekly'; weekday: Weekday; interval?: number }
  /** the n-th (or last) `weekday` of every `interval` months ("first Tuesday of each month") */
  | { freq: 'monthly-weekday'; week: WeekOfMonth; weekday: Weekday; interval?: number }
  /** day `day` (1–28, or -1 = last day) of every `interval` months ("monthly on day 15") */
  | { freq: 'monthly-day'; day: number; interval?: number };

export interface MeetingSeries {
  rule: RecurrenceRule;
  /** local wall time of every occurrence, 'HH:MM' */
  time: LocalTime;
  /** IANA zone, default Europe/Helsinki */
  zone?: string;
  /** no occurrence before this local date */
  startDate: LocalDate;
  /** no occurrence after this local date (inclusive) */
  until?: LocalDate;
  /** at most this many occurrences */
  count?: number;
}

export interface Occurrence {
  /** 0-based position in the series */
  index: number;
  /** the UTC instant */
  start: Date;
  /** the local date the rule chose */
  localDate: LocalDate;
  /** the local wall time of `start`: the series' time, unless `resolution` is 'gap' */
  localTime: LocalTime;
  resolution: Resolution;
}

export type SeriesError =
  | 'invalid-zone'
  | 'invalid-time'
  | 'invalid-start-date'
  | 'invalid-until'
  | 'until-before-start'
  | 'invalid-count'
  | 'count-and-until'
  | 'invalid-interval'
  | 'invalid-weekday'
  | 'invalid-week'
  | 'invalid-day';

/** Problems with a series, empty when it is valid. */
export function validateSeries(series: MeetingSeries): SeriesError[] {
  const errors: SeriesError[] = [];
  const { rule } = series;
  if (!isValidTimeZone(series.zone ?? DEFAULT_TIME_ZONE)) errors.push('invalid-zone');
  if (!isLocalTime(series.time)) errors.push('invalid-time');
  if (!isLocalDate(series.startDate)) errors.push('invalid-start-date');
  if (series.until !== undefined) {
    if (!isLocalDate(series.until)) errors.push('invalid-until');
    else if (isLocalDate(series.startDate) && series.until < series.startDate) errors.push('until-before-start');
  }
  if (series.count !== undefined && (!Number.isInteger(series.count) || series.count < 1)) errors.push('invalid-count');
  if (series.count !== undefined && series.until !== undefined) errors.push('count-and-until');
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) errors.push('invalid-interval');
  if (rule.freq !== 'monthly-day' && !WEEKDAYS.includes(rule.weekday)) errors.push('invalid-weekday');
  if (rule.freq === 'monthly-weekday' && ![1, 2, 3, 4, -1].includes(rule.week)) errors.push('invalid-week');
  if (rule.freq === 'monthly-day' && !(rule.day === -1 || (Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= 28))) errors.push('invalid-day');
  return errors;
}

function assertValid(series: MeetingSeries): void {
  const errors = validateSeries(series);
  if (errors.length) throw new RangeError(`Invalid meeting series: ${errors.join(', ')}`);
}

// ---- dates the rule picks ---------------------------------------------------------------------

/** The date the rule picks in a month. */
function dateInMonth(rule: Exclude<RecurrenceRule, { freq: 'weekly' }>, year: number, month: number): LocalDate {
  const dim = daysInMonth(year, month);
  if (rule.freq === 'monthly-day') return formatLocalDate(year, month, rule.day === -1 ? dim : rule.day);
  const target = weekdayIndex(rule.weekday);
  if (rule.week === -1) {
    const lastWeekday = weekdayIndex(weekdayOf(formatLocalDate(year, month, dim)));
    return formatLocalDate(year, month, dim - ((lastWeekday - target + 7) % 7));
  }
  const firstWeekday = weekdayIndex(weekdayOf(formatLocalDate(year, month, 1)));
  return formatLocalDate(year, month, 1 + ((target - firstWeekday + 7) % 7) + 7 * (rule.week - 1));
}

function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const m = year * 12 + (month - 1) + n;
  return { year: Math.floor(m / 12), month: (m % 12) + 1 };
}

/** A function from occurrence index to local date (no bounds applied). */
function dateSequence(series: MeetingSeries): (k: number) => LocalDate {
  const { rule } = series;
  const interval = rule.interval ?? 1;
  if (rule.freq === 'weekly') {
    const shift = (weekdayIndex(rule.weekday) - weekdayIndex(weekdayOf(series.startDate)) + 7) % 7;
    const first = addDays(series.startDate, shift);
    return (k) => addDays(first, k * 7 * interval);
  }
  const start = parseLocalDate(series.startDate);
  let first = { year: start.year, month: start.month };
  if (dateInMonth(rule, first.year, first.month) < series.startDate) first = addMonths(first.year, first.month, 1);
  return (k) => {
    const { year, month } = addMonths(first.year, first.month, k * interval);
    return dateInMonth(rule, year, month);
  };
}

/** Occurrence index whose date is at or just before `date` (never above the true one; may be low). */
function indexNear(series: MeetingSeries, first: LocalDate, date: LocalDate): number {
  const interval = series.rule.interval ?? 1;
  if (series.rule.freq === 'weekly') return Math.max(0, Math.floor((epochDay(date) - epochDay(first)) / (7 * interval)) - 1);
  const a = parseLocalDate(first);
  const b = parseLocalDate(date);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return Math.max(0, Math.floor(months / interval) - 1);
}

// ---- occurrences ------------------------------------------------------------------------------

/** Hard cap on occurrences one call returns. */
export const MAX_OCCURRENCES = 5000;

export interface OccurrenceWindow {
  /** only occurrences starting at or after this instant */
  from?: Date;
  /** only occurrences starting before this instant */
  to?: Date;
  /** at most this many (after `from`) */
  limit?: number;
}

/**
 * Occurrences of the series inside the window, in order. The series' own `count`/`until` apply
 * too; at least one bound (`to`, `limit`, `count` or `until`) is required.
 */
export function occurrences(series: MeetingSeries, window: OccurrenceWindow = {}): Occurrence[] {
  assertValid(series);
  if (!window.to && window.limit === undefined && series.count === undefined && series.until === undefined) {
    throw new RangeError('An open-ended series needs a window end (`to`) or a `limit`');
  }
  const zone = series.zone ?? DEFAULT_TIME_ZONE;
  const { hour, minute } = parseLocalTime(series.time);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const limit = Math.min(window.limit ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const dateAt = dateSequence(series);

  let k = 0;
  if (window.from) {
    // Skip ahead without resolving every earlier occurrence; start a day early for zone offsets.
    const fromLocal = addDays(utcToZoned(window.from, zone).date, -1);
    k = indexNear(series, dateAt(0), fromLocal);
  }
  const out: Occurrence[] = [];
  for (; out.length < limit; k++) {
    if (series.count !== undefined && k >= series.count) break;
    const localDate = dateAt(k);
    if (series.until !== undefined && localDate > series.until) break;
    const { instant, resolution } = resolveZonedTime(localDate, series.time, zone);
    if (window.to && instant.getTime() >= window.to.getTime()) break;
    if (window.from && instant.getTime() < window.from.getTime()) continue;
    out.push({
      index: k,
      start: instant,
      localDate,
      localTime: resolution === 'gap' ? utcToZoned(instant, zone).time : time,
      resolution,
    });
  }
  return out;
}

/** The first `n` occurrences of the series. */
export function firstOccurrences(series: MeetingSeries, n: number): Occurrence[] {
  return occurrences(series, { limit: n });
}

/** The first occurrence strictly after `after`, or null when the series has ended. */
export function nextOccurrence(series: MeetingSeries, after: Date): Occurrence | null {
  return occurrences(series, { from: new Date(after.getTime() + 1), limit: 1 })[0] ?? null;
}

// ---- RFC 5545 ---------------------------------------------------------------------------------

/**
 * The RRULE value for the series, e.g. `FREQ=MONTHLY;BYDAY=1TU`. Pair it with DTSTART = the first
 * occurrence in the series' zone (`firstOccurrences(series, 1)`), as `toICalendarRecurrence` does.
 * UNTIL is written in UTC (RFC 5545 requires it when DTSTART has a TZID): the until date at the
 * series' time, so an occurrence on that date is included.
 */
export function toRRule(series: MeetingSeries): string {
  assertValid(series);
  const { rule } = series;
  const interval = rule.interval ?? 1;
  const parts: string[] = [];
  if (rule.freq === 'weekly') {
    parts.push('FREQ=WEEKLY');
    if (interval !== 1) parts.push(`INTERVAL=${interval}`);
    parts.push(`BYDAY=${rule.weekday}`);
  } else {
    parts.push('FREQ=MONTHLY');
    if (interval !== 1) parts.push(`INTERVAL=${interval}`);
    parts.push(rule.freq === 'monthly-weekday' ? `BYDAY=${rule.week}${rule.weekday}` : `BYMONTHDAY=${rule.day}`);
  }
  if (series.count !== undefined) parts.push(`COUNT=${series.count}`);
  if (series.until !== undefined) {
    const until = resolveZonedTime(series.until, series.time, series.zone ?? DEFAULT_TIME_ZONE).instant;
    parts.push(
      `UNTIL=${until
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
  }
  return parts.join(';');
}

export interface ICalendarRecurrence {
  /** DTSTART;TZID=<zone>:<local> — the first occurrence's local date-time, 'YYYYMMDDTHHMMSS' */
  dtstartLocal: string;
  zone: string;
  /** the first occurrence as an instant */
  dtstart: Date;
  rrule: string;
}

/** DTSTART and RRULE for exporting the series as one recurring calendar event; null if it has no occurrence. */
export function toICalendarRecurrence(series: MeetingSeries): ICalendarRecurrence | null {
  const first = firstOccurrences(series, 1)[0];
  if (!first) return null;
  const { hour, minute, second } = parseLocalTime(series.time);
  const hhmmss = [hour, minute, second].map((n) => String(n).padStart(2, '0')).join('');
  return {
    dtstartLocal: `${first.localDate.replace(/-/g, '')}T${hhmmss}`,
    zone: series.zone ?? DEFAULT_TIME_ZONE,
    dtstart: first.start,
    rrule: toRRule(series),
  };
}
