import { DomainError } from '../../platform/errors.ts';

/** Publishing a story the person has not consented to in its present form. */
export class StoryNotConsentedError extends DomainError {
  constructor() {
    super('story_not_consented', 409, 'stories.error.notConsented');
  }
}

/** The action does not fit the story's state (e.g. withdrawing what was never consented to). */
export class StoryStateError extends DomainError {
  constructor() {
    super('story_state', 409, 'stories.error.state');
  }
}
