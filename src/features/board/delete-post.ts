// Use case: the author deletes their own post (a post takes its thread's replies with it:
// a reply without its post would make no sense to the others) or their own reply.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, boardPolicy, boardPostPolicy } from '../../platform/policy/index.ts';
import { deleteBoardPost, findBoardPost } from './board.queries.ts';

export async function deletePost(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; groupId: string; postId: string }): Promise<void> {
  const { organizationId, postId } = input;
  await deps.db.transaction(async (tx) => {
    const post = await findBoardPost(tx, { organizationId, postId, forUpdate: true });
    if (!post || post.groupId !== input.groupId) throw new NotFoundError();
    authorize(actor, post, boardPolicy.read);
    authorize(actor, post, boardPostPolicy.delete);
    await deleteBoardPost(tx, { organizationId, postId });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'board.post_deleted', targetType: 'board_post', targetId: postId });
  });
}
