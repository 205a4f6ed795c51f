// The facilitator training against the real database: a course from the template (4 sessions,
// assignments, rubric), a cohort with dated sessions and mentors; a public application accepted
// (an existing member is enrolled at once, anyone else invited as a trainee and enrolled when they
// accept); submissions with every version kept, late marked; feedback per criterion by the
// trainee's own mentor only, revision and acceptance mailed in the trainee's language; attendance
// and compensation; a mentoring meeting with ICS; completion only when the rules hold; and
// a trainee never reads another's submissions. Another organisation gets 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtVerify, createLocalJWKSet } from 'jose';
import { loadConfig } from '../../platform/config.ts';
import { openBadgeProblems, publicJwks } from '../certificates/open-badge.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { users } from '../accounts/accounts.schema.ts';
import { attendance } from '../meetings/meetings.schema.ts';
import { acceptInvitation } from '../organizations/accept-invitation.ts';
import { exportRows } from '../privacy/registry-rows.ts';
import { applyToCohort } from './apply.ts';
import { confirmCompletion } from './confirm-completion.ts';
import { createCohort } from './create-cohort.ts';
import { createCourseFromTemplate } from './create-course.ts';
import { decideApplication } from './decide-application.ts';
import { giveFeedback } from './give-feedback.ts';
import { recordSessionAttendance } from './record-attendance.ts';
import { scheduleMentoring } from './schedule-mentoring.ts';
import { setPracticeGroup } from './set-practice-group.ts';
import { submitAssignment } from './submit-assignment.ts';
import { TrainingError } from './training.errors.ts';
import type { TrainingDeps } from './training.deps.ts';
import { enrolmentProgress, findEnrolment, listAssignments, listCohortSessions, listCourseSessions, listRubric, submissionHistory, trainingCompletion } from './training.queries.ts';
import { enrolments } from './training.schema.ts';
import { submissionView, traineeHome } from './views.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: TrainingDeps;
let orgId: string;
let otherOrgId: string;
const a: Record<string, Actor> = {};
let courseId: string;
let cohortId: string;

type Mail = { to: string; locale: string; template: string; values: Record<string, string | number>; calendar?: { content: string } };
async function mailsTo(to: string, template: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = $2 ORDER BY created_on, id`, [to, template]);
  return rows.map((r) => r.data as Mail);
}

// Sessions on Tuesdays at 17.00 Helsinki time from 6 Oct 2026 (the last one after DST ends 25 Oct)
const SESSION_STARTS = ['2026-10-06T14:00:00Z', '2026-10-13T14:00:00Z', '2026-10-20T14:00:00Z', '2026-10-27T15:00:00Z'].map((s) => new Date(s));
const NOW = new Date('2026-09-01T08:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: loadConfig({ NODE_ENV: 'test', APP_URL: 'https://tyopeili.example' }) };
  const db = database.db;
  orgId = (await createTestOrganization(db)).id;
  otherOrgId = (await createTestOrganization(db)).id;
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', orgId],
    ['mentor', 'facilitator', orgId],
    ['otherMentor', 'facilitator', orgId],
    ['memberTrainee', 'trainee', orgId],
    ['entrepreneur', 'entrepreneur', orgId],
    ['otherCoordinator', 'coordinator', otherOrgId],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key.toLowerCase()}@training.example.fi` });
    a[key] = await actorFor(db, user.id, org);
  }
  await db.update(users).set({ locale: 'sv' }).where(eq(users.id, a.memberTrainee!.userId));
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

