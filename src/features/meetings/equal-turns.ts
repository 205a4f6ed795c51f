// The live meeting's round with equal turns, as a pure reducer. The state is plain JSON (store it as
// it is) and holds timestamps, never timers: the time left is computed from them (`remainingMs`).
//
// - A round is for the members present; the order is as given or shuffled with a PRNG passed in
//   (`seededRandom(seed)`), so the same seed gives the same order on every device and in tests.
// - Everyone gets the same budget: the round's length divided by the number of members, rounded
//   down to whole seconds (the few leftover seconds are not handed out, so budgets stay equal).
// - Actions: start, pass (the speaker passes; the turn is marked passed), next (the turn is done),
//   previous (back to the turn before, e.g. after a mistaken "next"; its used time is kept), extend
//   (adds `extendMs` to the speaker's budget), pause/resume (the clock stops), end. "next" or "pass"
//   on the last turn ends the round.
// - Budget policy (decided per round):
//   'fixed-turns' (default): budgets never change except by an extension of the speaker. Equal turns
//     is what the facilitator promises, so an extension shows as the round running over (see
//     `roundRemainingMs`) and the facilitator decides; it is never silently taken from those who
//     have not spoken yet. Time left unused by someone who passes or stops early shortens the round.
//   'fixed-round': for a hard stop (a room booked until 19:00). Whenever a turn ends or is extended,
//     the time the round still has is shared equally among those who have not spoken yet (the next
//     speaker included), so they stay equal to each other: an extension or an overrun is taken from
//     them, time left unused is given to them.
// - Every accepted action adds 1 to `version`. Two devices send the version they saw
//   (`expectedVersion`); a stale one gets 'version-conflict' and must reload — optimistic concurrency.
// - `at` is the action's time in epoch milliseconds, stamped by the server. An `at` earlier than the
//   last accepted action is taken as that time, so clocks never run backwards.

export type BudgetPolicy = 'fixed-turns' | 'fixed-round';
export type RoundPhase = 'ready' | 'running' | 'paused' | 'ended';
export type TurnStatus = 'waiting' | 'current' | 'done' | 'passed';

export interface Turn {
  memberId: string;
  budgetMs: number;
  /** time spoken before the clock's current run (the running part is `at - clockStartedAt`) */
  usedMs: number;
  status: TurnStatus;
  extensions: number;
}

export interface RoundState {
  version: number;
  phase: RoundPhase;
  policy: BudgetPolicy;
  roundMs: number;
  extendMs: number;
  turns: Turn[];
  /** index of the current turn; null before start and after end */
  current: number | null;
  /** when the clock of the current turn last started; null unless running */
  clockStartedAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  /** time of the last accepted action */
  updatedAt: number | null;
}

export interface RoundConfig {
  /** members present, in the group's order */
  memberIds: readonly string[];
  roundMs: number;
  order?: 'fixed' | 'shuffled';
  /** required for 'shuffled': numbers in [0, 1), e.g. `seededRandom(seed)` */
  random?: () => number;
  /** default 60 s */
  extendMs?: number;
  /** default 'fixed-turns' */
  policy?: BudgetPolicy;
}

export type RoundAction =
  | { type: 'start'; at: number }
  | { type: 'pass'; at: number }
  | { type: 'next'; at: number }
  | { type: 'previous'; at: number }
  | { type: 'extend'; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'end'; at: number };

export type RoundResult = { ok: true; state: RoundState } | { ok: false; reason: 'version-conflict' | 'not-allowed'; state: RoundState };

export const DEFAULT_EXTEND_MS = 60_000;

/** Equal budget per member: whole seconds, rounded down. */
export function equalShareMs(totalMs: number, members: number): number {
  if (members <= 0) return 0;
  return Math.max(0, Math.floor(totalMs / members / 1000) * 1000);
}

export function createRound(config: RoundConfig): RoundState {
  const ids = [...config.memberIds];
  if (ids.length === 0) throw new RangeError('A round needs at least one member');
  if (new Set(ids).size !== ids.length) throw new RangeError('Members must be unique');
  if (!Number.isInteger(config.roundMs) || config.roundMs <= 0) throw new RangeError('roundMs must be a positive integer');
  const extendMs = config.extendMs ?? DEFAULT_EXTEND_MS;
  if (!Number.isInteger(extendMs) || extendMs <= 0) throw new RangeError('extendMs must be a positive integer');
  let order = ids;
  if (config.order === 'shuffled') {
    if (!config.random) throw new RangeError('A shuffled order needs a random source');
    order = shuffle(ids, config.random);
  }
  const budget = equalShareMs(config.roundMs, order.length);
  return {
    version: 0,
    phase: 'ready',
    policy: config.policy ?? 'fixed-turns',
    roundMs: config.roundMs,
    extendMs,
    turns: order.map((memberId) => ({ memberId, budgetMs: budget, usedMs: 0, status: 'waiting', extensions: 0 })),
    current: null,
    clockStartedAt: null,
    startedAt: null,
    endedAt: null,
    updatedAt: null,
  };
}

/**
 * Apply an action. With `expectedVersion`, a state that has moved on since the sender saw it is
 * refused with 'version-conflict'. A refused action returns the state unchanged.
 */
export function applyRoundAction(state: RoundState, action: RoundAction, expectedVersion?: number): RoundResult {
  if (expectedVersion !== undefined && expectedVersion !== state.version) return { ok: false, reason: 'version-conflict', state };
  const next = transition(state, action);
  if (!next) return { ok: false, reason: 'not-allowed', state };
  return { ok: true, state: { ...next, version: state.version + 1, updatedAt: clampAt(state, action.at) } };
}

