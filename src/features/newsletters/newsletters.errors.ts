import { DomainError } from '../../platform/errors.ts';

/** The link (confirmation or unsubscribe) is unknown, malformed or used up. */
export class NewsletterLinkError extends DomainError {
  constructor() {
    super('newsletter_link', 410, 'newsletters.error.link');
  }
}

/** The mailing was already sent (or is being sent): it cannot be changed or sent again. */
export class NewsletterNotDraftError extends DomainError {
  constructor() {
    super('newsletter_not_draft', 409, 'newsletters.error.notDraft');
  }
}

/** The audience names a group or event that is not the organisation's. */
export class AudienceTargetError extends DomainError {
  constructor() {
    super('newsletter_audience_target', 400, 'newsletters.error.target');
  }
}