describe('a course from the template and a cohort', () => {
  it('gives the course four sessions with assignments and the rubric in three languages; only a coordinator may', async () => {
    await expect(createCourseFromTemplate(a.mentor!, deps, { organizationId: orgId, slug: 'kurssi' })).rejects.toThrow(ForbiddenError);
    await expect(createCourseFromTemplate(a.otherCoordinator!, deps, { organizationId: orgId, slug: 'kurssi' })).rejects.toThrow(NotFoundError);
    ({ courseId } = await createCourseFromTemplate(a.coordinator!, deps, { organizationId: orgId, slug: 'ohjaajakoulutus-testi', published: true }));
    const sessions = await listCourseSessions(database.db, { organizationId: orgId, courseId });
    expect(sessions.map((s) => s.title.fi)).toEqual([
      'Työpeili-malli ja ohjaajan rooli',
      'Dialogi, luottamuksellisuus ja tasavertaiset vuorot',
      'Pienet askeleet ja seuranta',
      'Muutoksen mittaaminen ja ryhmän päättäminen',
    ]);
    expect(sessions.every((s) => s.title.sv && s.title.en)).toBe(true);
    const assignments = await listAssignments(database.db, { organizationId: orgId, courseId });
    expect(assignments.map((x) => x.assignment.kind)).toEqual(['reflection', 'plan', 'reflection', 'self_assessment']);
    expect((await listRubric(database.db, { organizationId: orgId, courseId })).length).toBe(5);
    await expect(createCourseFromTemplate(a.coordinator!, deps, { organizationId: orgId, slug: 'ohjaajakoulutus-testi' })).rejects.toThrow(TrainingError);
  });

  it('runs it as a cohort with a date per session and mentors who are facilitators or coordinators', async () => {
    const sessions = SESSION_STARTS.map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), onlineUrl: 'https://meet.example.fi/koulutus' }));
    await expect(createCohort(a.coordinator!, deps, { organizationId: orgId, courseId, name: 'Syksy', capacity: 2, mentorUserIds: [a.entrepreneur!.userId], sessions })).rejects.toThrow(TrainingError);
    await expect(createCohort(a.coordinator!, deps, { organizationId: orgId, courseId, name: 'Syksy', capacity: 2, mentorUserIds: [a.mentor!.userId], sessions: sessions.slice(1) })).rejects.toThrow(TrainingError);
    ({ cohortId } = await createCohort(a.coordinator!, deps, { organizationId: orgId, courseId, name: 'Syksy 2026', capacity: 2, mentorUserIds: [a.mentor!.userId, a.otherMentor!.userId], sessions }));
    expect((await listCohortSessions(database.db, { organizationId: orgId, cohortId })).length).toBe(4);
  });
});

let memberEnrolmentId: string;
let invitedEnrolmentId: string;
let invitationToken: string;

