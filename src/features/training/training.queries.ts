// Reads of the facilitator training: (db, { organizationId, … }), every one scoped to the tenant.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { CourseResource, SubmissionResource } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { attendance, meetings } from '../meetings/meetings.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { assignmentDueAt, evaluateProgress, type Progress } from './rules.ts';
import {
  cohortMentors,
  cohortSessions,
  cohorts,
  courseAssignments,
  courseMaterials,
  courseSessions,
  courses,
  enrolments,
  mentoringMeetings,
  mentoringParticipants,
  rubricCriteria,
  trainingSessionAttendance,
  submissionFeedback,
  submissionVersions,
  submissions,
  trainingApplications,
} from './training.schema.ts';

export type Course = typeof courses.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;
export type Enrolment = typeof enrolments.$inferSelect;
export type CohortSession = typeof cohortSessions.$inferSelect;
export type TrainingApplication = typeof trainingApplications.$inferSelect;
export type Submission = typeof submissions.$inferSelect;

type Scope = { organizationId: string };

export async function findCourse(db: Tx, { organizationId, courseId }: Scope & { courseId: string }): Promise<Course | null> {
  const [row] = await db.select().from(courses).where(and(eq(courses.organizationId, organizationId), eq(courses.id, courseId))).limit(1);
  return row ?? null;
}

export async function findCourseBySlug(db: Tx, { slug }: { slug: string }) {
  const [row] = await db
    .select({ course: courses, organizationName: organizations.name })
    .from(courses)
    .innerJoin(organizations, eq(organizations.id, courses.organizationId))
    .where(and(eq(courses.slug, slug), eq(courses.published, true)))
    .limit(1);
  return row ?? null;
}

export async function listCourses(db: Tx, { organizationId }: Scope) {
  return db.select().from(courses).where(eq(courses.organizationId, organizationId)).orderBy(desc(courses.createdAt));
}

export async function listPublishedCourses(db: Tx) {
  return db
    .select({ slug: courses.slug, title: courses.title, description: courses.description, organizationName: organizations.name })
    .from(courses)
    .innerJoin(organizations, eq(organizations.id, courses.organizationId))
    .where(eq(courses.published, true))
    .orderBy(asc(organizations.name), asc(courses.slug));
}

export async function listCourseSessions(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  return db
    .select()
    .from(courseSessions)
    .where(and(eq(courseSessions.organizationId, organizationId), eq(courseSessions.courseId, courseId)))
    .orderBy(asc(courseSessions.position));
}

export async function listAssignments(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  return db
    .select({ assignment: courseAssignments, position: courseSessions.position })
    .from(courseAssignments)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, courseAssignments.organizationId), eq(courseSessions.id, courseAssignments.sessionId)))
    .where(and(eq(courseAssignments.organizationId, organizationId), eq(courseSessions.courseId, courseId)))
    .orderBy(asc(courseSessions.position), asc(courseAssignments.kind));
}

export async function findAssignment(db: Tx, { organizationId, assignmentId }: Scope & { assignmentId: string }) {
  const [row] = await db
    .select({ assignment: courseAssignments, courseId: courseSessions.courseId })
    .from(courseAssignments)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, courseAssignments.organizationId), eq(courseSessions.id, courseAssignments.sessionId)))
    .where(and(eq(courseAssignments.organizationId, organizationId), eq(courseAssignments.id, assignmentId)))
    .limit(1);
  return row ?? null;
}

export async function listRubric(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  return db
    .select()
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.organizationId, organizationId), eq(rubricCriteria.courseId, courseId)))
    .orderBy(asc(rubricCriteria.position));
}

export async function listMaterials(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  return db
    .select({ material: courseMaterials })
    .from(courseMaterials)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, courseMaterials.organizationId), eq(courseSessions.id, courseMaterials.sessionId)))
    .where(and(eq(courseMaterials.organizationId, organizationId), eq(courseSessions.courseId, courseId)))
    .orderBy(asc(courseMaterials.createdAt));
}

export async function findMaterial(db: Tx, { organizationId, materialId }: Scope & { materialId: string }) {
  const [row] = await db
    .select({ material: courseMaterials, courseId: courseSessions.courseId })
    .from(courseMaterials)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, courseMaterials.organizationId), eq(courseSessions.id, courseMaterials.sessionId)))
    .where(and(eq(courseMaterials.organizationId, organizationId), eq(courseMaterials.id, materialId)))
    .limit(1);
  return row ?? null;
}

