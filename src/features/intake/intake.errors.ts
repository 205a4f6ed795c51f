import { DomainError } from '../../platform/errors.ts';

/** The application was assigned or declined already. */
export class ApplicationClosedError extends DomainError {
  constructor() {
    super('application_closed', 409, 'intake.error.closed');
  }
}

/** The chosen group no longer takes members (not forming, or gone). */
export class GroupNotFormingError extends DomainError {
  constructor() {
    super('group_not_forming', 409, 'intake.error.groupNotForming');
  }
}

/** Only a declined application can be reopened. */
export class ApplicationNotDeclinedError extends DomainError {
  constructor() {
    super('application_not_declined', 409, 'intake.error.notDeclined');
  }
}
