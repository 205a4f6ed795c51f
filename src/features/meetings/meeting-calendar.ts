// The mails that carry meeting invitations, updates and cancellations with their iTIP
// attachment (RFC 5546: REQUEST / CANCEL, SEQUENCE), in each recipient's language.
import type { Tx } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailTemplate } from '../../platform/mail/mail.ts';
import { meetingIcs } from './calendar-export.ts';
import type { Meeting } from './meetings.queries.ts';

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
}

/**
 * One mail per recipient, each with its own iTIP attachment naming only that recipient
 * (members do not see each other's addresses). Enqueued in the caller's transaction.
 */
export async function mailMeetingToPeople(
  tx: Tx,
  jobs: Jobs,
  input: { meeting: Meeting; groupName: string; appUrl: string; organizer: { name: string; email: string }; recipients: readonly Recipient[]; kind: 'invitation' | 'changed' | 'cancelled' | 'restored'; now?: Date },
): Promise<void> {
  const templates: Record<typeof input.kind, MailTemplate> = { invitation: 'meetingInvitation', changed: 'meetingChanged', cancelled: 'meetingCancelled', restored: 'meetingRestored' };
  const template = templates[input.kind];
  const now = input.now ?? new Date();
  for (const person of input.recipients) {
    const locale: Locale = isLocale(person.locale) ? person.locale : 'fi';
    const content = meetingIcs(input.meeting, {
      method: input.kind === 'cancelled' ? 'cancel' : 'request',
      groupName: input.groupName,
      locale,
      recipient: { name: person.name, email: person.email },
      organizer: input.organizer,
      appUrl: input.appUrl,
      now,
    });
    await enqueueMail(tx, jobs, {
      to: person.email,
      locale,
      userId: person.userId,
      template,
      values: {
        name: person.name.split(/\s+/)[0] ?? person.name,
        group: input.groupName,
        when: formatDateTime(locale, input.meeting.startsAt, 'weekday'),
        theme: input.meeting.theme ?? '–',
        url: `${input.appUrl}/meetings/${input.meeting.id}`,
      },
      calendar: { method: input.kind === 'cancelled' ? 'CANCEL' : 'REQUEST', content },
    });
  }
}