describe('applications', () => {
  it('are taken without an account and confirmed in the applicant’s language', async () => {
    const { applicationId } = await applyToCohort(deps, { organizationId: orgId, cohortId, name: 'Sanna Sjöberg', email: 'membertrainee@training.example.fi', phone: null, background: 'Yritysneuvoja', motivation: 'Haluan ohjata', locale: 'sv' }, NOW);
    const mails = await mailsTo('membertrainee@training.example.fi', 'trainingApplicationReceived');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe('sv');
    // A member already: enrolled at once, active, with the mentor chosen.
    const accepted = await decideApplication(a.coordinator!, deps, { organizationId: orgId, applicationId, decision: 'accept', mentorUserId: a.mentor!.userId }, NOW);
    memberEnrolmentId = accepted.enrolmentId!;
    const enrolment = await findEnrolment(database.db, { organizationId: orgId, enrolmentId: memberEnrolmentId });
    expect(enrolment).toMatchObject({ status: 'active', userId: a.memberTrainee!.userId, mentorUserId: a.mentor!.userId });
    expect(await mailsTo('membertrainee@training.example.fi', 'trainingAccepted')).toHaveLength(1);
    await expect(decideApplication(a.coordinator!, deps, { organizationId: orgId, applicationId, decision: 'accept' }, NOW)).rejects.toThrow(TrainingError);
  });

  it('invites anyone else as a trainee; accepting the invitation makes the enrolment theirs', async () => {
    const { applicationId } = await applyToCohort(deps, { organizationId: orgId, cohortId, name: 'Olli Uusi', email: 'olli.uusi@example.fi', phone: null, background: '', motivation: '', locale: 'fi' }, NOW);
    await expect(decideApplication(a.mentor!, deps, { organizationId: orgId, applicationId, decision: 'accept' }, NOW)).rejects.toThrow(ForbiddenError);
    const accepted = await decideApplication(a.coordinator!, deps, { organizationId: orgId, applicationId, decision: 'accept' }, NOW);
    invitedEnrolmentId = accepted.enrolmentId!;
    invitationToken = accepted.invitationToken!;
    expect((await findEnrolment(database.db, { organizationId: orgId, enrolmentId: invitedEnrolmentId }))).toMatchObject({ status: 'invited', userId: null });
    expect(await mailsTo('olli.uusi@example.fi', 'invitation')).toHaveLength(1);
    expect(await mailsTo('olli.uusi@example.fi', 'trainingAcceptedInvite')).toHaveLength(1);
    const joined = await acceptInvitation(null, deps, { token: invitationToken, newAccount: { name: 'Olli Uusi', password: 'pitkä salasana 2026', locale: 'fi' } }, { now: NOW });
    expect(joined.role).toBe('trainee');
    expect(await findEnrolment(database.db, { organizationId: orgId, enrolmentId: invitedEnrolmentId })).toMatchObject({ status: 'active', userId: joined.userId });
    a.invitedTrainee = await actorFor(database.db, joined.userId, orgId);
  });

  it('stops at the capacity, and declining tells the applicant', async () => {
    const { applicationId } = await applyToCohort(deps, { organizationId: orgId, cohortId, name: 'Kolmas Hakija', email: 'kolmas@example.fi', phone: null, background: '', motivation: '', locale: 'en' }, NOW);
    await expect(decideApplication(a.coordinator!, deps, { organizationId: orgId, applicationId, decision: 'accept' }, NOW)).rejects.toThrow(TrainingError);
    await decideApplication(a.coordinator!, deps, { organizationId: orgId, applicationId, decision: 'decline', message: 'Ryhmä täyttyi.' }, NOW);
    const [mail] = await mailsTo('kolmas@example.fi', 'trainingApplicationDeclined');
    expect(mail!.locale).toBe('en');
    expect(mail!.values.message).toBe('Ryhmä täyttyi.');
  });
});

