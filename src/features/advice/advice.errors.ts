import { DomainError } from '../../platform/errors.ts';

/** Someone else took the slot first, or it is no longer free (notice, holiday, leave). */
export class SlotTakenError extends DomainError {
  constructor() {
    super('advice_slot_taken', 409, 'advice.error.slotTaken');
  }
}

/** The confirmation link is unknown, used, or its 30 minutes are over. */
export class HoldExpiredError extends DomainError {
  constructor() {
    super('advice_hold_expired', 410, 'advice.error.holdExpired');
  }
}

/** The session cannot be changed any more (cancelled, past, or within the notice). */
export class SessionClosedError extends DomainError {
  constructor() {
    super('advice_session_closed', 409, 'advice.error.closed');
  }
}
