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
import type { Config } from '../config.ts';
import type { Tx } from '../db/db.ts';
import type { Services } from '../services.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import { MAIL_QUEUE, type MailRequest } from './mail.ts';
import { devMailbox, sentMail } from './mail.schema.ts';
import { renderMail } from './render.ts';

export function createMailHandler(services: Pick<Services, 'config' | 'db' | 'log'>): JobHandler<MailRequest> {
  const { config, db, log } = services;
  // Timeouts bound how long a send holds its database transaction; options in SMTP_URL win.
  const smtp = smtpTransport(config);
  return {
    name: MAIL_QUEUE,
    async handle(mail, { jobId }) {
      const outcome = await db.transaction((tx) => sendMailInTransaction(tx, { config, smtp }, mail, jobId));
      // No addresses or contents in logs: the job id and template are enough to trace.
      log.debug({ jobId, template: mail.template, outcome }, 'mail handled');
    },
  };
}

/** Header names and values on one line each (no header injection through a value). */
function safeHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^[A-Za-z][A-Za-z0-9-]{0,60}$/.test(name)) out[name] = value.replace(/[\r\n]+/g, ' ');
  }
  return out;
}

/**
 * Claims `key` in sent_mail and sends inside the caller's transaction (the steps above): a
 * second holder of the same key blocks, then finds it taken. Also used by the newsletter
 * sender, whose key is the delivery's.
 */
export async function sendMailInTransaction(
  tx: Tx,
  deps: { config: Pick<Config, 'smtpUrl' | 'mailFrom'>; smtp: () => Transporter },
  mail: MailRequest,
  key: string,
): Promise<'already sent' | 'sent' | 'kept'> {
  const { config } = deps;
  const rendered = renderMail(mail);
  const headers = safeHeaders(mail.headers);
  const claimed = await tx.insert(sentMail).values({ jobId: key, userId: mail.userId ?? null }).onConflictDoNothing().returning({ jobId: sentMail.jobId });
  if (claimed.length === 0) return 'already sent';
  if (config.smtpUrl) {
    const info = await deps.smtp().sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ...(headers ? { headers } : {}),
      ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'invite.ics' } } : {}),
    });
    await tx.update(sentMail).set({ messageId: info.messageId }).where(eq(sentMail.jobId, key));
    return 'sent';
  }
  await tx.insert(devMailbox).values({
    jobId: key,
    to: mail.to,
    subject: rendered.subject,
    text: rendered.text + (mail.calendar ? `\n[${mail.calendar.method} invite.ics]\n${mail.calendar.content}` : ''),
    html: rendered.html,
    headers: headers ?? null,
  });
  return 'kept';
}

/** A lazily made SMTP transport with the timeouts above. */
export function smtpTransport(config: Pick<Config, 'smtpUrl'>): () => Transporter {
  let transport: Transporter | undefined;
  return () => (transport ??= nodemailer.createTransport({ url: config.smtpUrl!, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }));
}
