// The live meeting as a pure reducer: where the agenda is, each item's clock, the current round of
// equal turns (equal-turns.ts) and the prompt card shown. Plain JSON, kept in live_meeting_states so a
// reload or a second device sees the same meeting. Timestamps, never timers: time left is computed.
//
// - `at` is the server's time in epoch ms; an `at` before the last accepted command counts as that time.
// - Every accepted command adds 1 to `version` (the row's version column mirrors it): optimistic
//   concurrency is checked by the caller against the version the device saw.
// - A shuffled round's order is drawn here from the seed the server picked and stored in the state,
//   so every device shows the same order.
// - Moving to another agenda item ends a round that is still running (its turns stay as they were).
import { applyRoundAction, createRound, remainingMs, seededRandom, type RoundAction, type RoundState } from './equal-turns.ts';

export type LivePhase = 'not-started' | 'running' | 'ended';

export interface LiveRound extends RoundState {
  /** the agenda item the round belongs to */
  itemId: string | null;
  order: 'fixed' | 'shuffled';
  seed: number | null;
}

export interface LiveState {
  version: number;
  phase: LivePhase;
  startedAt: number | null;
  endedAt: number | null;
  /** index into the agenda (ordered by position) */
  itemIndex: number;
  /** time each agenda item has run before its clock's current run, by item id */
  itemUsedMs: Record<string, number>;
  /** when the current item's clock last started; null unless running */
  itemClockStartedAt: number | null;
  round: LiveRound | null;
  promptIndex: number;
  updatedAt: number | null;
}

export interface LiveAgendaItem {
  id: string;
  minutes: number;
}

export interface LiveContext {
  agenda: readonly LiveAgendaItem[];
  /** number of prompt cards */
  promptCount: number;
}

export type LiveCommand =
  | { type: 'start'; at: number }
  | { type: 'next-item'; at: number }
  | { type: 'previous-item'; at: number }
  | { type: 'start-round'; at: number; memberIds: readonly string[]; order: 'fixed' | 'shuffled'; seed?: number; roundMs?: number }
  | { type: 'next-turn'; at: number }
  | { type: 'previous-turn'; at: number }
  | { type: 'pass'; at: number }
  | { type: 'extend'; at: number }
  | { type: 'end-round'; at: number }
  | { type: 'next-prompt'; at: number }
  | { type: 'previous-prompt'; at: number }
  | { type: 'end'; at: number };

export const liveCommandTypes = [
  'start',
  'next-item',
  'previous-item',
  'start-round',
  'next-turn',
  'previous-turn',
  'pass',
  'extend',
  'end-round',
  'next-prompt',
  'previous-prompt',
  'end',
] as const satisfies readonly LiveCommand['type'][];

export type LiveResult = { ok: true; state: LiveState } | { ok: false; reason: 'version-conflict' | 'not-allowed'; state: LiveState };

/** A round without an agenda item's length gets this. */
export const DEFAULT_ROUND_MS = 15 * 60_000;

export function initialLiveState(): LiveState {
  return { version: 0, phase: 'not-started', startedAt: null, endedAt: null, itemIndex: 0, itemUsedMs: {}, itemClockStartedAt: null, round: null, promptIndex: 0, updatedAt: null };
}

/** Reads a stored state; anything unreadable is taken as a meeting not started yet. */
export function parseLiveState(value: unknown, version: number): LiveState {
  const base = initialLiveState();
  if (!value || typeof value !== 'object') return { ...base, version };
  return { ...base, ...(value as Partial<LiveState>), version };
}

export function applyLiveCommand(state: LiveState, command: LiveCommand, context: LiveContext, expectedVersion?: number): LiveResult {
  if (expectedVersion !== undefined && expectedVersion !== state.version) return { ok: false, reason: 'version-conflict', state };
  const at = state.updatedAt !== null && command.at < state.updatedAt ? state.updatedAt : command.at;
  const next = transition(state, { ...command, at } as LiveCommand, context);
  if (!next) return { ok: false, reason: 'not-allowed', state };
  return { ok: true, state: { ...next, version: state.version + 1, updatedAt: at } };
}

