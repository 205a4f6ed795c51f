import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** The training step cannot be taken as asked (cohort full, application handled, rules not met…). */
export class TrainingError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('training', 409, messageKey);
  }
}
