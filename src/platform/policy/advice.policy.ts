import { and, hasRole, isInOrganization, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** An advisor's availability (weekly rules, single windows, leave). */
export interface AdvisorResource extends OrganizationScoped {
  advisorUserId: string;
}

/** A 1:1 advice session: its advisor, the person advised (null for a guest from the public site) and its state. */
export interface AdviceSessionResource extends AdvisorResource {
  personUserId: string | null;
  /** held or booked, and not yet started */
  upcoming: boolean;
  /** the start is still at least the organisation's change notice away */
  beforeChangeNotice: boolean;
  /** booked and started */
  started: boolean;
}

/** One advisor's note on a session. */
export interface AdviceNoteResource extends OrganizationScoped {
  authorUserId: string;
}

/** Advisors are the organisation's facilitators and coordinators (no role of their own). */
export const isAdvisorRole: Rule<OrganizationScoped> = hasRole('facilitator', 'coordinator');
const isTheAdvisor: Rule<AdvisorResource> = (actor, r) => actor !== null && isInOrganization(actor, r) && actor.userId === r.advisorUserId;
const isThePerson: Rule<AdviceSessionResource> = (actor, r) =>
  actor !== null && r.personUserId !== null && isInOrganization(actor, r) && actor.userId === r.personUserId;
const isUpcoming: Rule<AdviceSessionResource> = (_a, r) => r.upcoming;
const beforeNotice: Rule<AdviceSessionResource> = (_a, r) => r.beforeChangeNotice;
const hasStarted: Rule<AdviceSessionResource> = (_a, r) => r.started;
const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');

export const advisorAvailabilityPolicy = {
  /** An advisor publishes their own availability; a coordinator may keep anyone's. */
  manage: or<AdvisorResource>(and<AdvisorResource>(isTheAdvisor, isAdvisorRole), isCoordinator),
} satisfies Policy;

export const adviceBookingPolicy = {
  /** Entrepreneurs of the organisation book for themselves (others use the public form). */
  book: hasRole('entrepreneur'),
  /** The advisors' calendar of sessions: advisors see their own, coordinators all. */
  listSessions: or<OrganizationScoped>(isAdvisorRole, isCoordinator),
} satisfies Policy;

export const adviceSessionPolicy = {
  read: or<AdviceSessionResource>(isTheAdvisor, isThePerson, isCoordinator),
  /** The person up to the change notice; the advisor and coordinators at any time before the start. */
  reschedule: and<AdviceSessionResource>(
    isUpcoming,
    or<AdviceSessionResource>(isTheAdvisor, isCoordinator, and<AdviceSessionResource>(isThePerson, beforeNotice)),
  ),
  cancel: and<AdviceSessionResource>(isUpcoming, or<AdviceSessionResource>(isTheAdvisor, isCoordinator, and<AdviceSessionResource>(isThePerson, beforeNotice))),
  /** Notes are written by the session's advisor. */
  writeNotes: isTheAdvisor,
  /** The shared summary, no-show and next steps are the advisor's, once the session has started. */
  record: and<AdviceSessionResource>(isTheAdvisor, hasStarted),
} satisfies Policy;

export const adviceNotePolicy = {
  /** The note's author and the organisation's coordinators (not other advisors, never the person). */
  read: or<AdviceNoteResource>((actor, note) => actor !== null && isInOrganization(actor, note) && actor.userId === note.authorUserId, isCoordinator),
} satisfies Policy;

export const adviceSettingsPolicy = {
  /** Slot length, buffer and notices of the organisation. */
  edit: isCoordinator,
} satisfies Policy;
