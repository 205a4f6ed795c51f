// Facilitator training (issue 15, points 1–3 and 5): courses made from a template, their
// sessions, materials, assignments and competence rubric; cohorts with dated online sessions,
// mentors and trainees (enrolments, from the public application); every version of a
// submission, the mentor's feedback per rubric criterion, attendance or compensation,
// mentoring meetings, and the completion the coordinator confirms.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations, memberships } from '../organizations/organizations.schema.ts';
import { groups } from '../groups/groups.schema.ts';
import { meetings } from '../meetings/meetings.schema.ts';

/** A text in each of the three languages (Finnish is the fallback). */
export interface LocalizedText {
  fi: string;
  sv: string;
  en: string;
}

/** The completion rules of a course, as data (validated by completionRulesSchema). */
export interface CompletionRules {
  /** Sessions attended or compensated: every session when null. */
  minSessions: number | null;
  /** Every assignment accepted by the mentor. */
  allAssignmentsAccepted: boolean;
  /** Meetings held in the trainee's practice group. */
  minPracticeMeetings: number;
}

export const assignmentKinds = ['reflection', 'plan', 'self_assessment'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];
export const materialKinds = ['text', 'file', 'video'] as const;
export type CourseMaterialKind = (typeof materialKinds)[number];
export const cohortStatuses = ['planned', 'running', 'finished'] as const;
export type CohortStatus = (typeof cohortStatuses)[number];
export const enrolmentStatuses = ['invited', 'active', 'completed', 'dropped'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const trainingApplicationStatuses = ['new', 'accepted', 'declined'] as const;
export type TrainingApplicationStatus = (typeof trainingApplicationStatuses)[number];
export const submissionStatuses = ['submitted', 'revision_requested', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
export const feedbackDecisions = ['revision_requested', 'accepted'] as const;
export type FeedbackDecision = (typeof feedbackDecisions)[number];
export const sessionAttendanceStatuses = ['present', 'absent', 'compensated'] as const;
export type SessionAttendanceStatus = (typeof sessionAttendanceStatuses)[number];

export const courses = pgTable(
  'courses',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    /** The public address /training/<slug>, unique in the installation. */
    slug: text('slug').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    /** Shown on the public training page (with its cohorts open for applications). */
    published: boolean('published').notNull().default(false),
    completionRules: jsonb('completion_rules').$type<CompletionRules>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'courses_pkey' }),
    uniqueIndex('courses_slug_key').on(t.slug),
    check('courses_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const courseSessions = pgTable(
  'course_sessions',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    courseId: uuid('course_id').notNull(),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'course_sessions_pkey' }),
    foreignKey({ name: 'course_sessions_course_fk', columns: [t.organizationId, t.courseId], foreignColumns: [courses.organizationId, courses.id] }).onDelete('cascade'),
    uniqueIndex('course_sessions_position_key').on(t.organizationId, t.courseId, t.position),
  ],
);

/** The facilitator competences a self-assessment and the mentor's feedback refer to. */
export const rubricCriteria = pgTable(
  'rubric_criteria',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    courseId: uuid('course_id').notNull(),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    /** The levels from lowest to highest; a self-assessment stores the level's index. */
    levels: jsonb('levels').$type<LocalizedText[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'rubric_criteria_pkey' }),
    foreignKey({ name: 'rubric_criteria_course_fk', columns: [t.organizationId, t.courseId], foreignColumns: [courses.organizationId, courses.id] }).onDelete('cascade'),
    uniqueIndex('rubric_criteria_position_key').on(t.organizationId, t.courseId, t.position),
  ],
);

export const courseMaterials = pgTable(
  'course_materials',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    sessionId: uuid('session_id').notNull(),
    kind: text('kind').$type<CourseMaterialKind>().notNull(),
    title: text('title').notNull(),
    /** The text (kind text). */
    body: text('body').notNull().default(''),
    /** The video's address (kind video). */
    url: text('url'),
    /** The file, kept with the materials' files and typed by its bytes (kind file). */
    fileName: text('file_name'),
    mediaType: text('media_type'),
    sizeBytes: integer('size_bytes'),
    storageKey: text('storage_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'course_materials_pkey' }),
    foreignKey({ name: 'course_materials_session_fk', columns: [t.organizationId, t.sessionId], foreignColumns: [courseSessions.organizationId, courseSessions.id] }).onDelete('cascade'),
    index('course_materials_org_session_idx').on(t.organizationId, t.sessionId),
    check('course_materials_kind_check', sql`${t.kind} IN ('text', 'file', 'video')`),
    check(
      'course_materials_shape_check',
      sql`(${t.kind} = 'video' AND ${t.url} IS NOT NULL) OR (${t.kind} = 'file' AND ${t.storageKey} IS NOT NULL) OR ${t.kind} = 'text'`,
    ),
  ],
);

