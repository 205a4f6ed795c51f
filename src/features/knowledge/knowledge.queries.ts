// Reads of the knowledge bank. Search runs over live articles only, each matched by the query
// normalised in the article's own language (search-terms.ts), ranked title and themes (A) over
// the summary (B) over the body (C); when the lexemes find nothing, titles by trigram similarity.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { ArticleResource } from '../../platform/policy/index.ts';
import { articleFiles, articles, articleVersions, knowledgeThemes, type ArticleLanguage } from './knowledge.schema.ts';
import { queryTerms } from './search-terms.ts';

export type Article = typeof articles.$inferSelect;
export type ArticleVersion = typeof articleVersions.$inferSelect;
export type ArticleFile = typeof articleFiles.$inferSelect;
export type KnowledgeTheme = typeof knowledgeThemes.$inferSelect;

export function articleResource(article: Pick<Article, 'organizationId' | 'authorUserId' | 'visibility' | 'publishedVersion'>): ArticleResource {
  return {
    organizationId: article.organizationId,
    authorUserId: article.authorUserId,
    visibility: article.visibility,
    published: article.publishedVersion !== null,
  };
}

export async function listThemes(db: Tx): Promise<KnowledgeTheme[]> {
  return db.select().from(knowledgeThemes).orderBy(asc(knowledgeThemes.sortOrder));
}

export async function findArticleBySlug(db: Tx, slug: string): Promise<Article | null> {
  const [row] = await db.select().from(articles).where(eq(articles.slug, slug)).limit(1);
  return row ?? null;
}

export async function findArticle(db: Tx, { organizationId, articleId }: { organizationId: string; articleId: string }): Promise<Article | null> {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.organizationId, organizationId), eq(articles.id, articleId)))
    .limit(1);
  return row ?? null;
}

export async function slugTaken(db: Tx, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
  return row !== undefined;
}

export async function findVersion(db: Tx, article: Pick<Article, 'organizationId' | 'id'>, number: number): Promise<ArticleVersion | null> {
  const [row] = await db
    .select()
    .from(articleVersions)
    .where(and(eq(articleVersions.organizationId, article.organizationId), eq(articleVersions.articleId, article.id), eq(articleVersions.number, number)))
    .limit(1);
  return row ?? null;
}

