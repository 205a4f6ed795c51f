import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** The organisation must keep a coordinator. */
export class LastCoordinatorError extends DomainError {
  constructor() {
    super('last_coordinator', 409, 'org.error.lastCoordinator');
  }
}

/** The installation must keep an admin. */
export class LastAdminError extends DomainError {
  constructor() {
    super('last_admin', 409, 'org.error.lastAdmin');
  }
}

export class AlreadyMemberError extends DomainError {
  constructor() {
    super('already_member', 409, 'org.error.alreadyMember');
  }
}

export type InvitationProblem = 'not_found' | 'expired' | 'used' | 'revoked';

/** An invitation link that cannot be used: 404 when unknown, 410 when it was valid once. */
export class InvitationUnusableError extends DomainError {
  readonly problem: InvitationProblem;
  constructor(problem: InvitationProblem) {
    const key = problem === 'not_found' ? 'org.invitation.notFound' : problem === 'expired' ? 'org.invitation.expired' : problem === 'used' ? 'org.invitation.used' : 'org.invitation.revoked';
    super(`invitation_${problem}`, problem === 'not_found' ? 404 : 410, key);
    this.problem = problem;
  }
}

/** Signed in as someone other than the invited e-mail. */
export class WrongAccountError extends DomainError {
  constructor() {
    super('invitation_wrong_account', 409, 'org.invitation.wrongAccount');
  }
}

/** The invited e-mail already has an account: sign in first, then accept. */
export class SignInFirstError extends DomainError {
  constructor() {
    super('invitation_sign_in_first', 409, 'org.invitation.signInFirst');
  }
}

/** PostgreSQL unique violation (23505), whether or not the driver error is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A new account's name or password does not do: shown on that field. */
export class InvalidNewAccountError extends DomainError {
  readonly field: 'name' | 'password';
  constructor(field: 'name' | 'password', messageKey: MessageKey) {
    super(`invalid_${field}`, 400, messageKey);
    this.field = field;
  }
}
