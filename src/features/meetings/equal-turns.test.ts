import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRoundAction,
  createRound,
  equalShareMs,
  remainingMs,
  roundReducer,
  roundRemainingMs,
  seededRandom,
  shuffle,
  type RoundAction,
  type RoundConfig,
  type RoundState,
} from './equal-turns.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-04-07T14:10:00Z');
const at = (minutes: number) => T0 + minutes * MIN;
const members = ['anna', 'bertta', 'cecilia', 'daniel'];

/** Run actions, each at a minute offset; every one must be accepted. */
function run(config: Partial<RoundConfig>, steps: [RoundAction['type'], number][]): RoundState {
  let state = createRound({ memberIds: members, roundMs: 40 * MIN, ...config });
  for (const [type, minute] of steps) {
    const result = applyRoundAction(state, { type, at: at(minute) } as RoundAction, state.version);
    if (!result.ok) throw new Error(`${type} at ${minute} was refused: ${result.reason}`);
    state = result.state;
  }
  return state;
}

const summary = (s: RoundState) => s.turns.map((t) => `${t.memberId}:${t.status}:${t.budgetMs / 1000}s:${t.usedMs / 1000}s`);

describe('equal budgets', () => {
  it.each([
    [40 * MIN, 4, 600_000],
    [60 * MIN, 7, 514_000], // 514 285.7 ms → whole seconds, rounded down
    [10 * MIN, 3, 200_000],
    [45 * MIN, 8, 337_000], // 337.5 s
    [5_000, 1, 5_000],
  ])('%i ms for %i members → %i ms each', (roundMs, n, each) => {
    const state = createRound({ memberIds: Array.from({ length: n }, (_, i) => `m${i}`), roundMs });
    expect(new Set(state.turns.map((t) => t.budgetMs))).toEqual(new Set([each]));
    expect(equalShareMs(roundMs, n)).toBe(each);
    expect(each * n).toBeLessThanOrEqual(roundMs);
  });

  it.each<[string, RoundConfig, RegExp]>([
    ['no members', { memberIds: [], roundMs: MIN }, /at least one/],
    ['duplicate member', { memberIds: ['a', 'a'], roundMs: MIN }, /unique/],
    ['zero length', { memberIds: ['a'], roundMs: 0 }, /roundMs/],
    ['shuffle without a random source', { memberIds: ['a', 'b'], roundMs: MIN, order: 'shuffled' }, /random/],
    ['zero extension', { memberIds: ['a'], roundMs: MIN, extendMs: 0 }, /extendMs/],
  ])('refuses %s', (_name, config, error) => {
    expect(() => createRound(config)).toThrow(error);
  });
});

describe('the clock: remainingMs from timestamps', () => {
  it('counts down while running, stops when paused, goes negative over time', () => {
    let s = run({}, [['start', 0]]);
    expect(remainingMs(s, at(0))).toBe(10 * MIN);
    expect(remainingMs(s, at(4))).toBe(6 * MIN);
    s = run({}, [
      ['start', 0],
      ['pause', 4],
    ]);
    expect(remainingMs(s, at(4))).toBe(6 * MIN);
    expect(remainingMs(s, at(30))).toBe(6 * MIN);
    s = run({}, [
      ['start', 0],
      ['pause', 4],
      ['resume', 20],
    ]);
    expect(remainingMs(s, at(21))).toBe(5 * MIN);
    expect(remainingMs(s, at(32))).toBe(-6 * MIN);
  });

  it('is null before the start and after the end', () => {
    expect(remainingMs(createRound({ memberIds: members, roundMs: 40 * MIN }), at(0))).toBeNull();
    expect(
      remainingMs(
        run({}, [
          ['start', 0],
          ['end', 3],
        ]),
        at(5),
      ),
    ).toBeNull();
  });

  it('next moves to the next member with a full budget; the last next ends the round', () => {
    const s = run({}, [
      ['start', 0],
      ['next', 8],
      ['next', 19],
    ]);
    expect(summary(s)).toEqual(['anna:done:600s:480s', 'bertta:done:600s:660s', 'cecilia:current:600s:0s', 'daniel:waiting:600s:0s']);
    expect(remainingMs(s, at(20))).toBe(9 * MIN);
    expect(roundRemainingMs(s, at(20))).toBe(19 * MIN);
    const ended = run({}, [
      ['start', 0],
      ['next', 8],
      ['next', 19],
      ['next', 29],
      ['next', 38],
    ]);
    expect(ended).toMatchObject({ phase: 'ended', current: null, startedAt: at(0), endedAt: at(38) });
    expect(ended.turns.every((t) => t.status === 'done')).toBe(true);
  });

  it('an action stamped earlier than the last one is taken at the last one', () => {
    const s = run({}, [
      ['start', 5],
      ['next', 3],
    ]);
    expect(s.turns[0]!.usedMs).toBe(0);
    expect(s.updatedAt).toBe(at(5));
  });
});

