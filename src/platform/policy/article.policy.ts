import { and, hasRole, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** An article of the knowledge bank. */
export interface ArticleResource extends OrganizationScoped {
  authorUserId: string | null;
  visibility: 'public' | 'signed_in' | 'organization';
  /** It has a live version. */
  published: boolean;
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
/** Coordinators, facilitators and experts write good practices; trainees, entrepreneurs and funders read. */
const isWriter: Rule<OrganizationScoped> = hasRole('coordinator', 'facilitator', 'expert');
const isAuthor: Rule<ArticleResource> = (actor, r) => actor !== null && r.authorUserId !== null && actor.userId === r.authorUserId;
const isVisibleTo: Rule<ArticleResource> = (actor, r) =>
  r.visibility === 'public' || (r.visibility === 'signed_in' && actor !== null) || (r.visibility === 'organization' && isInOrganization(actor, r));

const mayEdit = or<ArticleResource>(isCoordinator, and<ArticleResource>(isAuthor, isWriter));

export const articlePolicy = {
  /** The live version, by its visibility. */
  read: and<ArticleResource>((_actor, r) => r.published, isVisibleTo),
  /** Drafts, versions waiting for review and the history: the author and the coordinators. */
  readWork: mayEdit,
  create: isWriter,
  /** A new version (the live one stays until the new one is published); files. */
  edit: mayEdit,
  submitForReview: mayEdit,
  /** Publishing, sending back to the author and taking off the site are the coordinator's. */
  publish: isCoordinator,
  returnToAuthor: isCoordinator,
  unpublish: isCoordinator,
} satisfies Policy;
