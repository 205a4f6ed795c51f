// Wall-clock time in an IANA zone ⇄ UTC instants, with Intl only (no timezone library).
//
// Local dates and times are plain strings ('YYYY-MM-DD', 'HH:MM' or 'HH:MM:SS'): they are what a
// `date` / `time` column holds and what a person types, and they cannot be mistaken for instants.
//
// Times that do not exist or exist twice (DST changes) are resolved the way RFC 5545 (3.3.5) and
// Temporal's default `disambiguation: 'compatible'` do, so a calendar client that expands the same
// local time gets the same instant:
// - a time in the spring gap (Helsinki 2026-03-29 03:00–04:00) is read with the offset in force
//   before the gap, which moves it forward by the gap's length: 03:30 → 04:30 EEST (01:30Z);
// - a time in the autumn overlap (Helsinki 2026-10-25 03:00–04:00 happens twice) is the first
//   (earlier) of the two: 03:30 → 03:30 EEST (00:30Z), not 03:30 EET (01:30Z).

export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';

/** 'YYYY-MM-DD' */
export type LocalDate = string;
/** 'HH:MM' or 'HH:MM:SS' (24-hour) */
export type LocalTime = string;
/** RFC 5545 weekday codes. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const DAY_MS = 86_400_000;

export interface ZonedDateTime {
  date: LocalDate;
  /** 'HH:MM' */
  time: LocalTime;
  second: number;
  weekday: Weekday;
  /** offset from UTC in minutes, e.g. 120 for EET, 180 for EEST */
  offsetMinutes: number;
}

/** How a local date and time was turned into an instant. */
export type Resolution = 'exact' | 'gap' | 'overlap';

export interface ResolvedInstant {
  instant: Date;
  /** 'gap': the time did not exist and was moved forward; 'overlap': it existed twice and the earlier was taken. */
  resolution: Resolution;
}

// ---- local dates -------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseLocalDate(date: LocalDate): DateParts {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid local date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`Invalid local date: ${JSON.stringify(date)}`);
  return { year, month, day };
}

export function isLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export function parseLocalTime(time: LocalTime): { hour: number; minute: number; second: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Invalid local time: ${JSON.stringify(time)}`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Invalid local time: ${JSON.stringify(time)}`);
  return { hour, minute, second };
}

export function isLocalTime(value: string): boolean {
  try {
    parseLocalTime(value);
    return true;
  } catch {
    return false;
  }
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before). */
export function epochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  const { year, month, day } = parseLocalDate(date);
  return WEEKDAYS_FROM_SUNDAY[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** ISO weekday index: MO = 0 … SU = 6. */
export function weekdayIndex(weekday: Weekday): number {
  return WEEKDAYS.indexOf(weekday);
}

// ---- zones -------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `zone` at an instant, as if it were a UTC timestamp (milliseconds dropped). */
function wallClockMs(instantMs: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(instantMs));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  if (bc) year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** UTC offset of `zone` at an instant, in milliseconds (positive east of Greenwich). */
export function offsetMsAt(zone: string, instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, zone) - whole;
}

export function utcToZoned(instant: Date | number, zone: string = DEFAULT_TIME_ZONE): ZonedDateTime {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  const whole = Math.floor(ms / 1000) * 1000;
  const wall = new Date(wallClockMs(whole, zone));
  const date = formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  return {
    date,
    time: `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`,
    second: wall.getUTCSeconds(),
    weekday: WEEKDAYS_FROM_SUNDAY[wall.getUTCDay()]!,
    offsetMinutes: Math.round((wall.getTime() - whole) / 60_000),
  };
}

/**
 * The instant at which the wall clock of `zone` shows `localDate` `localTime`.
 * Non-existent and repeated times: see the module comment (moved forward / earlier one).
 */
export function zonedTimeToUtc(localDate: LocalDate, localTime: LocalTime, zone: string = DEFAULT_TIME_ZONE): Date {
  return resolveZonedTime(localDate, localTime, zone).instant;
}

export function resolveZonedTime(localDate: LocalDate, localTime: LocalTime, zone: string = DEFAULT_TIME_ZONE): ResolvedInstant {
  const { year, month, day } = parseLocalDate(localDate);
  const { hour, minute, second } = parseLocalTime(localTime);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const wall = d.getTime();

  // Offsets a day either side: if they differ, a transition lies in between (zones change at most
  // once in any 48 hours). An instant is a solution when its own offset maps it back to `wall`.
  const before = offsetMsAt(zone, wall - DAY_MS);
  const after = offsetMsAt(zone, wall + DAY_MS);
  const solutions: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (offsetMsAt(zone, candidate) === offset) solutions.push(candidate);
  }
  if (solutions.length === 1) return { instant: new Date(solutions[0]!), resolution: 'exact' };
  if (solutions.length > 1) return { instant: new Date(Math.min(...solutions)), resolution: 'overlap' };
  // In the gap: read the time with the offset before the transition, which lands after it.
  return { instant: new Date(wall - before), resolution: 'gap' };
}

export interface ZoneTransition {
  /** first instant with the new offset */
  at: Date;
  offsetFromMs: number;
  offsetToMs: number;
}

/**
 * Offset changes of `zone` in [from, to), found by sampling every `stepHours` and bisecting to the
 * second. Real zones never change twice within the 12-hour default step.
 */
export function zoneTransitions(zone: string, from: Date, to: Date, stepHours = 12): ZoneTransition[] {
  const step = stepHours * 3_600_000;
  const out: ZoneTransition[] = [];
  // whole seconds throughout, so the bisection below always makes progress
  let t = Math.floor(from.getTime() / 1000) * 1000;
  const end = Math.ceil(to.getTime() / 1000) * 1000;
  let offset = offsetMsAt(zone, t);
  while (t < end) {
    const next = Math.min(t + step, end);
    const nextOffset = offsetMsAt(zone, next);
    if (nextOffset !== offset) {
      // invariant: offset at lo is `offset`, at hi is not
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetMsAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      const changedTo = offsetMsAt(zone, hi);
      out.push({ at: new Date(hi), offsetFromMs: offset, offsetToMs: changedTo });
      offset = changedTo;
      // If the step held a second change (not in real zones), resync from `hi`.
      t = hi;
      continue;
    }
    t = next;
    offset = nextOffset;
  }
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
