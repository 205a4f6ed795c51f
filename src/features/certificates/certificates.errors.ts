import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** Issuing or revoking cannot be done as asked (the holder is not a member, already revoked…). */
export class CertificateStateError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('certificate_state', 409, messageKey);
  }
}

/** The input handed to issueCertificate is not valid. */
export class CertificateInputError extends DomainError {
  constructor() {
    super('certificate_input', 400, 'error.badRequest');
  }
}
