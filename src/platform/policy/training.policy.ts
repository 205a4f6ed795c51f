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

/** One trainee and their mentors (what a submission and a practice group share). */
export interface TraineeScoped extends OrganizationScoped {
  /** The trainee (null while the invited person has not joined yet). */
  traineeUserId: string | null;
  /** The trainee's own mentor, or null (then every mentor of the cohort). */
  mentorUserId: string | null;
  mentorUserIds: readonly string[];
}

/** One trainee's enrolment and what hangs off it: submissions, feedback, progress, attendance. */
export interface SubmissionResource extends TraineeScoped {
  /** The submission can still be changed by the trainee (not accepted, enrolment active). */
  open: boolean;
}

/**
 * A trainee's practice group (issue 15, point 4) as the mentor and the group's members see it. The
 * mentor reads meta data only (counts through the disclosure layer); the group's confidential
 * content stays under groupPolicy, meetingPolicy and journalPolicy, where a mentor is nobody.
 */
export interface PracticeGroupResource extends TraineeScoped {
  /** The group's current members. */
  memberUserIds: readonly string[];
  /** The enrolment is active: the group is a practice group now (afterwards a normal group). */
  inTraining: boolean;
  /** For one meeting: every current member has recorded their consent to its observation. */
  everyoneConsented: boolean;
}

const isCoordinator: Rule<OrganizationScoped> = hasRole('coordinator');
const isMentorRole: Rule<OrganizationScoped> = hasRole('facilitator', 'coordinator');
const mentorsCohort: Rule<CourseResource> = (actor, r) => actor !== null && isMentorRole(actor, r) && r.mentorUserIds.includes(actor.userId);
const enrolledTrainee: Rule<CourseResource> = (actor, r) => actor !== null && hasRole('trainee', 'facilitator', 'entrepreneur')(actor, r) && r.actorEnrolled;

const isTheTrainee: Rule<TraineeScoped> = (actor, r) => actor !== null && r.traineeUserId !== null && actor.userId === r.traineeUserId && hasRole('trainee', 'facilitator', 'entrepreneur')(actor, r);
const isTheirMentor: Rule<TraineeScoped> = (actor, r) =>
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
  /** Graduation: giving a completed trainee the facilitator role (issue 15, point 7). */
  graduate: isCoordinator,
  /** Recording a drop-out with its reason. */
  drop: isCoordinator,
  /** Giving the anonymous evaluation of a session or of the course (issue 15, point 8). */
  evaluate: enrolledTrainee,
  /** The evaluation's aggregates (through the disclosure layer), never an answer of one trainee. */
  readEvaluation: or<CourseResource>(isCoordinator, mentorsCohort),
} satisfies Policy;

export const submissionPolicy = {
  /** A submission's versions, the feedback on them and the trainee's progress. */
  read: or<SubmissionResource>(isTheTrainee, isTheirMentor, isCoordinator),
  /** Submitting a first version or a revision. */
  submit: and<SubmissionResource>(isTheTrainee, isOpen),
  /** Written feedback per criterion, asking for a revision or accepting. */
  giveFeedback: and<SubmissionResource>(isTheirMentor, isOpen),
} satisfies Policy;

const inTraining: Rule<PracticeGroupResource> = (_actor, r) => r.inTraining;
const everyoneConsented: Rule<PracticeGroupResource> = (_actor, r) => r.everyoneConsented;
const isGroupMemberHere: Rule<PracticeGroupResource> = (actor, r) => actor !== null && hasRole('entrepreneur', 'trainee', 'facilitator')(actor, r) && r.memberUserIds.includes(actor.userId);

export const practiceGroupPolicy = {
  /** Meetings held, attendance counts, steps followed up, feedback averages: the mentor and the coordinator. */
  readMeta: and<PracticeGroupResource>(or<PracticeGroupResource>(isTheirMentor, isCoordinator), inTraining),
  /** Observing one meeting: the trainee's mentor, only while every member agreed to that meeting. */
  observe: and<PracticeGroupResource>(isTheirMentor, inTraining, everyoneConsented),
  /** Agreeing to (or withdrawing from) the observation of a meeting: each member for themself. */
  consent: and<PracticeGroupResource>(isGroupMemberHere, inTraining),
} satisfies Policy;
