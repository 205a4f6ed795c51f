import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { StoryResource } from '../../platform/policy/index.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { users } from '../accounts/accounts.schema.ts';
import { stories, storyConsents, type StoryDecision } from './stories.schema.ts';

export type Story = typeof stories.$inferSelect;
export type StoryConsent = typeof storyConsents.$inferSelect;

/** Where a story stands, from its publication and the person's newest decision. */
export type StoryStatus = 'published' | 'consented' | 'awaiting' | 'declined' | 'withdrawn';

export const storyResource = (s: Pick<Story, 'organizationId' | 'subjectUserId' | 'publishedAt'>): StoryResource => ({
  organizationId: s.organizationId,
  subjectUserId: s.subjectUserId,
  published: s.publishedAt !== null,
});

/** The consent that holds now: the newest decision is a consent to the present text. */
export function hasValidConsent(story: Pick<Story, 'contentHash'>, latest: Pick<StoryConsent, 'decision' | 'contentHash'> | null): boolean {
  return latest !== null && latest.decision === 'consented' && latest.contentHash === story.contentHash;
}

export function storyStatus(story: Pick<Story, 'contentHash' | 'publishedAt'>, latest: Pick<StoryConsent, 'decision' | 'contentHash'> | null): StoryStatus {
  if (story.publishedAt) return 'published';
  if (!latest) return 'awaiting';
  if (latest.decision === 'withdrawn') return 'withdrawn';
  // A decision about an older text says nothing about this one.
  if (latest.contentHash !== story.contentHash) return 'awaiting';
  return latest.decision === 'consented' ? 'consented' : 'declined';
}

export async function findStory(db: Tx, { organizationId, storyId }: { organizationId: string; storyId: string }): Promise<Story | null> {
  const [row] = await db
    .select()
    .from(stories)
    .where(and(eq(stories.organizationId, organizationId), eq(stories.id, storyId)));
  return row ?? null;
}

/** Holds the story's row until the transaction ends: publication and the person's decisions go one at a time. */
export async function lockStory(db: Tx, { organizationId, storyId }: { organizationId: string; storyId: string }): Promise<void> {
  await db.execute(sql`SELECT 1 FROM stories WHERE organization_id = ${organizationId} AND id = ${storyId} FOR UPDATE`);
}

/** The organisation of a story id, for locating it among the actor's organisations. */
export async function findStoryById(db: Tx, storyId: string): Promise<Story | null> {
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId));
  return row ?? null;
}

export async function findStoryBySlug(db: Tx, slug: string): Promise<Story | null> {
  const [row] = await db.select().from(stories).where(eq(stories.slug, slug));
  return row ?? null;
}

export async function slugTaken(db: Tx, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, slug));
  return row !== undefined;
}

export async function latestConsent(db: Tx, { organizationId, storyId }: { organizationId: string; storyId: string }): Promise<StoryConsent | null> {
  const [row] = await db
    .select()
    .from(storyConsents)
    .where(and(eq(storyConsents.organizationId, organizationId), eq(storyConsents.storyId, storyId)))
    .orderBy(desc(storyConsents.decidedAt), desc(storyConsents.id))
    .limit(1);
  return row ?? null;
}

export async function listConsents(db: Tx, { organizationId, storyId }: { organizationId: string; storyId: string }): Promise<StoryConsent[]> {
  return db
    .select()
    .from(storyConsents)
    .where(and(eq(storyConsents.organizationId, organizationId), eq(storyConsents.storyId, storyId)))
    .orderBy(desc(storyConsents.decidedAt), desc(storyConsents.id));
}

const latestDecision = sql<StoryDecision | null>`(SELECT c.decision FROM story_consents c WHERE c.organization_id = stories.organization_id AND c.story_id = stories.id ORDER BY c.decided_at DESC, c.id DESC LIMIT 1)`;
const latestHash = sql<string | null>`(SELECT c.content_sha256 FROM story_consents c WHERE c.organization_id = stories.organization_id AND c.story_id = stories.id ORDER BY c.decided_at DESC, c.id DESC LIMIT 1)`;

export type StoryListRow = Story & { subjectName: string; status: StoryStatus };

function withStatus<T extends Story & { decision: StoryDecision | null; decisionHash: string | null }>(row: T): Omit<T, 'decision' | 'decisionHash'> & { status: StoryStatus } {
  const { decision, decisionHash, ...story } = row;
  return { ...story, status: storyStatus(story, decision && decisionHash ? { decision, contentHash: decisionHash } : null) };
}

/** The organisation's stories for staff, newest first, with each one's status. */
export async function listOrganizationStories(db: Tx, { organizationId }: { organizationId: string }): Promise<StoryListRow[]> {
  const rows = await db
    .select({ story: stories, subjectName: users.name, decision: latestDecision, decisionHash: latestHash })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.subjectUserId))
    .where(eq(stories.organizationId, organizationId))
    .orderBy(desc(stories.updatedAt));
  return rows.map((r) => withStatus({ ...r.story, subjectName: r.subjectName, decision: r.decision, decisionHash: r.decisionHash }));
}

/** The person's own stories in one organisation, for their consent page. */
export async function listMyStories(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  const rows = await db
    .select({ story: stories, decision: latestDecision, decisionHash: latestHash })
    .from(stories)
    .where(and(eq(stories.organizationId, organizationId), eq(stories.subjectUserId, userId)))
    .orderBy(desc(stories.createdAt));
  return rows.map((r) => withStatus({ ...r.story, decision: r.decision, decisionHash: r.decisionHash }));
}

export interface PublicStory {
  slug: string;
  title: string;
  body: string;
  /** The language the shown text is in (a missing translation falls back to Finnish). */
  language: Locale;
  byline: { displayName: Story['displayName']; name: string; sector: string | null; municipality: string | null };
  publishedAt: Date;
  updatedAt: Date;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** The story in the reader's language, with the name only as the person chose. */
export function toPublicStory(story: Story, subjectName: string, locale: Locale): PublicStory {
  const pick = (fi: string, sv: string, en: string) => (locale === 'sv' && sv ? sv : locale === 'en' && en ? en : fi);
  const title = pick(story.titleFi, story.titleSv, story.titleEn);
  const translated = locale === 'fi' ? true : locale === 'sv' ? Boolean(story.bodySv) : Boolean(story.bodyEn);
  const name = story.displayName === 'full' ? subjectName : story.displayName === 'first' ? firstName(subjectName) : '';
  return {
    slug: story.slug,
    title,
    body: pick(story.bodyFi, story.bodySv, story.bodyEn),
    language: translated ? locale : 'fi',
    byline: { displayName: story.displayName, name, sector: story.sector, municipality: story.municipality },
    publishedAt: story.publishedAt ?? story.updatedAt,
    updatedAt: story.updatedAt,
  };
}

/** Published stories, newest first: the public list, the front page and the sitemap. */
export async function listPublishedStories(db: Tx, { locale, limit }: { locale: Locale; limit: number }): Promise<PublicStory[]> {
  const rows = await db
    .select({ story: stories, subjectName: users.name })
    .from(stories)
    .innerJoin(users, eq(users.id, stories.subjectUserId))
    .where(isNotNull(stories.publishedAt))
    .orderBy(desc(stories.publishedAt))
    .limit(limit);
  return rows.map((r) => toPublicStory(r.story, r.subjectName, locale));
}

export async function subjectNameOf(db: Tx, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}
