// Newsletters of an organisation (issue 14, point 4; modelled on Decidim's): a mailing written in
// Markdown per language (fi, sv, en; Finnish is the fallback), sent to one audience through a job.
// A delivery is one row per (mailing, address): the UNIQUE key is what makes exactly one copy per
// recipient. Public subscribers confirm by double opt-in with the consent recorded; an opt-out is
// kept per organisation (its list) and respected by every later audience.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

export const newsletterStatuses = ['draft', 'sending', 'sent'] as const;
export type NewsletterStatus = (typeof newsletterStatuses)[number];
export const audienceKinds = ['entrepreneurs', 'group', 'event', 'subscribers'] as const;
export type AudienceKind = (typeof audienceKinds)[number];
export const deliveryStatuses = ['queued', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const newsletters = pgTable(
  'newsletters',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    subjectFi: text('subject_fi').notNull(),
    subjectSv: text('subject_sv').notNull().default(''),
    subjectEn: text('subject_en').notNull().default(''),
    bodyFi: text('body_fi').notNull(),
    bodySv: text('body_sv').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    audienceKind: text('audience_kind').$type<AudienceKind>().notNull(),
    /** The group or event of a 'group' / 'event' audience; null otherwise. */
    audienceTargetId: uuid('audience_target_id'),
    status: text('status').$type<NewsletterStatus>().notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'newsletters_pkey' }),
    // The public archive finds a mailing by its id alone.
    uniqueIndex('newsletters_id_key').on(t.id),
    index('newsletters_org_created_idx').on(t.organizationId, t.createdAt),
    check('newsletters_status_check', sql`${t.status} IN ('draft', 'sending', 'sent')`),
    check('newsletters_audience_check', sql`${t.audienceKind} IN ('entrepreneurs', 'group', 'event', 'subscribers')`),
    check('newsletters_target_check', sql`(${t.audienceKind} IN ('group', 'event')) = (${t.audienceTargetId} IS NOT NULL)`),
  ],
);

export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    newsletterId: uuid('newsletter_id').notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id'),
    locale: text('locale').notNull().default('fi'),
    status: text('status').$type<DeliveryStatus>().notNull().default('queued'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    /** The recipient unsubscribed through this mailing's link. */
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'newsletter_deliveries_pkey' }),
    foreignKey({
      name: 'newsletter_deliveries_newsletter_fk',
      columns: [t.organizationId, t.newsletterId],
      foreignColumns: [newsletters.organizationId, newsletters.id],
    }).onDelete('cascade'),
    // Exactly one copy per recipient of a mailing.
    uniqueIndex('newsletter_deliveries_recipient_key').on(t.newsletterId, sql`lower(${t.email})`),
    uniqueIndex('newsletter_deliveries_id_key').on(t.id),
    index('newsletter_deliveries_queue_idx').on(t.newsletterId, t.status),
    index('newsletter_deliveries_user_idx').on(t.userId),
    index('newsletter_deliveries_email_idx').on(sql`lower(${t.email})`),
    check('newsletter_deliveries_status_check', sql`${t.status} IN ('queued', 'sent', 'failed', 'skipped')`),
  ],
);

/** Public subscribers (double opt-in): counted in an audience only once confirmed and not unsubscribed. */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('fi'),
    /** Which privacy notice was accepted, and when. */
    consentVersion: text('consent_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the mailed confirmation token; cleared once confirmed. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'newsletter_subscribers_pkey' }),
    uniqueIndex('newsletter_subscribers_email_key').on(t.organizationId, sql`lower(${t.email})`),
    uniqueIndex('newsletter_subscribers_token_key').on(t.confirmTokenHash).where(sql`${t.confirmTokenHash} IS NOT NULL`),
    index('newsletter_subscribers_email_idx').on(sql`lower(${t.email})`),
  ],
);

/** An address that unsubscribed from an organisation's newsletters (its list): no later mailing reaches it. */
export const newsletterOptOuts = pgTable(
  'newsletter_opt_outs',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.email], name: 'newsletter_opt_outs_pkey' }),
    index('newsletter_opt_outs_email_idx').on(t.email),
    index('newsletter_opt_outs_user_idx').on(t.userId),
    check('newsletter_opt_outs_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);