export async function findCohort(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }): Promise<Cohort | null> {
  const [row] = await db.select().from(cohorts).where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.id, cohortId))).limit(1);
  return row ?? null;
}

export async function listCohorts(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  return db.select().from(cohorts).where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.courseId, courseId))).orderBy(desc(cohorts.createdAt));
}

export async function listCohortSessions(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }) {
  return db
    .select({ cohortSession: cohortSessions, session: courseSessions })
    .from(cohortSessions)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, cohortSessions.organizationId), eq(courseSessions.id, cohortSessions.sessionId)))
    .where(and(eq(cohortSessions.organizationId, organizationId), eq(cohortSessions.cohortId, cohortId)))
    .orderBy(asc(courseSessions.position));
}

export async function findCohortSession(db: Tx, { organizationId, cohortSessionId }: Scope & { cohortSessionId: string }) {
  const [row] = await db
    .select({ cohortSession: cohortSessions, session: courseSessions })
    .from(cohortSessions)
    .innerJoin(courseSessions, and(eq(courseSessions.organizationId, cohortSessions.organizationId), eq(courseSessions.id, cohortSessions.sessionId)))
    .where(and(eq(cohortSessions.organizationId, organizationId), eq(cohortSessions.id, cohortSessionId)))
    .limit(1);
  return row ?? null;
}

export async function listMentors(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }) {
  return db
    .select({ userId: cohortMentors.userId, name: users.name, email: users.email })
    .from(cohortMentors)
    .innerJoin(users, eq(users.id, cohortMentors.userId))
    .where(and(eq(cohortMentors.organizationId, organizationId), eq(cohortMentors.cohortId, cohortId)))
    .orderBy(asc(users.name));
}

export async function listEnrolments(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }) {
  return db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.cohortId, cohortId)))
    .orderBy(asc(enrolments.name));
}

export async function findEnrolment(db: Tx, { organizationId, enrolmentId, forUpdate = false }: Scope & { enrolmentId: string; forUpdate?: boolean }): Promise<Enrolment | null> {
  const query = db.select().from(enrolments).where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.id, enrolmentId))).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The signed-in person's enrolments (newest first) in this organisation. */
export async function enrolmentsOfUser(db: Tx, { organizationId, userId }: Scope & { userId: string }) {
  return db
    .select({ enrolment: enrolments, cohort: cohorts, course: courses })
    .from(enrolments)
    .innerJoin(cohorts, and(eq(cohorts.organizationId, enrolments.organizationId), eq(cohorts.id, enrolments.cohortId)))
    .innerJoin(courses, and(eq(courses.organizationId, cohorts.organizationId), eq(courses.id, cohorts.courseId)))
    .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.userId, userId)))
    .orderBy(desc(enrolments.createdAt));
}

/** The cohorts this person mentors. */
export async function cohortsMentoredBy(db: Tx, { organizationId, userId }: Scope & { userId: string }) {
  return db
    .select({ cohort: cohorts, course: courses })
    .from(cohortMentors)
    .innerJoin(cohorts, and(eq(cohorts.organizationId, cohortMentors.organizationId), eq(cohorts.id, cohortMentors.cohortId)))
    .innerJoin(courses, and(eq(courses.organizationId, cohorts.organizationId), eq(courses.id, cohorts.courseId)))
    .where(and(eq(cohortMentors.organizationId, organizationId), eq(cohortMentors.userId, userId)))
    .orderBy(desc(cohorts.createdAt));
}

/** The cohort as coursePolicy sees it for this actor. */
export async function cohortResource(db: Tx, cohort: Pick<Cohort, 'organizationId' | 'id'>, actor: Actor | null): Promise<CourseResource> {
  const mentors = await db
    .select({ userId: cohortMentors.userId })
    .from(cohortMentors)
    .where(and(eq(cohortMentors.organizationId, cohort.organizationId), eq(cohortMentors.cohortId, cohort.id)));
  let actorEnrolled = false;
  if (actor) {
    const [row] = await db
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.organizationId, cohort.organizationId),
          eq(enrolments.cohortId, cohort.id),
          eq(enrolments.userId, actor.userId),
          inArray(enrolments.status, ['active', 'completed']),
        ),
      )
      .limit(1);
    actorEnrolled = row !== undefined;
  }
  return { organizationId: cohort.organizationId, mentorUserIds: mentors.map((m) => m.userId), actorEnrolled };
}

