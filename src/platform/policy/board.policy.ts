import { isGroupFacilitator, isGroupMember, type GroupResource } from './group.policy.ts';
import { and, or, type Policy, type Rule } from './policy.ts';

/**
 * The board is the members' confidential space: only the group's current members and
 * its facilitators read and write it. Coordinators and admins run the groups but do NOT
 * read the board (group.policy `read` lets them see the group, not its talk); a
 * coordinator gets 403, another organisation 404. Experts see their own segment only.
 */
const isInGroup: Rule<GroupResource> = or<GroupResource>(isGroupFacilitator, isGroupMember);

export const boardPolicy = {
  read: isInGroup,
  post: isInGroup,
  /** Hide and unhide posts: the group's facilitators moderate. */
  moderate: isGroupFacilitator,
} satisfies Policy;

/** One post or reply on the board of its group. */
export interface BoardPostResource extends GroupResource {
  authorUserId: string;
  hidden: boolean;
  /** A reply (replies are not replied to: one level of threads). */
  isReply: boolean;
}

const isAuthor: Rule<BoardPostResource> = (actor, post) => actor !== null && actor.userId === post.authorUserId;
const isHidden: Rule<BoardPostResource> = (_actor, post) => post.hidden;
const isVisible: Rule<BoardPostResource> = (_actor, post) => !post.hidden;
const isTopLevel: Rule<BoardPostResource> = (_actor, post) => !post.isReply;

export const boardPostPolicy = {
  reply: and<BoardPostResource>(isInGroup, isTopLevel, isVisible),
  hide: and<BoardPostResource>(isGroupFacilitator, isVisible),
  unhide: and<BoardPostResource>(isGroupFacilitator, isHidden),
  /** The author may delete their own post while they are still in the group. */
  delete: and<BoardPostResource>(isInGroup, isAuthor),
} satisfies Policy;
