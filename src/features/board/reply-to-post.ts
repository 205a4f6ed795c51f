// Use case: a member or facilitator replies to a visible post of their group's board.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, boardPolicy, boardPostPolicy } from '../../platform/policy/index.ts';
import { findBoardPost, insertBoardPost } from './board.queries.ts';

export async function replyToPost(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string; postId: string; body: string },
  options: { now?: Date } = {},
): Promise<{ replyId: string }> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    // Lock the parent so a reply cannot slip in beside a concurrent hide or delete.
    const post = await findBoardPost(tx, { organizationId: input.organizationId, postId: input.postId, forUpdate: true });
    if (!post || post.groupId !== input.groupId) throw new NotFoundError();
    authorize(actor, post, boardPolicy.read);
    authorize(actor, post, boardPostPolicy.reply);
    const replyId = await insertBoardPost(tx, { organizationId: input.organizationId, groupId: post.groupId, parentId: post.id, authorUserId: actor!.userId, body: input.body.trim() }, now);
    return { replyId };
  });
}
