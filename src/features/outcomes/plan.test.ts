import { describe, expect, it } from 'vitest';
import { addMonths, dueCheckIns, instrumentsFor, latestWave, type PlanInput } from './plan.ts';

const base: PlanInput = { today: '2026-03-10', joinedOn: '2026-03-01', exitOn: null, meetings: [], existing: [], consent: true };

describe('measurement plan', () => {
  it('adds calendar months, clamping the day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2025-12-01', 1)).toBe('2026-01-01');
  });

  it('offers nothing without consent', () => {
    expect(dueCheckIns({ ...base, consent: false })).toEqual([]);
  });

  it('asks for the baseline at joining until it is done', () => {
    expect(dueCheckIns(base)).toEqual([{ kind: 'baseline', dueOn: '2026-03-01', wave: 0, meetingId: null }]);
    expect(dueCheckIns({ ...base, existing: [{ kind: 'baseline', dueOn: '2026-03-01', wave: 0, meetingId: null }] })).toEqual([]);
  });

  it('offers nothing before the joining day', () => {
    expect(dueCheckIns({ ...base, today: '2026-02-20' })).toEqual([]);
  });

  it('asks for the full set every 6 months, only the latest wave', () => {
    expect(latestWave('2026-03-01', '2026-08-31')).toBe(0);
    expect(latestWave('2026-03-01', '2026-09-01')).toBe(1);
    expect(latestWave('2026-03-01', '2027-03-02')).toBe(2);
    const baseline = { kind: 'baseline' as const, dueOn: '2026-03-01', wave: 0, meetingId: null };
    expect(dueCheckIns({ ...base, today: '2027-03-02', existing: [baseline] })).toEqual([{ kind: 'full', dueOn: '2027-03-01', wave: 2, meetingId: null }]);
    expect(dueCheckIns({ ...base, today: '2027-03-02', existing: [baseline, { kind: 'full', dueOn: '2027-03-01', wave: 2, meetingId: null }] })).toEqual([]);
  });

  it('asks for a pulse after each started meeting for a week', () => {
    const meetings = [
      { id: 'm1', date: '2026-03-03', started: true, cancelled: false },
      { id: 'm2', date: '2026-03-09', started: true, cancelled: false },
      { id: 'm3', date: '2026-03-12', started: false, cancelled: false },
      { id: 'm0', date: '2026-02-20', started: true, cancelled: false },
      { id: 'mc', date: '2026-03-08', started: true, cancelled: true },
    ];
    const existing = [{ kind: 'baseline' as const, dueOn: '2026-03-01', wave: 0, meetingId: null }];
    expect(dueCheckIns({ ...base, meetings, existing }).map((d) => d.meetingId)).toEqual(['m1', 'm2']);
    expect(dueCheckIns({ ...base, today: '2026-03-11', meetings, existing }).map((d) => d.meetingId)).toEqual(['m2']);
    const answered = [...existing, { kind: 'pulse' as const, dueOn: '2026-03-09', wave: null, meetingId: 'm2' }];
    expect(dueCheckIns({ ...base, today: '2026-03-11', meetings, existing: answered })).toEqual([]);
  });

  it('after exit asks only for the exit check-in, for 60 days', () => {
    const meetings = [{ id: 'm1', date: '2026-03-03', started: true, cancelled: false }];
    expect(dueCheckIns({ ...base, exitOn: '2026-03-05', meetings })).toEqual([{ kind: 'exit', dueOn: '2026-03-05', wave: null, meetingId: null }]);
    expect(dueCheckIns({ ...base, exitOn: '2026-03-05', today: '2026-05-10' })).toEqual([]);
    expect(dueCheckIns({ ...base, exitOn: '2026-03-05', existing: [{ kind: 'exit', dueOn: '2026-03-05', wave: null, meetingId: null }] })).toEqual([]);
  });

  it('keeps a pulse to 1–3 items and a full check-in short', () => {
    const count = (kind: 'pulse' | 'full') => instrumentsFor(kind).reduce((n, i) => n + i.items.length, 0);
    expect(count('pulse')).toBeGreaterThanOrEqual(1);
    expect(count('pulse')).toBeLessThanOrEqual(3);
    expect(count('full')).toBeLessThanOrEqual(20);
  });
});