/** One enrolment as submissionPolicy sees it; `open` for the submission in question. */
export async function enrolmentResource(db: Tx, enrolment: Enrolment, submissionStatus: Submission['status'] | null = null): Promise<SubmissionResource> {
  const mentors = await db
    .select({ userId: cohortMentors.userId })
    .from(cohortMentors)
    .where(and(eq(cohortMentors.organizationId, enrolment.organizationId), eq(cohortMentors.cohortId, enrolment.cohortId)));
  return {
    organizationId: enrolment.organizationId,
    traineeUserId: enrolment.userId,
    mentorUserId: enrolment.mentorUserId,
    mentorUserIds: mentors.map((m) => m.userId),
    open: enrolment.status === 'active' && submissionStatus !== 'accepted',
  };
}

export async function findSubmission(db: Tx, { organizationId, enrolmentId, assignmentId, forUpdate = false }: Scope & { enrolmentId: string; assignmentId: string; forUpdate?: boolean }) {
  const query = db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organizationId, organizationId), eq(submissions.enrolmentId, enrolmentId), eq(submissions.assignmentId, assignmentId)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findSubmissionById(db: Tx, { organizationId, submissionId, forUpdate = false }: Scope & { submissionId: string; forUpdate?: boolean }) {
  const query = db.select().from(submissions).where(and(eq(submissions.organizationId, organizationId), eq(submissions.id, submissionId))).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listSubmissionsOfEnrolment(db: Tx, { organizationId, enrolmentId }: Scope & { enrolmentId: string }) {
  return db.select().from(submissions).where(and(eq(submissions.organizationId, organizationId), eq(submissions.enrolmentId, enrolmentId)));
}

/** Every version, newest first, each with the feedback given on it. */
export async function submissionHistory(db: Tx, { organizationId, submissionId }: Scope & { submissionId: string }) {
  const versions = await db
    .select()
    .from(submissionVersions)
    .where(and(eq(submissionVersions.organizationId, organizationId), eq(submissionVersions.submissionId, submissionId)))
    .orderBy(desc(submissionVersions.version));
  const feedback = await db
    .select({ feedback: submissionFeedback, mentorName: users.name })
    .from(submissionFeedback)
    .leftJoin(users, eq(users.id, submissionFeedback.mentorUserId))
    .where(and(eq(submissionFeedback.organizationId, organizationId), eq(submissionFeedback.submissionId, submissionId)));
  return versions.map((v) => ({ version: v, feedback: feedback.find((f) => f.feedback.version === v.version) ?? null }));
}

/** Meetings held in the practice group before now: scheduled, begun, at least one person present. */
export async function practiceMeetingsHeld(db: Tx, { organizationId, groupId, now }: Scope & { groupId: string | null; now: Date }): Promise<number> {
  if (!groupId) return 0;
  const held = db
    .selectDistinct({ id: meetings.id })
    .from(meetings)
    .innerJoin(attendance, and(eq(attendance.organizationId, meetings.organizationId), eq(attendance.meetingId, meetings.id)))
    .where(
      and(
        eq(meetings.organizationId, organizationId),
        eq(meetings.groupId, groupId),
        eq(meetings.status, 'scheduled'),
        lt(meetings.startsAt, now),
        inArray(attendance.status, ['present', 'late']),
      ),
    )
    .as('held');
  const [row] = await db.select({ n: count() }).from(held);
  return row?.n ?? 0;
}

/** Where a trainee stands: the sessions, the assignments with their due times, the practice meetings. */
export async function enrolmentProgress(db: Tx, enrolment: Enrolment, now: Date) {
  const { organizationId } = enrolment;
  const cohort = await findCohort(db, { organizationId, cohortId: enrolment.cohortId });
  if (!cohort) throw new Error('cohort missing');
  const course = await findCourse(db, { organizationId, courseId: cohort.courseId });
  if (!course) throw new Error('course missing');
  const sessions = await listCohortSessions(db, { organizationId, cohortId: cohort.id });
  const marks = await db
    .select()
    .from(trainingSessionAttendance)
    .where(and(eq(trainingSessionAttendance.organizationId, organizationId), eq(trainingSessionAttendance.enrolmentId, enrolment.id)));
  const assignments = await listAssignments(db, { organizationId, courseId: course.id });
  const own = await listSubmissionsOfEnrolment(db, { organizationId, enrolmentId: enrolment.id });
  const held = await practiceMeetingsHeld(db, { organizationId, groupId: enrolment.practiceGroupId, now });
  const sessionStart = new Map(sessions.map((s) => [s.session.id, s.cohortSession.startsAt]));
  const items = assignments.map(({ assignment, position }) => {
    const startsAt = sessionStart.get(assignment.sessionId) ?? null;
    return {
      assignment,
      position,
      dueAt: startsAt ? assignmentDueAt(startsAt, assignment.dueDaysAfter) : null,
      submission: own.find((s) => s.assignmentId === assignment.id) ?? null,
    };
  });
  const progress: Progress = evaluateProgress(
    course.completionRules,
    {
      sessions: sessions.map((s) => ({
        cohortSessionId: s.cohortSession.id,
        startsAt: s.cohortSession.startsAt,
        attendance: marks.find((m) => m.cohortSessionId === s.cohortSession.id)?.status ?? null,
      })),
      assignments: items.map((i) => ({ assignmentId: i.assignment.id, dueAt: i.dueAt, status: i.submission?.status ?? null })),
      practiceMeetingsHeld: held,
    },
    now,
  );
  return { cohort, course, sessions, marks, items, progress };
}

/** Submissions waiting for this mentor's feedback (their own trainees, or all in cohorts without assignment). */
export async function submissionsAwaitingMentor(db: Tx, { organizationId, userId }: Scope & { userId: string }) {
  return db
    .select({ submission: submissions, enrolment: enrolments, assignmentTitle: courseAssignments.title })
    .from(submissions)
    .innerJoin(enrolments, and(eq(enrolments.organizationId, submissions.organizationId), eq(enrolments.id, submissions.enrolmentId)))
    .innerJoin(cohortMentors, and(eq(cohortMentors.organizationId, enrolments.organizationId), eq(cohortMentors.cohortId, enrolments.cohortId), eq(cohortMentors.userId, userId)))
    .innerJoin(courseAssignments, and(eq(courseAssignments.organizationId, submissions.organizationId), eq(courseAssignments.id, submissions.assignmentId)))
    .where(
      and(
        eq(submissions.organizationId, organizationId),
        eq(submissions.status, 'submitted'),
        sql`(${enrolments.mentorUserId} IS NULL OR ${enrolments.mentorUserId} = ${userId})`,
      ),
    )
    .orderBy(asc(submissions.updatedAt));
}

/** Open applications to a cohort (the coordinator's queue). */
export async function listApplications(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }) {
  return db
    .select()
    .from(trainingApplications)
    .where(and(eq(trainingApplications.organizationId, organizationId), eq(trainingApplications.cohortId, cohortId)))
    .orderBy(asc(trainingApplications.createdAt));
}

