import { DomainError } from '../../platform/errors.ts';

/** Registration is closed: the event is not published, is cancelled, or its deadline has passed. */
export class RegistrationClosedError extends DomainError {
  constructor() {
    super('event_registration_closed', 409, 'events.error.closed');
  }
}

/** This address is already registered for the event. */
export class AlreadyRegisteredError extends DomainError {
  constructor() {
    super('event_already_registered', 409, 'events.error.alreadyRegistered');
  }
}

/** The cancel link is unknown or already used. */
export class CancelLinkError extends DomainError {
  constructor() {
    super('event_cancel_link', 410, 'events.error.cancelLink');
  }
}

/** A change that does not fit the event (e.g. a capacity below the seats already confirmed). */
export class EventChangeError extends DomainError {
  constructor(messageKey: 'events.error.cancelled' | 'events.error.capacityBelowConfirmed' | 'events.validation.tourInvalid') {
    super('event_change', 409, messageKey);
  }
}
