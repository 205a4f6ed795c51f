// What the training's pages show, already authorised and in the reader's language: the
// trainee's own course, a submission with its versions and feedback, a cohort for its
// coordinator or mentor, and the trainee's and mentor's home sections. Serialisable values only.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, can, coursePolicy, submissionPolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { GRADUATING_ROLES } from './graduate.ts';
import { localized } from './template.ts';
import {
  cohortResource,
  cohortsMentoredBy,
  enrolmentProgress,
  enrolmentResource,
  enrolmentsOfUser,
  findAssignment,
  findCohort,
  findCourse,
  findEnrolment,
  findSubmissionById,
  listApplications,
  listCohortSessions,
  listEnrolments,
  listMaterials,
  listMentors,
  listRubric,
  submissionHistory,
  submissionsAwaitingMentor,
  upcomingMentoring,
  type Enrolment,
} from './training.queries.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The rubric in the reader's language. */
async function rubricView(db: Tx, organizationId: string, courseId: string, locale: string) {
  return (await listRubric(db, { organizationId, courseId })).map((c) => ({ id: c.id, title: localized(c.title, locale), levels: c.levels.map((l) => localized(l, locale)) }));
}

/** The trainee's course page: sessions with materials and assignments, progress, mentoring. */
export async function traineeCourseView(db: Tx, actor: Actor, enrolment: Enrolment, locale: string, now: Date) {
  const resource = await enrolmentResource(db, enrolment);
  authorize(actor, resource, submissionPolicy.read);
  const { cohort, course, sessions, marks, items, progress } = await enrolmentProgress(db, enrolment, now);
  const materials = await listMaterials(db, { organizationId: enrolment.organizationId, courseId: course.id });
  const mentors = await listMentors(db, { organizationId: enrolment.organizationId, cohortId: cohort.id });
  const mentoring = await upcomingMentoring(db, { organizationId: enrolment.organizationId, enrolmentId: enrolment.id, now });
  return {
    enrolment: { id: enrolment.id, status: enrolment.status, completedAt: iso(enrolment.completedAt) },
    course: { title: localized(course.title, locale), description: localized(course.description, locale) },
    cohort: { id: cohort.id, name: cohort.name },
    mentors: mentors.filter((m) => !enrolment.mentorUserId || m.userId === enrolment.mentorUserId).map((m) => m.name),
    sessions: sessions.map((s) => ({
      cohortSessionId: s.cohortSession.id,
      position: s.session.position,
      title: localized(s.session.title, locale),
      description: localized(s.session.description, locale),
      startsAt: s.cohortSession.startsAt.toISOString(),
      endsAt: s.cohortSession.endsAt.toISOString(),
      onlineUrl: s.cohortSession.onlineUrl,
      attendance: marks.find((m) => m.cohortSessionId === s.cohortSession.id)?.status ?? null,
      materials: materials
        .filter((m) => m.material.sessionId === s.session.id)
        .map(({ material: m }) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, url: m.url, fileName: m.fileName })),
      assignments: items
        .filter((i) => i.assignment.sessionId === s.session.id)
        .map((i) => ({
          id: i.assignment.id,
          kind: i.assignment.kind,
          title: localized(i.assignment.title, locale),
          dueAt: iso(i.dueAt),
          status: i.submission?.status ?? null,
          submissionId: i.submission?.id ?? null,
        })),
    })),
    progress,
    mentoring: mentoring.map(({ meeting: m }) => ({ id: m.id, startsAt: m.startsAt.toISOString(), topic: m.topic, onlineUrl: m.onlineUrl })),
  };
}

