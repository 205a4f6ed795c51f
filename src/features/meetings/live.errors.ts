import { DomainError } from '../../platform/errors.ts';
import type { LiveState } from './live-state.ts';

/** Someone (another device) moved the meeting on since this one looked: here is the fresh state. */
export class LiveConflictError extends DomainError {
  readonly state: LiveState;
  constructor(state: LiveState) {
    super('live_version_conflict', 409, 'live.error.stale');
    this.state = state;
  }
}

/** The command does not fit where the meeting is (e.g. "next turn" with no round running). */
export class LiveNotAllowedError extends DomainError {
  readonly state: LiveState;
  constructor(state: LiveState) {
    super('live_not_allowed', 409, 'live.error.notAllowed');
    this.state = state;
  }
}
