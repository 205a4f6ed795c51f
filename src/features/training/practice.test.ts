// Issue 15, points 4, 7 and 8 against the real database: the mentor's meta view of a practice
// group (counts and averages through the disclosure layer, withheld for a small group, nothing
// of the group's confidential content), observation only while every member consented
// (withdrawable), members told their facilitator is in training; graduation to the facilitator
// role (audited, the practice group a normal group afterwards); drop-out with a reason; the
// anonymous course evaluation aggregated through the disclosure layer; the reporting counts.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { attendance } from '../meetings/meetings.schema.ts';
import { meetingFeedback } from '../outcomes/outcomes.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { steps } from '../steps/steps.schema.ts';
import { createCohort } from './create-cohort.ts';
import { createCourseFromTemplate } from './create-course.ts';
import { dropEnrolment } from './drop-enrolment.ts';
import { evaluationTargets, giveCourseEvaluation, releasedCourseEvaluation } from './evaluation.ts';
import { graduateTrainee } from './graduate.ts';
import { releasedTrainingCounts, trainingCounts } from './index.ts';
import { setObservationConsent } from './observation-consent.ts';
import { memberObservationView, practiceGroupView, practiceNoticeFor } from './practice-group.ts';
import { TrainingError } from './training.errors.ts';
import { findEnrolment, listCohortSessions } from './training.queries.ts';
import { enrolments, trainingFeedback, trainingFeedbackGivers, trainingSessionAttendance } from './training.schema.ts';

let database: TestDatabase;
let orgId: string;
let cohortId: string;
const a: Record<string, Actor> = {};
const trainees: Actor[] = [];
const members: Actor[] = [];
const enrolmentIds: string[] = [];
let groupId: string;
let smallGroupId: string;
let upcomingId: string;

