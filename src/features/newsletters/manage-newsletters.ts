// The coordinator's use cases: compose and change a draft, a test send to oneself, and the send,
// which fixes the audience as delivery rows (one per address, UNIQUE) and enqueues the fan-out
// job in the same transaction. Each is actor first, one transaction, the policy checked inside.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, newsletterPolicy } from '../../platform/policy/index.ts';
import { resolveAudience } from './audience.ts';
import { newsletterMail, type Newsletter } from './newsletter-mail.ts';
import { AudienceTargetError, NewsletterNotDraftError } from './newsletters.errors.ts';
import { targetBelongs } from './newsletters.queries.ts';
import { newsletterDeliveries, newsletters } from './newsletters.schema.ts';
import type { NewsletterInput } from './newsletters.validation.ts';

export const NEWSLETTER_QUEUE = 'newsletters.send';

export interface NewsletterDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string; sessionSecret: string };
}

async function checkTarget(tx: Tx, organizationId: string, input: NewsletterInput): Promise<void> {
  if (input.audienceKind !== 'group' && input.audienceKind !== 'event') return;
  if (!input.audienceTargetId || !(await targetBelongs(tx, { organizationId, kind: input.audienceKind, targetId: input.audienceTargetId }))) {
    throw new AudienceTargetError();
  }
}

async function lockNewsletter(tx: Tx, input: { organizationId: string; newsletterId: string }): Promise<Newsletter | null> {
  const [row] = await tx
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.organizationId, input.organizationId), eq(newsletters.id, input.newsletterId)))
    .for('update');
  return row ?? null;
}

export async function createNewsletter(actor: Actor, deps: Pick<NewsletterDeps, 'db'>, input: NewsletterInput & { organizationId: string }): Promise<Newsletter> {
  return deps.db.transaction(async (tx) => {
    authorize(actor, { organizationId: input.organizationId, status: 'draft', audienceKind: input.audienceKind }, newsletterPolicy.edit);
    await checkTarget(tx, input.organizationId, input);
    const [row] = await tx
      .insert(newsletters)
      .values({ ...input, createdBy: actor.userId })
      .returning();
    if (!row) throw new NotFoundError();
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor.userId, action: 'newsletters.created', targetType: 'newsletter', targetId: row.id });
    return row;
  });
}

export async function updateNewsletter(
  actor: Actor,
  deps: Pick<NewsletterDeps, 'db'>,
  input: NewsletterInput & { organizationId: string; newsletterId: string },
): Promise<Newsletter> {
  return deps.db.transaction(async (tx) => {
    const current = await lockNewsletter(tx, input);
    if (!current) throw new NotFoundError();
    authorize(actor, current, newsletterPolicy.manage);
    if (current.status !== 'draft') throw new NewsletterNotDraftError();
    await checkTarget(tx, input.organizationId, input);
    const { newsletterId, organizationId, ...fields } = input;
    const [row] = await tx
      .update(newsletters)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(newsletters.organizationId, organizationId), eq(newsletters.id, newsletterId)))
      .returning();
    if (!row) throw new NotFoundError();
    return row;
  });
}

/** One copy to the coordinator's own address, in the chosen language, marked as a test; no delivery row. */
export async function sendTestNewsletter(
  actor: Actor,
  deps: NewsletterDeps,
  input: { organizationId: string; newsletterId: string; locale: Locale },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await lockNewsletter(tx, input);
    if (!current) throw new NotFoundError();
    authorize(actor, current, newsletterPolicy.manage);
    const mail = newsletterMail(current, { email: actor.email, locale: input.locale, userId: actor.userId }, null, { archiveUrl: `${deps.config.appUrl}/newsletters` });
    await enqueueMail(tx, deps.jobs, { ...mail, values: { ...mail.values, subject: `[TEST] ${mail.values.subject}` } });
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor.userId, action: 'newsletters.test_sent', targetType: 'newsletter', targetId: current.id });
  });
}

/** Fixes the audience now (one queued delivery per address) and starts the fan-out job; returns how many were queued. */
export async function sendNewsletter(actor: Actor, deps: NewsletterDeps, input: { organizationId: string; newsletterId: string }, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const current = await lockNewsletter(tx, input);
    if (!current) throw new NotFoundError();
    authorize(actor, current, newsletterPolicy.manage);
    if (current.status !== 'draft') throw new NewsletterNotDraftError();
    const recipients = await resolveAudience(tx, current);
    for (let i = 0; i < recipients.length; i += 500) {
      const chunk = recipients.slice(i, i + 500);
      await tx
        .insert(newsletterDeliveries)
        .values(chunk.map((r) => ({ organizationId: current.organizationId, newsletterId: current.id, email: r.email, userId: r.userId, locale: r.locale, createdAt: now })))
        .onConflictDoNothing();
    }
    await tx
      .update(newsletters)
      .set({ status: 'sending', sentAt: now, updatedAt: now })
      .where(and(eq(newsletters.organizationId, current.organizationId), eq(newsletters.id, current.id)));
    await deps.jobs.send(tx, NEWSLETTER_QUEUE, { organizationId: current.organizationId, newsletterId: current.id });
    await recordAudit(tx, {
      organizationId: current.organizationId,
      actorUserId: actor.userId,
      action: 'newsletters.sent',
      targetType: 'newsletter',
      targetId: current.id,
      metadata: { recipients: recipients.length, audience: current.audienceKind },
    });
    return recipients.length;
  });
}

/** Used by the job when nothing is left to send. */
export async function markSentIfDone(tx: Tx, input: { organizationId: string; newsletterId: string }): Promise<boolean> {
  const rows = await tx
    .update(newsletters)
    .set({ status: 'sent' })
    .where(
      and(
        eq(newsletters.organizationId, input.organizationId),
        eq(newsletters.id, input.newsletterId),
        eq(newsletters.status, 'sending'),
        sql`NOT EXISTS (SELECT 1 FROM ${newsletterDeliveries} d WHERE d.newsletter_id = ${input.newsletterId} AND d.status = 'queued')`,
      ),
    )
    .returning({ id: newsletters.id });
  return rows.length > 0;
}
