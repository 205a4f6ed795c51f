// The advice pages over HTTP: who sees what of a session (the notes never reach the person or
// another advisor; another organisation gets 404), staff reads are logged, availability typed the
// Finnish way, and bad input answers with a translated error and saves nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { adviceAvailability, adviceNotes, adviceSessions } from './advice.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
let sessionId: string;
let orgId: string;
let advisorId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  orgId = org.id;
  const advisor = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  advisorId = advisor.id;
  const person = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Aaltonen' });
  const people = {
    advisor,
    person,
    otherAdvisor: await createTestMember(db, { organizationId: org.id, role: 'facilitator' }),
    coordinator: await createTestMember(db, { organizationId: org.id, role: 'coordinator' }),
    otherEntrepreneur: await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' }),
    elsewhere: await createTestMember(db, { organizationId: other.id, role: 'coordinator' }),
  };
  for (const [k, u] of Object.entries(people)) cookies[k] = (await signIn(db, u.id)).cookie;
  const startsAt = new Date(Date.now() - 2 * 3600_000);
  const [row] = await db
    .insert(adviceSessions)
    .values({
      organizationId: org.id,
      advisorUserId: advisor.id,
      userId: person.id,
      topic: 'financing',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      mode: 'remote',
      onlineUrl: 'https://x.fi',
      status: 'booked',
      summary: 'Jaettu yhteenveto',
      summarySharedAt: new Date(),
    })
    .returning();
  sessionId = row!.id;
  await db.insert(adviceNotes).values({ organizationId: org.id, sessionId, authorUserId: advisor.id, text: 'SALAINEN-MUISTIINPANO' });
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who: string) => fetch(`${app.url}${path}`, { headers: { cookie: cookies[who]!, 'accept-language': 'fi' } });
const post = (path: string, who: string, body: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies[who]!, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
    body: params.toString(),
  });
};

describe('a session’s page', () => {
  it('shows the notes to their author and the coordinators only; the person sees the shared summary', async () => {
    const path = `/advice/sessions/${sessionId}`;
    const asAdvisor = await (await get(path, 'advisor')).text();
    expect(asAdvisor).toContain('SALAINEN-MUISTIINPANO');
    expect(asAdvisor).toContain('Aino Aaltonen');
    expect(await (await get(path, 'coordinator')).text()).toContain('SALAINEN-MUISTIINPANO');
    const asPerson = await get(path, 'person');
    expect(asPerson.status).toBe(200);
    const personHtml = await asPerson.text();
    expect(personHtml).not.toContain('SALAINEN-MUISTIINPANO');
    expect(personHtml).toContain('Jaettu yhteenveto');
    expect((await get(path, 'otherAdvisor')).status).toBe(403);
    expect((await get(path, 'otherEntrepreneur')).status).toBe(403);
    expect((await get(path, 'elsewhere')).status).toBe(404);
  });

  it('logs the coordinator’s read of the person’s session', async () => {
    await get(`/advice/sessions/${sessionId}`, 'coordinator');
    const rows = await app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read.advice.session'), eq(auditLog.targetId, sessionId)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses a note from another advisor and saves nothing', async () => {
    const res = await post(`/advice/sessions/${sessionId}`, 'otherAdvisor', { intent: 'note', text: 'ei saa' });
    expect(res.status).toBe(403);
    const notes = await app.database.db.select().from(adviceNotes).where(eq(adviceNotes.sessionId, sessionId));
    expect(notes).toHaveLength(1);
  });
});

describe('availability', () => {
  it('takes times typed the Finnish way, and answers a bad one with the field’s message', async () => {
    const ok = await post('/advice/availability', 'advisor', {
      intent: 'add-window',
      kind: 'weekly',
      weekday: '3',
      startTime: '9.00',
      endTime: '11.30',
      mode: 'on_site',
      place: 'Pori',
      topics: ['taxes', 'financing'],
    });
    expect(ok.status).toBe(302);
    const rows = await app.database.db.select().from(adviceAvailability).where(eq(adviceAvailability.advisorUserId, advisorId));
    expect(rows).toMatchObject([{ startTime: '09:00', endTime: '11:30', place: 'Pori', topics: ['taxes', 'financing'] }]);
    const bad = await post('/advice/availability', 'advisor', {
      intent: 'add-window',
      kind: 'weekly',
      weekday: '3',
      startTime: '25.00',
      endTime: '11.30',
      mode: 'remote',
      onlineUrl: 'javascript:alert(1)',
      topics: [],
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Kirjoita kellonaika muodossa 9.00.');
    expect((await app.database.db.select().from(adviceAvailability).where(eq(adviceAvailability.advisorUserId, advisorId))).length).toBe(1);
  });

  it('is not the entrepreneur’s page', async () => {
    expect((await get('/advice/availability', 'person')).status).toBe(403);
    expect(orgId).toBeTruthy();
  });
});
