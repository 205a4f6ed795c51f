// Facilitator training. Courses and cohorts are run by the organisation's coordinators; a mentor
// is a facilitator or coordinator assigned to the cohort (not a role of its own). A trainee sees
// their own cohort's course, their own submissions and the feedback on them — never another
// trainee's. A mentor sees the submissions of their own trainees only (those assigned to them,
// or every trainee of a cohort they mentor when no one is assigned). Completion: the coordinator.
import { and, hasRole, or, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

/** A course or a cohort as the rules see it. */
export interface CourseResource extends OrganizationScoped {
  /** The cohort's mentors (empty for a course seen without a cohort). */
  mentorUserIds: readonly string[];
  /** The signed-in trainee's enrolment in this cohort is active or completed. */
  actorEnrolled: boolean;
}

/** One trainee's enrolment and what hangs off it: submissions, feedback, progress, attendance. */
export interface SubmissionResource extends OrganizationScoped {
  /** The trainee (null while the invited person has not joined yet). */
  traineeUserId: string | null;
  /** The trainee's own mentor, or null (then every mentor of the cohort). */
  mentorUserId: string | null;
  mentorUserIds: readonly string[];
  /** The submission can still be changed by the trainee (not accepted, enrolment active). */
  open: boolean;
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
const isMentorRole: Rule<OrganizationScoped> = hasRole('facilitator', 'coordinator');
const mentorsCohort: Rule<CourseResource> = (actor, r) => actor !== null && isMentorRole(actor, r) && r.mentorUserIds.includes(actor.userId);
const enrolledTrainee: Rule<CourseResource> = (actor, r) => actor !== null && hasRole('trainee', 'facilitator', 'entrepreneur')(actor, r) && r.actorEnrolled;

const isTheTrainee: Rule<SubmissionResource> = (actor, r) => actor !== null && r.traineeUserId !== null && actor.userId === r.traineeUserId && hasRole('trainee', 'facilitator', 'entrepreneur')(actor, r);
const isTheirMentor: Rule<SubmissionResource> = (actor, r) =>
  actor !== null && isMentorRole(actor, r) && r.mentorUserIds.includes(actor.userId) && (r.mentorUserId === null || r.mentorUserId === actor.userId);
const isOpen: Rule<SubmissionResource> = (_actor, r) => r.open;

export const coursePolicy = {
  /** The course list, creating a course from the template, cohorts, dates, mentors, applications. */
  manage: isCoordinator,
  /** The course's sessions, materials and assignments, the session times and their ICS. */
  read: or<CourseResource>(isCoordinator, mentorsCohort, enrolledTrainee),
  /** The cohort's trainee list and progress table. */
  listTrainees: or<CourseResource>(isCoordinator, mentorsCohort),
  /** Attendance and compensation, mentoring meetings. */
  mentor: mentorsCohort,
  /** Confirming a trainee's completion. */
  confirmCompletion: isCoordinator,
} satisfies Policy;

export const submissionPolicy = {
  /** A submission's versions, the feedback on them and the trainee's progress. */
  read: or<SubmissionResource>(isTheTrainee, isTheirMentor, isCoordinator),
  /** Submitting a first version or a revision. */
  submit: and<SubmissionResource>(isTheTrainee, isOpen),
  /** Written feedback per criterion, asking for a revision or accepting. */
  giveFeedback: and<SubmissionResource>(isTheirMentor, isOpen),
} satisfies Policy;
