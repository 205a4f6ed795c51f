import { DomainError } from '../../platform/errors.ts';

/** A submitted check-in is final. */
export class CheckInSubmittedError extends DomainError {
  constructor() {
    super('check_in_submitted', 409, 'outcomes.error.submitted');
  }
}

/** No consent for measurement (never given, or withdrawn). */
export class NoConsentError extends DomainError {
  constructor() {
    super('no_measurement_consent', 409, 'outcomes.error.noConsent');
  }
}

/** Answers outside their scales, or (on submission) required answers missing. */
export class InvalidAnswersError extends DomainError {
  readonly fields: Record<string, 'invalid' | 'missing'>;
  constructor(fields: Record<string, 'invalid' | 'missing'>) {
    super('invalid_answers', 400, 'outcomes.error.answers');
    this.fields = fields;
  }
}

/** Feedback on a meeting is given once. */
export class FeedbackGivenError extends DomainError {
  constructor() {
    super('feedback_given', 409, 'outcomes.error.feedbackGiven');
  }
}

/** The pulse at a meeting stays very short: only one custom instrument may be asked there at a time. */
export class PulseFullError extends DomainError {
  constructor() {
    super('pulse_full', 409, 'instruments.error.pulseFull');
  }
}

/** An instrument somebody has answered is retired, not deleted: the answers keep their questions. */
export class InstrumentInUseError extends DomainError {
  constructor() {
    super('instrument_in_use', 409, 'instruments.error.inUse');
  }
}