export async function findApplication(db: Tx, { organizationId, applicationId, forUpdate = false }: Scope & { applicationId: string; forUpdate?: boolean }) {
  const query = db
    .select()
    .from(trainingApplications)
    .where(and(eq(trainingApplications.organizationId, organizationId), eq(trainingApplications.id, applicationId)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Cohorts of a course taking applications, with their first session. */
export async function openCohorts(db: Tx, { organizationId, courseId }: Scope & { courseId: string }) {
  const rows = await db
    .select({ cohort: cohorts, firstStartsAt: sql<Date | null>`min(${cohortSessions.startsAt})`.mapWith((v: string | null) => (v ? new Date(v) : null)) })
    .from(cohorts)
    .leftJoin(cohortSessions, and(eq(cohortSessions.organizationId, cohorts.organizationId), eq(cohortSessions.cohortId, cohorts.id)))
    .where(and(eq(cohorts.organizationId, organizationId), eq(cohorts.courseId, courseId), eq(cohorts.applicationsOpen, true), inArray(cohorts.status, ['planned', 'running'])))
    .groupBy(cohorts.organizationId, cohorts.id)
    .orderBy(asc(cohorts.createdAt));
  return rows;
}

export async function countTrainees(db: Tx, { organizationId, cohortId }: Scope & { cohortId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrolments)
    .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.cohortId, cohortId), inArray(enrolments.status, ['invited', 'active', 'completed'])));
  return row?.n ?? 0;
}

