// Stories and exit interviews (issue 14, point 6). A story is a quote or short story drafted by
// staff from one entrepreneur's words; it is published only with that person's consent to the
// exact text (the consent keeps a hash of the text and the display choice: any later change voids
// it). Consent decisions are kept as an append-only list per story. Exit interviews are the
// facilitators' structured notes when a member leaves or the group closes; they never leave the
// organisation.
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { groups } from '../groups/groups.schema.ts';

/** How the person is named beside their story. */
export const storyDisplayNames = ['full', 'first', 'anonymous'] as const;
export type StoryDisplayName = (typeof storyDisplayNames)[number];
export const storyDecisions = ['consented', 'declined', 'withdrawn'] as const;
export type StoryDecision = (typeof storyDecisions)[number];

export const stories = pgTable(
  'stories',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    /** The public address /stories/<slug>, unique in the installation. */
    slug: text('slug').notNull(),
    /** The entrepreneur whose words these are. */
    subjectUserId: uuid('subject_user_id').notNull(),
    createdBy: uuid('created_by'),
    titleFi: text('title_fi').notNull(),
    titleSv: text('title_sv').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    bodyFi: text('body_fi').notNull(),
    bodySv: text('body_sv').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    displayName: text('display_name').$type<StoryDisplayName>().notNull().default('first'),
    sector: text('sector'),
    municipality: text('municipality'),
    /** sha256 of the text, the display choice and the details shown (content-hash.ts). */
    contentHash: text('content_sha256').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set when the person withdrew their consent: the public address answers 410 Gone. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'stories_pkey' }),
    uniqueIndex('stories_slug_key').on(t.slug),
    uniqueIndex('stories_id_key').on(t.id),
    index('stories_subject_idx').on(t.subjectUserId),
    index('stories_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.publishedAt} IS NOT NULL`),
    check('stories_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('stories_display_name_check', sql`${t.displayName} IN ('full', 'first', 'anonymous')`),
  ],
);

/** Every decision of the person about one story, oldest first; the newest one counts. */
export const storyConsents = pgTable(
  'story_consents',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    storyId: uuid('story_id').notNull(),
    userId: uuid('user_id').notNull(),
    decision: text('decision').$type<StoryDecision>().notNull(),
    /** The story's content hash the decision was about: consent holds only while it matches. */
    contentHash: text('content_sha256').notNull(),
    displayName: text('display_name').$type<StoryDisplayName>().notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'story_consents_pkey' }),
    foreignKey({ name: 'story_consents_story_fk', columns: [t.organizationId, t.storyId], foreignColumns: [stories.organizationId, stories.id] }).onDelete('cascade'),
    index('story_consents_story_idx').on(t.organizationId, t.storyId, t.decidedAt),
    index('story_consents_user_idx').on(t.userId),
    check('story_consents_decision_check', sql`${t.decision} IN ('consented', 'declined', 'withdrawn')`),
  ],
);

/** A facilitator's structured notes of one member's exit interview; themes are knowledge theme codes. */
export const exitInterviews = pgTable(
  'exit_interviews',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    recordedBy: uuid('recorded_by'),
    interviewedOn: date('interviewed_on').notNull(),
    whatChanged: text('what_changed').notNull().default(''),
    whatHelped: text('what_helped').notNull().default(''),
    whatWasHard: text('what_was_hard').notNull().default(''),
    whatNext: text('what_next').notNull().default(''),
    wouldRecommend: text('would_recommend').notNull().default(''),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'exit_interviews_pkey' }),
    foreignKey({ name: 'exit_interviews_group_fk', columns: [t.organizationId, t.groupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('cascade'),
    index('exit_interviews_group_idx').on(t.organizationId, t.groupId, t.interviewedOn),
    index('exit_interviews_user_idx').on(t.userId),
    index('exit_interviews_recorder_idx').on(t.recordedBy),
  ],
);
