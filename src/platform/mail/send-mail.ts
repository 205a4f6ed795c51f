// The `mail.send` job: renders the template in the recipient's language and hands
// it to SMTP, or (with no SMTP_URL) keeps it for the dev mailbox.
//
// Exactly once per job, keyed by the pg-boss job id:
//  1. In one transaction, claim the job id in sent_mail (INSERT … ON CONFLICT DO NOTHING).
//     A second holder of the same job (a retry after an expired lease, a double fetch)
//     blocks on the uncommitted row, then finds it taken and does nothing.
//  2. Still inside that transaction, send. If SMTP fails, the transaction rolls back,
//     the claim disappears with it, the job fails, and pg-boss's retry sends.
//  3. Commit: the claim (with the SMTP message id) is permanent; pg-boss then completes
//     the job. If completing fails, the retried job finds the claim and does nothing.
// Trade-off: the only window left is SMTP accepting the message and then the commit of
// the claim failing (database lost in that instant, process killed): the retry sends
// again. That is at-least-once in a rare crash, chosen over at-most-once (commit the
// claim before sending), which would silently lose a sign-in code whenever SMTP fails
// or the process dies during the send. A duplicate mail is a nuisance; a lost one
// locks a person out. The price is a database connection held for the length of one
// SMTP conversation, bounded by the transport's timeouts below.
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Services } from '../services.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import { MAIL_QUEUE, type MailRequest } from './mail.ts';
import { devMailbox, sentMail } from './mail.schema.ts';
import { renderMail } from './render.ts';

export function createMailHandler(services: Pick<Services, 'config' | 'db' | 'log'>): JobHandler<MailRequest> {
  const { config, db, log } = services;
  let transport: Transporter | undefined;
  const smtp = () =>
    // Timeouts bound how long a send holds its database transaction; options in SMTP_URL win.
    (transport ??= nodemailer.createTransport({ url: config.smtpUrl!, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }));
  return {
    name: MAIL_QUEUE,
    async handle(mail, { jobId }) {
      const rendered = renderMail(mail);
      const outcome = await db.transaction(async (tx) => {
        const claimed = await tx.insert(sentMail).values({ jobId, userId: mail.userId ?? null }).onConflictDoNothing().returning({ jobId: sentMail.jobId });
        if (claimed.length === 0) return 'already sent' as const;
        if (config.smtpUrl) {
          const info = await smtp().sendMail({
            from: config.mailFrom,
            to: mail.to,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'invite.ics' } } : {}),
          });
          await tx.update(sentMail).set({ messageId: info.messageId }).where(eq(sentMail.jobId, jobId));
          return 'sent' as const;
        }
        await tx.insert(devMailbox).values({
          jobId,
          to: mail.to,
          subject: rendered.subject,
          text: rendered.text + (mail.calendar ? `\n[${mail.calendar.method} invite.ics]\n${mail.calendar.content}` : ''),
          html: rendered.html,
        });
        return 'kept' as const;
      });
      // No addresses or contents in logs: the job id and template are enough to trace.
      log.debug({ jobId, template: mail.template, outcome }, 'mail handled');
    },
  };
}
