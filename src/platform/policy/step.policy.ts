import { isGroupFacilitator, type GroupResource } from './group.policy.ts';
import { and, isInOrganization, or, type Policy, type Rule } from './policy.ts';

/**
 * A member's small step (or, for `create`, the steps a member may be given): the group it was set
 * in, and whose step it is. Steps are personal: the owner and the group's facilitators only —
 * coordinators see no individual steps.
 */
export interface StepResource extends GroupResource {
  /** the member whose step it is */
  ownerUserId: string;
}

/** The step is the actor's own (in the step's organisation). */
export const isStepOwner: Rule<StepResource> = (actor, step) => actor !== null && isInOrganization(actor, step) && actor.userId === step.ownerUserId;

/** The owner is (still) a member of the group: only members get new steps. */
const ownerInGroup: Rule<StepResource> = (_actor, step) => step.memberUserIds.includes(step.ownerUserId);

export const stepPolicy = {
  read: or<StepResource>(isStepOwner, isGroupFacilitator),
  create: and<StepResource>(ownerInGroup, or<StepResource>(isStepOwner, isGroupFacilitator)),
  edit: or<StepResource>(isStepOwner, isGroupFacilitator),
} satisfies Policy;
