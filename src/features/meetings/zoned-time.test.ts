import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, offsetMsAt, parseLocalDate, parseLocalTime, resolveZonedTime, utcToZoned, weekdayOf, zonedTimeToUtc, zoneTransitions } from './zoned-time.ts';

// Reference instants from Python's zoneinfo (an independent tz implementation), fold=0, which resolves
// gaps with the offset before the change and overlaps to the earlier instant — as RFC 5545 does:
//   from zoneinfo import ZoneInfo; from datetime import datetime, timezone
//   datetime(y, m, d, hh, mm, ss, tzinfo=ZoneInfo(zone), fold=0).astimezone(timezone.utc)
const cases: [date: string, time: string, zone: string, utc: string, resolution: 'exact' | 'gap' | 'overlap'][] = [
  ['2026-01-15', '17:00', 'Europe/Helsinki', '2026-01-15T15:00:00Z', 'exact'],
  ['2026-07-15', '17:00', 'Europe/Helsinki', '2026-07-15T14:00:00Z', 'exact'],
  // spring 2026: 03:00 EET → 04:00 EEST at 01:00Z; 03:00–03:59 does not exist
  ['2026-03-29', '02:59', 'Europe/Helsinki', '2026-03-29T00:59:00Z', 'exact'],
  ['2026-03-29', '03:00', 'Europe/Helsinki', '2026-03-29T01:00:00Z', 'gap'],
  ['2026-03-29', '03:30', 'Europe/Helsinki', '2026-03-29T01:30:00Z', 'gap'],
  ['2026-03-29', '04:00', 'Europe/Helsinki', '2026-03-29T01:00:00Z', 'exact'],
  // autumn 2026: 04:00 EEST → 03:00 EET at 01:00Z; 03:00–03:59 happens twice
  ['2026-10-25', '02:59', 'Europe/Helsinki', '2026-10-24T23:59:00Z', 'exact'],
  ['2026-10-25', '03:00', 'Europe/Helsinki', '2026-10-25T00:00:00Z', 'overlap'],
  ['2026-10-25', '03:30', 'Europe/Helsinki', '2026-10-25T00:30:00Z', 'overlap'],
  ['2026-10-25', '04:00', 'Europe/Helsinki', '2026-10-25T02:00:00Z', 'exact'],
  ['2027-03-28', '03:30', 'Europe/Helsinki', '2027-03-28T01:30:00Z', 'gap'],
  ['2027-10-31', '03:30', 'Europe/Helsinki', '2027-10-31T00:30:00Z', 'overlap'],
  ['2027-03-27', '17:00', 'Europe/Helsinki', '2027-03-27T15:00:00Z', 'exact'],
  ['2027-03-28', '17:00', 'Europe/Helsinki', '2027-03-28T14:00:00Z', 'exact'],
  ['2024-02-29', '00:00', 'Europe/Helsinki', '2024-02-28T22:00:00Z', 'exact'],
  ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00Z', 'gap'],
  ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00Z', 'overlap'],
  ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00Z', 'overlap'],
  ['2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:30:00Z', 'gap'],
  ['2026-06-01', '09:30', 'Asia/Kolkata', '2026-06-01T04:00:00Z', 'exact'],
  ['2026-06-01', '09:30', 'Asia/Kathmandu', '2026-06-01T03:45:00Z', 'exact'],
  ['2026-09-27', '02:45', 'Pacific/Chatham', '2026-09-26T14:00:00Z', 'gap'],
  // Samoa skipped 30 December 2011 altogether (a 24-hour gap)
  ['2011-12-30', '12:00', 'Pacific/Apia', '2011-12-30T22:00:00Z', 'gap'],
  ['2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:30:00Z', 'gap'],
  ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00Z', 'overlap'],
  ['2026-02-28', '23:59:59', 'UTC', '2026-02-28T23:59:59Z', 'exact'],
];

