// The knowledge bank: articles of good practice, each with its every version kept. An article
// has at most one live (published) version; work on a later version (draft → review) goes on
// beside it until a coordinator publishes it (the content-moderation model). The search vector
// is built in the app from the live version (search-terms.ts, ADR 026).
import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

import type { ArticleLanguage } from './search-terms.ts';

export type { ArticleLanguage };
export const articleLanguages = ['fi', 'sv', 'en'] as const satisfies readonly ArticleLanguage[];
export const articleVisibilities = ['public', 'signed_in', 'organization'] as const;
export type ArticleVisibility = (typeof articleVisibilities)[number];
/** The state of the newest version: being written, waiting for review, or the live one. */
export const articleStates = ['draft', 'review', 'published'] as const;
export type ArticleState = (typeof articleStates)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Installation-wide themes (data, seeded by the migration; names per language). */
export const knowledgeThemes = pgTable('knowledge_themes', {
  code: text('code').primaryKey(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const articles = pgTable(
  'articles',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    /** The public address /knowledge/<slug>, unique in the installation. */
    slug: text('slug').notNull(),
    language: text('language').$type<ArticleLanguage>().notNull(),
    visibility: text('visibility').$type<ArticleVisibility>().notNull().default('organization'),
    /** Null once the author's data has been erased. */
    authorUserId: uuid('author_user_id'),
    state: text('state').$type<ArticleState>().notNull().default('draft'),
    latestVersion: integer('latest_version').notNull().default(1),
    /** The live version's number; null while nothing is published. */
    publishedVersion: integer('published_version'),
    /** A copy of the live version's title, summary and themes, for lists and search. */
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector('search'),
    /** The reviewer's word when a version goes back to its author. */
    reviewNote: text('review_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'articles_pkey' }),
    uniqueIndex('articles_slug_key').on(t.slug),
    uniqueIndex('articles_id_key').on(t.id),
    index('articles_org_state_idx').on(t.organizationId, t.state, t.updatedAt),
    // The search over live articles; partial so drafts never weigh on it.
    index('articles_search_idx')
      .using('gin', t.search)
      .where(sql`${t.publishedVersion} IS NOT NULL`),
    index('articles_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.publishedVersion} IS NOT NULL`),
    index('articles_author_idx').on(t.authorUserId),
    check('articles_language_check', sql`${t.language} IN ('fi', 'sv', 'en')`),
    check('articles_visibility_check', sql`${t.visibility} IN ('public', 'signed_in', 'organization')`),
    check('articles_state_check', sql`${t.state} IN ('draft', 'review', 'published')`),
    check('articles_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('articles_version_check', sql`${t.publishedVersion} IS NULL OR ${t.publishedVersion} <= ${t.latestVersion}`),
  ],
);

export const articleVersions = pgTable(
  'article_versions',
  {
    organizationId: uuid('organization_id').notNull(),
    articleId: uuid('article_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown as written; rendered and sanitised on the way out (markdown.ts). */
    body: text('body').notNull(),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    editedBy: uuid('edited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.articleId, t.number], name: 'article_versions_pkey' }),
    foreignKey({
      name: 'article_versions_article_fk',
      columns: [t.organizationId, t.articleId],
      foreignColumns: [articles.organizationId, articles.id],
    }).onDelete('cascade'),
    index('article_versions_editor_idx').on(t.editedBy),
  ],
);

/** Pictures and attachments of an article; the type comes from the bytes (materials' detect-type). */
export const articleFiles = pgTable(
  'article_files',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    articleId: uuid('article_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'article_files_pkey' }),
    uniqueIndex('article_files_id_key').on(t.id),
    foreignKey({ name: 'article_files_article_fk', columns: [t.organizationId, t.articleId], foreignColumns: [articles.organizationId, articles.id] }).onDelete(
      'cascade',
    ),
    index('article_files_org_article_idx').on(t.organizationId, t.articleId),
    index('article_files_uploader_idx').on(t.uploadedBy),
  ],
);
