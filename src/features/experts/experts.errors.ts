import { DomainError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';

/** The invitation cannot be made or answered as asked (the segment is gone, already answered…). */
export class ExpertInvitationError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('expert_invitation', 409, messageKey);
  }
}

/** A photo that is not a picture, empty or too large. */
export class ExpertPhotoRejectedError extends DomainError {
  constructor(messageKey: MessageKey) {
    super('expert_photo_rejected', 400, messageKey);
  }
}
