// The one policy module: helpers and one typed policy per resource.
export * from './policy.ts';
export { organizationPolicy } from './organization.policy.ts';
export { membershipPolicy, roleAssignmentPolicy, managesMembers, type MembershipResource } from './membership.policy.ts';
export { invitationPolicy, isInvitee, type InvitationResource } from './invitation.policy.ts';
export { auditLogPolicy } from './audit-log.policy.ts';
export { homePolicy, type HomeResource } from './home.policy.ts';
export { applicationPolicy, managesIntake, isOpenApplication, type ApplicationResource } from './application.policy.ts';
export { groupPolicy, managesGroups, isGroupFacilitator, isGroupMember, type GroupResource } from './group.policy.ts';
export { meetingPolicy, type MeetingResource } from './meeting.policy.ts';
export { calendarFeedPolicy, type CalendarFeedResource } from './calendar-feed.policy.ts';
export { stepPolicy, isStepOwner, type StepResource } from './step.policy.ts';
export { boardPolicy, boardPostPolicy, type BoardPostResource } from './board.policy.ts';
export { journalPolicy, authorizeJournal, type JournalResource } from './journal.policy.ts';
export { personalDataPolicy, type PersonalDataResource } from './personal-data.policy.ts';
export { materialPolicy, meetingMaterialsPolicy, isOwnSegmentExpert, type MaterialResource } from './material.policy.ts';
export { outcomePolicy, groupOutcomePolicy, meetingFeedbackPolicy, researchExportPolicy, type PersonOutcomesResource } from './outcome.policy.ts';
export { evaluationPolicy } from './evaluation.policy.ts';
export { instrumentPolicy } from './instrument.policy.ts';
