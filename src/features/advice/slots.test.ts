import { describe, expect, it } from 'vitest';
import { easterSunday, finnishHolidays, holidayOn } from './holidays.ts';
import { DEFAULT_ADVICE_RULES, expandWindows, freeSlots, parseSlotKey, slotKey, withinChangeNotice, type AvailabilityWindow } from './slots.ts';

const ADVISOR = '0190e000-0000-7000-8000-000000000001';
const OTHER = '0190e000-0000-7000-8000-000000000002';

function weekly(weekday: number, startTime: string, endTime: string, extra: Partial<AvailabilityWindow> = {}): AvailabilityWindow {
  return {
    id: `w${weekday}${startTime}`,
    advisorUserId: ADVISOR,
    kind: 'weekly',
    weekday,
    onDate: null,
    startTime,
    endTime,
    validFrom: null,
    validUntil: null,
    mode: 'remote',
    onlineUrl: 'https://meet.example.fi/neuvonta',
    place: null,
    topics: ['financing', 'marketing'],
    ...extra,
  };
}

const rules = { ...DEFAULT_ADVICE_RULES, minNoticeHours: 0 };
const longAgo = new Date('2000-01-01T00:00:00Z');

describe('Finnish public holidays', () => {
  it('finds Easter for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the holidays of 2026 that move, with Midsummer and All Saints on Saturdays', () => {
    const days = finnishHolidays(2026);
    expect(days.get('2026-04-03')).toBe('goodFriday');
    expect(days.get('2026-04-06')).toBe('easterMonday');
    expect(days.get('2026-05-14')).toBe('ascension');
    expect(days.get('2026-05-24')).toBe('pentecost');
    expect(days.get('2026-06-19')).toBe('midsummerEve');
    expect(days.get('2026-06-20')).toBe('midsummerDay');
    expect(days.get('2026-10-31')).toBe('allSaints');
    expect(days.get('2026-12-06')).toBe('independenceDay');
    expect(days.size).toBe(15);
    expect(holidayOn('2027-11-06')).toBe('allSaints');
    expect(holidayOn('2027-06-26')).toBe('midsummerDay');
    expect(holidayOn('2026-04-07')).toBeNull();
  });

  it('takes holiday slots away (Ascension Thursday 14.5.2026)', () => {
    const windows = [weekly(4, '09:00', '10:00')];
    const slots = freeSlots({ windows, leave: [], busy: [], rules, from: '2026-05-07', to: '2026-05-21', now: longAgo });
    expect(slots.map((s) => s.date)).toEqual(['2026-05-07', '2026-05-21']);
  });
});

describe('slots in Helsinki time across DST', () => {
  it('keeps 9.00 local on both sides of the March switch (29.3.2026)', () => {
    const windows = [weekly(5, '09:00', '10:00'), weekly(1, '09:00', '10:00')];
    const slots = expandWindows(windows, '2026-03-27', '2026-03-30', rules);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-27T07:00:00.000Z', '2026-03-30T06:00:00.000Z']);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3600_000)).toBe(true);
  });

  it('keeps 9.00 local on both sides of the October switch (25.10.2026)', () => {
    const windows = [weekly(5, '09:00', '10:00'), weekly(1, '09:00', '10:00')];
    const slots = expandWindows(windows, '2026-10-23', '2026-10-26', rules);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-23T06:00:00.000Z', '2026-10-26T07:00:00.000Z']);
  });

  it('cuts a Sunday window on the October night into slots of real length', () => {
    // 02.00–05.00 local on 25.10.2026: 03.00–04.00 happens twice; each slot's ends are read on the wall clock.
    const windows = [weekly(7, '01:00', '03:00', { topics: ['x'] })];
    const slots = expandWindows(windows, '2026-10-25', '2026-10-25', { ...rules, bufferMinutes: 0 });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-24T23:00:00.000Z']);
  });

  it('cuts a window into slots with the buffer between them', () => {
    const slots = expandWindows([weekly(2, '09:00', '12:00')], '2026-12-01', '2026-12-01', rules);
    // 60 min + 15 min buffer: 9.00, 10.15 (11.30 would end after 12.00)
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-12-01T07:00:00.000Z', '2026-12-01T08:15:00.000Z']);
  });
});

