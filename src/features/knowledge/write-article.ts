// Use cases of a writer: a new article (its first version, a draft) and every later version.
// A version is never changed once saved; saving makes a new one. While a live version exists,
// it stays on the site until a coordinator publishes the newer one.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { articlePolicy, authorize } from '../../platform/policy/index.ts';
import { uniqueSlug } from '../organizations/slug.ts';
import { ArticleConflictError } from './knowledge.errors.ts';
import { articleResource, listThemes, slugTaken, type Article } from './knowledge.queries.ts';
import { articles, articleVersions } from './knowledge.schema.ts';
import type { ArticleForm } from './knowledge.validation.ts';

/** Paths under /knowledge that are pages, never an article's address. */
const RESERVED = new Set(['new', 'manage', 'files', 'search']);

async function knownThemes(db: Db, themes: readonly string[]): Promise<string[]> {
  const codes = new Set((await listThemes(db)).map((t) => t.code));
  return [...new Set(themes)].filter((t) => codes.has(t));
}

export async function createArticle(
  actor: Actor | null,
  deps: { db: Db },
  input: ArticleForm & { organizationId: string },
  options: { now?: Date } = {},
): Promise<Article> {
  const now = options.now ?? new Date();
  authorize(
    actor,
    { organizationId: input.organizationId, authorUserId: actor?.userId ?? null, visibility: input.visibility, published: false },
    articlePolicy.create,
  );
  const themes = await knownThemes(deps.db, input.themes);
  return deps.db.transaction(async (tx) => {
    const slug = await uniqueSlug(input.title, async (s) => RESERVED.has(s) || (await slugTaken(tx, s)), 'artikkeli');
    const [article] = await tx
      .insert(articles)
      .values({
        organizationId: input.organizationId,
        slug,
        language: input.language,
        visibility: input.visibility,
        authorUserId: actor!.userId,
        state: 'draft',
        latestVersion: 1,
        title: input.title,
        summary: input.summary,
        themes,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!article) throw new NotFoundError();
    await tx.insert(articleVersions).values({
      organizationId: input.organizationId,
      articleId: article.id,
      number: 1,
      title: input.title,
      summary: input.summary,
      body: input.body,
      themes,
      editedBy: actor!.userId,
      createdAt: now,
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'knowledge.article_created',
      targetType: 'article',
      targetId: article.id,
    });
    return article;
  });
}

/**
 * Saves a new version. `basedOn` is the version the writer opened: if someone saved after it,
 * nothing is written and the writer is told (no silent overwrite).
 */
export async function saveArticleVersion(
  actor: Actor | null,
  deps: { db: Db },
  input: ArticleForm & { organizationId: string; articleId: string; basedOn: number },
  options: { now?: Date } = {},
): Promise<{ article: Article; number: number }> {
  const now = options.now ?? new Date();
  const themes = await knownThemes(deps.db, input.themes);
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(articles)
      .where(and(eq(articles.organizationId, input.organizationId), eq(articles.id, input.articleId)))
      .for('update');
    if (!locked) throw new NotFoundError();
    authorize(actor, articleResource(locked), articlePolicy.edit);
    if (locked.latestVersion !== input.basedOn) throw new ArticleConflictError();
    const number = locked.latestVersion + 1;
    await tx.insert(articleVersions).values({
      organizationId: input.organizationId,
      articleId: locked.id,
      number,
      title: input.title,
      summary: input.summary,
      body: input.body,
      themes,
      editedBy: actor!.userId,
      createdAt: now,
    });
    const live = locked.publishedVersion !== null;
    const [article] = await tx
      .update(articles)
      .set({
        latestVersion: number,
        state: 'draft',
        visibility: input.visibility,
        language: input.language,
        reviewNote: null,
        updatedAt: now,
        // The list shows the live title while a live version exists; a never-published one shows its newest.
        ...(live ? {} : { title: input.title, summary: input.summary, themes }),
      })
      .where(and(eq(articles.organizationId, input.organizationId), eq(articles.id, locked.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'knowledge.version_saved',
      targetType: 'article',
      targetId: locked.id,
      metadata: { number },
    });
    return { article: article!, number };
  });
}
