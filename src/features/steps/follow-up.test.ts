import { describe, expect, it } from 'vitest';
import type { MeetingSeries } from '../meetings/recurrence.ts';
import {
  defaultDueDate,
  followUpRound,
  type FollowUpAttendance,
  type FollowUpMeeting,
  type FollowUpReason,
  type FollowUpStep,
  type StepStatus,
} from './follow-up.ts';

// Group g1 meets on the first Tuesday at 17:00 Helsinki; March was cancelled.
const meetings: FollowUpMeeting[] = [
  { id: 'm1', groupId: 'g1', startsAt: new Date('2026-01-06T15:00:00Z'), status: 'held' },
  { id: 'm2', groupId: 'g1', startsAt: new Date('2026-02-03T15:00:00Z'), status: 'held' },
  { id: 'm3', groupId: 'g1', startsAt: new Date('2026-03-03T15:00:00Z'), status: 'cancelled' },
  { id: 'm4', groupId: 'g1', startsAt: new Date('2026-04-07T14:00:00Z'), status: 'held' },
  { id: 'm5', groupId: 'g1', startsAt: new Date('2026-05-05T14:00:00Z'), status: 'planned' },
  // another group, the same week
  { id: 'x1', groupId: 'g2', startsAt: new Date('2026-04-28T14:00:00Z'), status: 'held' },
];

function present(meetingId: string, ...members: string[]): FollowUpAttendance[] {
  return members.map((memberId) => ({ meetingId, memberId, status: 'present' }));
}

const attendance: FollowUpAttendance[] = [
  ...present('m1', 'anna', 'bertta', 'daniel'),
  ...present('m2', 'anna', 'bertta', 'daniel'),
  ...present('m4', 'anna', 'daniel', 'eero'),
  { meetingId: 'm4', memberId: 'bertta', status: 'excused' },
  // at M (m5): cecilia is new; daniel is away
  ...present('m5', 'anna', 'bertta', 'cecilia', 'eero'),
  { meetingId: 'm5', memberId: 'daniel', status: 'absent' },
  ...present('x1', 'anna'),
];

function step(id: string, memberId: string, meetingId: string | null, status: StepStatus, extra: Partial<FollowUpStep> = {}): FollowUpStep {
  const setAt = meetings.find((m) => m.id === meetingId)?.startsAt ?? new Date('2026-01-01T10:00:00Z');
  return {
    id,
    memberId,
    groupId: 'g1',
    meetingId,
    title: `Step ${id}`,
    status,
    createdAt: new Date(setAt.getTime() + 90 * 60_000),
    statusChangedAt: status === 'open' ? null : new Date(setAt.getTime() + 7 * 86_400_000),
    ...extra,
  };
}

const steps: FollowUpStep[] = [
  // anna was at every meeting
  step('a1', 'anna', 'm4', 'open'),
  step('a2', 'anna', 'm4', 'done'),
  step('a3', 'anna', 'm4', 'dropped'),
  step('a4', 'anna', 'm2', 'open'),
  step('a5', 'anna', 'm2', 'done', { statusChangedAt: new Date('2026-04-20T08:00:00Z') }),
  step('a6', 'anna', 'm2', 'done', { statusChangedAt: new Date('2026-03-01T08:00:00Z') }),
  step('a7', 'anna', 'm1', 'dropped', { statusChangedAt: new Date('2026-02-01T08:00:00Z') }),
  step('a8', 'anna', null, 'open', { createdAt: new Date('2026-04-25T18:00:00Z') }),
  step('a9', 'anna', 'x1', 'open', { groupId: 'g2' }),
  step('a10', 'anna', 'm5', 'open'),
  step('a11', 'anna', null, 'partly', { createdAt: new Date('2026-05-05T14:30:00Z') }),
  // bertta missed April (excused)
  step('b1', 'bertta', 'm2', 'done', { statusChangedAt: new Date('2026-03-03T08:00:00Z') }),
  step('b2', 'bertta', 'm1', 'partly'),
  step('b3', 'bertta', 'm1', 'dropped', { statusChangedAt: new Date('2026-03-10T08:00:00Z') }),
  step('b4', 'bertta', 'm1', 'done', { statusChangedAt: new Date('2026-01-20T08:00:00Z') }),
  // daniel is absent from M: nothing for him even with open steps
  step('d1', 'daniel', 'm4', 'open'),
  // eero joined in April; a step linked to a meeting not in the list counts from its creation time
  step('e1', 'eero', 'm4', 'partly'),
  step('e2', 'eero', 'gone', 'open', { createdAt: new Date('2026-03-15T10:00:00Z') }),
];

type Expected = { memberId: string; last: string | null; missed: number | null; items: [string, FollowUpReason][] };

