// The dashboard's period presets, custom Finnish dates and the lattice half-years (pure).
import { describe, expect, it } from 'vitest';
import { latticeHalves, MAX_PERIOD_DAYS, parsePeriod, presetDates } from './period.ts';

const q = (s: string) => new URLSearchParams(s);
// 3 December 2026, 01:30 in Helsinki (UTC+2): still 2 December in UTC.
const lateNight = new Date('2026-12-02T23:30:00Z');

describe('presets', () => {
  it('are whole calendar months, quarters, halves and years around the Helsinki day', () => {
    expect(presetDates('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetDates('month', '2028-02-14')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetDates('quarter', '2026-05-31')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetDates('quarter', '2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetDates('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetDates('half', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(presetDates('year', '2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetDates('last-year', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('default to the current half-year, in Helsinki time', () => {
    const p = parsePeriod(q(''), lateNight);
    expect(p).toMatchObject({ preset: 'half', from: '2026-07-01', to: '2026-12-31', errors: [], fromInput: '1.7.2026', toInput: '31.12.2026' });
    // Helsinki midnights: 1 July 00:00 (UTC+3) and 1 January 00:00 (UTC+2).
    expect(p.fromInstant.toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(p.toInstant.toISOString()).toBe('2026-12-31T22:00:00.000Z');
  });

  it('this month at 1.30 on 1 December in Helsinki is December, though UTC is still in November', () => {
    expect(parsePeriod(q('period=month'), new Date('2026-11-30T23:30:00Z'))).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('an unknown preset is the default', () => {
    expect(parsePeriod(q('period=decade'), lateNight)).toMatchObject({ preset: 'half', errors: [] });
  });
});

describe('a custom period', () => {
  it('takes dates typed the Finnish way (or ISO)', () => {
    const p = parsePeriod(q('period=custom&from=1.3.2026&to=2026-05-31'), lateNight);
    expect(p).toMatchObject({ preset: 'custom', from: '2026-03-01', to: '2026-05-31', errors: [], fromInput: '1.3.2026', toInput: '31.5.2026' });
    expect(p.fromInstant.toISOString()).toBe('2026-02-28T22:00:00.000Z');
    expect(p.toInstant.toISOString()).toBe('2026-05-31T21:00:00.000Z');
  });

  it('one day is a period', () => {
    expect(parsePeriod(q('period=custom&from=3.12.2026&to=3.12.2026'), lateNight)).toMatchObject({ from: '2026-12-03', to: '2026-12-03', errors: [] });
  });

  it('refuses missing, impossible, reversed and too long ranges, keeping what was typed and showing the default', () => {
    expect(parsePeriod(q('period=custom'), lateNight)).toMatchObject({
      from: '2026-07-01',
      to: '2026-12-31',
      errors: ['from', 'to'],
      fromInput: '',
      toInput: '',
    });
    expect(parsePeriod(q('period=custom&from=31.2.2026&to=1.3.2026'), lateNight)).toMatchObject({ errors: ['from'], fromInput: '31.2.2026' });
    expect(parsePeriod(q('period=custom&from=1.3.2026&to=1.2.2026'), lateNight)).toMatchObject({ errors: ['order'], from: '2026-07-01' });
    expect(parsePeriod(q('period=custom&from=1.1.2020&to=31.12.2026'), lateNight)).toMatchObject({ errors: ['length'] });
  });

  it('allows exactly the longest period and not a day more', () => {
    // 1.1.2024 + 1098 days − 1 = 2.1.2027
    expect(MAX_PERIOD_DAYS).toBe(1098);
    expect(parsePeriod(q('period=custom&from=1.1.2024&to=2.1.2027'), lateNight).errors).toEqual([]);
    expect(parsePeriod(q('period=custom&from=1.1.2024&to=3.1.2027'), lateNight).errors).toEqual(['length']);
  });

  it('does not choke on long or odd input', () => {
    expect(parsePeriod(q(`period=custom&from=${'9'.repeat(500)}&to=%00`), lateNight).errors).toEqual(['from', 'to']);
  });
});

describe('the lattice half-years of a period', () => {
  it('are those the period touches, oldest first', () => {
    expect(latticeHalves('2026-12-01', '2026-12-31').map((h) => h.key)).toEqual(['2026-H2']);
    expect(latticeHalves('2026-01-01', '2026-12-31').map((h) => h.key)).toEqual(['2026-H1', '2026-H2']);
    expect(latticeHalves('2025-06-30', '2026-07-01').map((h) => h.key)).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    expect(latticeHalves('2026-07-01', '2026-07-01')[0]).toEqual({ year: 2026, half: 2, key: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
  });

  it('are at most seven for the longest period', () => {
    expect(latticeHalves('2024-01-01', '2027-01-02')).toHaveLength(7);
  });
});