export const courseAssignments = pgTable(
  'course_assignments',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    sessionId: uuid('session_id').notNull(),
    kind: text('kind').$type<AssignmentKind>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    instructions: jsonb('instructions').$type<LocalizedText>().notNull(),
    /** Due at 23.59 Helsinki time this many days after the cohort's session. */
    dueDaysAfter: integer('due_days_after').notNull().default(7),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'course_assignments_pkey' }),
    foreignKey({ name: 'course_assignments_session_fk', columns: [t.organizationId, t.sessionId], foreignColumns: [courseSessions.organizationId, courseSessions.id] }).onDelete('cascade'),
    index('course_assignments_org_session_idx').on(t.organizationId, t.sessionId),
    check('course_assignments_kind_check', sql`${t.kind} IN ('reflection', 'plan', 'self_assessment')`),
    check('course_assignments_due_check', sql`${t.dueDaysAfter} BETWEEN 0 AND 90`),
  ],
);

export const cohorts = pgTable(
  'cohorts',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    courseId: uuid('course_id').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull().default(15),
    status: text('status').$type<CohortStatus>().notNull().default('planned'),
    /** Applications from the public course page are taken while open. */
    applicationsOpen: boolean('applications_open').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'cohorts_pkey' }),
    foreignKey({ name: 'cohorts_course_fk', columns: [t.organizationId, t.courseId], foreignColumns: [courses.organizationId, courses.id] }).onDelete('cascade'),
    index('cohorts_org_course_idx').on(t.organizationId, t.courseId),
    check('cohorts_status_check', sql`${t.status} IN ('planned', 'running', 'finished')`),
    check('cohorts_capacity_check', sql`${t.capacity} BETWEEN 1 AND 40`),
  ],
);