describe('followUpRound', () => {
  it.each<[string, string, Expected[]]>([
    [
      'M = May: previous meeting April (March cancelled)',
      'm5',
      [
        {
          memberId: 'anna',
          last: 'm4',
          missed: 0,
          items: [
            ['a4', 'still-open'],
            ['a5', 'changed-since-last-attended'],
            ['a1', 'set-at-previous-meeting'],
            ['a2', 'set-at-previous-meeting'],
            ['a3', 'set-at-previous-meeting'],
            ['a8', 'set-since-last-attended'],
          ],
        },
        {
          // absent in April: her February steps come back, and older ones closed since February
          memberId: 'bertta',
          last: 'm2',
          missed: 1,
          items: [
            ['b2', 'still-open'],
            ['b3', 'changed-since-last-attended'],
            ['b1', 'set-since-last-attended'],
          ],
        },
        { memberId: 'cecilia', last: null, missed: null, items: [] },
        {
          memberId: 'eero',
          last: 'm4',
          missed: 0,
          items: [
            ['e2', 'still-open'],
            ['e1', 'set-at-previous-meeting'],
          ],
        },
      ],
    ],
    [
      'M = April: previous meeting February',
      'm4',
      [
        {
          memberId: 'anna',
          last: 'm2',
          missed: 0,
          // a7 was dropped before February's meeting: already talked about then
          items: [
            ['a4', 'set-at-previous-meeting'],
            ['a5', 'set-at-previous-meeting'],
            ['a6', 'set-at-previous-meeting'],
          ],
        },
        {
          memberId: 'daniel',
          last: 'm2',
          missed: 0,
          items: [],
        },
        {
          // first meeting for eero: a step written before it (in the app) is listed
          memberId: 'eero',
          last: null,
          missed: null,
          items: [['e2', 'set-since-last-attended']],
        },
      ],
    ],
    [
      'M = the group’s first meeting: no previous meeting',
      'm1',
      [
        { memberId: 'anna', last: null, missed: null, items: [] },
        { memberId: 'bertta', last: null, missed: null, items: [] },
        { memberId: 'daniel', last: null, missed: null, items: [] },
      ],
    ],
  ])('%s', (_name, meetingId, expected) => {
    const round = followUpRound({ meetingId, meetings, attendance, steps });
    expect(
      round.members.map((m) => ({
        memberId: m.memberId,
        last: m.lastAttendedMeetingId,
        missed: m.missedMeetings,
        items: m.items.map((i) => [i.step.id, i.reason]),
      })),
    ).toEqual(expected);
  });

  it('names the previous meeting, skipping cancelled ones', () => {
    expect(followUpRound({ meetingId: 'm5', meetings, attendance, steps }).previousMeetingId).toBe('m4');
    expect(followUpRound({ meetingId: 'm4', meetings, attendance, steps }).previousMeetingId).toBe('m2');
    expect(followUpRound({ meetingId: 'm1', meetings, attendance, steps }).previousMeetingId).toBeNull();
  });

  it('an absent member gets no entry', () => {
    const round = followUpRound({ meetingId: 'm5', meetings, attendance, steps });
    expect(round.members.map((m) => m.memberId)).not.toContain('daniel');
  });

  it('a step closed before the member’s last attended meeting is not repeated (bertta’s b4, done in January)', () => {
    const bertta = followUpRound({ meetingId: 'm5', meetings, attendance, steps }).members.find((m) => m.memberId === 'bertta')!;
    expect(bertta.items.map((i) => i.step.id)).not.toContain('b4');
  });

  it('a step dropped at or after the previous meeting is listed once, then no more', () => {
    // a3 (set in April, dropped a week later) at May…
    const may = followUpRound({ meetingId: 'm5', meetings, attendance, steps }).members.find((m) => m.memberId === 'anna')!;
    expect(may.items.find((i) => i.step.id === 'a3')?.reason).toBe('set-at-previous-meeting');
    // …and at June, after anna attended May, it is not
    const june: FollowUpMeeting = { id: 'm6', groupId: 'g1', startsAt: new Date('2026-06-02T14:00:00Z'), status: 'planned' };
    const round = followUpRound({ meetingId: 'm6', meetings: [...meetings, june], attendance: [...attendance, ...present('m6', 'anna')], steps });
    const ids = round.members[0]!.items.map((i) => [i.step.id, i.reason]);
    expect(ids).toEqual([
      ['a4', 'still-open'],
      ['a1', 'still-open'],
      ['a8', 'still-open'],
      ['a10', 'set-at-previous-meeting'],
      ['a11', 'set-since-last-attended'],
    ]);
  });

  it('rejects an unknown meeting', () => {
    expect(() => followUpRound({ meetingId: 'nope', meetings, attendance, steps })).toThrow(RangeError);
  });
});

describe('defaultDueDate', () => {
  const firstTuesday: MeetingSeries = { rule: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', startDate: '2026-01-01' };
  const at = new Date('2026-04-07T14:00:00Z'); // the April meeting, 17:00 Helsinki
  const g1 = meetings.filter((m) => m.groupId === 'g1');

  it.each<[string, Parameters<typeof defaultDueDate>[0], string]>([
    ['the next scheduled meeting', { setAt: at, meetings: g1 }, '2026-05-05'],
    ['not a meeting later the same day', { setAt: at, meetings: [{ startsAt: new Date('2026-04-07T17:00:00Z'), status: 'planned' }, ...g1] }, '2026-05-05'],
    ['not a cancelled one', { setAt: at, meetings: g1.map((m) => (m.id === 'm5' ? { ...m, status: 'cancelled' as const } : m)) }, '2026-05-07'],
    ['the series when nothing is scheduled', { setAt: at, series: firstTuesday }, '2026-05-05'],
    [
      'a scheduled meeting before the series’ next date wins',
      { setAt: at, series: firstTuesday, meetings: [{ startsAt: new Date('2026-04-21T14:00:00Z'), status: 'planned' }] },
      '2026-04-21',
    ],
    ['the series skips an occurrence the same day', { setAt: new Date('2026-04-07T10:00:00Z'), series: firstTuesday }, '2026-05-05'],
    ['a series that has ended falls back to 30 days', { setAt: at, series: { ...firstTuesday, until: '2026-04-30' } }, '2026-05-07'],
    ['30 days from the local (Helsinki) date', { setAt: new Date('2026-01-20T22:30:00Z') }, '2026-02-20'],
    ['a chosen number of days', { setAt: at, fallbackDays: 14 }, '2026-04-21'],
    ['in the group’s zone', { setAt: new Date('2026-01-20T22:30:00Z'), zone: 'America/New_York' }, '2026-02-19'],
  ])('%s', (_name, input, expected) => {
    expect(defaultDueDate(input)).toBe(expected);
  });
});
