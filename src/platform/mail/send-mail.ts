// The `mail.send` job: renders the template and hands it to SMTP, or (with no
// SMTP_URL) keeps it for the dev mailbox. Exactly once per job: the job id is
// claimed in sent_mail in the same transaction that records the send, so a job
// fetched twice, or retried after the send, does not send again.
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Services } from '../services.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import { MAIL_QUEUE, type MailRequest } from './mail.ts';
import { devMailbox, sentMail } from './mail.schema.ts';
import { renderMail } from './render.ts';

export function createMailHandler(services: Services): JobHandler<MailRequest> {
  const { config, db, log } = services;
  let transport: Transporter | undefined;
  const smtp = () => (transport ??= nodemailer.createTransport(config.smtpUrl!));
  return {
    name: MAIL_QUEUE,
    async handle(mail, { jobId }) {
      const rendered = renderMail(mail);
      await db.transaction(async (tx) => {
        // Claim the job first: a second worker holding the same job waits on this row
        // lock and then finds it taken. If sending fails, the rollback frees the claim for a retry.
        const claimed = await tx.insert(sentMail).values({ jobId, userId: mail.userId ?? null }).onConflictDoNothing().returning({ jobId: sentMail.jobId });
        if (claimed.length === 0) return;
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
        } else {
          await tx.insert(devMailbox).values({ jobId, to: mail.to, subject: rendered.subject, text: rendered.text + (mail.calendar ? `\n[${mail.calendar.method} invite.ics]\n${mail.calendar.content}` : ''), html: rendered.html });
        }
      });
      log.debug({ jobId, template: mail.template }, 'mail handled');
    },
  };
}
