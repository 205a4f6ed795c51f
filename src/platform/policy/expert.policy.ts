// Experts: the directory of profiles, the invitations to a segment or an event, the hours.
// Staff (coordinators, facilitators, an admin of the organisation) read the directory; a
// profile kept out of it is seen by its expert and the coordinators only. The expert edits
// their own profile and answers their own invitations. A coordinator invites to any segment or
// event, a facilitator to a segment of their own group. Hours: the coordinator and the expert.
import { and, hasRole, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** One expert as the rules see them, with the segment (its group's facilitators) or invitation in question. */
export interface ExpertResource extends OrganizationScoped {
  expertUserId: string;
  publicInDirectory: boolean;
  /** The facilitators of the group whose segment the invitation is about; empty otherwise. */
  facilitatorUserIds: readonly string[];
  /** The invitation in question, if any. */
  invitationStatus: 'pending' | 'accepted' | 'declined' | 'withdrawn' | null;
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
const isStaff: Rule<OrganizationScoped> = hasRole('coordinator', 'facilitator', 'admin');
const isTheExpert: Rule<ExpertResource> = (actor, r) => actor !== null && hasRole('expert')(actor, r) && actor.userId === r.expertUserId;
const isListed: Rule<ExpertResource> = (_actor, r) => r.publicInDirectory;
const facilitatesTheGroup: Rule<ExpertResource> = (actor, r) => actor !== null && isInOrganization(actor, r) && hasRole('facilitator')(actor, r) && r.facilitatorUserIds.includes(actor.userId);
const isPending: Rule<ExpertResource> = (_actor, r) => r.invitationStatus === 'pending';
const readProfile = or<ExpertResource>(isTheExpert, isCoordinator, and<ExpertResource>(isStaff, isListed));

export const expertPolicy = {
  /** The directory page and its search. */
  listDirectory: isStaff,
  /** A profile page and its photo. */
  readProfile,
  editProfile: isTheExpert,
  /** Inviting to a meeting's expert segment: the coordinator, or a facilitator of that group, to a profile they can see. */
  inviteToSegment: and<ExpertResource>(readProfile, or<ExpertResource>(isCoordinator, facilitatesTheGroup)),
  /** Inviting to an event (and listing the expert as its speaker): the coordinator. */
  inviteToEvent: isCoordinator,
  /** Accepting or declining: the invited expert, while the invitation is open. */
  respond: and<ExpertResource>(isTheExpert, isPending),
  /** Hours: the coordinator reads, corrects and exports everyone's; the expert reads and corrects their own. */
  readHours: or<ExpertResource>(isCoordinator, isTheExpert),
  editHours: or<ExpertResource>(isCoordinator, isTheExpert),
  exportHours: isCoordinator,
} satisfies Policy;