describe('pass and extend', () => {
  it.each<[string, Partial<RoundConfig>, [RoundAction['type'], number][], string[]]>([
    [
      'fixed-turns: a pass keeps the others’ budgets (the round gets shorter)',
      {},
      [
        ['start', 0],
        ['pass', 1],
      ],
      ['anna:passed:600s:60s', 'bertta:current:600s:0s', 'cecilia:waiting:600s:0s', 'daniel:waiting:600s:0s'],
    ],
    [
      'fixed-turns: an extension adds to the speaker only (the round runs over)',
      { extendMs: 2 * MIN },
      [
        ['start', 0],
        ['extend', 9],
        ['extend', 11],
      ],
      ['anna:current:840s:0s', 'bertta:waiting:600s:0s', 'cecilia:waiting:600s:0s', 'daniel:waiting:600s:0s'],
    ],
    [
      'fixed-round: a pass gives the unused time equally to those waiting',
      { policy: 'fixed-round' },
      [
        ['start', 0],
        ['pass', 1],
      ],
      // 40 min − 1 min used by anna = 39 min for the three still to speak
      ['anna:passed:600s:60s', 'bertta:current:780s:0s', 'cecilia:waiting:780s:0s', 'daniel:waiting:780s:0s'],
    ],
    [
      'fixed-round: an extension is taken equally from those waiting',
      { policy: 'fixed-round', extendMs: 3 * MIN },
      [
        ['start', 0],
        ['extend', 9],
      ],
      // 40 − 13 = 27 min for three
      ['anna:current:780s:0s', 'bertta:waiting:540s:0s', 'cecilia:waiting:540s:0s', 'daniel:waiting:540s:0s'],
    ],
    [
      'fixed-round: an overrun is taken from those waiting too',
      { policy: 'fixed-round' },
      [
        ['start', 0],
        ['next', 16],
      ],
      // 40 − 16 (anna) = 24 min for three
      ['anna:done:600s:960s', 'bertta:current:480s:0s', 'cecilia:waiting:480s:0s', 'daniel:waiting:480s:0s'],
    ],
  ])('%s', (_name, config, steps, expected) => {
    const s = run(config, steps);
    expect(summary(s)).toEqual(expected);
  });

  it('fixed-round keeps the round to its length when turns end early or late', () => {
    const s = run({ policy: 'fixed-round' }, [
      ['start', 0],
      ['next', 6],
      ['extend', 7],
      ['next', 20],
      ['pass', 21],
    ]);
    const daniel = s.turns[3]!;
    expect(daniel.status).toBe('current');
    // anna 6 → three share 34 min; bertta +1 min extension; bertta 14, cecilia passes after 1:
    // 21 min used, daniel gets the remaining 19
    expect(summary(s).slice(0, 3)).toEqual(['anna:done:600s:360s', 'bertta:done:740s:840s', 'cecilia:passed:600s:60s']);
    expect(daniel.budgetMs).toBe(19 * MIN);
    expect(roundRemainingMs(s, at(21))).toBe(19 * MIN);
  });

  it('previous goes back to the turn before, keeping both turns’ used time', () => {
    const s = run({}, [
      ['start', 0],
      ['next', 4],
      ['previous', 5],
    ]);
    expect(summary(s)).toEqual(['anna:current:600s:240s', 'bertta:waiting:600s:60s', 'cecilia:waiting:600s:0s', 'daniel:waiting:600s:0s']);
    expect(remainingMs(s, at(6))).toBe(5 * MIN);
    const again = applyRoundAction(s, { type: 'next', at: at(6) }).state;
    expect(remainingMs(again, at(7))).toBe(8 * MIN);
  });

  it('a paused turn handed on stays paused for the next speaker', () => {
    const s = run({}, [
      ['start', 0],
      ['pause', 2],
      ['next', 5],
    ]);
    expect(s.phase).toBe('paused');
    expect(remainingMs(s, at(30))).toBe(10 * MIN);
  });
});

