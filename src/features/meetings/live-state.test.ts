import { describe, expect, it } from 'vitest';
import { applyLiveCommand, currentSpeaker, formatClock, initialLiveState, itemRemainingMs, parseLiveState, turnRemainingMs, type LiveCommand, type LiveContext, type LiveState } from './live-state.ts';

const context: LiveContext = { agenda: [{ id: 'opening', minutes: 10 }, { id: 'closing', minutes: 6 }], promptCount: 3 };
const T0 = Date.UTC(2026, 10, 26, 15, 0, 0);

function run(commands: LiveCommand[], state: LiveState = initialLiveState()): LiveState {
  return commands.reduce((s, c) => {
    const result = applyLiveCommand(s, c, context);
    if (!result.ok) throw new Error(`${c.type} refused: ${result.reason}`);
    return result.state;
  }, state);
}

describe('live meeting state', () => {
  it('starts at the first agenda item with its clock running and counts the version', () => {
    const s = run([{ type: 'start', at: T0 }]);
    expect(s).toMatchObject({ phase: 'running', itemIndex: 0, startedAt: T0, itemClockStartedAt: T0, version: 1 });
    expect(itemRemainingMs(s, context, T0 + 60_000)).toBe(9 * 60_000);
    expect(itemRemainingMs(initialLiveState(), context, T0)).toBeNull();
  });

  it('moves along the agenda and keeps each item’s used time', () => {
    const s = run([
      { type: 'start', at: T0 },
      { type: 'next-item', at: T0 + 120_000 },
      { type: 'previous-item', at: T0 + 180_000 },
    ]);
    expect(s.itemIndex).toBe(0);
    expect(s.itemUsedMs).toEqual({ opening: 120_000, closing: 60_000 });
    expect(itemRemainingMs(s, context, T0 + 240_000)).toBe(10 * 60_000 - 180_000);
    expect(applyLiveCommand(s, { type: 'previous-item', at: T0 + 250_000 }, context)).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('runs a round of equal turns: pass, next, extend, and the round ends after the last turn', () => {
    let s = run([
      { type: 'start', at: T0 },
      { type: 'start-round', at: T0, memberIds: ['a', 'b', 'c'], order: 'fixed' },
    ]);
    expect(currentSpeaker(s)).toBe('a');
    expect(s.round!.turns.map((t) => t.budgetMs)).toEqual([200_000, 200_000, 200_000]);
    expect(turnRemainingMs(s, T0 + 50_000)).toBe(150_000);
    s = run([{ type: 'extend', at: T0 + 60_000 }], s);
    expect(turnRemainingMs(s, T0 + 60_000)).toBe(200_000);
    s = run([{ type: 'next-turn', at: T0 + 100_000 }, { type: 'pass', at: T0 + 101_000 }], s);
    expect(currentSpeaker(s)).toBe('c');
    expect(s.round!.turns.map((t) => t.status)).toEqual(['done', 'passed', 'current']);
    s = run([{ type: 'next-turn', at: T0 + 200_000 }], s);
    expect(s.round!.phase).toBe('ended');
    expect(currentSpeaker(s)).toBeNull();
    // a new round may start once the last one has ended
    s = run([{ type: 'start-round', at: T0 + 210_000, memberIds: ['a'], order: 'fixed', roundMs: 60_000 }], s);
    expect(currentSpeaker(s)).toBe('a');
  });

  it('goes back to the previous speaker after a mistaken "next"', () => {
    const s = run([
      { type: 'start', at: T0 },
      { type: 'start-round', at: T0, memberIds: ['a', 'b'], order: 'fixed' },
      { type: 'next-turn', at: T0 + 10_000 },
      { type: 'previous-turn', at: T0 + 12_000 },
    ]);
    expect(currentSpeaker(s)).toBe('a');
    expect(s.round!.turns.map((t) => t.status)).toEqual(['current', 'waiting']);
    expect(turnRemainingMs(s, T0 + 12_000)).toBe(s.round!.turns[0]!.budgetMs - 10_000);
  });

  it('refuses a second round while one runs, turn commands without a round, and an empty round', () => {
    const started = run([{ type: 'start', at: T0 }]);
    expect(applyLiveCommand(started, { type: 'next-turn', at: T0 }, context).ok).toBe(false);
    expect(applyLiveCommand(started, { type: 'start-round', at: T0, memberIds: [], order: 'fixed' }, context).ok).toBe(false);
    const inRound = run([{ type: 'start-round', at: T0, memberIds: ['a', 'b'], order: 'fixed' }], started);
    expect(applyLiveCommand(inRound, { type: 'start-round', at: T0, memberIds: ['a'], order: 'fixed' }, context).ok).toBe(false);
    expect(applyLiveCommand(initialLiveState(), { type: 'start-round', at: T0, memberIds: ['a'], order: 'fixed' }, context).ok).toBe(false);
  });

  it('stores the shuffled order and its seed, so the same seed gives the same order everywhere', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const one = run([{ type: 'start', at: T0 }, { type: 'start-round', at: T0, memberIds: ids, order: 'shuffled', seed: 42 }]);
    const two = run([{ type: 'start', at: T0 }, { type: 'start-round', at: T0, memberIds: ids, order: 'shuffled', seed: 42 }]);
    expect(one.round!.seed).toBe(42);
    expect(one.round!.turns.map((t) => t.memberId)).toEqual(two.round!.turns.map((t) => t.memberId));
    expect([...one.round!.turns.map((t) => t.memberId)].sort()).toEqual(ids);
    // the state survives JSON (as stored in jsonb)
    expect(parseLiveState(JSON.parse(JSON.stringify(one)), one.version)).toEqual(one);
  });

  it('moving to the next item ends a running round', () => {
    const s = run([
      { type: 'start', at: T0 },
      { type: 'start-round', at: T0, memberIds: ['a', 'b'], order: 'fixed' },
      { type: 'next-item', at: T0 + 30_000 },
    ]);
    expect(s.round).toBeNull();
    expect(s.itemIndex).toBe(1);
  });

  it('turns the prompt cards round and round', () => {
    const s = run([{ type: 'next-prompt', at: T0 }, { type: 'next-prompt', at: T0 }, { type: 'next-prompt', at: T0 }]);
    expect(s.promptIndex).toBe(0);
    expect(run([{ type: 'previous-prompt', at: T0 }]).promptIndex).toBe(2);
  });

  it('refuses a stale version and leaves the state as it was', () => {
    const s = run([{ type: 'start', at: T0 }]);
    expect(applyLiveCommand(s, { type: 'next-item', at: T0 }, context, 0)).toEqual({ ok: false, reason: 'version-conflict', state: s });
    expect(applyLiveCommand(s, { type: 'next-item', at: T0 }, context, 1).ok).toBe(true);
  });

  it('ends the meeting: clocks stop, the round ends, nothing more moves', () => {
    const s = run([
      { type: 'start', at: T0 },
      { type: 'start-round', at: T0, memberIds: ['a', 'b'], order: 'fixed' },
      { type: 'end', at: T0 + 90_000 },
    ]);
    expect(s).toMatchObject({ phase: 'ended', endedAt: T0 + 90_000, itemClockStartedAt: null });
    expect(s.round!.phase).toBe('ended');
    expect(itemRemainingMs(s, context, T0 + 999_000)).toBe(10 * 60_000 - 90_000);
    expect(applyLiveCommand(s, { type: 'next-item', at: T0 + 100_000 }, context).ok).toBe(false);
  });

  it('never lets the clock run backwards', () => {
    const s = run([{ type: 'start', at: T0 }, { type: 'next-item', at: T0 - 5_000 }]);
    expect(s.itemUsedMs.opening).toBe(0);
    expect(s.updatedAt).toBe(T0);
  });

  it('formats clocks', () => {
    expect(formatClock(125_000)).toBe('2:05');
    expect(formatClock(-61_000)).toBe('−1:01');
  });
});