export async function listVersions(db: Tx, article: Pick<Article, 'organizationId' | 'id'>) {
  return db
    .select({
      number: articleVersions.number,
      title: articleVersions.title,
      editedBy: articleVersions.editedBy,
      createdAt: articleVersions.createdAt,
      editorName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${articleVersions.editedBy})`,
    })
    .from(articleVersions)
    .where(and(eq(articleVersions.organizationId, article.organizationId), eq(articleVersions.articleId, article.id)))
    .orderBy(desc(articleVersions.number));
}

export async function listFiles(db: Tx, article: Pick<Article, 'organizationId' | 'id'>): Promise<ArticleFile[]> {
  return db
    .select()
    .from(articleFiles)
    .where(and(eq(articleFiles.organizationId, article.organizationId), eq(articleFiles.articleId, article.id)))
    .orderBy(asc(articleFiles.createdAt));
}

export async function findFile(db: Tx, fileId: string): Promise<{ file: ArticleFile; article: Article } | null> {
  const [row] = await db
    .select({ file: articleFiles, article: articles })
    .from(articleFiles)
    .innerJoin(articles, and(eq(articles.organizationId, articleFiles.organizationId), eq(articles.id, articleFiles.articleId)))
    .where(eq(articleFiles.id, fileId))
    .limit(1);
  return row ?? null;
}

/** Every article of an organisation in any state, newest work first (the writers' list). */
export async function listOrganizationArticles(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      state: articles.state,
      visibility: articles.visibility,
      language: articles.language,
      authorUserId: articles.authorUserId,
      publishedVersion: articles.publishedVersion,
      latestVersion: articles.latestVersion,
      updatedAt: articles.updatedAt,
      authorName: sql<string | null>`(SELECT name FROM users WHERE users.id = ${articles.authorUserId})`,
    })
    .from(articles)
    .where(eq(articles.organizationId, organizationId))
    .orderBy(desc(articles.updatedAt));
}

/** Who may see which live articles: anyone the public ones, signed-in people more, members their organisations'. */
export interface Viewer {
  signedIn: boolean;
  organizationIds: string[];
}

function visibleTo(viewer: Viewer) {
  const orgs =
    viewer.organizationIds.length > 0
      ? sql`a.organization_id IN (${sql.join(
          viewer.organizationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
  return sql`(a.visibility = 'public' OR (a.visibility = 'signed_in' AND ${viewer.signedIn}::boolean) OR (a.visibility = 'organization' AND ${orgs}))`;
}

export interface ArticleHit {
  slug: string;
  title: string;
  summary: string;
  themes: string[];
  language: ArticleLanguage;
  organizationId: string;
  publishedAt: Date | null;
  body: string;
  rank: number;
}

const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'`);

/** Live articles the viewer may read: all (newest first) without a query, else by the search. */
export async function searchArticles(
  db: Tx,
  { viewer, query, theme, limit = 20 }: { viewer: Viewer; query: string; theme: string | null; limit?: number },
): Promise<ArticleHit[]> {
  const themeFilter = theme ? sql`AND ${theme} = ANY(a.themes)` : sql``;
  const columns = sql`a.slug, a.title, a.summary, a.themes, a.language, a.organization_id AS "organizationId", a.published_at AS "publishedAt", v.body`;
  const from = sql`FROM ${articles} a JOIN ${articleVersions} v ON v.organization_id = a.organization_id AND v.article_id = a.id AND v.number = a.published_version`;
  const base = sql`a.published_version IS NOT NULL AND ${visibleTo(viewer)} ${themeFilter}`;
  const rows = (r: { rows: unknown[] }) => r.rows as ArticleHit[];
  const terms = { fi: queryTerms(query, 'fi'), sv: queryTerms(query, 'sv'), en: queryTerms(query, 'en') };
  if (!terms.fi || !terms.sv || !terms.en) {
    return rows(await db.execute(sql`SELECT ${columns}, 0::float4 AS rank ${from} WHERE ${base} ORDER BY a.published_at DESC NULLS LAST LIMIT ${limit}`));
  }
  const tsq = sql`(CASE a.language WHEN 'fi' THEN to_tsquery('simple', ${terms.fi}) WHEN 'sv' THEN to_tsquery('simple', ${terms.sv}) ELSE to_tsquery('simple', ${terms.en}) END)`;
  const found = rows(
    await db.execute(sql`
      SELECT ${columns}, ts_rank_cd(${WEIGHTS}::float4[], a.search, ${tsq}, 1) AS rank
      ${from}
      WHERE ${base} AND a.search @@ ${tsq}
      ORDER BY rank DESC, a.published_at DESC
      LIMIT ${limit}`),
  );
  if (found.length > 0) return found;
  // Nothing by the lexemes (a typo, a word the stemmer splits oddly): the nearest titles.
  const needle = query.trim().toLowerCase().slice(0, 200);
  return rows(
    await db.execute(sql`
      SELECT ${columns}, word_similarity(${needle}, lower(a.title)) AS rank
      ${from}
      WHERE ${base} AND ${needle} <% lower(a.title)
      ORDER BY rank DESC
      LIMIT ${limit}`),
  );
}

/** The newest live public articles (the front page, the sitemap). */
export async function listPublicArticles(db: Tx, { limit }: { limit: number }) {
  return db
    .select({ slug: articles.slug, title: articles.title, summary: articles.summary, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(sql`${articles.publishedVersion} IS NOT NULL`, eq(articles.visibility, 'public')))
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
}
