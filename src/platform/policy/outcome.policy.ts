// Outcome measurement. Answers are health data: only the person reads their own answers and
// progress; a group's facilitators (and the organisation's coordinators) see aggregates of
// at least 5 answers, never individual values; an installation admin may export pseudonymised
// individual-level answers for research, audit-logged by the use case.
import { isGroupFacilitator, isGroupMember, managesGroups, type GroupResource } from './group.policy.ts';
import type { MeetingResource } from './meeting.policy.ts';
import { and, isAdmin, isInOrganization, isSelf, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A person's own measurement (consent, check-ins, progress) in one organisation. */
export interface PersonOutcomesResource extends OrganizationScoped {
  userId: string;
}

const isSelfInOrganization: Rule<PersonOutcomesResource> = and<PersonOutcomesResource>(isSelf, isInOrganization);

export const outcomePolicy = {
  /** Give or withdraw consent, answer check-ins, see own answers and progress: the person, nobody else. */
  manageConsent: isSelfInOrganization,
  answer: isSelfInOrganization,
  readOwn: isSelfInOrganization,
} satisfies Policy;

export const groupOutcomePolicy = {
  /** Averages of the group when at least 5 members answered; never individual values. */
  readTrend: or<GroupResource>(managesGroups, isGroupFacilitator),
  readFeedback: or<GroupResource>(managesGroups, isGroupFacilitator),
} satisfies Policy;

const started: Rule<MeetingResource> = (_actor, meeting) => meeting.started && !meeting.cancelled;

export const meetingFeedbackPolicy = {
  give: and<MeetingResource>(isGroupMember, started),
  read: or<MeetingResource>(managesGroups, isGroupFacilitator),
} satisfies Policy;

export const researchExportPolicy = {
  /** Individual-level, pseudonymised answers for research: installation admins only, audit-logged. */
  export: isAdmin as Rule<OrganizationScoped>,
} satisfies Policy;
