import type { MessageKey } from './i18n/i18n.ts';

/** An expected failure with a translated message; mapped to a 4xx. */
export class DomainError extends Error {
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly code: string;
  constructor(code: string, status: number, messageKey: MessageKey) {
    super(code);
    this.code = code;
    this.status = status;
    this.messageKey = messageKey;
  }
}

export class NotFoundError extends DomainError {
  constructor() {
    super('not_found', 404, 'error.notFound');
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
    super('forbidden', 403, 'error.forbidden');
  }
}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 429, 'error.rateLimited');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
