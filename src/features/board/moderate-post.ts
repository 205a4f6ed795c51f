// Use case: a facilitator hides a post or reply from the board, or shows it again.
// Both are audited: moderation of the members' talk must be traceable.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, boardPolicy, boardPostPolicy } from '../../platform/policy/index.ts';
import { findBoardPost, setBoardPostHidden } from './board.queries.ts';

export async function moderatePost(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string; postId: string; hidden: boolean },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const { organizationId, postId } = input;
  await deps.db.transaction(async (tx) => {
    const post = await findBoardPost(tx, { organizationId, postId, forUpdate: true });
    if (!post || post.groupId !== input.groupId) throw new NotFoundError();
    authorize(actor, post, boardPolicy.read);
    authorize(actor, post, input.hidden ? boardPostPolicy.hide : boardPostPolicy.unhide);
    await setBoardPostHidden(tx, { organizationId, postId, hiddenBy: input.hidden ? actor!.userId : null }, now);
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: input.hidden ? 'board.post_hidden' : 'board.post_unhidden',
      targetType: 'board_post',
      targetId: postId,
    });
  });
}