/** Mentoring meetings a trainee takes part in or a mentor holds, from now on. */
export async function upcomingMentoring(db: Tx, { organizationId, enrolmentId, mentorUserId, now }: Scope & { enrolmentId?: string; mentorUserId?: string; now: Date }) {
  const base = db
    .selectDistinct({ meeting: mentoringMeetings })
    .from(mentoringMeetings)
    .leftJoin(mentoringParticipants, and(eq(mentoringParticipants.organizationId, mentoringMeetings.organizationId), eq(mentoringParticipants.meetingId, mentoringMeetings.id)))
    .where(
      and(
        eq(mentoringMeetings.organizationId, organizationId),
        gte(mentoringMeetings.endsAt, now),
        enrolmentId ? eq(mentoringParticipants.enrolmentId, enrolmentId) : undefined,
        mentorUserId ? eq(mentoringMeetings.mentorUserId, mentorUserId) : undefined,
      ),
    )
    .orderBy(asc(mentoringMeetings.startsAt));
  return base;
}

export async function findMentoringMeeting(db: Tx, { organizationId, meetingId }: Scope & { meetingId: string }) {
  const [row] = await db.select().from(mentoringMeetings).where(and(eq(mentoringMeetings.organizationId, organizationId), eq(mentoringMeetings.id, meetingId))).limit(1);
  if (!row) return null;
  const participants = await db
    .select({ enrolmentId: mentoringParticipants.enrolmentId, userId: enrolments.userId })
    .from(mentoringParticipants)
    .innerJoin(enrolments, and(eq(enrolments.organizationId, mentoringParticipants.organizationId), eq(enrolments.id, mentoringParticipants.enrolmentId)))
    .where(and(eq(mentoringParticipants.organizationId, organizationId), eq(mentoringParticipants.meetingId, meetingId)));
  return { meeting: row, participants };
}

/**
 * The completion the certificates feature issues from (issue 15, point 6): null unless the
 * coordinator confirmed it. Dates are the cohort's first and last session.
 */
export async function trainingCompletion(db: Tx, { organizationId, enrolmentId }: Scope & { enrolmentId: string }) {
  const [row] = await db
    .select({ enrolment: enrolments, course: courses, cohort: cohorts, organizationName: organizations.name })
    .from(enrolments)
    .innerJoin(cohorts, and(eq(cohorts.organizationId, enrolments.organizationId), eq(cohorts.id, enrolments.cohortId)))
    .innerJoin(courses, and(eq(courses.organizationId, cohorts.organizationId), eq(courses.id, cohorts.courseId)))
    .innerJoin(organizations, eq(organizations.id, enrolments.organizationId))
    .where(and(eq(enrolments.organizationId, organizationId), eq(enrolments.id, enrolmentId), eq(enrolments.status, 'completed'), isNotNull(enrolments.completedAt)))
    .limit(1);
  if (!row || !row.enrolment.userId) return null;
  const [span] = await db
    .select({ first: sql<string | null>`min(${cohortSessions.startsAt})`, last: sql<string | null>`max(${cohortSessions.endsAt})` })
    .from(cohortSessions)
    .where(and(eq(cohortSessions.organizationId, organizationId), eq(cohortSessions.cohortId, row.cohort.id)));
  return {
    completed: true as const,
    enrolmentId: row.enrolment.id,
    organizationId,
    organizationName: row.organizationName,
    userId: row.enrolment.userId,
    name: row.enrolment.name,
    courseTitle: row.course.title,
    cohortName: row.cohort.name,
    startedAt: span?.first ? new Date(span.first) : null,
    endedAt: span?.last ? new Date(span.last) : null,
    completedAt: row.enrolment.completedAt!,
    confirmedBy: row.enrolment.completionConfirmedBy,
  };
}
