// Programmes over HTTP against the real app: the coordinator creates a programme (Finnish dates,
// errors as 400), sets its targets and links groups; the pages answer 403/404 to those who may not
// (facilitator, funder, another organisation, bad ids) and never 5xx; a member of the linked
// group sees "Ohjelman aloitustiedot" on the home and group page, fills it in, and it is gone;
// the participants page is the coordinator's only and names the member; the funder's home lists
// the programme without anyone's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let programmeId: string;
let groupId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Porin seudun yrityspalvelut' });
  const other = await createTestOrganization(db);
  for (const [key, role, orgId] of [
    ['coordinator', 'coordinator', org.id],
    ['facilitator', 'facilitator', org.id],
    ['member', 'entrepreneur', org.id],
    ['funder', 'funder', org.id],
    ['otherCoordinator', 'coordinator', other.id],
  ] as const) {
    const user = await createTestMember(db, { organizationId: orgId, role, name: `${key} Testinen`, email: `${key}@programmes-routes.example.fi` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  groupId = (await createTestGroup(db, { organizationId: org.id, name: 'Porin iltaryhmä', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] })).id;
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(app.url + path, { method: 'POST', redirect: 'manual', headers: { origin: app.url, cookie: cookies[who]!, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
};

describe('the coordinator’s pages', () => {
  it('creates a programme; a bad form is a 400 with its errors', async () => {
    const bad = await post('/organization/programmes/new', 'coordinator', { name: '', indicatorSet: 'esf2014', startsOn: '31.2.2017', endsOn: '1.1.2017', soleTraderRule: 'participant' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Anna ohjelman nimi.');
    const created = await post('/organization/programmes/new', 'coordinator', {
      name: 'Työpeili – vertaisryhmät yksinyrittäjille',
      funder: 'Euroopan sosiaalirahasto (ESR)',
      indicatorSet: 'esf2014',
      projectCode: 'S21888',
      startsOn: '1.9.2017',
      endsOn: '31.12.2030',
      soleTraderRule: 'participant',
      asksSpecialCategories: 'on',
    });
    expect(created.status).toBe(302);
    programmeId = created.headers.get('location')!.split('/')[3]!.split('?')[0]!;
    const page = await (await get(`/organization/programmes/${programmeId}`, 'coordinator')).text();
    expect(page).toContain('S21888');
    expect(await (await get('/organization/programmes', 'coordinator')).text()).toContain('Työpeili – vertaisryhmät yksinyrittäjille');
  });

  it('sets targets (whole numbers only) and links the group', async () => {
    expect((await post(`/organization/programmes/${programmeId}/targets`, 'coordinator', { 'target-CO_TOTAL': 'kahdeksan' })).status).toBe(400);
    expect((await post(`/organization/programmes/${programmeId}/targets`, 'coordinator', { 'target-CO_TOTAL': '86', 'target-CO23': '30' })).status).toBe(302);
    const page = await (await get(`/organization/programmes/${programmeId}`, 'coordinator')).text();
    expect(page).toContain('CO23');
    expect(page).toMatch(/86/);
    expect(await (await get(`/organization/programmes/${programmeId}/activities`, 'coordinator')).text()).toContain('Porin iltaryhmä');
    expect((await post(`/organization/programmes/${programmeId}/activities`, 'coordinator', { groupIds: [groupId] })).status).toBe(302);
    expect((await post(`/organization/programmes/${programmeId}/activities`, 'coordinator', { groupIds: ['not-a-uuid'] })).status).toBe(400);
  });

  it('grants the funder from the programme page', async () => {
    expect((await post(`/organization/programmes/${programmeId}`, 'coordinator', { kind: 'funder', intent: 'grant', userId: ids.funder! })).status).toBe(302);
    const home = await (await get('/home', 'funder')).text();
    expect(home).toContain('Rahoittamasi ohjelmat');
    expect(home).toContain('Työpeili – vertaisryhmät yksinyrittäjille');
    expect(home).not.toContain('member Testinen');
  });

  it('answers 403 or 404 to those who may not, never 5xx', async () => {
    for (const path of ['/organization/programmes', `/organization/programmes/${programmeId}/targets`, `/organization/programmes/${programmeId}/participants`, `/organization/programmes/${programmeId}/edit`]) {
      expect((await get(path, 'facilitator')).status, path).toBe(403);
    }
    expect((await get(`/organization/programmes/${programmeId}`, 'funder')).status).toBe(200);
    expect((await get(`/organization/programmes/${programmeId}/participants`, 'funder')).status).toBe(403);
    expect((await get(`/organization/programmes/${programmeId}`, 'otherCoordinator')).status).toBe(404);
    expect((await get(`/organization/programmes/${programmeId}/participants`, 'otherCoordinator')).status).toBe(404);
    expect((await post(`/organization/programmes/${programmeId}/targets`, 'otherCoordinator', { 'target-CO23': '1' })).status).toBe(404);
    expect((await get('/organization/programmes/not-an-id', 'coordinator')).status).toBe(404);
    expect((await get(`/programmes/${programmeId}/start`, 'facilitator')).status).toBe(403);
    expect((await get('/programmes/zzz/start', 'member')).status).toBe(404);
    expect((await get(`/programmes/${programmeId}/start`)).status).toBeGreaterThanOrEqual(300);
  });
});

describe('the participant’s start data', () => {
  it('shows the form on the home and the group page until it is filled', async () => {
    expect(await (await get('/home', 'member')).text()).toContain('Täytä ohjelman aloitustiedot');
    expect(await (await get(`/groups/${groupId}`, 'member')).text()).toContain(`/programmes/${programmeId}/start`);
    const form = await (await get(`/programmes/${programmeId}/start`, 'member')).text();
    expect(form).toContain('Ohjelman aloitustiedot');
    expect(form).toContain('Miksi kysymme');
    expect(form).toContain('Onko sinulla vamma'); // the programme asks the special items
    const both = await post(`/programmes/${programmeId}/start`, 'member', { birthDate: '1.1.1960', ageBand: '55_plus' });
    expect(both.status).toBe(400);
    const saved = await post(`/programmes/${programmeId}/start`, 'member', { gender: 'woman', employmentStatus: 'employed', ageBand: '55_plus', education: '', disability: 'prefer_not' });
    expect(saved.status).toBe(302);
    expect(await (await get('/home', 'member')).text()).not.toContain('Täytä ohjelman aloitustiedot');
    expect(await (await get(`/groups/${groupId}`, 'member')).text()).not.toContain(`/programmes/${programmeId}/start`);
  });

  it('is listed for the coordinator only, and the reading is logged', async () => {
    const page = await (await get(`/organization/programmes/${programmeId}/participants`, 'coordinator')).text();
    expect(page).toContain('member Testinen');
    expect(page).toContain('En halua kertoa');
    const { rows } = await app.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read.programmes.participants' AND target_id = $1`, [programmeId]);
    expect(rows[0].n).toBe(1);
  });
});