/** An assignment for its trainee: instructions, the rubric (self-assessment), the history so far. */
export async function assignmentView(db: Tx, actor: Actor, enrolment: Enrolment, assignmentId: string, locale: string, now: Date) {
  const found = await findAssignment(db, { organizationId: enrolment.organizationId, assignmentId });
  const cohort = await findCohort(db, { organizationId: enrolment.organizationId, cohortId: enrolment.cohortId });
  if (!found || !cohort || found.courseId !== cohort.courseId) throw new NotFoundError();
  const { items } = await enrolmentProgress(db, enrolment, now);
  const item = items.find((i) => i.assignment.id === assignmentId)!;
  const resource = await enrolmentResource(db, enrolment, item.submission?.status ?? null);
  authorize(actor, resource, submissionPolicy.read);
  const history = item.submission ? await submissionHistory(db, { organizationId: enrolment.organizationId, submissionId: item.submission.id }) : [];
  const rubric = await rubricView(db, enrolment.organizationId, cohort.courseId, locale);
  return {
    assignment: {
      id: found.assignment.id,
      kind: found.assignment.kind,
      title: localized(found.assignment.title, locale),
      instructions: localized(found.assignment.instructions, locale),
      dueAt: iso(item.dueAt),
    },
    status: item.submission?.status ?? null,
    submissionId: item.submission?.id ?? null,
    canSubmit: submissionPolicy.submit(actor, resource) && (item.submission === null || item.submission.status === 'revision_requested'),
    rubric,
    history: historyView(history),
  };
}

function historyView(history: Awaited<ReturnType<typeof submissionHistory>>) {
  return history.map(({ version: v, feedback }) => ({
    version: v.version,
    body: v.body,
    levels: v.levels,
    submittedAt: v.submittedAt.toISOString(),
    late: v.late,
    feedback: feedback
      ? { decision: feedback.feedback.decision, comment: feedback.feedback.comment, criteria: feedback.feedback.criteria, mentorName: feedback.mentorName ?? '', createdAt: feedback.feedback.createdAt.toISOString() }
      : null,
  }));
}

/** One submission for its trainee, their mentor or a coordinator; `can.giveFeedback` for the mentor's form. */
export async function submissionView(db: Tx, actor: Actor, { organizationId, submissionId }: { organizationId: string; submissionId: string }, locale: string) {
  const submission = await findSubmissionById(db, { organizationId, submissionId });
  if (!submission) throw new NotFoundError();
  const enrolment = await findEnrolment(db, { organizationId, enrolmentId: submission.enrolmentId });
  if (!enrolment) throw new NotFoundError();
  const resource = await enrolmentResource(db, enrolment, submission.status);
  authorize(actor, resource, submissionPolicy.read);
  const found = await findAssignment(db, { organizationId, assignmentId: submission.assignmentId });
  if (!found) throw new NotFoundError();
  const history = await submissionHistory(db, { organizationId, submissionId });
  return {
    submission: { id: submission.id, status: submission.status, latestVersion: submission.latestVersion },
    trainee: { name: enrolment.name, enrolmentId: enrolment.id, cohortId: enrolment.cohortId, isSelf: enrolment.userId === actor.userId },
    assignment: { id: found.assignment.id, kind: found.assignment.kind, title: localized(found.assignment.title, locale), instructions: localized(found.assignment.instructions, locale) },
    rubric: await rubricView(db, organizationId, found.courseId, locale),
    history: historyView(history),
    can: { giveFeedback: submissionPolicy.giveFeedback(actor, resource) && submission.status === 'submitted' },
  };
}