describe('submissions, feedback and revisions', () => {
  let reflectionId: string;
  let selfAssessmentId: string;
  let submissionId: string;

  it('keeps every version, marks a late one, and tells the trainee’s own mentor', async () => {
    const assignments = await listAssignments(database.db, { organizationId: orgId, courseId });
    reflectionId = assignments[0]!.assignment.id;
    selfAssessmentId = assignments[3]!.assignment.id;
    // Due 13 Oct 23.59.59 Helsinki summer time = 20.59.59 UTC; submitted a minute after: late.
    const first = await submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: reflectionId, body: 'Vahvuuteni on kuunteleminen.' }, new Date('2026-10-13T21:00:30Z'));
    expect(first).toMatchObject({ version: 1, late: true });
    submissionId = first.submissionId;
    expect(await mailsTo('mentor@training.example.fi', 'trainingSubmitted')).toHaveLength(1);
    expect(await mailsTo('othermentor@training.example.fi', 'trainingSubmitted')).toHaveLength(0);
    // Waiting for feedback: no second version yet.
    await expect(submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: reflectionId, body: 'Toinen' })).rejects.toThrow(TrainingError);
    // Another trainee cannot submit on this enrolment.
    await expect(submitAssignment(a.invitedTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: reflectionId, body: 'x' })).rejects.toThrow(ForbiddenError);
  });

  it('takes feedback per criterion from the trainee’s mentor only; a revision request is mailed in the trainee’s language', async () => {
    const rubric = await listRubric(database.db, { organizationId: orgId, courseId });
    await expect(giveFeedback(a.otherMentor!, deps, { organizationId: orgId, submissionId, decision: 'accepted', comment: '', criteria: {} })).rejects.toThrow(ForbiddenError);
    await expect(giveFeedback(a.mentor!, deps, { organizationId: orgId, submissionId, decision: 'revision_requested', comment: '', criteria: {} })).rejects.toThrow(TrainingError);
    await giveFeedback(a.mentor!, deps, { organizationId: orgId, submissionId, decision: 'revision_requested', comment: 'Hyvä alku.', criteria: { [rubric[0]!.id]: 'Kerro esimerkki dialogista.', 'not-a-criterion': 'ohitetaan' } }, NOW);
    const [mail] = await mailsTo('membertrainee@training.example.fi', 'trainingRevisionRequested');
    expect(mail!.locale).toBe('sv');
    expect(mail!.values.assignment).toBe('Reflektion: jag som handledare');
    const second = await submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: reflectionId, body: 'Esimerkki: annoin jokaiselle vuoron.' }, new Date('2026-10-15T10:00:00Z'));
    expect(second.version).toBe(2);
    await giveFeedback(a.mentor!, deps, { organizationId: orgId, submissionId, decision: 'accepted', comment: 'Hienoa.', criteria: {} }, NOW);
    const history = await submissionHistory(database.db, { organizationId: orgId, submissionId });
    expect(history.map((h) => [h.version.version, h.version.late, h.feedback?.feedback.decision])).toEqual([
      [2, true, 'accepted'],
      [1, true, 'revision_requested'],
    ]);
    expect(history[1]!.feedback!.feedback.criteria).toEqual({ [rubric[0]!.id]: 'Kerro esimerkki dialogista.' });
    expect(await mailsTo('membertrainee@training.example.fi', 'trainingSubmissionAccepted')).toHaveLength(1);
    // Accepted: closed for the trainee and the mentor.
    await expect(submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: reflectionId, body: 'Kolmas' })).rejects.toThrow(ForbiddenError);
  });

  it('asks a level for every criterion in a self-assessment', async () => {
    const rubric = await listRubric(database.db, { organizationId: orgId, courseId });
    await expect(submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: selfAssessmentId, body: 'Arvio', levels: { [rubric[0]!.id]: 2 } })).rejects.toThrow(TrainingError);
    const levels = Object.fromEntries(rubric.map((c) => [c.id, 2]));
    const ok = await submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: selfAssessmentId, body: 'Arvio', levels }, new Date('2026-10-30T10:00:00Z'));
    expect(ok.late).toBe(false);
  });

  it('lets no other trainee read the submission or its feedback; the coordinator may', async () => {
    await expect(submissionView(database.db, a.invitedTrainee!, { organizationId: orgId, submissionId }, 'fi')).rejects.toThrow(ForbiddenError);
    await expect(submissionView(database.db, a.otherMentor!, { organizationId: orgId, submissionId }, 'fi')).rejects.toThrow(ForbiddenError);
    await expect(submissionView(database.db, a.otherCoordinator!, { organizationId: orgId, submissionId }, 'fi')).rejects.toThrow(NotFoundError);
    const own = await submissionView(database.db, a.memberTrainee!, { organizationId: orgId, submissionId }, 'sv');
    expect(own.history).toHaveLength(2);
    expect((await submissionView(database.db, a.coordinator!, { organizationId: orgId, submissionId }, 'fi')).can.giveFeedback).toBe(false);
  });
});

