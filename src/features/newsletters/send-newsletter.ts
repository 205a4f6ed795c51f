// The `newsletters.send` job: works through a mailing's queued deliveries at a limited rate
// (NEWSLETTER_BATCH_SIZE mails, then a pause), each in the recipient's language with the
// one-click unsubscribe headers.
//
// Exactly one copy per recipient, even with two workers on the same mailing:
//  - the audience was fixed as delivery rows with UNIQUE (newsletter, lower(email));
//  - each delivery is claimed by one UPDATE … WHERE status = 'queued' on the row picked with
//    FOR UPDATE SKIP LOCKED, and the mail is sent inside that same transaction (as the platform's
//    mail job does, src/platform/mail/send-mail.ts, keyed `newsletter:<delivery id>` in sent_mail).
//    A second worker skips the locked row and, once it is committed, no longer finds it queued.
//  - SMTP failing rolls the claim back; the delivery is then marked failed (not retried forever).
// An address that opted out after the send was started is skipped, not mailed.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import type { JobHandler } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import { sendMailInTransaction, smtpTransport } from '../../platform/mail/send-mail.ts';
import type { Config } from '../../platform/config.ts';
import { markSentIfDone, NEWSLETTER_QUEUE } from './manage-newsletters.ts';
import { newsletterMail } from './newsletter-mail.ts';
import { findNewsletter } from './newsletters.queries.ts';
import { newsletterDeliveries } from './newsletters.schema.ts';
import { unsubscribeUrl } from './newsletter-tokens.ts';

/** At most this many mails, then a pause: about 20 a second per worker. */
export const NEWSLETTER_BATCH_SIZE = 20;
export const NEWSLETTER_BATCH_PAUSE_MS = 1000;

export interface NewsletterJob {
  organizationId: string;
  newsletterId: string;
}

export interface SenderDeps {
  db: Db;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'appUrl' | 'sessionSecret'>;
  log: Logger;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends what is queued of one mailing; returns how many this run sent. */
export async function processNewsletter(
  deps: SenderDeps,
  job: NewsletterJob,
  options: { batchSize?: number; pauseMs?: number; now?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const batchSize = options.batchSize ?? NEWSLETTER_BATCH_SIZE;
  const pauseMs = options.pauseMs ?? NEWSLETTER_BATCH_PAUSE_MS;
  const now = options.now ?? (() => new Date());
  const smtp = smtpTransport(deps.config);
  const newsletter = await findNewsletter(deps.db, job);
  if (!newsletter || newsletter.status === 'draft') return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  let inBatch = 0;
  for (;;) {
    // Those who unsubscribed since the audience was fixed.
    await deps.db.execute(sql`UPDATE newsletter_deliveries d SET status = 'skipped'
      WHERE d.newsletter_id = ${job.newsletterId} AND d.status = 'queued'
        AND EXISTS (SELECT 1 FROM newsletter_opt_outs o WHERE o.organization_id = d.organization_id AND o.email = lower(d.email))`);
    let picked: string | null = null;
    let claimedId: string | null = null;
    try {
      claimedId = await deps.db.transaction(async (tx) => {
        // The next queued delivery that no other worker holds; its lock is kept until commit.
        const next = await tx.execute(sql`SELECT id FROM newsletter_deliveries
          WHERE organization_id = ${job.organizationId} AND newsletter_id = ${job.newsletterId} AND status = 'queued'
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`);
        picked = (next.rows[0] as { id: string } | undefined)?.id ?? null;
        if (!picked) return null;
        const [delivery] = await tx
          .update(newsletterDeliveries)
          .set({ status: 'sent', sentAt: now() })
          .where(and(eq(newsletterDeliveries.organizationId, job.organizationId), eq(newsletterDeliveries.id, picked), eq(newsletterDeliveries.status, 'queued')))
          .returning();
        if (!delivery) return null;
        const locale = isLocale(delivery.locale) ? delivery.locale : 'fi';
        const mail = newsletterMail(newsletter, { email: delivery.email, locale, userId: delivery.userId }, { url: unsubscribeUrl(deps.config, delivery.id) });
        await sendMailInTransaction(tx, { config: deps.config, smtp }, mail, `newsletter:${delivery.id}`);
        return delivery.id;
      });
    } catch (error) {
      // The claim was rolled back with the transaction: the delivery is marked failed, not retried forever.
      if (picked) {
        await deps.db
          .update(newsletterDeliveries)
          .set({ status: 'failed', failedAt: now() })
          .where(and(eq(newsletterDeliveries.organizationId, job.organizationId), eq(newsletterDeliveries.id, picked), eq(newsletterDeliveries.status, 'queued')));
      }
      deps.log.warn({ newsletterId: job.newsletterId, deliveryId: picked, err: { message: (error as Error).message } }, 'newsletter delivery failed');
      if (!picked) throw error;
      failed += 1;
      continue;
    }
    if (claimedId === null) break;
    sent += 1;
    inBatch += 1;
    if (inBatch >= batchSize) {
      inBatch = 0;
      await sleep(pauseMs);
    }
  }
  await deps.db.transaction((tx) => markSentIfDone(tx, job));
  deps.log.info({ newsletterId: job.newsletterId, sent, failed }, 'newsletter batch done');
  return { sent, failed };
}

export function newsletterHandler(deps: SenderDeps): JobHandler<NewsletterJob> {
  return {
    name: NEWSLETTER_QUEUE,
    async handle(job) {
      await processNewsletter(deps, job);
    },
  };
}
