// /organization/dashboard over HTTP against the real app: the coordinator and the organisation's admin
// see the tables (captions, links to the figures' sources); facilitators, funders and entrepreneurs get
// 403, the signed out go to sign-in; own dates typed the Finnish way, errors linked; the home links here.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../accounts/accounts.schema.ts';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
let groupId = '';

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const a = await createTestOrganization(db);
  for (const role of ['coordinator', 'admin', 'facilitator', 'funder', 'entrepreneur'] as const) {
    const user = await createTestMember(db, { organizationId: a.id, role });
    cookies[role] = (await signIn(db, user.id)).cookie;
  }
  for (const locale of ['sv', 'en'] as const) {
    const user = await createTestMember(db, { organizationId: a.id, role: 'coordinator' });
    await db.update(users).set({ locale }).where(eq(users.id, user.id));
    cookies[locale] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: a.id, name: 'Porin Työpeili' });
  groupId = group.id;
  await createTestMeeting(db, { organizationId: a.id, groupId, startsAt: new Date('2026-03-10T15:00:00Z') });
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });

describe('/organization/dashboard', () => {
  it('shows the coordinator and the admin the tables, each figure linked', async () => {
    for (const who of ['coordinator', 'admin']) {
      const res = await get('/organization/dashboard?period=custom&from=1.1.2026&to=30.6.2026', who);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Organisaation tilannekuva');
      expect(html).toContain('<caption id="dashboard-groups-caption">Ryhmät</caption>');
      expect(html).toContain('<caption id="dashboard-by-group-caption">Tapaamiset ryhmittäin</caption>');
      expect(html).toContain(`href="/groups/${groupId}/attendance"`);
      expect(html).toContain('href="/groups?status=active"');
      expect(html).toContain('href="/evaluation?period=2026-H1&amp;instrument=who-5&amp;comparison=latest"');
      expect(html).toContain('href="/organization/experts?from=2026-01-01&amp;to=2026-06-30#hours-title"');
      expect(html).toContain('Ajanjakso 1.1.2026–30.6.2026');
      expect(html).toContain('value="1.1.2026"');
    }
  });

  it('refuses facilitators, funders and entrepreneurs; sends the signed out to sign in', async () => {
    for (const who of ['facilitator', 'funder', 'entrepreneur']) expect((await get('/organization/dashboard', who)).status).toBe(403);
    const res = await get('/organization/dashboard');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('links the errors of own dates and shows the current half-year instead', async () => {
    const res = await get('/organization/dashboard?period=custom&from=31.2.2026&to=1.1.2026', 'coordinator');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="#from"');
    expect(html).toContain('Anna alkupäivä muodossa pp.kk.vvvv');
    expect(html).toContain('value="31.2.2026"');
    expect(html).toContain('Näytetään tämä puolivuotiskausi.');
  });

  it('speaks Swedish and English', async () => {
    const [sv, en] = await Promise.all([get('/organization/dashboard', 'sv'), get('/organization/dashboard', 'en')]);
    expect([sv.status, en.status]).toEqual([200, 200]);
    expect(await sv.text()).toContain('Organisationens lägesbild');
    expect(await en.text()).toContain('Organisation dashboard');
  });

  it('the coordinator’s home summarises the half-year and links here; the navigation too', async () => {
    const html = await (await get('/home', 'coordinator')).text();
    expect(html).toContain('Tilannekuva: tämä puolivuotiskausi');
    expect(html).toContain('href="/organization/dashboard"');
    const facilitatorHome = await (await get('/home', 'facilitator')).text();
    expect(facilitatorHome).not.toContain('href="/organization/dashboard"');
  });
});