const SESSION_STARTS = ['2026-10-06T14:00:00Z', '2026-10-13T14:00:00Z', '2026-10-20T14:00:00Z', '2026-10-27T15:00:00Z'].map((s) => new Date(s));
const NOW = new Date('2026-10-22T08:00:00Z');
const deps = () => ({ db: database.db });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  orgId = (await createTestOrganization(db)).id;
  const otherOrgId = (await createTestOrganization(db)).id;
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', orgId],
    ['mentor', 'facilitator', orgId],
    ['otherMentor', 'facilitator', orgId],
    ['otherCoordinator', 'coordinator', otherOrgId],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key.toLowerCase()}@practice.example.fi` });
    a[key] = await actorFor(db, user.id, org);
  }
  const { courseId } = await createCourseFromTemplate(a.coordinator!, deps(), { organizationId: orgId, slug: 'harjoitus-testi', published: true });
  ({ cohortId } = await createCohort(a.coordinator!, deps(), {
    organizationId: orgId,
    courseId,
    name: 'Syksy 2026',
    capacity: 15,
    mentorUserIds: [a.mentor!.userId, a.otherMentor!.userId],
    sessions: SESSION_STARTS.map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), onlineUrl: null })),
  }));
  for (let i = 0; i < 6; i++) {
    const user = await createTestMember(db, { organizationId: orgId, role: 'trainee', name: `Koulutettava ${i}`, email: `trainee${i}@practice.example.fi` });
    trainees.push(await actorFor(db, user.id, orgId));
    const [row] = await db
      .insert(enrolments)
      .values({ organizationId: orgId, cohortId, userId: user.id, email: `trainee${i}@practice.example.fi`, name: `Koulutettava ${i}`, mentorUserId: a.mentor!.userId, status: 'active' })
      .returning({ id: enrolments.id });
    enrolmentIds.push(row!.id);
  }
  for (let i = 0; i < 6; i++) {
    const user = await createTestMember(db, { organizationId: orgId, role: 'entrepreneur', name: `Yrittäjä ${i}`, email: `member${i}@practice.example.fi` });
    members.push(await actorFor(db, user.id, orgId));
  }
  // Trainee 0 leads a practice group of six; trainee 1 one of two.
  groupId = (await createTestGroup(db, { organizationId: orgId, name: 'Harjoitusryhmä', facilitatorIds: [trainees[0]!.userId], memberIds: members.map((m) => m.userId) })).id;
  smallGroupId = (await createTestGroup(db, { organizationId: orgId, name: 'Pieni ryhmä', facilitatorIds: [trainees[1]!.userId], memberIds: members.slice(0, 2).map((m) => m.userId) })).id;
  await db.update(enrolments).set({ practiceGroupId: groupId }).where(eq(enrolments.id, enrolmentIds[0]!));
  await db.update(enrolments).set({ practiceGroupId: smallGroupId }).where(eq(enrolments.id, enrolmentIds[1]!));
  for (const [gid, people] of [
    [groupId, members],
    [smallGroupId, members.slice(0, 2)],
  ] as const) {
    for (const day of ['2026-10-08T06:00:00Z', '2026-10-15T06:00:00Z']) {
      const meeting = await createTestMeeting(db, { organizationId: orgId, groupId: gid, startsAt: new Date(day) });
      await db.insert(attendance).values(people.map((m) => ({ organizationId: orgId, meetingId: meeting.id, userId: m.userId, status: 'present' as const })));
      await db.insert(meetingFeedback).values(people.map((_, i) => ({ organizationId: orgId, groupId: gid, meetingId: meeting.id, useful: 3 + (i % 3), safe: 4 + (i % 2), comment: `Yksittäinen vastaus ${i}` })));
    }
    await db.insert(steps).values(people.map((m, i) => ({ organizationId: orgId, groupId: gid, userId: m.userId, text: `Salainen askel ${i}`, status: i % 2 === 0 ? ('done' as const) : ('open' as const) })));
  }
  upcomingId = (await createTestMeeting(db, { organizationId: orgId, groupId, startsAt: new Date('2026-10-29T06:00:00Z') })).id;
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe('the practice group meta view (point 4)', () => {
  it('shows the mentor counts and averages through the disclosure layer, never an individual answer or text', async () => {
    const view = await practiceGroupView(database.db, a.mentor!, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }, 'fi', NOW);
    expect(view.meetingsHeld).toBe(2);
    expect(view.figures.attendance).toEqual({ total: 12, perMeeting: 6 });
    expect(view.figures.steps).toEqual({ set: 6, followedUp: 3 });
    expect(view.figures.feedback.useful).toBe(4);
    expect(view.figures.feedback.safe).toBe(4.5);
    const text = JSON.stringify(view);
    expect(text).not.toContain('Yksittäinen vastaus');
    expect(text).not.toContain('Salainen askel');
    for (const m of members) expect(text).not.toContain(m.userId);
    expect(view.upcoming).toEqual([{ id: upcomingId, startsAt: '2026-10-29T06:00:00.000Z', observable: false }]);
  });
  it('withholds the figures of a group too small to hide a person', async () => {
    const view = await practiceGroupView(database.db, a.mentor!, { organizationId: orgId, enrolmentId: enrolmentIds[1]! }, 'fi', NOW);
    expect(view.meetingsHeld).toBe(2);
    expect(view.figures.attendance).toBeNull();
    expect(view.figures.steps).toBeNull();
    expect(view.figures.feedback).toEqual({ useful: null, safe: null });
  });
  it('is closed to another mentor, the trainee, a member and another organisation', async () => {
    const read = (who: Actor) => practiceGroupView(database.db, who, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }, 'fi', NOW);
    await expect(read(a.otherMentor!)).rejects.toThrow(ForbiddenError);
    await expect(read(trainees[0]!)).rejects.toThrow(ForbiddenError);
    await expect(read(members[0]!)).rejects.toThrow(ForbiddenError);
    await expect(read(a.otherCoordinator!)).rejects.toThrow(NotFoundError);
  });
});

describe('observation with every member’s consent (point 4)', () => {
  const observable = async () => (await practiceGroupView(database.db, a.mentor!, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }, 'fi', NOW)).upcoming[0]!.observable;
  it('tells members their facilitator is in training', async () => {
    expect(await practiceNoticeFor(database.db, members[0]!, { organizationId: orgId, groupId })).toEqual({ facilitatorName: 'Koulutettava 0' });
    expect(await practiceNoticeFor(database.db, a.otherMentor!, { organizationId: orgId, groupId })).toBeNull();
    const view = await memberObservationView(database.db, members[0]!, { organizationId: orgId, groupId }, NOW);
    expect(view.meetings).toEqual([expect.objectContaining({ id: upcomingId, agreed: false })]);
  });
  it('allows the observation only once everyone agreed; one withdrawal closes it again', async () => {
    for (const m of members.slice(0, 5)) await setObservationConsent(m, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, NOW);
    expect(await observable()).toBe(false);
    await setObservationConsent(members[5]!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, NOW);
    expect(await observable()).toBe(true);
    expect((await memberObservationView(database.db, members[5]!, { organizationId: orgId, groupId }, NOW)).meetings[0]!.agreed).toBe(true);
    await setObservationConsent(members[2]!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: false }, NOW);
    expect(await observable()).toBe(false);
    const audit = await database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetId, upcomingId), eq(auditLog.actorUserId, members[2]!.userId)));
    expect(audit.map((r) => r.action).sort()).toEqual(['training.observation_consented', 'training.observation_withdrawn']);
  });
  it('is each member’s own: not the mentor’s, not another organisation’s, not for a past meeting', async () => {
    await expect(setObservationConsent(a.mentor!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, NOW)).rejects.toThrow(ForbiddenError);
    await expect(setObservationConsent(a.otherCoordinator!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, NOW)).rejects.toThrow(NotFoundError);
    await expect(setObservationConsent(members[0]!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, new Date('2026-10-30T00:00:00Z'))).rejects.toThrow(TrainingError);
  });
});

describe('course evaluation (point 8)', () => {
  it('takes one anonymous answer per trainee and begun session, and releases the aggregate from five answers', async () => {
    const sessions = await listCohortSessions(database.db, { organizationId: orgId, cohortId });
    const first = sessions[0]!.cohortSession.id;
    const last = sessions[3]!.cohortSession.id;
    const e0 = (await findEnrolment(database.db, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }))!;
    const targets = await evaluationTargets(database.db, e0, 'fi', NOW);
    expect(targets.sessions.map((s) => s.target)).toEqual(sessions.slice(0, 3).map((s) => s.cohortSession.id));
    expect(targets.course).toBeNull();
    await expect(giveCourseEvaluation(trainees[0]!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]!, form: { target: last, useful: 5, ready: 5 } }, NOW)).rejects.toThrow(TrainingError);
    // Not on another trainee's enrolment.
    await expect(giveCourseEvaluation(trainees[1]!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]!, form: { target: first, useful: 5, ready: 5 } }, NOW)).rejects.toThrow(NotFoundError);
    for (let i = 0; i < 4; i++) await giveCourseEvaluation(trainees[i]!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[i]!, form: { target: first, useful: 4, ready: 3 + (i % 2), comment: i === 0 ? 'Hyvä alku' : undefined } }, NOW);
    await expect(giveCourseEvaluation(trainees[0]!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]!, form: { target: first, useful: 1, ready: 1 } }, NOW)).rejects.toThrow(TrainingError);
    let summary = await releasedCourseEvaluation(a.mentor!, database.db, { organizationId: orgId, cohortId }, 'fi');
    expect(summary.find((r) => r.target === first)).toMatchObject({ n: null, useful: null, withheld: true, comments: [] });
    await giveCourseEvaluation(trainees[4]!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[4]!, form: { target: first, useful: 5, ready: 4 } }, NOW);
    summary = await releasedCourseEvaluation(a.coordinator!, database.db, { organizationId: orgId, cohortId }, 'fi');
    expect(summary.find((r) => r.target === first)).toMatchObject({ n: 5, useful: 4.2, ready: 3.6, withheld: false, comments: ['Hyvä alku'] });
    expect(summary.map((r) => r.target)).toEqual([...sessions.map((s) => s.cohortSession.id), 'course']);
    // The answers carry no person; who answered is kept apart.
    const stored = await database.db.select().from(trainingFeedback).where(eq(trainingFeedback.cohortId, cohortId));
    expect(Object.keys(stored[0]!).sort()).toEqual(['cohortId', 'comment', 'id', 'organizationId', 'ready', 'target', 'useful']);
    expect(await database.db.select().from(trainingFeedbackGivers).where(eq(trainingFeedbackGivers.target, first))).toHaveLength(5);
  });
  it('shows the aggregate to the coordinator and the mentors only', async () => {
    await expect(releasedCourseEvaluation(trainees[0]!, database.db, { organizationId: orgId, cohortId }, 'fi')).rejects.toThrow(ForbiddenError);
    await expect(releasedCourseEvaluation(a.otherCoordinator!, database.db, { organizationId: orgId, cohortId }, 'fi')).rejects.toThrow(NotFoundError);
    await expect(releasedCourseEvaluation(a.otherMentor!, database.db, { organizationId: orgId, cohortId }, 'fi')).resolves.toBeDefined();
  });
});

describe('drop-out (a reason recorded) and graduation (point 7)', () => {
  it('records a drop-out with its reason, by the coordinator only', async () => {
    await expect(dropEnrolment(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[5]!, reason: '  ' })).rejects.toThrow(TrainingError);
    await expect(dropEnrolment(a.mentor!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[5]!, reason: 'Muutti' })).rejects.toThrow(ForbiddenError);
    await dropEnrolment(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[5]!, reason: 'Siirtyi toiseen työhön.' });
    expect(await findEnrolment(database.db, { organizationId: orgId, enrolmentId: enrolmentIds[5]! })).toMatchObject({ status: 'dropped', droppedReason: 'Siirtyi toiseen työhön.' });
    await expect(dropEnrolment(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[5]!, reason: 'Uudelleen' })).rejects.toThrow(TrainingError);
  });
  it('offers the facilitator role only after completion; the coordinator confirms; the role change is audited', async () => {
    await expect(graduateTrainee(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]! })).rejects.toThrow(TrainingError);
    await database.db.update(enrolments).set({ status: 'completed', completedAt: new Date('2026-11-20T10:00:00Z'), completionConfirmedBy: a.coordinator!.userId }).where(eq(enrolments.id, enrolmentIds[0]!));
    await expect(graduateTrainee(a.mentor!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]! })).rejects.toThrow(ForbiddenError);
    await expect(graduateTrainee(a.otherCoordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]! })).rejects.toThrow(NotFoundError);
    expect(await graduateTrainee(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]! })).toEqual({ from: 'trainee', to: 'facilitator' });
    const [membership] = await database.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, trainees[0]!.userId)));
    expect(membership!.role).toBe('facilitator');
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'org.member_role_changed'), eq(auditLog.targetId, trainees[0]!.userId)));
    expect(audit[0]!.metadata).toEqual({ from: 'trainee', to: 'facilitator', enrolmentId: enrolmentIds[0]! });
    await expect(graduateTrainee(a.coordinator!, deps(), { organizationId: orgId, enrolmentId: enrolmentIds[0]! })).rejects.toThrow(TrainingError);
  });
  it('leaves the practice group a normal group: kept as history, no longer in training', async () => {
    expect((await findEnrolment(database.db, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }))!.practiceGroupId).toBe(groupId);
    expect(await practiceNoticeFor(database.db, members[0]!, { organizationId: orgId, groupId })).toBeNull();
    await expect(practiceGroupView(database.db, a.mentor!, { organizationId: orgId, enrolmentId: enrolmentIds[0]! }, 'fi', NOW)).rejects.toThrow(ForbiddenError);
    await expect(setObservationConsent(members[0]!, deps(), { organizationId: orgId, meetingId: upcomingId, agree: true }, NOW)).rejects.toThrow(NotFoundError);
  });
});

describe('counts for reporting (point 8)', () => {
  it('counts trainees started, completed and dropped, and the hours; the released version withholds small sets', async () => {
    const scope = { organizationId: orgId, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    const [first] = await listCohortSessions(database.db, { organizationId: orgId, cohortId });
    await database.db.insert(trainingSessionAttendance).values(enrolmentIds.slice(0, 5).map((enrolmentId, i) => ({ organizationId: orgId, enrolmentId, cohortSessionId: first!.cohortSession.id, status: i === 4 ? ('compensated' as const) : ('present' as const), compensation: i === 4 ? 'Tallenne' : null })));
    const counts = await trainingCounts(database.db, scope);
    expect(counts).toMatchObject({ started: 6, completed: 1, dropped: 1, sessionHours: 8, traineeHours: 10 });
    const released = await releasedTrainingCounts(database.db, scope);
    // The hours' five people differ from the six started by one: released, they would reveal that one (differencing).
    expect(released).toMatchObject({ started: 6, completed: null, dropped: null, sessionHours: 8, traineeHours: null });
    expect(released.reasons.completed).toBe('small');
    expect(released.reasons.traineeHours).not.toBeNull();
  });
});

describe('session and due-date reminders (as for meetings)', () => {
  it('reminds active trainees two days before a session and of an assignment not submitted, each once', async () => {
    const { createJobs } = await import('../../platform/jobs/jobs.ts');
    const { createLogger } = await import('../../platform/logger.ts');
    const { runTrainingReminders } = await import('./reminders.ts');
    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      const deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
      // The fourth session starts 27 Oct 17.00 Helsinki (after DST ends); 26 Oct 12.00 UTC is within 48 h.
      const at = new Date('2026-10-26T12:00:00Z');
      const first = await runTrainingReminders(deps, at);
      // Active trainees now: 1 to 4 (0 completed, 5 dropped).
      expect(first.sessions).toBe(4);
      expect(first.due).toBeGreaterThan(0);
      expect(await runTrainingReminders(deps, at)).toEqual({ sessions: 0, due: 0 });
      const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'trainingSessionReminder'`);
      expect(rows).toHaveLength(4);
    } finally {
      await jobs.stop();
    }
  });
});