describe('free slots', () => {
  const windows = [weekly(2, '09:00', '12:00'), { ...weekly(2, '09:00', '12:00'), id: 'other', advisorUserId: OTHER, topics: ['marketing'] }];

  it('takes out booked sessions with the buffer around them, leave, the minimum notice and other topics', () => {
    const busy = [{ advisorUserId: ADVISOR, startsAt: new Date('2026-12-01T07:30:00Z'), endsAt: new Date('2026-12-01T08:05:00Z') }];
    const all = freeSlots({ windows, leave: [], busy, rules, from: '2026-12-01', to: '2026-12-01', now: longAgo });
    // ADVISOR's 9.00 overlaps the busy 9.30–10.05; 10.15 starts within the 15-min buffer after 10.05 → taken too.
    expect(all.filter((s) => s.advisorUserId === ADVISOR)).toHaveLength(0);
    expect(all.filter((s) => s.advisorUserId === OTHER)).toHaveLength(2);

    const financing = freeSlots({ windows, leave: [], busy: [], rules, from: '2026-12-01', to: '2026-12-01', now: longAgo, topic: 'financing' });
    expect(new Set(financing.map((s) => s.advisorUserId))).toEqual(new Set([ADVISOR]));

    const onLeave = freeSlots({
      windows,
      leave: [{ advisorUserId: OTHER, startsOn: '2026-11-30', endsOn: '2026-12-01' }],
      busy: [],
      rules,
      from: '2026-12-01',
      to: '2026-12-01',
      now: longAgo,
    });
    expect(new Set(onLeave.map((s) => s.advisorUserId))).toEqual(new Set([ADVISOR]));

    const soon = freeSlots({
      windows,
      leave: [],
      busy: [],
      rules: { ...rules, minNoticeHours: 24 },
      from: '2026-12-01',
      to: '2026-12-01',
      now: new Date('2026-11-30T07:30:00Z'),
    });
    expect(soon.map((s) => s.startsAt.toISOString())).toEqual(['2026-12-01T08:15:00.000Z', '2026-12-01T08:15:00.000Z']);
  });

  it('offers a single window only on its date, and weekly ones only within their validity', () => {
    const single: AvailabilityWindow = {
      ...weekly(1, '13:00', '14:00'),
      id: 's',
      kind: 'single',
      weekday: null,
      onDate: '2026-12-03',
      mode: 'on_site',
      onlineUrl: null,
      place: 'Pori, Yrityspalvelut',
    };
    const limited = weekly(2, '09:00', '10:00', { validFrom: '2026-12-08', validUntil: '2026-12-15' });
    const slots = freeSlots({ windows: [single, limited], leave: [], busy: [], rules, from: '2026-12-01', to: '2026-12-31', now: longAgo });
    expect(slots.map((s) => s.date)).toEqual(['2026-12-03', '2026-12-08', '2026-12-15']);
    expect(slots[0]!.place).toBe('Pori, Yrityspalvelut');
  });

  it('says whether a change is still allowed, and round-trips a slot key', () => {
    const startsAt = new Date('2026-12-10T08:00:00Z');
    expect(withinChangeNotice(startsAt, new Date('2026-12-09T08:00:00Z'), rules)).toBe(true);
    expect(withinChangeNotice(startsAt, new Date('2026-12-09T08:00:01Z'), rules)).toBe(false);
    expect(parseSlotKey(slotKey({ advisorUserId: ADVISOR, startsAt }))).toEqual({ advisorUserId: ADVISOR, startsAt });
    expect(parseSlotKey('nonsense')).toBeNull();
  });
});
