// Public subscribers (double opt-in) and unsubscribing. Subscribing records the consent (which
// notice, when) and mails a confirmation link; only a confirmed subscriber is in an audience.
// Unsubscribing by a mailing's signed link needs no sign-in and records an opt-out for the
// organisation's newsletters (its list), which every later audience leaves out — for account
// holders too. The page's rate limit and validation come before these.
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { NewsletterLinkError } from './newsletters.errors.ts';
import { newsletterDeliveries, newsletterOptOuts, newsletterSubscribers } from './newsletters.schema.ts';
import { hashConfirmToken, newConfirmToken, verifyUnsubscribeToken } from './newsletter-tokens.ts';

/** The privacy notice's version the subscribe form shows; stored with each consent. */
export const NEWSLETTER_CONSENT_VERSION = 'newsletter-2026-12';

export interface SubscriptionDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string; sessionSecret: string };
}

/**
 * Records the consent and mails the confirmation link. The answer is the same whether or not the
 * address was already subscribed (the page says "check your mail"): a confirmed, active
 * subscriber is not mailed again.
 */
export async function subscribe(
  deps: SubscriptionDeps,
  input: { organizationId: string; email: string; locale: Locale },
  options: { now?: Date } = {},
): Promise<{ mailed: boolean }> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  return deps.db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!organization) throw new NewsletterLinkError();
    const [existing] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(and(eq(newsletterSubscribers.organizationId, input.organizationId), sql`lower(${newsletterSubscribers.email}) = ${email}`))
      .for('update');
    if (existing && existing.confirmedAt && !existing.unsubscribedAt) return { mailed: false };
    const { token, hash } = newConfirmToken();
    const values = { email, locale: input.locale, consentVersion: NEWSLETTER_CONSENT_VERSION, consentAt: now, confirmTokenHash: hash, confirmedAt: null, unsubscribedAt: null };
    let id: string;
    if (existing) {
      await tx
        .update(newsletterSubscribers)
        .set(values)
        .where(and(eq(newsletterSubscribers.organizationId, existing.organizationId), eq(newsletterSubscribers.id, existing.id)));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(newsletterSubscribers)
        .values({ organizationId: input.organizationId, ...values, createdAt: now })
        .returning({ id: newsletterSubscribers.id });
      id = row!.id;
    }
    await enqueueMail(tx, deps.jobs, {
      to: email,
      locale: input.locale,
      template: 'newsletterConfirm',
      values: { organization: organization.name, url: `${deps.config.appUrl}/newsletters/confirm/${token}` },
    });
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: null, action: 'newsletters.subscribed', targetType: 'newsletter_subscriber', targetId: id });
    return { mailed: true };
  });
}

/** The confirmation link's POST: the subscriber is confirmed and an earlier opt-out of the same address lifted (a new consent). */
export async function confirmSubscription(deps: Pick<SubscriptionDeps, 'db'>, token: string, options: { now?: Date } = {}): Promise<{ organizationName: string }> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsletterSubscribers)
      .set({ confirmedAt: now, confirmTokenHash: null })
      .where(eq(newsletterSubscribers.confirmTokenHash, hashConfirmToken(token)))
      .returning();
    if (!row) throw new NewsletterLinkError();
    await tx.delete(newsletterOptOuts).where(and(eq(newsletterOptOuts.organizationId, row.organizationId), eq(newsletterOptOuts.email, row.email.toLowerCase())));
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.organizationId));
    await recordAudit(tx, { organizationId: row.organizationId, actorUserId: null, action: 'newsletters.confirmed', targetType: 'newsletter_subscriber', targetId: row.id });
    return { organizationName: organization?.name ?? '' };
  });
}

/** What the unsubscribe page names before the button: the organisation, or null for a bad link. */
export async function findUnsubscribeTarget(deps: Pick<SubscriptionDeps, 'db' | 'config'>, token: string): Promise<{ organizationName: string } | null> {
  const deliveryId = verifyUnsubscribeToken(deps.config.sessionSecret, token);
  if (!deliveryId) return null;
  const [row] = await deps.db
    .select({ organizationName: organizations.name })
    .from(newsletterDeliveries)
    .innerJoin(organizations, eq(organizations.id, newsletterDeliveries.organizationId))
    .where(eq(newsletterDeliveries.id, deliveryId));
  return row ?? null;
}

/** One click (RFC 8058) or the page's button: idempotent, authorised by the signed token alone. */
export async function unsubscribeByToken(deps: Pick<SubscriptionDeps, 'db' | 'config'>, token: string, options: { now?: Date } = {}): Promise<{ organizationName: string }> {
  const now = options.now ?? new Date();
  const deliveryId = verifyUnsubscribeToken(deps.config.sessionSecret, token);
  if (!deliveryId) throw new NewsletterLinkError();
  return deps.db.transaction(async (tx) => {
    const [delivery] = await tx.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.id, deliveryId));
    if (!delivery) throw new NewsletterLinkError();
    const email = delivery.email.toLowerCase();
    await tx.insert(newsletterOptOuts).values({ organizationId: delivery.organizationId, email, userId: delivery.userId, createdAt: now }).onConflictDoNothing();
    await tx
      .update(newsletterDeliveries)
      .set({ unsubscribedAt: sql`coalesce(${newsletterDeliveries.unsubscribedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(newsletterDeliveries.organizationId, delivery.organizationId), eq(newsletterDeliveries.id, delivery.id)));
    await tx
      .update(newsletterSubscribers)
      .set({ unsubscribedAt: now })
      .where(
        and(
          eq(newsletterSubscribers.organizationId, delivery.organizationId),
          sql`lower(${newsletterSubscribers.email}) = ${email}`,
          sql`${newsletterSubscribers.unsubscribedAt} IS NULL`,
        ),
      );
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, delivery.organizationId));
    await recordAudit(tx, { organizationId: delivery.organizationId, actorUserId: null, action: 'newsletters.unsubscribed', targetType: 'newsletter_delivery', targetId: delivery.id });
    return { organizationName: organization?.name ?? '' };
  });
}
