// VTIMEZONE (RFC 5545 3.6.5) for an IANA zone, built from the offsets Intl reports — no tz library.
//
// The component covers [from, to]: it starts with the observance in force at `from` (the last
// change before it). When the zone's changes follow a yearly "n-th/last weekday of a month at a
// local time" pattern over that span and two years beyond (Europe/Helsinki: last Sunday of March
// and of October), it is written compactly with yearly RRULEs, as published VTIMEZONEs are, and then
// stays right for recurring events past `to` while the rules hold. Otherwise every change in the
// span is listed as its own observance.

import { zoneTransitions, type ZoneTransition } from './zoned-time.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS_FROM_SUNDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** onset as local time in the offset before it, 'YYYYMMDDTHHMMSS' */
  dtstart: string;
  offsetFromMs: number;
  offsetToMs: number;
  name: string | null;
  rrule: string | null;
}

export function vtimezone(zone: string, from: Date, to: Date): string {
  if (to.getTime() < from.getTime()) throw new RangeError('`to` is before `from`');
  const scanFrom = new Date(from.getTime() - 400 * DAY_MS);
  const lookAheadTo = new Date(to.getTime() + 800 * DAY_MS);
  const all = zoneTransitions(zone, scanFrom, lookAheadTo);
  let anchor = -1;
  for (let i = 0; i < all.length; i++) if (all[i]!.at.getTime() <= from.getTime()) anchor = i;

  const observances: Observance[] = [];
  const fromAnchor = anchor >= 0 ? all.slice(anchor) : all;
  if (anchor < 0) {
    // No change in the year before `from`: the offset then has been in force "since 1970".
    const offset = fixedOffsetAt(zone, from, all[0]);
    observances.push({ kind: 'STANDARD', dtstart: '19700101T000000', offsetFromMs: offset, offsetToMs: offset, name: abbreviation(zone, from), rrule: null });
  }
  const compact = compactObservances(zone, fromAnchor, to);
  if (compact) observances.push(...compact);
  else observances.push(...fromAnchor.filter((t) => t.at.getTime() <= to.getTime()).map((t) => observance(zone, t, null)));

  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  for (const o of observances) {
    lines.push(`BEGIN:${o.kind}`, `TZOFFSETFROM:${formatOffset(o.offsetFromMs)}`, `TZOFFSETTO:${formatOffset(o.offsetToMs)}`);
    if (o.name) lines.push(`TZNAME:${o.name}`);
    lines.push(`DTSTART:${o.dtstart}`);
    if (o.rrule) lines.push(`RRULE:${o.rrule}`);
    lines.push(`END:${o.kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}

/**
 * A `generator` for ical-generator's `calendar.timezone({ name: null, generator })`: it is asked for
 * each zone the events use and answers with a VTIMEZONE covering that zone's `ranges`.
 */
export function vtimezoneGenerator(ranges: ReadonlyMap<string, { from: Date; to: Date }>): (zone: string) => string | null {
  return (zone) => {
    const range = ranges.get(zone);
    return range ? vtimezone(zone, range.from, range.to) : null;
  };
}

function observance(zone: string, t: ZoneTransition, rrule: string | null): Observance {
  return {
    kind: t.offsetToMs > t.offsetFromMs ? 'DAYLIGHT' : 'STANDARD',
    dtstart: localStamp(t.at.getTime() + t.offsetFromMs),
    offsetFromMs: t.offsetFromMs,
    offsetToMs: t.offsetToMs,
    name: abbreviation(zone, t.at),
    rrule,
  };
}

interface Pattern {
  key: string;
  rrule: string;
  year: number;
}

/** "n-th (or last) weekday of month at local time" of a change, with the offsets it changes between. */
function patternOf(t: ZoneTransition): { last: Pattern | null; nth: Pattern | null } {
  const local = new Date(t.at.getTime() + t.offsetFromMs);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const weekday = WEEKDAYS_FROM_SUNDAY[local.getUTCDay()]!;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const time = localStamp(local.getTime()).slice(9);
  const base = `${month}|${weekday}|${time}|${t.offsetFromMs}|${t.offsetToMs}`;
  const nth = Math.ceil(day / 7);
  return {
    last: day + 7 > dim ? { key: `${base}|-1`, rrule: `FREQ=YEARLY;BYMONTH=${month};BYDAY=-1${weekday}`, year } : null,
    nth: nth <= 4 ? { key: `${base}|${nth}`, rrule: `FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${weekday}`, year } : null,
  };
}

function compactObservances(zone: string, transitions: ZoneTransition[], to: Date): Observance[] | null {
  const kinds = new Map<'STANDARD' | 'DAYLIGHT', ZoneTransition[]>();
  for (const t of transitions) {
    const kind = t.offsetToMs > t.offsetFromMs ? 'DAYLIGHT' : 'STANDARD';
    kinds.set(kind, [...(kinds.get(kind) ?? []), t]);
  }
  if (kinds.size !== 2) return null;
  const lastYearNeeded = to.getUTCFullYear() + 1;
  const out: Observance[] = [];
  for (const list of kinds.values()) {
    if (list.length < 2) return null;
    const patterns = list.map(patternOf);
    // The same rule every year, for consecutive years, through the year after `to`.
    const pick = (get: (p: ReturnType<typeof patternOf>) => Pattern | null): Pattern[] | null => {
      const ps = patterns.map(get);
      if (ps.some((p) => p === null)) return null;
      const sure = ps as Pattern[];
      if (sure.some((p) => p.key !== sure[0]!.key)) return null;
      if (sure.some((p, i) => i > 0 && p.year !== sure[i - 1]!.year + 1)) return null;
      if (sure[sure.length - 1]!.year < lastYearNeeded) return null;
      return sure;
    };
    const chosen = pick((p) => p.last) ?? pick((p) => p.nth);
    if (!chosen) return null;
    out.push(observance(zone, list[0]!, chosen[0]!.rrule));
  }
  return out;
}

/** Offset in force at `at` when there was no change in the preceding year. */
function fixedOffsetAt(zone: string, at: Date, nextChange: ZoneTransition | undefined): number {
  if (nextChange && nextChange.at.getTime() > at.getTime()) return nextChange.offsetFromMs;
  const wall = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(wall ?? '');
  if (!m) throw new RangeError(`Cannot read the offset of ${zone}`);
  if (!m[1]) return 0;
  const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** EET/EEST-style abbreviation, when the locale data has one (not "GMT+2"). */
function abbreviation(zone: string, at: Date): string | null {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,6}$/.test(name) ? name : null;
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}${s ? String(s).padStart(2, '0') : ''}`;
}

/** 'YYYYMMDDTHHMMSS' of a wall-clock-as-UTC timestamp. */
function localStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
}
