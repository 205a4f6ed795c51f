// Use cases: staff draft a story from one entrepreneur's words, and edit it. Editing changes the
// content hash, which voids any consent given to the old text; a published story whose text
// changes is taken off the site at once until the person consents to the new text.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, storyPolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { uniqueSlug } from '../organizations/slug.ts';
import { storyContentHash } from './content-hash.ts';
import { findStory, slugTaken, storyResource, type Story } from './stories.queries.ts';
import { stories } from './stories.schema.ts';
import type { StoryForm } from './stories.validation.ts';

const RESERVED = new Set(['new', 'manage']);

export async function createStory(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; subjectUserId: string } & StoryForm,
  options: { now?: Date } = {},
): Promise<Story> {
  const now = options.now ?? new Date();
  const { organizationId, subjectUserId, ...content } = input;
  return deps.db.transaction(async (tx) => {
    authorize(actor, { organizationId, subjectUserId, published: false }, storyPolicy.create);
    // The person must be one of the organisation's entrepreneurs.
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, subjectUserId)));
    if (member?.role !== 'entrepreneur') throw new NotFoundError();
    const slug = await uniqueSlug(content.titleFi, async (s) => RESERVED.has(s) || (await slugTaken(tx, s)), 'tarina');
    const [story] = await tx
      .insert(stories)
      .values({ organizationId, subjectUserId, createdBy: actor!.userId, slug, ...content, contentHash: storyContentHash(content), createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'story.created', targetType: 'story', targetId: story!.id, metadata: { subjectUserId } });
    return story!;
  });
}

export async function updateStory(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; storyId: string } & StoryForm,
  options: { now?: Date } = {},
): Promise<{ story: Story; consentVoided: boolean }> {
  const now = options.now ?? new Date();
  const { organizationId, storyId, ...content } = input;
  return deps.db.transaction(async (tx) => {
    const current = await findStory(tx, { organizationId, storyId });
    if (!current) throw new NotFoundError();
    authorize(actor, storyResource(current), storyPolicy.edit);
    const contentHash = storyContentHash(content);
    const changed = contentHash !== current.contentHash;
    const unpublish = changed && current.publishedAt !== null;
    const [story] = await tx
      .update(stories)
      .set({ ...content, contentHash, updatedAt: now, ...(unpublish ? { publishedAt: null } : {}) })
      .where(and(eq(stories.organizationId, organizationId), eq(stories.id, storyId)))
      .returning();
    if (changed)
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor!.userId,
        action: 'story.edited',
        targetType: 'story',
        targetId: storyId,
        metadata: { consentVoided: true, unpublished: unpublish },
      });
    return { story: story!, consentVoided: changed };
  });
}
