import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** An upload that is not accepted (empty, too large, or not an allowed kind of file): 400. */
export class MaterialRejectedError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('material_rejected', 400, messageKey);
  }
}
