import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  firstOccurrences,
  nextOccurrence,
  occurrences,
  toICalendarRecurrence,
  toRRule,
  validateSeries,
  type MeetingSeries,
  type RecurrenceRule,
  type WeekOfMonth,
} from './recurrence.ts';
import type { Weekday } from './zoned-time.ts';

const iso = (d: Date) => d.toISOString().slice(0, 16) + 'Z';

// Expected instants from python-dateutil's RRULE expansion and zoneinfo (independent of this code):
//   from dateutil.rrule import rrulestr; from zoneinfo import ZoneInfo; from datetime import datetime, timezone
//   [d.replace(tzinfo=ZoneInfo('Europe/Helsinki')).astimezone(timezone.utc)
//    for d in rrulestr('FREQ=MONTHLY;BYDAY=1TU;COUNT=12', dtstart=datetime(2026, 1, 6, 17, 0))]
const known: { name: string; series: MeetingSeries; rrule: string; utc: string[] }[] = [
  {
    name: 'first Tuesday of each month at 17:00, through both 2026 DST changes',
    series: { rule: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', startDate: '2026-01-01', count: 12 },
    rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=12',
    utc: [
      '2026-01-06T15:00Z',
      '2026-02-03T15:00Z',
      '2026-03-03T15:00Z',
      '2026-04-07T14:00Z',
      '2026-05-05T14:00Z',
      '2026-06-02T14:00Z',
      '2026-07-07T14:00Z',
      '2026-08-04T14:00Z',
      '2026-09-01T14:00Z',
      '2026-10-06T14:00Z',
      '2026-11-03T15:00Z',
      '2026-12-01T15:00Z',
    ],
  },
  {
    name: 'every 2 weeks on Wednesday at 9:30 across the spring change',
    series: { rule: { freq: 'weekly', interval: 2, weekday: 'WE' }, time: '09:30', startDate: '2026-03-16', count: 8 },
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=8',
    utc: [
      '2026-03-18T07:30Z',
      '2026-04-01T06:30Z',
      '2026-04-15T06:30Z',
      '2026-04-29T06:30Z',
      '2026-05-13T06:30Z',
      '2026-05-27T06:30Z',
      '2026-06-10T06:30Z',
      '2026-06-24T06:30Z',
    ],
  },
  {
    name: 'last Thursday monthly at 17:00 across autumn 2026 and spring 2027',
    series: { rule: { freq: 'monthly-weekday', week: -1, weekday: 'TH' }, time: '17:00', startDate: '2026-09-01', count: 8 },
    rrule: 'FREQ=MONTHLY;BYDAY=-1TH;COUNT=8',
    utc: [
      '2026-09-24T14:00Z',
      '2026-10-29T15:00Z',
      '2026-11-26T15:00Z',
      '2026-12-31T15:00Z',
      '2027-01-28T15:00Z',
      '2027-02-25T15:00Z',
      '2027-03-25T15:00Z',
      '2027-04-29T14:00Z',
    ],
  },
  {
    name: 'monthly on day 15 at 12:00 for a year and a month',
    series: { rule: { freq: 'monthly-day', day: 15 }, time: '12:00', startDate: '2026-01-10', until: '2027-01-15' },
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20270115T100000Z',
    utc: [
      '2026-01-15T10:00Z',
      '2026-02-15T10:00Z',
      '2026-03-15T10:00Z',
      '2026-04-15T09:00Z',
      '2026-05-15T09:00Z',
      '2026-06-15T09:00Z',
      '2026-07-15T09:00Z',
      '2026-08-15T09:00Z',
      '2026-09-15T09:00Z',
      '2026-10-15T09:00Z',
      '2026-11-15T10:00Z',
      '2026-12-15T10:00Z',
      '2027-01-15T10:00Z',
    ],
  },
  {
    name: 'the last day of the month at 18:00 (February has 28)',
    series: { rule: { freq: 'monthly-day', day: -1 }, time: '18:00', startDate: '2026-01-20', count: 4 },
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4',
    utc: ['2026-01-31T16:00Z', '2026-02-28T16:00Z', '2026-03-31T15:00Z', '2026-04-30T15:00Z'],
  },
  {
    name: 'Sundays at 03:30: the spring-gap day moves to 04:30 EEST',
    series: { rule: { freq: 'weekly', weekday: 'SU' }, time: '03:30', startDate: '2026-03-29', count: 2 },
    rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2',
    utc: ['2026-03-29T01:30Z', '2026-04-05T00:30Z'],
  },
  {
    name: 'Sundays at 03:30: the autumn-overlap day takes the earlier 03:30 (EEST)',
    series: { rule: { freq: 'weekly', weekday: 'SU' }, time: '03:30', startDate: '2026-10-25', count: 2 },
    rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2',
    utc: ['2026-10-25T00:30Z', '2026-11-01T01:30Z'],
  },
];

describe('occurrences: known dates across the 2026–2027 DST changes', () => {
  it.each(known)('$name', ({ series, rrule, utc }) => {
    const list = occurrences(series);
    expect(list.map((o) => iso(o.start))).toEqual(utc);
    expect(list.map((o) => o.index)).toEqual(utc.map((_, i) => i));
    expect(toRRule(series)).toBe(rrule);
  });

  it('reports how a DST-affected time was resolved', () => {
    const [gap] = occurrences({ rule: { freq: 'weekly', weekday: 'SU' }, time: '03:30', startDate: '2026-03-29', count: 1 });
    expect(gap).toMatchObject({ localDate: '2026-03-29', localTime: '04:30', resolution: 'gap' });
    const [overlap] = occurrences({ rule: { freq: 'weekly', weekday: 'SU' }, time: '03:30', startDate: '2026-10-25', count: 1 });
    expect(overlap).toMatchObject({ localDate: '2026-10-25', localTime: '03:30', resolution: 'overlap' });
  });

  it('keeps the wall time in another zone', () => {
    const list = occurrences({
      rule: { freq: 'monthly-weekday', week: 2, weekday: 'MO' },
      time: '08:00',
      zone: 'America/New_York',
      startDate: '2026-02-01',
      count: 3,
    });
    // 2026-02-09 EST (-5), 2026-03-09 EDT (-4, US change on 8 March), 2026-04-13 EDT
    expect(list.map((o) => iso(o.start))).toEqual(['2026-02-09T13:00Z', '2026-03-09T12:00Z', '2026-04-13T12:00Z']);
  });
});

describe('occurrences: windows', () => {
  const firstTuesday: MeetingSeries = { rule: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', startDate: '2026-01-01' };

  it('between two instants: from inclusive, to exclusive', () => {
    const list = occurrences(firstTuesday, { from: new Date('2026-04-07T14:00:00Z'), to: new Date('2026-07-07T14:00:00Z') });
    expect(list.map((o) => [o.index, o.localDate])).toEqual([
      [3, '2026-04-07'],
      [4, '2026-05-05'],
      [5, '2026-06-02'],
    ]);
  });

  it('skips far ahead and keeps the series index', () => {
    const [o] = occurrences(firstTuesday, { from: new Date('2040-01-01T00:00:00Z'), limit: 1 });
    // 2040-01-03 is the first Tuesday of January 2040; 14 years × 12 months after January 2026
    expect(o).toMatchObject({ index: 168, localDate: '2040-01-03', localTime: '17:00' });
  });

  it('a window before the series starts is empty; after `until` or `count` too', () => {
    expect(occurrences(firstTuesday, { to: new Date('2026-01-06T15:00:00Z') })).toEqual([]);
    expect(occurrences({ ...firstTuesday, count: 2 }, { from: new Date('2026-06-01T00:00:00Z'), limit: 5 })).toEqual([]);
    expect(occurrences({ ...firstTuesday, until: '2026-03-02' }).map((o) => o.localDate)).toEqual(['2026-01-06', '2026-02-03']);
  });

  it('includes an occurrence on the until date', () => {
    expect(occurrences({ ...firstTuesday, until: '2026-03-03' }).map((o) => o.localDate)).toEqual(['2026-01-06', '2026-02-03', '2026-03-03']);
  });

  it('refuses an unbounded request', () => {
    expect(() => occurrences(firstTuesday)).toThrow(/open-ended/);
  });

  it('firstOccurrences and nextOccurrence', () => {
    expect(firstOccurrences(firstTuesday, 2).map((o) => o.localDate)).toEqual(['2026-01-06', '2026-02-03']);
    // strictly after: the meeting at that very instant is not "next"
    expect(nextOccurrence(firstTuesday, new Date('2026-02-03T15:00:00Z'))?.localDate).toBe('2026-03-03');
    expect(nextOccurrence(firstTuesday, new Date('2026-02-03T14:59:59Z'))?.localDate).toBe('2026-02-03');
    expect(nextOccurrence({ ...firstTuesday, count: 1 }, new Date('2026-01-07T00:00:00Z'))).toBeNull();
  });

  it('starts on the start date when it matches, else at the next matching date', () => {
    const weekly = (startDate: string) => firstOccurrences({ rule: { freq: 'weekly', weekday: 'WE', interval: 3 }, time: '09:30', startDate }, 2);
    expect(weekly('2026-01-07').map((o) => o.localDate)).toEqual(['2026-01-07', '2026-01-28']);
    expect(weekly('2026-01-08').map((o) => o.localDate)).toEqual(['2026-01-14', '2026-02-04']);
    const monthly = (startDate: string) => firstOccurrences({ rule: { freq: 'monthly-day', day: 15, interval: 2 }, time: '09:30', startDate }, 2);
    expect(monthly('2026-01-15').map((o) => o.localDate)).toEqual(['2026-01-15', '2026-03-15']);
    expect(monthly('2026-01-16').map((o) => o.localDate)).toEqual(['2026-02-15', '2026-04-15']);
  });
});

describe('validateSeries', () => {
  const ok: MeetingSeries = { rule: { freq: 'monthly-day', day: 15 }, time: '17:00', startDate: '2026-01-01' };
  it.each<[string, MeetingSeries, string[]]>([
    ['valid', ok, []],
    ['day 29 (missing in February)', { ...ok, rule: { freq: 'monthly-day', day: 29 } }, ['invalid-day']],
    ['day 0', { ...ok, rule: { freq: 'monthly-day', day: 0 } }, ['invalid-day']],
    ['fifth week', { ...ok, rule: { freq: 'monthly-weekday', week: 5 as WeekOfMonth, weekday: 'MO' } }, ['invalid-week']],
    ['bad weekday', { ...ok, rule: { freq: 'weekly', weekday: 'XX' as Weekday } }, ['invalid-weekday']],
    ['interval 0', { ...ok, rule: { freq: 'weekly', weekday: 'MO', interval: 0 } }, ['invalid-interval']],
    ['bad time', { ...ok, time: '25:00' }, ['invalid-time']],
    ['bad zone', { ...ok, zone: 'Mars/Olympus' }, ['invalid-zone']],
    ['bad start', { ...ok, startDate: '2026-02-30' }, ['invalid-start-date']],
    ['until before start', { ...ok, until: '2025-12-31' }, ['until-before-start']],
    ['count and until', { ...ok, until: '2026-12-31', count: 3 }, ['count-and-until']],
    ['count 0', { ...ok, count: 0 }, ['invalid-count']],
  ])('%s', (_name, series, errors) => {
    expect(validateSeries(series)).toEqual(errors);
  });

  it('generation throws on an invalid series', () => {
    expect(() => occurrences({ ...ok, rule: { freq: 'monthly-day', day: 31 }, count: 1 })).toThrow(RangeError);
  });
});

describe('toICalendarRecurrence', () => {
  it('pairs the RRULE with DTSTART at the first occurrence', () => {
    expect(
      toICalendarRecurrence({ rule: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', startDate: '2026-03-10', until: '2026-12-31' }),
    ).toEqual({
      dtstartLocal: '20260407T170000',
      zone: 'Europe/Helsinki',
      dtstart: new Date('2026-04-07T14:00:00Z'),
      rrule: 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261231T150000Z',
    });
  });
});

// ---- properties ---------------------------------------------------------------------------------

const weekdayArb = fc.constantFrom<Weekday>('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
const ruleArb: fc.Arbitrary<RecurrenceRule> = fc.oneof(
  fc.record({ freq: fc.constant('weekly' as const), weekday: weekdayArb, interval: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    freq: fc.constant('monthly-weekday' as const),
    week: fc.constantFrom<WeekOfMonth>(1, 2, 3, 4, -1),
    weekday: weekdayArb,
    interval: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    freq: fc.constant('monthly-day' as const),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant(-1)),
    interval: fc.integer({ min: 1, max: 3 }),
  }),
);
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dateArb = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const zoneArb = fc.constantFrom('Europe/Helsinki', 'Europe/Helsinki', 'America/New_York', 'Australia/Sydney');
const seriesArb: fc.Arbitrary<MeetingSeries> = fc.record({
  rule: ruleArb,
  time: timeArb,
  startDate: dateArb,
  zone: zoneArb,
  count: fc.integer({ min: 1, max: 30 }),
});

// An independent reading of the wall clock: Intl directly, not utcToZoned.
function wallClock(instant: Date, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday: String(parts.weekday).slice(0, 2).toUpperCase() };
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

describe('occurrences: properties', () => {
  it('every occurrence shows the requested wall time, on the rule weekday and date', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const list = occurrences(series);
        expect(list).toHaveLength(series.count!);
        let previous = -Infinity;
        for (const o of list) {
          const wall = wallClock(o.start, series.zone!);
          expect(wall.date).toBe(o.localDate);
          expect(o.localDate >= series.startDate).toBe(true);
          // Only a time inside a spring gap may move, and only forward by that zone's DST amount (1 h).
          expect(wall.time).toBe(o.resolution === 'gap' ? addMinutes(series.time, 60) : series.time);
          expect(o.localTime).toBe(wall.time);
          const { rule } = series;
          const day = Number(o.localDate.slice(8));
          const dim = new Date(Date.UTC(Number(o.localDate.slice(0, 4)), Number(o.localDate.slice(5, 7)), 0)).getUTCDate();
          if (rule.freq !== 'monthly-day') expect(wall.weekday).toBe(rule.weekday);
          if (rule.freq === 'monthly-weekday') {
            if (rule.week === -1) expect(day + 7).toBeGreaterThan(dim);
            else expect(Math.ceil(day / 7)).toBe(rule.week);
          }
          if (rule.freq === 'monthly-day') expect(day).toBe(rule.day === -1 ? dim : rule.day);
          expect(o.start.getTime()).toBeGreaterThan(previous);
          previous = o.start.getTime();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ical.js expands the exported DTSTART + RRULE to the same local dates', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const ours = occurrences(series).map((o) => o.localDate);
        const rec = toICalendarRecurrence(series)!;
        const start = ICAL.Time.fromDateTimeString(
          `${rec.dtstartLocal.slice(0, 4)}-${rec.dtstartLocal.slice(4, 6)}-${rec.dtstartLocal.slice(6, 8)}T${rec.dtstartLocal.slice(9, 11)}:${rec.dtstartLocal.slice(11, 13)}:00`,
        );
        const iterator = ICAL.Recur.fromString(rec.rrule).iterator(start);
        const theirs: string[] = [];
        for (let next = iterator.next(); next && theirs.length < 100; next = iterator.next()) theirs.push(next.toString().slice(0, 10));
        expect(theirs).toEqual(ours);
      }),
      { numRuns: 300 },
    );
  });

  it('a window returns exactly the full list’s occurrences inside it', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), (series, fromDays, lengthDays) => {
        const all = occurrences(series);
        const from = new Date(Date.parse(`${series.startDate}T00:00:00Z`) + (fromDays - 30) * 86_400_000);
        const to = new Date(from.getTime() + lengthDays * 86_400_000);
        const inside = all.filter((o) => o.start >= from && o.start < to);
        expect(occurrences(series, { from, to })).toEqual(inside);
      }),
      { numRuns: 300 },
    );
  });
});
