import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** The change cannot be made as asked (a funder who is not a funder member, an end before the start …). */
export class ProgrammeChangeError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('programme_change', 409, messageKey);
  }
}
