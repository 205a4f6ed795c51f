// The facilitator training over HTTP against the real app: the coordinator creates a course from the
// template and a cohort typed the Finnish way; the public page lists it and takes an application
// (honeypot, time check); the coordinator accepts it; the trainee submits, the mentor asks for a
// revision per criterion, the trainee revises, the mentor accepts; the session's .ics; the trainee's
// home shows the course; another trainee, another organisation and the signed-out get 403/404 —
// never 5xx; the coordinator confirms completion once the rules hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { issueFormToken } from '../intake/form-token.ts';
import { listAssignments, listRubric } from './training.queries.ts';
import { courses, enrolments } from './training.schema.ts';
import { eq } from 'drizzle-orm';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let orgId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  orgId = (await createTestOrganization(db)).id;
  const other = await createTestOrganization(db);
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', orgId],
    ['mentor', 'facilitator', orgId],
    ['trainee', 'trainee', orgId],
    ['otherTrainee', 'trainee', orgId],
    ['otherCoordinator', 'coordinator', other.id],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key.toLowerCase()}@training-routes.example.fi` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string | null, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, ...(who ? { cookie: cookies[who]! } : {}), 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
};

let courseId: string;
let cohortId: string;
let enrolmentId: string;
let submissionId: string;

describe('the coordinator sets up a course and a cohort', () => {
  it('creates a course from the template; only the coordinator', async () => {
    expect((await get('/organization/training', 'mentor')).status).toBe(403);
    expect((await get('/organization/training')).status).toBeGreaterThanOrEqual(300);
    expect((await post('/organization/training', 'coordinator', { titleFi: 'Ohjaajakoulutus', slug: 'Ei Kelpaa!', minPracticeMeetings: '2' })).status).toBe(400);
    const created = await post('/organization/training', 'coordinator', { titleFi: 'Ohjaajakoulutus', slug: 'koulutus-reitit', minPracticeMeetings: '1', published: 'on' });
    expect(created.status).toBe(302);
    courseId = created.headers.get('location')!.split('/').pop()!;
    const page = await (await get(`/organization/training/${courseId}`, 'coordinator')).text();
    expect(page).toContain('Dialogi, luottamuksellisuus ja tasavertaiset vuorot');
    expect((await get(`/organization/training/${courseId}`, 'otherCoordinator')).status).toBe(404);
    expect((await get('/organization/training/not-a-uuid', 'coordinator')).status).toBe(404);
  });

  it('runs a cohort with dates typed the Finnish way and its mentors', async () => {
    const fields: Record<string, string | string[]> = { intent: 'cohort', name: 'Kevät 2027', capacity: '15', mentorUserIds: [ids.mentor!] };
    for (const [i, date] of ['12.1.2027', '26.1.2027', '9.2.2027', '23.2.2027'].entries()) Object.assign(fields, { [`date-${i + 1}`]: date, [`start-${i + 1}`]: '17.00', [`end-${i + 1}`]: '19.00', [`url-${i + 1}`]: 'https://meet.example.fi/k' });
    expect((await post(`/organization/training/${courseId}`, 'coordinator', { ...fields, 'date-2': '31.2.2027' })).status).toBe(400);
    const created = await post(`/organization/training/${courseId}`, 'coordinator', fields);
    expect(created.status).toBe(302);
    cohortId = created.headers.get('location')!.split('/').pop()!;
    const page = await (await get(`/training/cohorts/${cohortId}`, 'coordinator')).text();
    expect(page).toContain('Kevät 2027');
    expect((await get(`/training/cohorts/${cohortId}`, 'mentor')).status).toBe(200);
    expect((await get(`/training/cohorts/${cohortId}`, 'trainee')).status).toBe(403);
    expect((await post(`/organization/training/${courseId}`, 'coordinator', { intent: 'material', kind: 'video', sessionId: 'x', title: 'V', url: 'https://video.example.fi/a' })).status).toBe(404);
  });
});

describe('the public page and the application', () => {
  it('lists the course and takes an application without an account', async () => {
    expect(await (await get('/training')).text()).toContain('/training/koulutus-reitit');
    const page = await (await get('/training/koulutus-reitit')).text();
    expect(page).toContain('Kevät 2027');
    expect((await get('/training/ei-ole')).status).toBe(404);
    const token = issueFormToken(app.services.config.sessionSecret, new Date(Date.now() - 10_000));
    const base = { formToken: token, cohortId, name: 'trainee Testinen', email: 'trainee@training-routes.example.fi', phone: '', background: 'Yritysneuvoja', motivation: 'Haluan ohjata', locale: 'fi' };
    expect((await post('/training/koulutus-reitit', null, base)).status).toBe(400);
    expect((await post('/training/koulutus-reitit', null, { ...base, consent: 'on', formToken: 'vanha' })).status).toBe(400);
    // The honeypot: as if accepted, nothing saved.
    expect((await post('/training/koulutus-reitit', null, { ...base, consent: 'on', website: 'spam' })).status).toBe(302);
    const applied = await post('/training/koulutus-reitit', null, { ...base, consent: 'on' });
    expect(applied.status).toBe(302);
    expect(applied.headers.get('location')).toBe('/training/koulutus-reitit?done=applied');
    const { rows } = await app.database.pool.query('SELECT id FROM training_applications WHERE cohort_id = $1', [cohortId]);
    expect(rows).toHaveLength(1);
    const accepted = await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'decide', applicationId: rows[0].id, decision: 'accept', mentorUserId: ids.mentor! });
    expect(accepted.status).toBe(302);
    const [e] = await app.database.db.select().from(enrolments).where(eq(enrolments.cohortId, cohortId));
    expect(e).toMatchObject({ userId: ids.trainee, status: 'active' });
    enrolmentId = e!.id;
  });
});

describe('submit, feedback, revise, accept, complete', () => {
  it('goes the whole way and keeps others out', async () => {
    const db = app.database.db;
    const assignments = await listAssignments(db, { organizationId: orgId, courseId });
    const rubric = await listRubric(db, { organizationId: orgId, courseId });
    const first = assignments[0]!.assignment.id;
    const home = await (await get('/home', 'trainee')).text();
    expect(home).toContain('Ohjaajakoulutukseni');
    expect(await (await get('/training/my', 'trainee')).text()).toContain('Työpeili-malli ja ohjaajan rooli');
    expect((await get(`/training/my/${enrolmentId}/assignments/${first}`, 'otherTrainee')).status).toBe(404);
    expect((await post(`/training/my/${enrolmentId}/assignments/${first}`, 'trainee', { body: '' })).status).toBe(400);
    const sent = await post(`/training/my/${enrolmentId}/assignments/${first}`, 'trainee', { body: 'Ensimmäinen versio' });
    expect(sent.status).toBe(302);
    const { rows } = await app.database.pool.query('SELECT id FROM submissions WHERE enrolment_id = $1', [enrolmentId]);
    submissionId = rows[0].id;
    expect((await get(`/training/submissions/${submissionId}`, 'otherTrainee')).status).toBe(403);
    expect((await get(`/training/submissions/${submissionId}`, 'otherCoordinator')).status).toBe(404);
    expect(await (await get('/training/mentor', 'mentor')).text()).toContain('trainee Testinen');
    const revision = await post(`/training/submissions/${submissionId}`, 'mentor', { decision: 'revision_requested', comment: '', [`criterion-${rubric[0]!.id}`]: 'Lisää esimerkki.' });
    expect(revision.status).toBe(302);
    expect((await post(`/training/submissions/${submissionId}`, 'otherTrainee', { decision: 'accepted', comment: '' })).status).toBe(403);
    expect(await (await get(`/training/my/${enrolmentId}/assignments/${first}`, 'trainee')).text()).toContain('Lisää esimerkki.');
    expect((await post(`/training/my/${enrolmentId}/assignments/${first}`, 'trainee', { body: 'Toinen versio esimerkillä' })).status).toBe(302);
    // Accept everything else too: submit each remaining assignment, the mentor accepts.
    for (const { assignment } of assignments) {
      if (assignment.id !== first) {
        const levels = Object.fromEntries(rubric.map((c) => [`level-${c.id}`, '2']));
        expect((await post(`/training/my/${enrolmentId}/assignments/${assignment.id}`, 'trainee', { body: 'Valmis', ...levels })).status).toBe(302);
      }
    }
    const all = await app.database.pool.query("SELECT id FROM submissions WHERE enrolment_id = $1 AND status = 'submitted'", [enrolmentId]);
    for (const r of all.rows) expect((await post(`/training/submissions/${r.id}`, 'mentor', { decision: 'accepted', comment: 'Hyvä' })).status).toBe(302);
    const history = await (await get(`/training/submissions/${submissionId}`, 'trainee')).text();
    expect(history).toContain('Versio 2');
    expect(history).toContain('Versio 1');
    // Attendance (the mentor), the session's .ics.
    const sessions = await app.database.pool.query('SELECT id FROM cohort_sessions WHERE cohort_id = $1', [cohortId]);
    const ics = await get(`/training/sessions/${sessions.rows[0].id}/calendar.ics`, 'trainee');
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    expect((await get(`/training/sessions/${sessions.rows[0].id}/calendar.ics`, 'otherTrainee')).status).toBe(403);
    for (const s of sessions.rows) {
      expect((await post(`/training/cohorts/${cohortId}`, 'mentor', { intent: 'attendance', enrolmentId, cohortSessionId: s.id, status: 'present', compensation: '' })).status).toBe(302);
    }
    expect((await post(`/training/cohorts/${cohortId}`, 'mentor', { intent: 'attendance', enrolmentId, cohortSessionId: sessions.rows[0].id, status: 'compensated', compensation: '' })).status).toBe(400);
    // One practice meeting is required: not held yet, so completion is refused.
    expect((await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'complete', enrolmentId })).status).toBe(409);
    await db.update(courses).set({ completionRules: { minSessions: null, allAssignmentsAccepted: true, minPracticeMeetings: 0 } }).where(eq(courses.id, courseId));
    expect((await post(`/training/cohorts/${cohortId}`, 'mentor', { intent: 'complete', enrolmentId })).status).toBe(403);
    expect((await post(`/training/cohorts/${cohortId}`, 'coordinator', { intent: 'complete', enrolmentId })).status).toBe(302);
    const [done] = await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
    expect(done!.status).toBe('completed');
    expect(done!.completedAt).not.toBeNull();
    expect(await (await get('/home', 'trainee')).text()).toContain('Koulutus suoritettu');
  });
});