describe('attendance, mentoring, practice group and completion', () => {
  it('records attendance by a mentor; a compensation needs what replaced the session', async () => {
    const sessions = await listCohortSessions(database.db, { organizationId: orgId, cohortId });
    await expect(recordSessionAttendance(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, cohortSessionId: sessions[0]!.cohortSession.id, status: 'present', compensation: '' })).rejects.toThrow(ForbiddenError);
    await expect(recordSessionAttendance(a.mentor!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, cohortSessionId: sessions[1]!.cohortSession.id, status: 'compensated', compensation: ' ' })).rejects.toThrow(TrainingError);
    for (const [i, s] of sessions.entries()) {
      await recordSessionAttendance(a.mentor!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, cohortSessionId: s.cohortSession.id, status: i === 1 ? 'compensated' : 'present', compensation: i === 1 ? 'Kirjallinen tehtävä' : '' });
    }
  });

  it('schedules a mentoring meeting with an .ics for each trainee', async () => {
    const startsAt = new Date('2026-10-22T12:00:00Z');
    await scheduleMentoring(a.mentor!, deps, { organizationId: orgId, cohortId, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), onlineUrl: 'https://meet.example.fi/mentori', topic: 'Harjoitusryhmän aloitus', enrolmentIds: [memberEnrolmentId] }, NOW);
    const [mail] = await mailsTo('membertrainee@training.example.fi', 'trainingMentoringScheduled');
    expect(mail!.locale).toBe('sv');
    expect(mail!.calendar!.content).toContain('BEGIN:VEVENT');
    expect(mail!.calendar!.content).toContain('TZID=Europe/Helsinki');
    await expect(scheduleMentoring(a.entrepreneur!, deps, { organizationId: orgId, cohortId, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), onlineUrl: null, topic: '', enrolmentIds: [memberEnrolmentId] })).rejects.toThrow(ForbiddenError);
  });

  it('counts the practice group’s held meetings and confirms completion only when every rule holds', async () => {
    const now = new Date('2026-12-15T10:00:00Z');
    await expect(confirmCompletion(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId }, now)).rejects.toThrow(TrainingError);
    const group = await createTestGroup(database.db, { organizationId: orgId, name: 'Harjoitusryhmä Pori', facilitatorIds: [a.memberTrainee!.userId], memberIds: [a.entrepreneur!.userId] });
    const other = await createTestGroup(database.db, { organizationId: orgId, name: 'Muu ryhmä', facilitatorIds: [a.mentor!.userId] });
    await expect(setPracticeGroup(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, groupId: other.id })).rejects.toThrow(TrainingError);
    await setPracticeGroup(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, groupId: group.id });
    for (const day of ['2026-10-10', '2026-11-07', '2026-12-05']) {
      const meeting = await createTestMeeting(database.db, { organizationId: orgId, groupId: group.id, startsAt: new Date(`${day}T10:00:00Z`) });
      await database.db.insert(attendance).values({ organizationId: orgId, meetingId: meeting.id, userId: a.entrepreneur!.userId, status: 'present' });
    }
    // An upcoming meeting does not count.
    await createTestMeeting(database.db, { organizationId: orgId, groupId: group.id, startsAt: new Date('2027-01-09T10:00:00Z') });
    const enrolment = (await findEnrolment(database.db, { organizationId: orgId, enrolmentId: memberEnrolmentId }))!;
    let { progress } = await enrolmentProgress(database.db, enrolment, now);
    expect(progress.practiceMeetingsHeld).toBe(3);
    expect(progress.met).toEqual({ sessions: true, assignments: false, practice: true });
    // Accept the rest of the assignments.
    const assignments = await listAssignments(database.db, { organizationId: orgId, courseId });
    for (const { assignment } of assignments) {
      if (assignment.kind === 'self_assessment' || assignment.id === assignments[0]!.assignment.id) continue;
      await submitAssignment(a.memberTrainee!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId, assignmentId: assignment.id, body: 'Valmis' });
    }
    const { rows } = await database.pool.query(`SELECT id FROM submissions WHERE organization_id = $1 AND enrolment_id = $2 AND status = 'submitted'`, [orgId, memberEnrolmentId]);
    for (const r of rows) await giveFeedback(a.mentor!, deps, { organizationId: orgId, submissionId: r.id, decision: 'accepted', comment: 'Hyvä', criteria: {} });
    ({ progress } = await enrolmentProgress(database.db, enrolment, now));
    expect(progress.complete).toBe(true);
    expect(await trainingCompletion(database.db, { organizationId: orgId, enrolmentId: memberEnrolmentId })).toBeNull();
    await expect(confirmCompletion(a.mentor!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId }, now)).rejects.toThrow(ForbiddenError);
    await confirmCompletion(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId }, now);
    const completion = await trainingCompletion(database.db, { organizationId: orgId, enrolmentId: memberEnrolmentId });
    expect(completion).toMatchObject({ completed: true, userId: a.memberTrainee!.userId, cohortName: 'Syksy 2026', completedAt: now, startedAt: SESSION_STARTS[0] });
    expect(completion!.courseTitle.sv).toBe('Utbildning för Työpeili-handledare');
    expect(await mailsTo('membertrainee@training.example.fi', 'trainingCompleted')).toHaveLength(1);
    // The confirmation issued the certificate in the same transaction: the course in three
    // languages, the cohort's dates, an Open Badges credential that verifies with the issuer's key.
    const { rows: issued } = await database.pool.query(
      `SELECT holder_user_id, achievement_kind, title_sv, started_on::text AS started_on, credential_jwt, source_type, source_id FROM certificates WHERE organization_id = $1`,
      [orgId],
    );
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ holder_user_id: a.memberTrainee!.userId, achievement_kind: 'facilitator-training', source_type: 'course-enrolment', source_id: memberEnrolmentId });
    expect(issued[0].title_sv).toBe('Utbildning för Työpeili-handledare');
    const { payload } = await jwtVerify(issued[0].credential_jwt, createLocalJWKSet(await publicJwks(deps.config.credentialSigningKey, deps.config.appUrl)), { currentDate: now });
    expect(openBadgeProblems(payload)).toEqual([]);
    await expect(confirmCompletion(a.coordinator!, deps, { organizationId: orgId, enrolmentId: memberEnrolmentId }, now)).rejects.toThrow(TrainingError);
  });

  it('shows the trainee’s home: the course, what is due, feedback waiting', async () => {
    const home = await traineeHome(database.db, a.invitedTrainee!, { organizationId: orgId, now: new Date('2026-10-07T10:00:00Z'), locale: 'fi' });
    expect(home).toMatchObject({ cohort: 'Syksy 2026', status: 'active', feedbackWaiting: 0 });
    expect(home!.nextSession!.startsAt).toBe(SESSION_STARTS[1]!.toISOString());
    expect(home!.due).toHaveLength(4);
    expect(await traineeHome(database.db, a.entrepreneur!, { organizationId: orgId, now: NOW, locale: 'fi' })).toBeNull();
  });
});

describe('the trainee’s data', () => {
  it('exports their enrolment, every version and the feedback on it', async () => {
    const rows = await exportRows(database.db, { userId: a.memberTrainee!.userId, email: 'membertrainee@training.example.fi' });
    expect(rows.get('enrolments')).toHaveLength(1);
    expect(rows.get('training_applications')).toHaveLength(1);
    expect(rows.get('submission_versions')!.length).toBeGreaterThanOrEqual(5);
    expect(rows.get('submission_feedback')!.length).toBeGreaterThanOrEqual(4);
    expect(rows.get('training_session_attendance')).toHaveLength(4);
    // Not another trainee's.
    const others = await exportRows(database.db, { userId: a.invitedTrainee!.userId, email: 'olli.uusi@example.fi' });
    expect(others.get('submission_versions') ?? []).toHaveLength(0);
    const [enrolment] = await database.db.select().from(enrolments).where(and(eq(enrolments.organizationId, orgId), eq(enrolments.id, invitedEnrolmentId)));
    expect(enrolment!.status).toBe('active');
  });
});