/** Reducer form (e.g. for React's useReducer): refused actions leave the state as it is. */
export function roundReducer(state: RoundState, action: RoundAction): RoundState {
  return applyRoundAction(state, action).state;
}

function clampAt(state: RoundState, at: number): number {
  return state.updatedAt !== null && at < state.updatedAt ? state.updatedAt : at;
}

function transition(state: RoundState, action: RoundAction): RoundState | null {
  const at = clampAt(state, action.at);
  const live = state.phase === 'running' || state.phase === 'paused';
  switch (action.type) {
    case 'start':
      if (state.phase !== 'ready') return null;
      return {
        ...state,
        phase: 'running',
        turns: state.turns.map((t, i) => (i === 0 ? { ...t, status: 'current' } : t)),
        current: 0,
        clockStartedAt: at,
        startedAt: at,
      };
    case 'pause':
      if (state.phase !== 'running') return null;
      return { ...stopClock(state, at), phase: 'paused' };
    case 'resume':
      if (state.phase !== 'paused') return null;
      return { ...state, phase: 'running', clockStartedAt: at };
    case 'extend': {
      if (!live || state.current === null) return null;
      const i = state.current;
      const turns = state.turns.map((t, j) => (j === i ? { ...t, budgetMs: t.budgetMs + state.extendMs, extensions: t.extensions + 1 } : t));
      return rebalance({ ...state, turns });
    }
    case 'next':
    case 'pass': {
      if (!live || state.current === null) return null;
      const stopped = stopClock(state, at);
      const i = state.current;
      const turns = stopped.turns.map((t, j) => (j === i ? { ...t, status: action.type === 'pass' ? ('passed' as const) : ('done' as const) } : t));
      const following = turns.findIndex((t, j) => j > i && t.status === 'waiting');
      if (following < 0) return { ...stopped, turns, phase: 'ended', current: null, endedAt: at };
      // Share before the next speaker takes the turn, so they get the same as the others waiting.
      const shared = rebalance({ ...stopped, turns, current: null }).turns;
      shared[following] = { ...shared[following]!, status: 'current' };
      return { ...stopped, turns: shared, current: following, clockStartedAt: state.phase === 'running' ? at : null };
    }
    case 'previous': {
      if (!live || state.current === null || state.current === 0) return null;
      const stopped = stopClock(state, at);
      const i = state.current;
      const turns = stopped.turns.map((t, j) => (j === i ? { ...t, status: 'waiting' as const } : j === i - 1 ? { ...t, status: 'current' as const } : t));
      return rebalance({ ...stopped, turns, current: i - 1, clockStartedAt: state.phase === 'running' ? at : null });
    }
    case 'end': {
      if (state.phase === 'ended') return null;
      const stopped = live ? stopClock(state, at) : state;
      const turns = stopped.turns.map((t, j) => (j === state.current ? { ...t, status: 'done' as const } : t));
      return { ...stopped, turns, phase: 'ended', current: null, endedAt: at, startedAt: state.startedAt ?? at };
    }
  }
}

/** Moves the running clock's time into the current turn's `usedMs`. */
function stopClock(state: RoundState, at: number): RoundState {
  if (state.phase !== 'running' || state.current === null || state.clockStartedAt === null) return { ...state, clockStartedAt: null };
  const elapsed = Math.max(0, at - state.clockStartedAt);
  const i = state.current;
  return { ...state, clockStartedAt: null, turns: state.turns.map((t, j) => (j === i ? { ...t, usedMs: t.usedMs + elapsed } : t)) };
}

/** 'fixed-round': share what the round has left equally among the waiting turns. */
function rebalance(state: RoundState): RoundState {
  if (state.policy !== 'fixed-round') return state;
  const waiting = state.turns.filter((t) => t.status === 'waiting');
  if (waiting.length === 0) return state;
  // Finished turns count what they used, the current one its whole budget (or more, if over), and
  // waiting ones what they already spoke (a turn left with "previous"); the rest is shared, so each
  // waiting turn has the same time *left*.
  const committed = state.turns.reduce((sum, t) => sum + (t.status === 'current' ? Math.max(t.budgetMs, t.usedMs) : t.usedMs), 0);
  const share = equalShareMs(state.roundMs - committed, waiting.length);
  return { ...state, turns: state.turns.map((t) => (t.status === 'waiting' ? { ...t, budgetMs: share + t.usedMs } : t)) };
}

// ---- reading the clock ------------------------------------------------------------------------

/** Time the current turn has spoken, at `now`. */
export function usedMs(state: RoundState, now: number): number {
  if (state.current === null) return 0;
  const turn = state.turns[state.current]!;
  const running = state.phase === 'running' && state.clockStartedAt !== null ? Math.max(0, now - state.clockStartedAt) : 0;
  return turn.usedMs + running;
}

/** Time left in the current turn at `now` (negative: over time); null when no one has the turn. */
export function remainingMs(state: RoundState, now: number): number | null {
  if (state.current === null) return null;
  return state.turns[state.current]!.budgetMs - usedMs(state, now);
}

/** Time left in the round at `now`: the current turn's remainder (may be negative) plus the waiting budgets. */
export function roundRemainingMs(state: RoundState, now: number): number {
  const waiting = state.turns.reduce((sum, t) => sum + (t.status === 'waiting' ? t.budgetMs : 0), 0);
  if (state.phase === 'ended') return 0;
  return waiting + (remainingMs(state, now) ?? 0);
}

// ---- order ------------------------------------------------------------------------------------

/** Fisher–Yates with the given source of numbers in [0, 1). Returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** mulberry32: a small, fast, seedable PRNG (not for secrets). Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