/** A cohort's dated online session (one per course session). */
export const cohortSessions = pgTable(
  'cohort_sessions',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    cohortId: uuid('cohort_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    onlineUrl: text('online_url'),
    /** The iCalendar SEQUENCE: raised when the time or link changes. */
    sequence: integer('sequence').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'cohort_sessions_pkey' }),
    foreignKey({ name: 'cohort_sessions_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    foreignKey({ name: 'cohort_sessions_session_fk', columns: [t.organizationId, t.sessionId], foreignColumns: [courseSessions.organizationId, courseSessions.id] }).onDelete('cascade'),
    uniqueIndex('cohort_sessions_key').on(t.organizationId, t.cohortId, t.sessionId),
    check('cohort_sessions_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A mentor of a cohort: a facilitator or coordinator of the organisation (not a role of its own). */
export const cohortMentors = pgTable(
  'cohort_mentors',
  {
    organizationId: uuid('organization_id').notNull(),
    cohortId: uuid('cohort_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.cohortId, t.userId], name: 'cohort_mentors_pkey' }),
    foreignKey({ name: 'cohort_mentors_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    foreignKey({ name: 'cohort_mentors_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
    index('cohort_mentors_org_user_idx').on(t.organizationId, t.userId),
  ],
);

/** An application from the public course page (no account needed), as the intake of groups. */
export const trainingApplications = pgTable(
  'training_applications',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    cohortId: uuid('cohort_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    locale: text('locale').notNull().default('fi'),
    /** Where the applicant works (their organisation, their job). */
    background: text('background').notNull().default(''),
    motivation: text('motivation').notNull().default(''),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: text('status').$type<TrainingApplicationStatus>().notNull().default('new'),
    declineMessage: text('decline_message'),
    handledBy: uuid('handled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'training_applications_pkey' }),
    foreignKey({ name: 'training_applications_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    index('training_applications_org_cohort_idx').on(t.organizationId, t.cohortId, t.status),
    check('training_applications_status_check', sql`${t.status} IN ('new', 'accepted', 'declined')`),
  ],
);

/** A trainee in a cohort. `userId` is null until the invited person joins the organisation. */
export const enrolments = pgTable(
  'enrolments',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    cohortId: uuid('cohort_id').notNull(),
    userId: uuid('user_id'),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The trainee's own mentor among the cohort's mentors (any of them when null). */
    mentorUserId: uuid('mentor_user_id'),
    applicationId: uuid('application_id'),
    /** The trainee's practice group (a normal group, led by the trainee during the course). */
    practiceGroupId: uuid('practice_group_id'),
    status: text('status').$type<EnrolmentStatus>().notNull().default('invited'),
    /** Completion as the coordinator confirmed it: the certificate's facts (issue 15, point 6). */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completionConfirmedBy: uuid('completion_confirmed_by'),
    droppedReason: text('dropped_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'enrolments_pkey' }),
    foreignKey({ name: 'enrolments_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    foreignKey({ name: 'enrolments_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
    foreignKey({ name: 'enrolments_practice_group_fk', columns: [t.organizationId, t.practiceGroupId], foreignColumns: [groups.organizationId, groups.id] }).onDelete('set null'),
    uniqueIndex('enrolments_email_key').on(t.organizationId, t.cohortId, t.email),
    index('enrolments_org_user_idx').on(t.organizationId, t.userId),
    index('enrolments_org_mentor_idx').on(t.organizationId, t.mentorUserId),
    check('enrolments_status_check', sql`${t.status} IN ('invited', 'active', 'completed', 'dropped')`),
    check('enrolments_completed_check', sql`(${t.status} = 'completed') = (${t.completedAt} IS NOT NULL)`),
    check('enrolments_dropped_check', sql`${t.status} <> 'dropped' OR coalesce(length(${t.droppedReason}), 0) > 0`),
  ],
);

/** Attendance at a cohort session; a missed one may be compensated (the mentor records with what). */
export const trainingSessionAttendance = pgTable(
  'training_session_attendance',
  {
    organizationId: uuid('organization_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    cohortSessionId: uuid('cohort_session_id').notNull(),
    status: text('status').$type<SessionAttendanceStatus>().notNull(),
    compensation: text('compensation'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.enrolmentId, t.cohortSessionId], name: 'training_session_attendance_pkey' }),
    foreignKey({ name: 'training_attendance_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
    foreignKey({ name: 'training_attendance_session_fk', columns: [t.organizationId, t.cohortSessionId], foreignColumns: [cohortSessions.organizationId, cohortSessions.id] }).onDelete('cascade'),
    check('training_attendance_status_check', sql`${t.status} IN ('present', 'absent', 'compensated')`),
    check('training_attendance_compensation_check', sql`${t.status} <> 'compensated' OR coalesce(length(${t.compensation}), 0) > 0`),
  ],
);

/** One trainee's answer to one assignment; its versions are kept in submission_versions. */
export const submissions = pgTable(
  'submissions',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    enrolmentId: uuid('enrolment_id').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    status: text('status').$type<SubmissionStatus>().notNull().default('submitted'),
    latestVersion: integer('latest_version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'submissions_pkey' }),
    foreignKey({ name: 'submissions_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
    foreignKey({ name: 'submissions_assignment_fk', columns: [t.organizationId, t.assignmentId], foreignColumns: [courseAssignments.organizationId, courseAssignments.id] }).onDelete('cascade'),
    uniqueIndex('submissions_key').on(t.organizationId, t.enrolmentId, t.assignmentId),
    check('submissions_status_check', sql`${t.status} IN ('submitted', 'revision_requested', 'accepted')`),
  ],
);

export const submissionVersions = pgTable(
  'submission_versions',
  {
    organizationId: uuid('organization_id').notNull(),
    submissionId: uuid('submission_id').notNull(),
    version: integer('version').notNull(),
    /** The submission's enrolment (the trainee's export and erasure find the versions by it). */
    enrolmentId: uuid('enrolment_id').notNull(),
    body: text('body').notNull(),
    /** A self-assessment: the level index chosen per rubric criterion id. */
    levels: jsonb('levels').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.submissionId, t.version], name: 'submission_versions_pkey' }),
    foreignKey({ name: 'submission_versions_submission_fk', columns: [t.organizationId, t.submissionId], foreignColumns: [submissions.organizationId, submissions.id] }).onDelete('cascade'),
    foreignKey({ name: 'submission_versions_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
    index('submission_versions_org_enrolment_idx').on(t.organizationId, t.enrolmentId),
  ],
);

/** The mentor's feedback on one version: a comment per rubric criterion and the decision. */
export const submissionFeedback = pgTable(
  'submission_feedback',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    submissionId: uuid('submission_id').notNull(),
    version: integer('version').notNull(),
    /** The submission's enrolment (the trainee's export and erasure find the feedback by it). */
    enrolmentId: uuid('enrolment_id').notNull(),
    mentorUserId: uuid('mentor_user_id'),
    decision: text('decision').$type<FeedbackDecision>().notNull(),
    comment: text('comment').notNull().default(''),
    /** Written feedback per rubric criterion id. */
    criteria: jsonb('criteria').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'submission_feedback_pkey' }),
    foreignKey({ name: 'submission_feedback_version_fk', columns: [t.organizationId, t.submissionId, t.version], foreignColumns: [submissionVersions.organizationId, submissionVersions.submissionId, submissionVersions.version] }).onDelete('cascade'),
    foreignKey({ name: 'submission_feedback_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
    uniqueIndex('submission_feedback_version_key').on(t.organizationId, t.submissionId, t.version),
    index('submission_feedback_org_enrolment_idx').on(t.organizationId, t.enrolmentId),
    check('submission_feedback_decision_check', sql`${t.decision} IN ('revision_requested', 'accepted')`),
  ],
);

/** A mentoring meeting (1:1 or a small group) of one mentor with trainees of the cohort. */
export const mentoringMeetings = pgTable(
  'mentoring_meetings',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    cohortId: uuid('cohort_id').notNull(),
    mentorUserId: uuid('mentor_user_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    onlineUrl: text('online_url'),
    topic: text('topic').notNull().default(''),
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'mentoring_meetings_pkey' }),
    foreignKey({ name: 'mentoring_meetings_mentor_fk', columns: [t.organizationId, t.mentorUserId], foreignColumns: [memberships.organizationId, memberships.userId] }).onDelete('cascade'),
    foreignKey({ name: 'mentoring_meetings_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    index('mentoring_meetings_org_cohort_idx').on(t.organizationId, t.cohortId, t.startsAt),
    check('mentoring_meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const mentoringParticipants = pgTable(
  'mentoring_participants',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meetingId, t.enrolmentId], name: 'mentoring_participants_pkey' }),
    foreignKey({ name: 'mentoring_participants_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [mentoringMeetings.organizationId, mentoringMeetings.id] }).onDelete('cascade'),
    foreignKey({ name: 'mentoring_participants_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
    index('mentoring_participants_org_enrolment_idx').on(t.organizationId, t.enrolmentId),
  ],
);

/**
 * A member's consent that the trainee's mentor observes one meeting of the practice group (issue 15,
 * point 4). The mentor may observe only while every current member of the group has a row for that
 * meeting; withdrawing deletes the row (both are audit-logged).
 */
export const observationConsents = pgTable(
  'observation_consents',
  {
    organizationId: uuid('organization_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meetingId, t.userId], name: 'observation_consents_pkey' }),
    foreignKey({ name: 'observation_consents_meeting_fk', columns: [t.organizationId, t.meetingId], foreignColumns: [meetings.organizationId, meetings.id] }).onDelete('cascade'),
    index('observation_consents_org_user_idx').on(t.organizationId, t.userId),
  ],
);

/** What a course evaluation answer is about: one session of the cohort, or the whole course at its end. */
export const COURSE_TARGET = 'course';

/**
 * A trainee's anonymous evaluation of a session or of the course (issue 15, point 8): no enrolment,
 * no person and no time is stored with the answer (as meeting_feedback); the coordinator and the
 * mentors see the aggregates only, through the disclosure layer.
 */
export const trainingFeedback = pgTable(
  'training_feedback',
  {
    organizationId: uuid('organization_id').notNull(),
    // A random (v4) id: a time-ordered id would let the order of answers be matched to the order of givers.
    id: uuid('id').notNull().$defaultFn(() => randomUUID()),
    cohortId: uuid('cohort_id').notNull(),
    /** A cohort session's id, or 'course' for the evaluation at the end. */
    target: text('target').notNull(),
    /** 1–5: useful for my work as a facilitator */
    useful: integer('useful').notNull(),
    /** 1–5: I feel ready to lead a group */
    ready: integer('ready').notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'training_feedback_pkey' }),
    foreignKey({ name: 'training_feedback_cohort_fk', columns: [t.organizationId, t.cohortId], foreignColumns: [cohorts.organizationId, cohorts.id] }).onDelete('cascade'),
    index('training_feedback_org_cohort_idx').on(t.organizationId, t.cohortId, t.target),
    check('training_feedback_useful_check', sql`${t.useful} BETWEEN 1 AND 5`),
    check('training_feedback_ready_check', sql`${t.ready} BETWEEN 1 AND 5`),
  ],
);

/** That a trainee has evaluated a session or the course (one answer each), kept apart from the answers. */
export const trainingFeedbackGivers = pgTable(
  'training_feedback_givers',
  {
    organizationId: uuid('organization_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    target: text('target').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.enrolmentId, t.target], name: 'training_feedback_givers_pkey' }),
    foreignKey({ name: 'training_feedback_givers_enrolment_fk', columns: [t.organizationId, t.enrolmentId], foreignColumns: [enrolments.organizationId, enrolments.id] }).onDelete('cascade'),
  ],
);
