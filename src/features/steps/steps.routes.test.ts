// /steps: a member adds a step of their own with a due date typed the Finnish way (issue 11,
// point 6: "1.12.2026" like the meeting form); a date that is no date is a field error and saves nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { steps } from './steps.schema.ts';

let app: TestApp;
let cookie: string;
let groupId: string;
let userId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  groupId = (await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: [member.id] })).id;
  userId = member.id;
  cookie = (await signIn(db, member.id)).cookie;
});
afterAll(async () => {
  await app?.close();
});

function addStep(text: string, dueOn: string) {
  return fetch(`${app.url}/steps`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
    body: new URLSearchParams({ intent: 'add-step', text, groupId, dueOn }).toString(),
  });
}

const saved = (text: string) =>
  app.database.db
    .select({ dueOn: steps.dueOn })
    .from(steps)
    .where(and(eq(steps.userId, userId), eq(steps.text, text)));

describe('/steps: the due date', () => {
  it('takes 1.12.2026 and ISO alike', async () => {
    expect((await addStep('Soitan pankkiin', '1.12.2026')).status).toBe(302);
    expect(await saved('Soitan pankkiin')).toEqual([{ dueOn: '2026-12-01' }]);
    expect((await addStep('Päivitän nettisivut', '2027-01-15')).status).toBe(302);
    expect(await saved('Päivitän nettisivut')).toEqual([{ dueOn: '2027-01-15' }]);
  });

  it('answers a date that is no date with the field’s message and saves nothing', async () => {
    const res = await addStep('Teen budjetin', '31.11.2026');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Anna päivämäärä.');
    expect(await saved('Teen budjetin')).toEqual([]);
  });

  it('shows the field as text with a Finnish example, not a browser date picker', async () => {
    const html = await (await fetch(`${app.url}/steps`, { headers: { cookie, 'accept-language': 'fi' } })).text();
    expect(html).toMatch(/<input[^>]*type="text"[^>]*id="dueOn"|<input[^>]*id="dueOn"[^>]*type="text"/);
    expect(html).toContain('Esimerkiksi 1.12.2026.');
  });
});
