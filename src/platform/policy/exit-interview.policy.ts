import { hasRole, or, type Policy, type Rule } from './policy.ts';
import { isGroupFacilitator, type GroupResource } from './group.policy.ts';

/** A group's exit interviews: its facilitators and the organisation's coordinators, nobody else. */
const mayHandleExitInterviews: Rule<GroupResource> = or<GroupResource>(hasRole('coordinator'), isGroupFacilitator);

export const exitInterviewPolicy = {
  read: mayHandleExitInterviews,
  record: mayHandleExitInterviews,
} satisfies Policy;
