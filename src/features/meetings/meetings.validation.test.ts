import { describe, expect, it } from 'vitest';
import { occurrences } from './recurrence.ts';
import { meetingDetailsSchema, newMeetingSchema, parseAgendaForm, parseAttendanceForm, seriesFor, weekOfMonth } from './meetings.validation.ts';

const base = { date: '2026-12-01', startTime: '17:00', endTime: '19:00', format: 'in_person', venueAddress: 'Yrjönkatu 1, Pori' };

describe('meeting details', () => {
  it('accepts a face-to-face meeting and asks each format for its own details', () => {
    expect(meetingDetailsSchema.safeParse(base).success).toBe(true);
    const online = meetingDetailsSchema.safeParse({ ...base, format: 'online', venueAddress: '' });
    expect(online.success).toBe(false);
    expect(online.error?.issues.map((i) => i.message)).toContain('meetings.validation.onlineUrlRequired');
    const walking = meetingDetailsSchema.safeParse({ ...base, format: 'walking' });
    expect(walking.error?.issues.map((i) => i.message)).toContain('meetings.validation.meetingPointRequired');
  });
  it('refuses an end before the start, a non-https link and a silly length', () => {
    const r = meetingDetailsSchema.safeParse({ ...base, onlineUrl: 'http://x.fi', lengthKm: '99' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['meetings.validation.onlineUrlInvalid', 'meetings.validation.lengthInvalid']));
    // The cross-field check runs once every field is valid on its own.
    expect(meetingDetailsSchema.safeParse({ ...base, endTime: '16:00' }).error?.issues.map((i) => i.path.join('.') + ' ' + i.message)).toEqual(['endTime meetings.validation.endBeforeStart']);
  });
  it('reads a length with a decimal comma', () => {
    expect(meetingDetailsSchema.parse({ ...base, format: 'walking', meetingPoint: 'Kirjurinluoto', lengthKm: '4,5' }).lengthKm).toBe(4.5);
  });
  it('refuses impossible dates and times', () => {
    expect(meetingDetailsSchema.safeParse({ ...base, date: '2026-02-30' }).success).toBe(false);
    expect(meetingDetailsSchema.safeParse({ ...base, startTime: '25:00' }).success).toBe(false);
  });
});

describe('series from a repeat choice', () => {
  it('"first Tuesday monthly" from a first Tuesday, across the DST change', () => {
    const parsed = newMeetingSchema.parse({ ...base, repeat: 'monthly-weekday', count: '6' });
    const series = seriesFor(parsed)!;
    expect(series.rule).toEqual({ freq: 'monthly-weekday', week: 1, weekday: 'TU' });
    const dates = occurrences(series).map((o) => o.start.toISOString());
    // 17:00 Helsinki is 15:00Z in winter (UTC+2) and 14:00Z in summer (UTC+3, from 29 March 2027).
    expect(dates).toEqual(['2026-12-01T15:00:00.000Z', '2027-01-05T15:00:00.000Z', '2027-02-02T15:00:00.000Z', '2027-03-02T15:00:00.000Z', '2027-04-06T14:00:00.000Z', '2027-05-04T14:00:00.000Z']);
  });
  it('the last weekday of a month and a count of at least 2', () => {
    expect(weekOfMonth('2026-12-29')).toBe(-1);
    expect(weekOfMonth('2026-12-22')).toBe(4);
    expect(newMeetingSchema.safeParse({ ...base, repeat: 'weekly', count: '1' }).success).toBe(false);
    expect(newMeetingSchema.safeParse({ ...base, repeat: 'weekly', count: '30' }).success).toBe(false);
  });
});

describe('agenda and attendance forms', () => {
  it('reads numbered agenda rows, skipping empty and removed ones', () => {
    const { rows, errors } = parseAgendaForm({ kind_0: 'opening_round', minutes_0: '15', kind_1: 'expert_segment', minutes_1: '30', topic_1: 'Verotus', kind_2: '', kind_3: 'closing', minutes_3: '10', remove_3: 'on' });
    expect(errors).toEqual({});
    expect(rows.map((r) => r.kind)).toEqual(['opening_round', 'expert_segment']);
    expect(parseAgendaForm({ kind_0: 'closing', minutes_0: '0' }).errors).toEqual({ minutes_0: 'meetings.validation.minutesInvalid' });
  });
  it('reads the attendance register and refuses bad hours', () => {
    const a = '0190e000-0000-7000-8000-000000000001';
    const b = '0190e000-0000-7000-8000-000000000002';
    expect(parseAttendanceForm({ [`status_${a}`]: 'present', [`hours_${a}`]: '2,5', [`status_${b}`]: 'excused' }, [a, b]).rows).toEqual([
      { userId: a, status: 'present', hours: 2.5 },
      { userId: b, status: 'excused', hours: null },
    ]);
    expect(parseAttendanceForm({ [`status_${a}`]: 'present', [`hours_${a}`]: '-1' }, [a]).errors).toEqual({ [`hours_${a}`]: 'meetings.validation.hoursInvalid' });
  });
});

describe('date field', () => {
  it('reads Finnish and ISO dates and refuses impossible ones', async () => {
    const { parseDateInput, formatDateInput } = await import('./meetings.validation.ts');
    expect(parseDateInput('1.12.2026')).toBe('2026-12-01');
    expect(parseDateInput(' 01.02.2027 ')).toBe('2027-02-01');
    expect(parseDateInput('2026-12-01')).toBe('2026-12-01');
    expect(parseDateInput('30.2.2027')).toBeNull();
    expect(parseDateInput('12/1/2026')).toBeNull();
    expect(formatDateInput('2026-12-01')).toBe('1.12.2026');
  });
});

describe('time field (Finnish habits: 17.00 and 17, as the date field takes 1.12.2026)', () => {
  it.each([
    ['17.00', '17:00'],
    ['17', '17:00'],
    ['9.05', '09:05'],
    ['klo 17.30', '17:30'],
    ['Klo 8', '08:00'],
    ['17:00', '17:00'],
    [' 07.45 ', '07:45'],
    ['0', '00:00'],
    ['23.59', '23:59'],
    ['24.00', null],
    ['17.60', null],
    ['17.5', null],
    ['5 pm', null],
    ['', null],
  ])('%s', async (input, expected) => {
    const { parseTimeInput } = await import('./meetings.validation.ts');
    expect(parseTimeInput(input)).toBe(expected);
  });

  it('the meeting form takes them', async () => {
    const { meetingDetailsSchema } = await import('./meetings.validation.ts');
    const parsed = meetingDetailsSchema.safeParse({ ...base, date: '1.12.2026', startTime: '17', endTime: '19.30' });
    expect(parsed.success && { start: parsed.data.startTime, end: parsed.data.endTime }).toEqual({ start: '17:00', end: '19:30' });
  });
});
