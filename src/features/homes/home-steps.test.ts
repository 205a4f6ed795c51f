import { describe, expect, it } from 'vitest';
import { foldOlderSteps, planHomeSteps, type RecentStep } from './home-steps.ts';

// Cases from issue 11's acceptance text: overdue marked and first, at most five on the home,
// overdue ones always visible, undated last.
const today = '2026-12-02';

describe('planHomeSteps', () => {
  const cases: { name: string; steps: { id: string; dueOn: string | null }[]; limit?: number; shown: string[]; overdue: string[]; hidden: number }[] = [
    { name: 'nothing open', steps: [], shown: [], overdue: [], hidden: 0 },
    {
      name: 'overdue first, earliest due first, undated last',
      steps: [
        { id: 'later', dueOn: '2026-12-20' },
        { id: 'undated', dueOn: null },
        { id: 'late2', dueOn: '2026-11-30' },
        { id: 'late1', dueOn: '2026-11-01' },
        { id: 'today', dueOn: '2026-12-02' },
      ],
      shown: ['late1', 'late2', 'today', 'later', 'undated'],
      overdue: ['late1', 'late2'],
      hidden: 0,
    },
    {
      name: 'due today is not overdue',
      steps: [{ id: 'a', dueOn: '2026-12-02' }],
      shown: ['a'],
      overdue: [],
      hidden: 0,
    },
    {
      name: 'at most five, the rest counted',
      steps: ['1', '2', '3', '4', '5', '6', '7'].map((d) => ({ id: `s${d}`, dueOn: `2026-12-1${d}` })),
      shown: ['s1', 's2', 's3', 's4', 's5'],
      overdue: [],
      hidden: 2,
    },
    {
      name: 'overdue steps stay visible past the limit',
      steps: ['1', '2', '3', '4', '5', '6'].map((d) => ({ id: `late${d}`, dueOn: `2026-11-0${d}` })).concat([{ id: 'next', dueOn: '2026-12-10' }]),
      shown: ['late1', 'late2', 'late3', 'late4', 'late5', 'late6'],
      overdue: ['late1', 'late2', 'late3', 'late4', 'late5', 'late6'],
      hidden: 1,
    },
    {
      name: 'equal dates keep the given order',
      steps: [
        { id: 'b', dueOn: null },
        { id: 'a', dueOn: null },
      ],
      shown: ['b', 'a'],
      overdue: [],
      hidden: 0,
    },
  ];
  it.each(cases)('$name', ({ steps, limit, shown, overdue, hidden }) => {
    const plan = planHomeSteps(steps, today, limit);
    expect(plan.shown.map((s) => s.id)).toEqual(shown);
    expect(plan.shown.filter((s) => s.overdue).map((s) => s.id)).toEqual(overdue);
    expect(plan.hidden).toBe(hidden);
  });
});

describe('foldOlderSteps', () => {
  // Group g1 met on 3.11. and 1.12.; g2 has met once.
  const cutoffs = new Map([['g1', new Date('2026-11-03T15:00:00Z')]]);
  const step = (id: string, groupId: string, status: RecentStep['status'], createdAt: string) => ({ id, groupId, status, createdAt: new Date(createdAt) });
  const cases = [
    { name: 'done before the last two meetings folds', s: step('a', 'g1', 'done', '2026-10-06T16:00:00Z'), older: true },
    { name: 'partly done before them folds', s: step('b', 'g1', 'partly', '2026-10-06T16:00:00Z'), older: true },
    { name: 'dropped before them folds', s: step('c', 'g1', 'dropped', '2026-09-01T10:00:00Z'), older: true },
    { name: 'open before them stays', s: step('d', 'g1', 'open', '2026-09-01T10:00:00Z'), older: false },
    { name: 'done at the second-to-last meeting stays', s: step('e', 'g1', 'done', '2026-11-03T16:30:00Z'), older: false },
    { name: 'done since the last meeting stays', s: step('f', 'g1', 'done', '2026-12-01T16:30:00Z'), older: false },
    { name: 'a group without two meetings folds nothing', s: step('g', 'g2', 'done', '2025-01-01T10:00:00Z'), older: false },
  ];
  it.each(cases)('$name', ({ s, older }) => {
    const { recent, older: folded } = foldOlderSteps([s], cutoffs);
    expect(folded.map((x) => x.id)).toEqual(older ? [s.id] : []);
    expect(recent.map((x) => x.id)).toEqual(older ? [] : [s.id]);
  });
});
