// Finnish public holidays (Laki vuosilomasta / kirkkolaki): the fixed ones, the ones that move
// with Easter (Gregorian computus, Meeus/Jones/Butcher), and the Saturdays of Midsummer and All
// Saints'. Midsummer Eve and Christmas Eve are not statutory but are days off in practice, so
// they block advice slots too.
import { addDays, formatLocalDate, weekdayOf, type LocalDate } from '../meetings/zoned-time.ts';

export type HolidayName =
  | 'newYear'
  | 'epiphany'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'mayDay'
  | 'ascension'
  | 'pentecost'
  | 'midsummerEve'
  | 'midsummerDay'
  | 'allSaints'
  | 'independenceDay'
  | 'christmasEve'
  | 'christmasDay'
  | 'stStephensDay';

/** Easter Sunday of a Gregorian year. */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

/** The first date from `from` (inclusive) that falls on `weekday`. */
function firstOnOrAfter(from: LocalDate, weekday: ReturnType<typeof weekdayOf>): LocalDate {
  let date = from;
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

export function finnishHolidays(year: number): Map<LocalDate, HolidayName> {
  const easter = easterSunday(year);
  const midsummerDay = firstOnOrAfter(formatLocalDate(year, 6, 20), 'SA');
  const entries: [LocalDate, HolidayName][] = [
    [formatLocalDate(year, 1, 1), 'newYear'],
    [formatLocalDate(year, 1, 6), 'epiphany'],
    [addDays(easter, -2), 'goodFriday'],
    [easter, 'easterSunday'],
    [addDays(easter, 1), 'easterMonday'],
    [formatLocalDate(year, 5, 1), 'mayDay'],
    [addDays(easter, 39), 'ascension'],
    [addDays(easter, 49), 'pentecost'],
    [addDays(midsummerDay, -1), 'midsummerEve'],
    [midsummerDay, 'midsummerDay'],
    [firstOnOrAfter(formatLocalDate(year, 10, 31), 'SA'), 'allSaints'],
    [formatLocalDate(year, 12, 6), 'independenceDay'],
    [formatLocalDate(year, 12, 24), 'christmasEve'],
    [formatLocalDate(year, 12, 25), 'christmasDay'],
    [formatLocalDate(year, 12, 26), 'stStephensDay'],
  ];
  return new Map(entries);
}

const cache = new Map<number, Map<LocalDate, HolidayName>>();

export function holidayOn(date: LocalDate): HolidayName | null {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = finnishHolidays(year);
    cache.set(year, days);
  }
  return days.get(date) ?? null;
}
