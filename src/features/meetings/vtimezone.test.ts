import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.ts';
import { offsetMsAt, resolveZonedTime } from './zoned-time.ts';

const d = (s: string) => new Date(s);

function parseZone(text: string): ICAL.Timezone {
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)));
}

describe('vtimezone', () => {
  it('Europe/Helsinki: last Sunday of March and of October, from the change before the range', () => {
    expect(vtimezone('Europe/Helsinki', d('2026-04-07T14:00:00Z'), d('2026-12-01T16:00:00Z')).split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Helsinki',
      'X-LIC-LOCATION:Europe/Helsinki',
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0300',
      'TZNAME:EEST',
      'DTSTART:20260329T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0200',
      'TZNAME:EET',
      'DTSTART:20261025T040000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
      '',
    ]);
  });

  it('a zone without DST gets one observance', () => {
    expect(vtimezone('Asia/Kolkata', d('2026-01-01T00:00:00Z'), d('2026-12-31T00:00:00Z'))).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Asia/Kolkata',
        'X-LIC-LOCATION:Asia/Kolkata',
        'BEGIN:STANDARD',
        'TZOFFSETFROM:+0530',
        'TZOFFSETTO:+0530',
        'DTSTART:19700101T000000',
        'END:STANDARD',
        'END:VTIMEZONE',
        '',
      ].join('\r\n'),
    );
  });

  it('lists each change when there is no yearly rule (Tehran dropped DST in 2022)', () => {
    const text = vtimezone('Asia/Tehran', d('2021-06-01T00:00:00Z'), d('2022-12-31T00:00:00Z'));
    expect(text).not.toContain('RRULE');
    expect(text.match(/^DTSTART:.*$/gm)).toEqual(['DTSTART:20210322T000000', 'DTSTART:20210922T000000', 'DTSTART:20220322T000000', 'DTSTART:20220922T000000']);
  });

  it('rejects a reversed range', () => {
    expect(() => vtimezone('Europe/Helsinki', d('2026-02-01T00:00:00Z'), d('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  // ical.js reads our VTIMEZONE and converts local times to UTC by itself; it must agree with Intl.
  // Times within two hours of a change are left out: there, gap/overlap resolution is a separate choice.
  const zones = ['Europe/Helsinki', 'America/New_York', 'Australia/Sydney', 'Asia/Tehran', 'Africa/Casablanca', 'Pacific/Chatham', 'Asia/Kolkata'];
  it.each(zones)('ical.js converts local times with the %s VTIMEZONE as Intl does', (zone) => {
    const from = d('2026-01-01T00:00:00Z');
    const to = d('2028-01-01T00:00:00Z');
    const tz = parseZone(vtimezone(zone, from, to));
    fc.assert(
      fc.property(fc.integer({ min: from.getTime() / 60_000 + 1440, max: to.getTime() / 60_000 - 1440 }), (minutes) => {
        const wall = new Date(minutes * 60_000);
        const date = wall.toISOString().slice(0, 10);
        const time = wall.toISOString().slice(11, 16);
        const ours = resolveZonedTime(date, time, zone);
        const offset = offsetMsAt(zone, ours.instant);
        if ([-2, 2].some((h) => offsetMsAt(zone, ours.instant.getTime() + h * 3_600_000) !== offset)) return;
        const theirs = ICAL.Time.fromData(
          {
            year: wall.getUTCFullYear(),
            month: wall.getUTCMonth() + 1,
            day: wall.getUTCDate(),
            hour: wall.getUTCHours(),
            minute: wall.getUTCMinutes(),
            second: 0,
          },
          tz,
        );
        expect(theirs.toUnixTime() * 1000).toBe(ours.instant.getTime());
      }),
      { numRuns: 1500 },
    );
  });
});
