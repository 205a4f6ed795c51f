import { DomainError } from '../../platform/errors.ts';

/** A chosen facilitator is not staff (facilitator, trainee or coordinator) of the organisation. */
export class NotAFacilitatorError extends DomainError {
  constructor() {
    super('not_a_facilitator', 400, 'groups.error.notFacilitator');
  }
}

/** The person to add is not an entrepreneur of the organisation, or is in the group already. */
export class NotAddableMemberError extends DomainError {
  constructor() {
    super('not_addable_member', 409, 'groups.error.notAddable');
  }
}

/** The member accepted an agreement version that is no longer the current one. */
export class AgreementChangedError extends DomainError {
  constructor() {
    super('agreement_changed', 409, 'groups.error.agreementChanged');
  }
}

/** There is no agreement yet for the organisation. */
export class NoAgreementError extends DomainError {
  constructor() {
    super('no_agreement', 409, 'groups.error.noAgreement');
  }
}

/** The person to restore has not left this group (or is no longer an entrepreneur of the organisation). */
export class NotRestorableMemberError extends DomainError {
  constructor() {
    super('not_restorable_member', 409, 'groups.error.notRestorable');
  }
}