describe('zonedTimeToUtc', () => {
  it.each(cases)('%s %s %s → %s (%s)', (date, time, zone, utc, resolution) => {
    expect(zonedTimeToUtc(date, time, zone).toISOString()).toBe(utc.replace('Z', '.000Z'));
    expect(resolveZonedTime(date, time, zone).resolution).toBe(resolution);
  });

  it('defaults to Europe/Helsinki', () => {
    expect(zonedTimeToUtc('2026-12-01', '17:00').toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it.each([
    ['2026-02-29', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-1-01', '10:00'],
    ['2026-01-01', '24:00'],
    ['2026-01-01', '9:30'],
    ['2026-01-01', '10:60'],
  ])('rejects %s %s', (date, time) => {
    expect(() => zonedTimeToUtc(date, time)).toThrow(RangeError);
  });

  it('rejects an unknown zone', () => {
    expect(() => zonedTimeToUtc('2026-01-01', '10:00', 'Europe/Nowhere')).toThrow(RangeError);
  });
});

describe('utcToZoned', () => {
  it.each([
    ['2026-01-06T15:00:00Z', 'Europe/Helsinki', '2026-01-06', '17:00', 'TU', 120],
    ['2026-07-07T14:00:00Z', 'Europe/Helsinki', '2026-07-07', '17:00', 'TU', 180],
    // the two 03:30s of 25 October 2026
    ['2026-10-25T00:30:00Z', 'Europe/Helsinki', '2026-10-25', '03:30', 'SU', 180],
    ['2026-10-25T01:30:00Z', 'Europe/Helsinki', '2026-10-25', '03:30', 'SU', 120],
    ['2026-03-29T00:59:00Z', 'Europe/Helsinki', '2026-03-29', '02:59', 'SU', 120],
    ['2026-03-29T01:00:00Z', 'Europe/Helsinki', '2026-03-29', '04:00', 'SU', 180],
    ['2026-12-31T22:00:00Z', 'Europe/Helsinki', '2027-01-01', '00:00', 'FR', 120],
    ['2026-06-01T03:45:00Z', 'Asia/Kathmandu', '2026-06-01', '09:30', 'MO', 345],
    ['2026-07-01T03:00:00Z', 'America/New_York', '2026-06-30', '23:00', 'TU', -240],
  ])('%s in %s is %s %s', (utc, zone, date, time, weekday, offset) => {
    expect(utcToZoned(new Date(utc), zone)).toEqual({ date, time, second: 0, weekday, offsetMinutes: offset });
  });

  it('keeps seconds and drops milliseconds', () => {
    expect(utcToZoned(new Date('2026-05-05T10:11:12.999Z'))).toMatchObject({ time: '13:11', second: 12 });
  });

  it('round-trips every instant of a year (whole minutes) through the wall clock', () => {
    const zones = ['Europe/Helsinki', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }), (zone, minutes) => {
        const instant = new Date(minutes * 60_000);
        const wall = utcToZoned(instant, zone);
        const back = resolveZonedTime(wall.date, wall.time, zone);
        // Every wall time shown by a clock exists, so it is never a gap; in an overlap the
        // earlier instant is chosen, which is this one or one hour (the DST amount) earlier.
        expect(back.resolution).not.toBe('gap');
        if (back.resolution === 'exact') expect(back.instant.getTime()).toBe(instant.getTime());
        else expect(back.instant.getTime()).toBeLessThanOrEqual(instant.getTime());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('local dates', () => {
  it.each([
    ['2026-03-29', 'SU'],
    ['2026-10-25', 'SU'],
    ['2027-01-01', 'FR'],
    ['2028-02-29', 'TU'],
    ['2000-01-01', 'SA'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('adds days across month, year and leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
  });

  it('parses', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalTime('09:30')).toEqual({ hour: 9, minute: 30, second: 0 });
    expect(parseLocalTime('23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
  });
});

describe('zoneTransitions', () => {
  it('finds the Helsinki changes of 2026 and 2027 to the second', () => {
    const t = zoneTransitions('Europe/Helsinki', new Date('2026-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(t.map((x) => [x.at.toISOString(), x.offsetFromMs / 3_600_000, x.offsetToMs / 3_600_000])).toEqual([
      ['2026-03-29T01:00:00.000Z', 2, 3],
      ['2026-10-25T01:00:00.000Z', 3, 2],
      ['2027-03-28T01:00:00.000Z', 2, 3],
      ['2027-10-31T01:00:00.000Z', 3, 2],
    ]);
  });

  it('finds none where there is no DST', () => {
    expect(zoneTransitions('Asia/Kolkata', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('agrees with the offsets either side', () => {
    for (const x of zoneTransitions('Australia/Sydney', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))) {
      expect(offsetMsAt('Australia/Sydney', x.at.getTime() - 1000)).toBe(x.offsetFromMs);
      expect(offsetMsAt('Australia/Sydney', x.at)).toBe(x.offsetToMs);
    }
  });
});
