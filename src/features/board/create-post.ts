// Use case: a member or facilitator writes a new post on their group's board.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, boardPolicy } from '../../platform/policy/index.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { insertBoardPost } from './board.queries.ts';

export async function createPost(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string; body: string },
  options: { now?: Date } = {},
): Promise<{ postId: string }> {
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId: input.organizationId, groupId: input.groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, boardPolicy.post);
    const postId = await insertBoardPost(tx, { organizationId: input.organizationId, groupId: input.groupId, parentId: null, authorUserId: actor!.userId, body: input.body.trim() }, now);
    return { postId };
  });
}
