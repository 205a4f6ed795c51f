// The period of the hours list: whole Helsinki days from `from` to `to` (inclusive); by default
// the current calendar year. A malformed or reversed date falls back to the default.
import { z } from 'zod';
import { addDays, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';

const day = z.iso.date();

export function hoursPeriod(fromParam: string | null, toParam: string | null, now: Date = new Date()) {
  const year = utcToZoned(now).date.slice(0, 4);
  let from = day.safeParse(fromParam).success ? fromParam! : `${year}-01-01`;
  let to = day.safeParse(toParam).success ? toParam! : `${year}-12-31`;
  if (to < from || from < '2000-01-01' || to > '2100-12-31') {
    from = `${year}-01-01`;
    to = `${year}-12-31`;
  }
  return { from, to, fromInstant: zonedTimeToUtc(from, '00:00'), toInstant: zonedTimeToUtc(addDays(to, 1), '00:00') };
}