/** A cohort for its coordinator or mentor: sessions, mentors, applications, trainees with progress. */
export async function cohortView(db: Tx, actor: Actor, { organizationId, cohortId }: { organizationId: string; cohortId: string }, locale: string, now: Date) {
  const cohort = await findCohort(db, { organizationId, cohortId });
  if (!cohort) throw new NotFoundError();
  const resource = await cohortResource(db, cohort, actor);
  authorize(actor, resource, coursePolicy.listTrainees);
  const allowed = can(coursePolicy, actor, resource);
  const course = (await findCourse(db, { organizationId, courseId: cohort.courseId }))!;
  const sessions = await listCohortSessions(db, { organizationId, cohortId });
  const mentors = await listMentors(db, { organizationId, cohortId });
  const everyone = await listEnrolments(db, { organizationId, cohortId });
  // A mentor sees their own trainees (or every trainee when none is assigned); the coordinator all.
  const visible = everyone.filter((e) => allowed.manage || e.mentorUserId === null || e.mentorUserId === actor.userId);
  // Graduation (issue 15, point 7): a completed trainee whose role is below facilitator is offered the role.
  const userIds = visible.flatMap((e) => (e.userId ? [e.userId] : []));
  const roles = allowed.graduate && userIds.length
    ? await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, userIds)))
    : [];
  const trainees = [];
  for (const e of visible) {
    const { progress, marks } = await enrolmentProgress(db, e, now);
    trainees.push({
      id: e.id,
      name: e.name,
      email: allowed.manage ? e.email : null,
      status: e.status,
      mentor: mentors.find((m) => m.userId === e.mentorUserId)?.name ?? null,
      completedAt: iso(e.completedAt),
      practiceGroupId: e.practiceGroupId,
      droppedReason: allowed.manage ? e.droppedReason : null,
      graduation: e.status === 'completed' && roles.some((r) => r.userId === e.userId && GRADUATING_ROLES.includes(r.role)),
      progress,
      attendance: Object.fromEntries(marks.map((m) => [m.cohortSessionId, m.status])),
    });
  }
  const applications = allowed.manage ? await listApplications(db, { organizationId, cohortId }) : [];
  const mentoring = allowed.mentor ? await upcomingMentoring(db, { organizationId, mentorUserId: actor.userId, now }) : [];
  return {
    cohort: { id: cohort.id, name: cohort.name, status: cohort.status, capacity: cohort.capacity, applicationsOpen: cohort.applicationsOpen, courseId: course.id },
    course: { title: localized(course.title, locale), slug: course.slug, rules: course.completionRules },
    sessions: sessions.map((s) => ({ id: s.cohortSession.id, position: s.session.position, title: localized(s.session.title, locale), startsAt: s.cohortSession.startsAt.toISOString(), onlineUrl: s.cohortSession.onlineUrl })),
    mentors: mentors.map((m) => ({ userId: m.userId, name: m.name })),
    trainees,
    applications: applications.map((a) => ({ id: a.id, name: a.name, email: a.email, background: a.background, motivation: a.motivation, status: a.status, createdAt: a.createdAt.toISOString() })),
    mentoring: mentoring.filter(({ meeting }) => meeting.cohortId === cohortId).map(({ meeting: m }) => ({ id: m.id, startsAt: m.startsAt.toISOString(), topic: m.topic })),
    can: allowed,
  };
}

/** The trainee's home section: my course, the next session, assignments due, feedback waiting to be read. */
export async function traineeHome(db: Tx, actor: Actor, { organizationId, now, locale }: { organizationId: string; now: Date; locale: string }) {
  const rows = await enrolmentsOfUser(db, { organizationId, userId: actor.userId });
  const current = rows.find((r) => r.enrolment.status === 'active') ?? rows.find((r) => r.enrolment.status === 'completed');
  if (!current) return null;
  const { sessions, items, progress } = await enrolmentProgress(db, current.enrolment, now);
  const next = sessions.find((s) => s.cohortSession.endsAt.getTime() > now.getTime());
  return {
    course: localized(current.course.title, locale),
    cohort: current.cohort.name,
    status: current.enrolment.status,
    completedAt: iso(current.enrolment.completedAt),
    nextSession: next ? { id: next.cohortSession.id, title: localized(next.session.title, locale), startsAt: next.cohortSession.startsAt.toISOString(), onlineUrl: next.cohortSession.onlineUrl } : null,
    due: items
      .filter((i) => i.submission === null || i.submission.status === 'revision_requested')
      .slice(0, 5)
      .map((i) => ({ id: i.assignment.id, title: localized(i.assignment.title, locale), dueAt: iso(i.dueAt), revision: i.submission?.status === 'revision_requested', enrolmentId: current.enrolment.id })),
    feedbackWaiting: items.filter((i) => i.submission?.status === 'revision_requested').length,
    progress,
  };
}

/** The mentor's home section and page: cohorts mentored, submissions waiting for feedback. */
export async function mentorHome(db: Tx, actor: Actor, { organizationId, locale }: { organizationId: string; locale: string }) {
  const cohorts = await cohortsMentoredBy(db, { organizationId, userId: actor.userId });
  if (cohorts.length === 0) return null;
  const waiting = await submissionsAwaitingMentor(db, { organizationId, userId: actor.userId });
  return {
    cohorts: cohorts.map((c) => ({ id: c.cohort.id, name: c.cohort.name, course: localized(c.course.title, locale), status: c.cohort.status })),
    waiting: waiting.map((w) => ({ submissionId: w.submission.id, trainee: w.enrolment.name, assignment: localized(w.assignmentTitle, locale), version: w.submission.latestVersion, updatedAt: w.submission.updatedAt.toISOString() })),
  };
}
