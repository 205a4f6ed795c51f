// Mail is always sent by a job, enqueued in the transaction of the change that
// causes it; the job renders the template in the recipient's language.
import type { Tx } from '../db/db.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { Jobs } from '../jobs/jobs.ts';

/**
 * A template is a pair of catalog keys: `mail.<name>.subject` and `mail.<name>.body`
 * (plain text with ICU placeholders; the HTML part is made from the text).
 */
export const mailTemplates = ['signInCode', 'passwordReset', 'noAccount', 'dataLink', 'dataLinkAccount', 'invitation', 'groupInvitation', 'groupAssigned', 'groupMemberRemoved', 'groupMemberRestored', 'emailVerification', 'applicationReceived', 'applicationDeclined', 'meetingInvitation', 'meetingChanged', 'meetingCancelled', 'meetingRestored', 'boardDigestDaily', 'boardDigestWeekly', 'meetingReminder', 'stepReminder', 'checkInDue', 'adviceBooked', 'adviceRescheduled', 'adviceCancelled', 'adviceConfirm', 'adviceReminder', 'adviceAdvisorUpdate', 'eventRegistered', 'eventWaitlisted', 'eventPromoted', 'eventChanged', 'eventCancelled', 'eventRegistrationCancelled', 'eventReminder', 'eventFeedbackRequest', 'newsletter', 'newsletterConfirm', 'expertInvitation', 'expertInvitationAccepted', 'expertInvitationDeclined', 'trainingApplicationReceived', 'trainingApplicationDeclined', 'trainingAccepted', 'trainingAcceptedInvite', 'trainingSubmitted', 'trainingRevisionRequested', 'trainingSubmissionAccepted', 'trainingMentoringScheduled', 'trainingCompleted', 'trainingSessionReminder', 'trainingDueReminder', 'importWelcome'] as const;
export type MailTemplate = (typeof mailTemplates)[number];

export interface MailRequest {
  to: string;
  locale: Locale;
  template: MailTemplate;
  values: Record<string, string | number>;
  /** The recipient's account, when they have one (for the audit of what was sent). */
  userId?: string;
  /** An iCalendar invitation or cancellation sent with the mail (text/calendar; method=…). */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
  /** Safe (already sanitised) HTML for the body, in place of the one made from the text (newsletters' Markdown). */
  html?: string;
  /** Extra header lines, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). Names and values on one line each. */
  headers?: Record<string, string>;
}

export const MAIL_QUEUE = 'mail.send';

export async function enqueueMail(tx: Tx, jobs: Jobs, mail: MailRequest): Promise<void> {
  await jobs.send(tx, MAIL_QUEUE, mail);
}
