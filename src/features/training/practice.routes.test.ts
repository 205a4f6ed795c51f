// Issue 15, points 4, 7 and 8 over HTTP against the real app: the mentor's practice group page (a
// summary, 403 to the trainee, 404 to another organisation and to a bad id); a member's
// observation page and consent (the mentor refused); the trainee's evaluation form (validated,
// another person's enrolment 404); the cohort page's drop-out (a reason required) and graduation
// (refused before completion) — never 5xx.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createCohort } from './create-cohort.ts';
import { createCourseFromTemplate } from './create-course.ts';
import { listCohortSessions } from './training.queries.ts';
import { enrolments } from './training.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let cohortId: string;
let enrolmentId: string;
let groupId: string;
let meetingId: string;
let firstSessionId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgId = (await createTestOrganization(db)).id;
  const other = await createTestOrganization(db);
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', orgId],
    ['mentor', 'facilitator', orgId],
    ['trainee', 'trainee', orgId],
    ['member', 'entrepreneur', orgId],
    ['otherCoordinator', 'coordinator', other.id],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key.toLowerCase()}@practice-routes.example.fi` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const coordinator = await actorFor(db, ids.coordinator!, orgId);
  const { courseId } = await createCourseFromTemplate(coordinator, app.services, { organizationId: orgId, slug: 'harjoitus-reitit' });
  const start = Date.now() - 86_400_000;
  ({ cohortId } = await createCohort(coordinator, app.services, {
    organizationId: orgId,
    courseId,
    name: 'Syksy',
    capacity: 15,
    mentorUserIds: [ids.mentor!],
    sessions: [0, 1, 2, 3].map((i) => ({ startsAt: new Date(start + i * 14 * 86_400_000), endsAt: new Date(start + i * 14 * 86_400_000 + 7_200_000), onlineUrl: null })),
  }));
  firstSessionId = (await listCohortSessions(db, { organizationId: orgId, cohortId }))[0]!.cohortSession.id;
  groupId = (await createTestGroup(db, { organizationId: orgId, facilitatorIds: [ids.trainee!], memberIds: [ids.member!] })).id;
  const [row] = await db
    .insert(enrolments)
    .values({ organizationId: orgId, cohortId, userId: ids.trainee!, email: 'trainee@practice-routes.example.fi', name: 'trainee Testinen', mentorUserId: ids.mentor!, practiceGroupId: groupId, status: 'active' })
    .returning({ id: enrolments.id });
  enrolmentId = row!.id;
  meetingId = (await createTestMeeting(db, { organizationId: orgId, groupId, startsAt: new Date(Date.now() + 3 * 86_400_000) })).id;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string, fields: Record<string, string>) =>
  fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, cookie: cookies[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('the practice group pages', () => {
  it('shows the mentor the summary; refuses the trainee, another organisation and bad ids', async () => {
    const page = await get(`/training/practice/${enrolmentId}`, 'mentor');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('vain yhteenvetotiedot');
    expect((await get(`/training/practice/${enrolmentId}`, 'trainee')).status).toBe(403);
    expect((await get(`/training/practice/${enrolmentId}`, 'otherCoordinator')).status).toBe(404);
    expect((await get('/training/practice/not-a-uuid', 'mentor')).status).toBe(404);
  });
  it('tells the member on the group page, and takes and withdraws the consent', async () => {
    expect(await (await get(`/groups/${groupId}`, 'member')).text()).toContain('on mukana Työpeili-ohjaajakoulutuksessa');
    expect((await get(`/training/observation/${groupId}`, 'member')).status).toBe(200);
    expect((await get(`/training/observation/${groupId}`, 'mentor')).status).toBe(403);
    expect((await post(`/training/observation/${groupId}`, 'member', { intent: 'agree', meetingId })).status).toBe(302);
    expect(await (await get(`/training/practice/${enrolmentId}`, 'mentor')).text()).toContain('havainnointi sovittu');
    expect((await post(`/training/observation/${groupId}`, 'member', { intent: 'withdraw', meetingId })).status).toBe(302);
    expect((await post(`/training/observation/${groupId}`, 'mentor', { intent: 'agree', meetingId })).status).toBe(403);
    expect((await post(`/training/observation/${groupId}`, 'member', { intent: 'maybe', meetingId })).status).toBe(400);
    expect((await post(`/training/observation/${groupId}`, 'member', { intent: 'agree', meetingId: 'x' })).status).toBe(404);
  });
});

describe('the evaluation form and the cohort page', () => {
  it('validates the evaluation and takes one answer', async () => {
    expect((await get(`/training/my/${enrolmentId}/evaluation`, 'trainee')).status).toBe(200);
    expect((await get(`/training/my/${enrolmentId}/evaluation`, 'member')).status).toBe(404);
    expect((await post(`/training/my/${enrolmentId}/evaluation`, 'trainee', { target: firstSessionId, useful: '9', ready: '3' })).status).toBe(400);
    expect((await post(`/training/my/${enrolmentId}/evaluation`, 'trainee', { target: firstSessionId, useful: '4', ready: '3' })).status).toBe(302);
    expect((await post(`/training/my/${enrolmentId}/evaluation`, 'trainee', { target: firstSessionId, useful: '4', ready: '3' })).status).toBe(409);
  });
  it('requires a reason to drop out and refuses graduation before completion', async () => {
    expect((await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'drop', enrolmentId, reason: '' })).status).toBe(400);
    expect((await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'graduate', enrolmentId })).status).toBe(409);
    expect((await post(`/training/cohorts/${cohortId}`, 'mentor', { intent: 'drop', enrolmentId, reason: 'Muutti' })).status).toBe(403);
    expect((await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'drop', enrolmentId, reason: 'Siirtyi toiseen työhön' })).status).toBe(302);
    const [row] = await app.database.db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    expect(row).toMatchObject({ status: 'dropped', droppedReason: 'Siirtyi toiseen työhön' });
  });
});
