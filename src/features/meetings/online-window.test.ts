import { describe, expect, it } from 'vitest';
import { agendaWindows, expertJoinUrl, isJoinWindowOpen } from './online-window.ts';

// Issue 11: the "join now" link shows from 15 minutes before the start until the end.
const meeting = { startsAt: new Date('2026-12-02T15:00:00Z'), endsAt: new Date('2026-12-02T17:00:00Z') };

describe('isJoinWindowOpen', () => {
  it.each([
    ['16 minutes before', '2026-12-02T14:44:00Z', false],
    ['15 minutes before', '2026-12-02T14:45:00Z', true],
    ['at the start', '2026-12-02T15:00:00Z', true],
    ['a minute before the end', '2026-12-02T16:59:00Z', true],
    ['at the end', '2026-12-02T17:00:00Z', false],
    ['the next day', '2026-12-03T15:00:00Z', false],
  ])('%s', (_name, now, open) => {
    expect(isJoinWindowOpen(meeting, new Date(now))).toBe(open);
  });
});

// Issue 11, point 8: an expert's segment window (the items before it set its start).
describe('expertJoinUrl', () => {
  const start = new Date('2026-12-02T15:00:00Z');
  const online = { startsAt: start, status: 'scheduled', format: 'online', onlineUrl: 'https://meet.example.fi/x' };
  const agenda = [
    { minutes: 30, expertUserId: null },
    { minutes: 45, expertUserId: 'expert' },
    { minutes: 30, expertUserId: null },
  ];
  it('gives each item its window after the ones before it', () => {
    const w = agendaWindows(start, agenda);
    expect(w.map((x) => [x.startsAt.toISOString(), x.endsAt.toISOString()])).toEqual([
      ['2026-12-02T15:00:00.000Z', '2026-12-02T15:30:00.000Z'],
      ['2026-12-02T15:30:00.000Z', '2026-12-02T16:15:00.000Z'],
      ['2026-12-02T16:15:00.000Z', '2026-12-02T16:45:00.000Z'],
    ]);
  });
  it.each([
    ['at the meeting start (16 minutes before the segment)', '2026-12-02T15:14:00Z', false],
    ['15 minutes before the segment', '2026-12-02T15:15:00Z', true],
    ['during the segment', '2026-12-02T16:00:00Z', true],
    ['at the segment end', '2026-12-02T16:15:00Z', false],
  ])('%s', (_name, now, open) => {
    expect(expertJoinUrl(online, agenda, 'expert', new Date(now))).toBe(open ? online.onlineUrl : null);
  });
  it('not for another expert, a cancelled or an in-person meeting', () => {
    const now = new Date('2026-12-02T16:00:00Z');
    expect(expertJoinUrl(online, agenda, 'someone', now)).toBeNull();
    expect(expertJoinUrl({ ...online, status: 'cancelled' }, agenda, 'expert', now)).toBeNull();
    expect(expertJoinUrl({ ...online, format: 'in_person' }, agenda, 'expert', now)).toBeNull();
  });
});
