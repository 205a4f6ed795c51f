import { DomainError } from '../../platform/errors.ts';

/** The action does not fit the article's state (e.g. publishing what is already live). */
export class ArticleStateError extends DomainError {
  constructor() {
    super('article_state', 409, 'knowledge.error.state');
  }
}

/** Someone saved a newer version while this one was being edited. */
export class ArticleConflictError extends DomainError {
  constructor() {
    super('article_conflict', 409, 'knowledge.error.conflict');
  }
}

/** A file the knowledge bank does not take (type, size, empty). */
export class ArticleFileRejectedError extends DomainError {
  constructor(messageKey: 'knowledge.file.required' | 'knowledge.file.tooLarge' | 'knowledge.file.typeNotAllowed') {
    super('article_file_rejected', 400, messageKey);
  }
}
