// The article's way to the site: draft → review → published. The author asks for review; a
// coordinator publishes (their own too, without review) or sends it back with a note, and may
// take a live article off the site. Publishing copies the version's title, summary and themes
// to the article and builds its search vector from them (title and themes A, summary B, body C).
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { articlePolicy, authorize, type Rule, type ArticleResource } from '../../platform/policy/index.ts';
import { ArticleStateError } from './knowledge.errors.ts';
import { articleResource, findVersion, listThemes, type Article, type ArticleVersion } from './knowledge.queries.ts';
import { articles, type ArticleLanguage } from './knowledge.schema.ts';
import { articlePlainText } from './markdown.ts';
import { indexTerms } from './search-terms.ts';

/**
 * The search vector of a version, as an SQL expression for the article's `search` column:
 * title and theme names A, summary B, body C, each normalised in the article's language.
 */
export async function searchVector(tx: Tx, language: ArticleLanguage, version: Pick<ArticleVersion, 'title' | 'summary' | 'body' | 'themes'>): Promise<string> {
  const themeNames = (await listThemes(tx))
    .filter((t) => version.themes.includes(t.code))
    .map((t) => (language === 'sv' ? t.nameSv : language === 'en' ? t.nameEn : t.nameFi))
    .join(' ');
  const a = indexTerms(`${version.title} ${themeNames}`, language);
  const b = indexTerms(version.summary, language);
  const c = indexTerms(articlePlainText(version.body), language);
  // Drizzle's custom tsvector column takes the expression in place of its text value.
  return sql`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B') || setweight(to_tsvector('simple', ${c}), 'C')` as unknown as string;
}

interface Target {
  organizationId: string;
  articleId: string;
}

async function lockArticle(tx: Tx, actor: Actor | null, target: Target, rule: Rule<ArticleResource>): Promise<Article> {
  const [article] = await tx
    .select()
    .from(articles)
    .where(and(eq(articles.organizationId, target.organizationId), eq(articles.id, target.articleId)))
    .for('update');
  if (!article) throw new NotFoundError();
  authorize(actor, articleResource(article), rule);
  return article;
}

async function transition(
  actor: Actor | null,
  deps: { db: Db },
  target: Target,
  rule: Rule<ArticleResource>,
  change: (tx: Tx, article: Article) => Promise<Partial<typeof articles.$inferInsert>>,
  action: string,
  now: Date,
): Promise<Article> {
  return deps.db.transaction(async (tx) => {
    const article = await lockArticle(tx, actor, target, rule);
    const values = await change(tx, article);
    const [updated] = await tx
      .update(articles)
      .set({ ...values, updatedAt: now })
      .where(and(eq(articles.organizationId, article.organizationId), eq(articles.id, article.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: article.organizationId,
      actorUserId: actor!.userId,
      action,
      targetType: 'article',
      targetId: article.id,
      metadata: { version: article.latestVersion },
    });
    return updated!;
  });
}

export async function submitForReview(actor: Actor | null, deps: { db: Db }, target: Target, options: { now?: Date } = {}): Promise<Article> {
  return transition(
    actor,
    deps,
    target,
    articlePolicy.submitForReview,
    async (_tx, article) => {
      if (article.state !== 'draft') throw new ArticleStateError();
      return { state: 'review', reviewNote: null };
    },
    'knowledge.review_requested',
    options.now ?? new Date(),
  );
}

export async function returnToAuthor(actor: Actor | null, deps: { db: Db }, target: Target & { note: string }, options: { now?: Date } = {}): Promise<Article> {
  return transition(
    actor,
    deps,
    target,
    articlePolicy.returnToAuthor,
    async (_tx, article) => {
      if (article.state !== 'review') throw new ArticleStateError();
      return { state: 'draft', reviewNote: target.note || null };
    },
    'knowledge.returned',
    options.now ?? new Date(),
  );
}

/** Publishes the newest version (from draft or review). */
export async function publishArticle(actor: Actor | null, deps: { db: Db }, target: Target, options: { now?: Date } = {}): Promise<Article> {
  const now = options.now ?? new Date();
  return transition(
    actor,
    deps,
    target,
    articlePolicy.publish,
    async (tx, article) => {
      if (article.state === 'published') throw new ArticleStateError();
      const version = await findVersion(tx, article, article.latestVersion);
      if (!version) throw new NotFoundError();
      const search = await searchVector(tx, article.language, version);
      return {
        state: 'published',
        publishedVersion: version.number,
        title: version.title,
        summary: version.summary,
        themes: version.themes,
        reviewNote: null,
        publishedAt: article.publishedAt ?? now,
        search,
      };
    },
    'knowledge.published',
    now,
  );
}

/** Takes a live article off the site; its versions stay, and it can be published again. */
export async function unpublishArticle(actor: Actor | null, deps: { db: Db }, target: Target, options: { now?: Date } = {}): Promise<Article> {
  return transition(
    actor,
    deps,
    target,
    articlePolicy.unpublish,
    async (_tx, article) => {
      if (article.publishedVersion === null) throw new ArticleStateError();
      return { state: 'draft', publishedVersion: null, search: null, publishedAt: null };
    },
    'knowledge.unpublished',
    options.now ?? new Date(),
  );
}