function transition(state: LiveState, command: LiveCommand, context: LiveContext): LiveState | null {
  const { at } = command;
  const running = state.phase === 'running';
  switch (command.type) {
    case 'start':
      if (state.phase !== 'not-started' || context.agenda.length === 0) return null;
      return { ...state, phase: 'running', startedAt: at, itemIndex: 0, itemClockStartedAt: at };
    case 'next-item':
    case 'previous-item': {
      if (!running) return null;
      const target = state.itemIndex + (command.type === 'next-item' ? 1 : -1);
      if (target < 0 || target >= context.agenda.length) return null;
      const stopped = endRoundIfLive(stopItemClock(state, context, at), at);
      return { ...stopped, itemIndex: target, itemClockStartedAt: at, round: null };
    }
    case 'start-round': {
      if (!running || (state.round && state.round.phase !== 'ended')) return null;
      if (command.memberIds.length === 0 || new Set(command.memberIds).size !== command.memberIds.length) return null;
      const item = context.agenda[state.itemIndex];
      const roundMs = command.roundMs ?? (item ? item.minutes * 60_000 : DEFAULT_ROUND_MS);
      if (!Number.isInteger(roundMs) || roundMs <= 0) return null;
      const seed = command.order === 'shuffled' ? (command.seed ?? 1) : null;
      const created = createRound({ memberIds: command.memberIds, roundMs, order: command.order, random: seed === null ? undefined : seededRandom(seed) });
      const started = applyRoundAction(created, { type: 'start', at });
      return { ...state, round: { ...started.state, itemId: item?.id ?? null, order: command.order, seed } };
    }
    case 'next-turn':
    case 'previous-turn':
    case 'pass':
    case 'extend':
    case 'end-round': {
      if (!running || !state.round) return null;
      const type: RoundAction['type'] = command.type === 'next-turn' ? 'next' : command.type === 'previous-turn' ? 'previous' : command.type === 'end-round' ? 'end' : command.type;
      const result = applyRoundAction(state.round, { type, at });
      if (!result.ok) return null;
      return { ...state, round: { ...state.round, ...result.state } };
    }
    case 'next-prompt':
    case 'previous-prompt': {
      if (context.promptCount <= 0 || state.phase === 'ended') return null;
      const step = command.type === 'next-prompt' ? 1 : -1;
      return { ...state, promptIndex: (((state.promptIndex + step) % context.promptCount) + context.promptCount) % context.promptCount };
    }
    case 'end': {
      if (!running) return null;
      const stopped = endRoundIfLive(stopItemClock(state, context, at), at);
      return { ...stopped, phase: 'ended', endedAt: at, itemClockStartedAt: null };
    }
  }
}

function stopItemClock(state: LiveState, context: LiveContext, at: number): LiveState {
  const item = context.agenda[state.itemIndex];
  if (!item || state.itemClockStartedAt === null) return { ...state, itemClockStartedAt: null };
  const used = (state.itemUsedMs[item.id] ?? 0) + Math.max(0, at - state.itemClockStartedAt);
  return { ...state, itemClockStartedAt: null, itemUsedMs: { ...state.itemUsedMs, [item.id]: used } };
}

function endRoundIfLive(state: LiveState, at: number): LiveState {
  if (!state.round || state.round.phase === 'ended') return state;
  const result = applyRoundAction(state.round, { type: 'end', at });
  return { ...state, round: { ...state.round, ...result.state } };
}

// ---- reading the clocks -------------------------------------------------------------------------

/** Time the current agenda item has run at `now`. */
export function itemUsedMs(state: LiveState, context: LiveContext, now: number): number {
  const item = context.agenda[state.itemIndex];
  if (!item) return 0;
  const running = state.itemClockStartedAt !== null ? Math.max(0, now - state.itemClockStartedAt) : 0;
  return (state.itemUsedMs[item.id] ?? 0) + running;
}

/** Time left of the current agenda item at `now` (negative: over time); null before the start. */
export function itemRemainingMs(state: LiveState, context: LiveContext, now: number): number | null {
  const item = context.agenda[state.itemIndex];
  if (!item || state.phase === 'not-started') return null;
  return item.minutes * 60_000 - itemUsedMs(state, context, now);
}

/** Time left of the current turn at `now`; null when no one has the turn. */
export function turnRemainingMs(state: LiveState, now: number): number | null {
  return state.round ? remainingMs(state.round, now) : null;
}

/** The member whose turn it is, or null. */
export function currentSpeaker(state: LiveState): string | null {
  const round = state.round;
  if (!round || round.current === null) return null;
  return round.turns[round.current]?.memberId ?? null;
}

/** "m:ss", with a minus sign when over time. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
