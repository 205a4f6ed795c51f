import { describe, expect, it } from 'vitest';
import { chartPoints, readProgress } from './progress.ts';

const p = (score: number, day: number) => ({ instrumentId: 'who-5', kind: 'full', score, submittedAt: new Date(Date.UTC(2026, 0, day)) });

describe('progress reading', () => {
  it('reads nothing without WHO-5 scores', () => {
    expect(readProgress([{ ...p(40, 1), instrumentId: 'life-satisfaction' }])).toEqual({ reading: { kind: 'none' }, low: false });
  });
  it('reads the first score, and a rise, fall or no change from the first to the latest', () => {
    expect(readProgress([p(60, 1)])).toEqual({ reading: { kind: 'first', score: 60 }, low: false });
    expect(readProgress([p(72, 9), p(60, 1)]).reading).toEqual({ kind: 'up', points: 12, from: 60, to: 72 });
    expect(readProgress([p(60, 1), p(48, 9)])).toEqual({ reading: { kind: 'down', points: 12, from: 60, to: 48 }, low: true });
    expect(readProgress([p(52, 1), p(52, 9)]).reading.kind).toBe('same');
  });
  it('flags a latest WHO-5 at or under 50', () => {
    expect(readProgress([p(50, 1)]).low).toBe(true);
    expect(readProgress([p(40, 1), p(52, 2)]).low).toBe(false);
  });
  it('places chart points inside the box', () => {
    const box = { width: 300, height: 200, left: 40, right: 10, top: 10, bottom: 30 };
    expect(chartPoints([0, 100], box)).toEqual([
      { x: 40, y: 170 },
      { x: 290, y: 10 },
    ]);
    expect(chartPoints([50], box)).toEqual([{ x: 165, y: 90 }]);
  });
});

describe('xLabelIndices (dated x-axis labels)', () => {
  it.each([
    [0, []],
    [1, [0]],
    [3, [0, 1, 2]],
    [4, [0, 1, 2, 3]],
    [5, [0, 1, 3, 4]],
    [7, [0, 2, 4, 6]],
    [10, [0, 3, 6, 9]],
  ])('%i points', async (count, expected) => {
    const { xLabelIndices } = await import('./progress.ts');
    expect(xLabelIndices(count)).toEqual(expected);
  });
});
