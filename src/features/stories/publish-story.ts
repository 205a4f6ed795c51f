// Use cases: the coordinator publishes a story — only while the person's newest decision is a
// consent to exactly the present text — and takes one off the site.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, storyPolicy } from '../../platform/policy/index.ts';
import { StoryNotConsentedError, StoryStateError } from './stories.errors.ts';
import { findStory, hasValidConsent, latestConsent, lockStory, storyResource, type Story } from './stories.queries.ts';
import { stories } from './stories.schema.ts';

type Input = { organizationId: string; storyId: string };

export async function publishStory(actor: Actor | null, deps: { db: Db }, input: Input, options: { now?: Date } = {}): Promise<Story> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    // Row lock: a withdrawal at the same moment waits for this, or this for it.
    await lockStory(tx, input);
    const story = await findStory(tx, input);
    if (!story) throw new NotFoundError();
    authorize(actor, storyResource(story), storyPolicy.publish);
    if (story.publishedAt) throw new StoryStateError();
    if (!hasValidConsent(story, await latestConsent(tx, input))) throw new StoryNotConsentedError();
    const [updated] = await tx
      .update(stories)
      .set({ publishedAt: now, withdrawnAt: null })
      .where(and(eq(stories.organizationId, input.organizationId), eq(stories.id, input.storyId)))
      .returning();
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'story.published', targetType: 'story', targetId: story.id, metadata: { contentHash: story.contentHash } });
    return updated!;
  });
}

export async function unpublishStory(actor: Actor | null, deps: { db: Db }, input: Input): Promise<Story> {
  return deps.db.transaction(async (tx) => {
    const story = await findStory(tx, input);
    if (!story) throw new NotFoundError();
    authorize(actor, storyResource(story), storyPolicy.unpublish);
    if (!story.publishedAt) throw new StoryStateError();
    const [updated] = await tx
      .update(stories)
      .set({ publishedAt: null })
      .where(and(eq(stories.organizationId, input.organizationId), eq(stories.id, input.storyId)))
      .returning();
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'story.unpublished', targetType: 'story', targetId: story.id });
    return updated!;
  });
}
