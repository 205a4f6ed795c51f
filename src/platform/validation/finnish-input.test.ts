// The one parser of Finnish dates and times (issue 11, point 6), used by the meeting and step forms.
import { describe, expect, it } from 'vitest';
import { dateField, formatDateInput, optionalDateField, parseDateInput, parseTimeInput, timeField } from './finnish-input.ts';

describe('parseDateInput', () => {
  it.each([
    ['1.12.2026', '2026-12-01'],
    [' 01.02.2027 ', '2027-02-01'],
    ['2026-12-01', '2026-12-01'],
    ['29.2.2028', '2028-02-29'],
    ['29.2.2027', null],
    ['30.2.2027', null],
    ['32.1.2027', null],
    ['1.13.2027', null],
    ['12/1/2026', null],
    ['1.12.26', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it('formats a stored date back the Finnish way', () => {
    expect(formatDateInput('2026-12-01')).toBe('1.12.2026');
    expect(parseDateInput(formatDateInput('2027-02-09'))).toBe('2027-02-09');
  });
});

describe('parseTimeInput', () => {
  it.each([
    ['17.00', '17:00'],
    ['17', '17:00'],
    ['9.05', '09:05'],
    ['klo 17.30', '17:30'],
    ['Klo. 8', '08:00'],
    ['17:00', '17:00'],
    ['0', '00:00'],
    ['23.59', '23:59'],
    ['24.00', null],
    ['17.60', null],
    ['17.5', null],
    ['5 pm', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(parseTimeInput(input)).toBe(expected);
  });
});

describe('the zod fields', () => {
  it('give the parsed value, or the field’s own message key', () => {
    expect(dateField('x.date').safeParse('1.12.2026')).toMatchObject({ success: true, data: '2026-12-01' });
    expect(dateField('x.date').safeParse('31.11.2026').error?.issues[0]?.message).toBe('x.date');
    expect(timeField('x.time').safeParse('17')).toMatchObject({ success: true, data: '17:00' });
    expect(timeField('x.time').safeParse('25').error?.issues[0]?.message).toBe('x.time');
    expect(optionalDateField('x.due').safeParse('')).toMatchObject({ success: true, data: null });
    expect(optionalDateField('x.due').safeParse(undefined)).toMatchObject({ success: true, data: null });
    expect(optionalDateField('x.due').safeParse('3.4.2027')).toMatchObject({ success: true, data: '2027-04-03' });
    expect(optionalDateField('x.due').safeParse('huomenna').error?.issues[0]?.message).toBe('x.due');
  });
});