describe('versions and refusals', () => {
  it('every accepted action adds one to the version', () => {
    const s = run({}, [
      ['start', 0],
      ['extend', 1],
      ['pause', 2],
      ['resume', 3],
      ['next', 4],
      ['previous', 5],
      ['pass', 6],
      ['end', 7],
    ]);
    expect(s.version).toBe(8);
  });

  it('a stale version is a conflict and changes nothing', () => {
    const started = run({}, [['start', 0]]);
    // two devices saw version 1; the first "next" wins, the second is refused
    const first = applyRoundAction(started, { type: 'next', at: at(3) }, 1);
    expect(first.ok).toBe(true);
    const second = applyRoundAction(first.state, { type: 'next', at: at(3) }, 1);
    expect(second).toEqual({ ok: false, reason: 'version-conflict', state: first.state });
    expect(first.state.version).toBe(2);
  });

  it.each<[string, [RoundAction['type'], number][], RoundAction['type']]>([
    ['next before the start', [], 'next'],
    ['pause before the start', [], 'pause'],
    ['start twice', [['start', 0]], 'start'],
    ['resume while running', [['start', 0]], 'resume'],
    [
      'pause while paused',
      [
        ['start', 0],
        ['pause', 1],
      ],
      'pause',
    ],
    ['previous on the first turn', [['start', 0]], 'previous'],
    [
      'extend after the end',
      [
        ['start', 0],
        ['end', 1],
      ],
      'extend',
    ],
    [
      'end twice',
      [
        ['start', 0],
        ['end', 1],
      ],
      'end',
    ],
  ])('refuses %s', (_name, steps, type) => {
    const s = run({}, steps);
    expect(applyRoundAction(s, { type, at: at(2) } as RoundAction)).toEqual({ ok: false, reason: 'not-allowed', state: s });
    expect(roundReducer(s, { type, at: at(2) } as RoundAction)).toBe(s);
  });
});

describe('order', () => {
  it('fixed keeps the given order', () => {
    expect(createRound({ memberIds: members, roundMs: 40 * MIN }).turns.map((t) => t.memberId)).toEqual(members);
  });

  it('shuffled is deterministic by seed', () => {
    const order = (seed: number) =>
      createRound({ memberIds: members, roundMs: 40 * MIN, order: 'shuffled', random: seededRandom(seed) }).turns.map((t) => t.memberId);
    expect(order(42)).toEqual(order(42));
    expect(order(7)).toEqual(order(7));
    const seen = new Set(Array.from({ length: 50 }, (_, seed) => order(seed).join()));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('seededRandom gives the same numbers for the same seed, in [0, 1)', () => {
    const a = seededRandom(2026);
    const b = seededRandom(2026);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(2027)()).not.toBe(xs[0]);
  });

  it('shuffle is a permutation and every position is reachable evenly', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), fc.integer(), (items, seed) => {
        expect([...shuffle(items, seededRandom(seed))].sort()).toEqual([...items].sort());
      }),
    );
    // 4 members, 24 000 shuffles: each of 24 orders about 1000 times
    const counts = new Map<string, number>();
    const random = seededRandom(1);
    for (let i = 0; i < 24_000; i++) {
      const key = shuffle(members, random).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe('invariants under any sequence of actions', () => {
  const actionArb = fc.record({
    type: fc.constantFrom<RoundAction['type']>('start', 'pass', 'next', 'previous', 'extend', 'pause', 'resume', 'end'),
    dt: fc.integer({ min: -30_000, max: 5 * MIN }),
  });
  it('holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<'fixed-turns' | 'fixed-round'>('fixed-turns', 'fixed-round'),
        fc.array(actionArb, { maxLength: 40 }),
        (n, policy, actions) => {
          let state = createRound({ memberIds: Array.from({ length: n }, (_, i) => `m${i}`), roundMs: 30 * MIN, policy });
          let t = T0;
          let accepted = 0;
          for (const a of actions) {
            t += a.dt;
            const result = applyRoundAction(state, { type: a.type, at: t }, state.version);
            if (result.ok) accepted++;
            state = result.state;
            expect(state.version).toBe(accepted);
            const current = state.turns.filter((x) => x.status === 'current');
            expect(current.length).toBe(state.current === null ? 0 : 1);
            if (state.current !== null) expect(state.turns[state.current]!.status).toBe('current');
            expect((state.phase === 'running' || state.phase === 'paused') === (state.current !== null)).toBe(true);
            expect(state.clockStartedAt !== null).toBe(state.phase === 'running');
            for (const turn of state.turns) {
              expect(turn.usedMs).toBeGreaterThanOrEqual(0);
              expect(turn.budgetMs).toBeGreaterThanOrEqual(0);
            }
            if (policy === 'fixed-turns') {
              for (const turn of state.turns) expect(turn.budgetMs).toBe(equalShareMs(30 * MIN, n) + turn.extensions * state.extendMs);
            } else {
              const left = state.turns.filter((x) => x.status === 'waiting').map((x) => x.budgetMs - x.usedMs);
              expect(new Set(left).size).toBeLessThanOrEqual(1);
            }
            const now = t + 1000;
            if (state.current !== null)
              expect(remainingMs(state, now)).toBe(
                state.turns[state.current]!.budgetMs -
                  state.turns[state.current]!.usedMs -
                  (state.phase === 'running' ? Math.max(0, now - state.clockStartedAt!) : 0),
              );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
