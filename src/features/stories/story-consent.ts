// Use cases of the person a story is about: consent to the exact text shown (the decision keeps
// the content hash it was given to, so a text changed in between is refused), decline, or
// withdraw at any time in one step — which takes the story off the site in the same
// transaction and writes the audit row.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, storyPolicy } from '../../platform/policy/index.ts';
import { StoryStateError } from './stories.errors.ts';
import { findStory, latestConsent, lockStory, storyResource, type Story } from './stories.queries.ts';
import { stories, storyConsents } from './stories.schema.ts';

type Input = { organizationId: string; storyId: string };

export async function decideOnStory(
  actor: Actor | null,
  deps: { db: Db },
  input: Input & { decision: 'consented' | 'declined'; /** The hash of the text the person saw. */ contentHash: string },
  options: { now?: Date } = {},
): Promise<Story> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    await lockStory(tx, input);
    const story = await findStory(tx, input);
    if (!story) throw new NotFoundError();
    authorize(actor, storyResource(story), storyPolicy.consent);
    // The text changed after the page was shown: the person has not seen what would be published.
    if (input.contentHash !== story.contentHash) throw new StoryStateError();
    await tx.insert(storyConsents).values({
      organizationId: input.organizationId,
      storyId: story.id,
      userId: actor!.userId,
      decision: input.decision,
      contentHash: story.contentHash,
      displayName: story.displayName,
      decidedAt: now,
    });
    // Declining a published story's text takes it off at once, like a withdrawal.
    const unpublish = input.decision === 'declined' && story.publishedAt !== null;
    if (unpublish)
      await tx
        .update(stories)
        .set({ publishedAt: null, withdrawnAt: now })
        .where(and(eq(stories.organizationId, input.organizationId), eq(stories.id, story.id)));
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: input.decision === 'consented' ? 'story.consented' : 'story.declined',
      targetType: 'story',
      targetId: story.id,
      metadata: { contentHash: story.contentHash, displayName: story.displayName, unpublished: unpublish },
    });
    return (await findStory(tx, input))!;
  });
}

export async function withdrawStoryConsent(actor: Actor | null, deps: { db: Db }, input: Input, options: { now?: Date } = {}): Promise<Story> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    await lockStory(tx, input);
    const story = await findStory(tx, input);
    if (!story) throw new NotFoundError();
    authorize(actor, storyResource(story), storyPolicy.withdraw);
    const latest = await latestConsent(tx, input);
    if (latest?.decision !== 'consented' && story.publishedAt === null) throw new StoryStateError();
    await tx.insert(storyConsents).values({
      organizationId: input.organizationId,
      storyId: story.id,
      userId: actor!.userId,
      decision: 'withdrawn',
      contentHash: story.contentHash,
      displayName: story.displayName,
      decidedAt: now,
    });
    const [updated] = await tx
      .update(stories)
      .set({ publishedAt: null, withdrawnAt: now })
      .where(and(eq(stories.organizationId, input.organizationId), eq(stories.id, story.id)))
      .returning();
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actorUserId: actor!.userId,
      action: 'story.withdrawn',
      targetType: 'story',
      targetId: story.id,
      metadata: { wasPublished: story.publishedAt !== null },
    });
    return updated!;
  });
}
