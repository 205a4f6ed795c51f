import { hasRole, isInOrganization, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A story drafted from one entrepreneur's words. */
export interface StoryResource extends OrganizationScoped {
  subjectUserId: string;
  /** On the public site now. */
  published: boolean;
}

const isStaffWriter: Rule<OrganizationScoped> = hasRole('coordinator', 'facilitator');
/** The person the story is about, in the story's organisation. */
const isSubject: Rule<StoryResource> = (actor, r) => actor !== null && isInOrganization(actor, r) && actor.userId === r.subjectUserId;

export const storyPolicy = {
  /** The public page: anyone, while it is published. */
  read: ((_actor, r) => r.published) as Rule<StoryResource>,
  /** Drafts, consent state and the list of the organisation's stories. */
  manage: isStaffWriter,
  create: isStaffWriter,
  edit: isStaffWriter,
  /** Publishing (of a consented story only) and taking off the site are the coordinator's. */
  publish: hasRole('coordinator'),
  unpublish: hasRole('coordinator'),
  /** The person's own page: see, consent to, decline and withdraw their own story only. */
  readOwn: isSubject,
  consent: isSubject,
  withdraw: isSubject,
} satisfies Policy;
