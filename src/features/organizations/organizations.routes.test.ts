// The organisation pages and API over HTTP against the real app: the policy holds
// at every surface, another organisation's ids answer 404, a member without the
// right gets 403, and invitation links answer 404/410 and change nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, addMembership, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { users } from '../accounts/accounts.schema.ts';
import { inviteMember } from './invite-member.ts';
import { findMembership } from './organizations.queries.ts';
import { invitations } from './organizations.schema.ts';
import { revokeInvitation } from './revoke-invitation.ts';

let app: TestApp;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
const cookies: Record<string, string> = {};
const people: Record<string, { id: string; email: string; name: string }> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  orgA = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  orgB = await createTestOrganization(db, { name: 'Porin Kehitysyhtiö' });
  const roster = [
    ['coordinatorA', orgA.id, 'coordinator'],
    ['facilitatorA', orgA.id, 'facilitator'],
    ['entrepreneurA', orgA.id, 'entrepreneur'],
    ['expertA', orgA.id, 'expert'],
    ['traineeA', orgA.id, 'trainee'],
    ['funderA', orgA.id, 'funder'],
    ['coordinatorB', orgB.id, 'coordinator'],
    ['memberB', orgB.id, 'entrepreneur'],
    ['admin', orgB.id, 'admin'],
  ] as const;
  for (const [key, organizationId, role] of roster) {
    people[key] = await createTestMember(db, { organizationId, role, name: `${key} Testinen` });
    cookies[key] = (await signIn(db, people[key]!.id)).cookie;
  }
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}

function post(path: string, who: string | undefined, fields: Record<string, string>) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: cookies[who]! } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('/organization/members', () => {
  it('shows the coordinator the members and pending invitations of their organisation', async () => {
    await inviteMember(await actorFor(app.database.db, people.coordinatorA!.id), app.services, { organizationId: orgA.id, email: 'odottava@example.fi', role: 'expert' });
    const res = await get('/organization/members', 'coordinatorA');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('facilitatorA Testinen');
    expect(html).toContain('odottava@example.fi');
    expect(html).not.toContain('memberB Testinen');
    expect(html).toContain('Kutsu uusi jäsen');
    // The only coordinator cannot be removed or demoted: no such buttons for them.
    expect(html).not.toContain(`name="userId" value="${people.coordinatorA!.id}"`);
    expect(html).toContain(`name="userId" value="${people.facilitatorA!.id}"`);
  });

  it('answers 403 to a member who is not a coordinator, and sends signed-out people to sign in', async () => {
    for (const who of ['facilitatorA', 'entrepreneurA', 'expertA', 'traineeA', 'funderA']) {
      expect((await get('/organization/members', who)).status, who).toBe(403);
    }
    const signedOut = await get('/organization/members');
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/sign-in?next=%2Forganization%2Fmembers');
  });

  it('answers 404 for another organisation, and for one that does not exist', async () => {
    expect((await get(`/organization/members?organization=${orgB.id}`, 'coordinatorA')).status).toBe(404);
    expect((await get(`/organization/members?organization=0190a000-0000-7000-8000-000000000000`, 'coordinatorA')).status).toBe(404);
    expect((await get(`/organization/members?organization=not-a-uuid`, 'coordinatorA')).status).toBe(404);
  });

  it('lets an admin open any organisation’s members', async () => {
    const res = await get(`/organization/members?organization=${orgA.id}`, 'admin');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('coordinatorA Testinen');
  });

  it('invites by POST: redirect with a notice, and the mail job carries the link', async () => {
    const res = await post('/organization/members', 'coordinatorA', { intent: 'invite', email: 'uusi.yrittaja@example.fi', name: 'Uusi Yrittäjä', role: 'entrepreneur', locale: 'en' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/organization/members?done=invited');
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'uusi.yrittaja@example.fi'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({ locale: 'en', template: 'invitation', values: { role: 'Entrepreneur', organization: orgA.name } });
    expect(rows[0].data.values.link).toMatch(new RegExp(`^${app.url}/invitation/[A-Za-z0-9_-]{43}$`));
  });

  it('shows errors for bad input with 400 and keeps what was typed', async () => {
    const res = await post('/organization/members', 'coordinatorA', { intent: 'invite', email: 'ei-osoite', name: 'Kirjoitettu Nimi', role: 'entrepreneur', locale: 'fi' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).toContain('value="Kirjoitettu Nimi"');
  });

  it('refuses the admin role to a coordinator (403) and other organisations’ people (404)', async () => {
    expect((await post('/organization/members', 'coordinatorA', { intent: 'invite', email: 'x@example.fi', role: 'admin', locale: 'fi' })).status).toBe(403);
    expect((await post('/organization/members', 'coordinatorA', { intent: 'changeRole', userId: people.memberB!.id, role: 'expert' })).status).toBe(404);
    expect((await post('/organization/members', 'coordinatorA', { intent: 'remove', userId: people.memberB!.id })).status).toBe(404);
    expect((await post('/organization/members', 'coordinatorA', { organization: orgB.id, intent: 'remove', userId: people.memberB!.id })).status).toBe(404);
    expect((await post('/organization/members', 'coordinatorB', { organization: orgA.id, intent: 'invite', email: 'y@example.fi', role: 'expert', locale: 'fi' })).status).toBe(404);
    expect((await post('/organization/members', 'facilitatorA', { intent: 'remove', userId: people.entrepreneurA!.id })).status).toBe(403);
    expect(await findMembership(app.database.db, { organizationId: orgB.id, userId: people.memberB!.id })).toMatchObject({ role: 'entrepreneur' });
    expect(await findMembership(app.database.db, { organizationId: orgA.id, userId: people.entrepreneurA!.id })).toMatchObject({ role: 'entrepreneur' });
  });

  it('answers 404 for another organisation’s invitation ids', async () => {
    const invited = await inviteMember(await actorFor(app.database.db, people.coordinatorB!.id), app.services, { organizationId: orgB.id, email: 'b-kutsu@example.fi', role: 'expert' });
    expect((await post('/organization/members', 'coordinatorA', { intent: 'revoke', invitationId: invited.invitationId })).status).toBe(404);
    expect((await post('/organization/members', 'coordinatorA', { organization: orgB.id, intent: 'revoke', invitationId: invited.invitationId })).status).toBe(404);
    const [row] = await app.database.db.select().from(invitations).where(eq(invitations.id, invited.invitationId));
    expect(row!.revokedAt).toBeNull();
  });

  it('changes a role and removes a member, and refuses to remove the last coordinator (409)', async () => {
    const person = await createTestMember(app.database.db, { organizationId: orgA.id, role: 'entrepreneur' });
    const changed = await post('/organization/members', 'coordinatorA', { intent: 'changeRole', userId: person.id, role: 'facilitator' });
    expect(changed.headers.get('location')).toBe('/organization/members?done=roleChanged');
    expect(await findMembership(app.database.db, { organizationId: orgA.id, userId: person.id })).toMatchObject({ role: 'facilitator' });
    const removed = await post('/organization/members', 'coordinatorA', { intent: 'remove', userId: person.id });
    expect(removed.headers.get('location')).toBe('/organization/members?done=removed');
    expect(await findMembership(app.database.db, { organizationId: orgA.id, userId: person.id })).toBeNull();
    const self = await post('/organization/members', 'coordinatorA', { intent: 'remove', userId: people.coordinatorA!.id });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('Organisaatiossa pitää olla vähintään yksi koordinaattori.');
  });
});

describe('GET /api/v1/organizations/{organizationId}/members', () => {
  it('lists members with the `can` map for the coordinator', async () => {
    const res = await get(`/api/v1/organizations/${orgA.id}/members`, 'coordinatorA');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.organizationId).toBe(orgA.id);
    const facilitator = body.members.find((m: { userId: string }) => m.userId === people.facilitatorA!.id);
    expect(facilitator).toMatchObject({ role: 'facilitator', can: { list: true, changeRole: true, remove: true } });
    expect(body.members.some((m: { userId: string }) => m.userId === people.memberB!.id)).toBe(false);
  });

  it('answers 404 to another organisation, 403 to a non-coordinator member, 401 signed out', async () => {
    const other = await get(`/api/v1/organizations/${orgB.id}/members`, 'coordinatorA');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect((await get(`/api/v1/organizations/0190a000-0000-7000-8000-000000000000/members`, 'coordinatorA')).status).toBe(404);
    expect((await get(`/api/v1/organizations/${orgA.id}/members`, 'facilitatorA')).status).toBe(403);
    expect((await get(`/api/v1/organizations/${orgA.id}/members`)).status).toBe(401);
    expect((await get(`/api/v1/organizations/not-a-uuid/members`, 'coordinatorA')).status).toBe(400);
    expect((await get(`/api/v1/organizations/${orgA.id}/members`, 'admin')).status).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/organizations/{organizationId}/members');
  });
});

describe('/admin/organizations', () => {
  it('lists organisations and creates one for the admin', async () => {
    const list = await get('/admin/organizations', 'admin');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Satakunnan Yrityspalvelut');
    const created = await post('/admin/organizations', 'admin', { name: 'Rauman Seudun Yrityskeskus' });
    expect(created.status).toBe(302);
    const after = await (await get(created.headers.get('location')!, 'admin')).text();
    expect(after).toContain('Organisaatio Rauman Seudun Yrityskeskus luotiin.');
    expect(after).toContain('rauman-seudun-yrityskeskus');
  });

  it('shows errors for an empty name', async () => {
    const res = await post('/admin/organizations', 'admin', { name: ' ' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Kirjoita organisaation nimi');
  });

  it('refuses everyone else', async () => {
    expect((await get('/admin/organizations', 'coordinatorA')).status).toBe(403);
    expect((await post('/admin/organizations', 'coordinatorA', { name: 'Luvaton Oy' })).status).toBe(403);
    expect((await get('/admin/organizations')).status).toBe(302);
  });
});

describe('/home', () => {
  it.each([
    ['entrepreneurA', 'Seuraava tapaaminen'],
    ['facilitatorA', 'Ryhmäni'],
    ['coordinatorA', 'Koordinaattorina'],
    ['expertA', 'Asiantuntijana'],
    ['traineeA', 'Ohjaajakoulutuksessa'],
    ['funderA', 'Rahoittajana'],
    ['admin', 'Ylläpito'],
  ])('shows %s what they can do now', async (who, heading) => {
    const res = await get('/home', who);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(heading);
    expect(html).toContain('href="/profile"');
    expect(html.includes('href="/organization/members"')).toBe(who === 'coordinatorA' || who === 'admin');
    expect(html.includes('href="/admin/organizations"')).toBe(who === 'admin');
  });

  it('shows the coordinator member and invitation counts', async () => {
    const html = await (await get('/home', 'coordinatorA')).text();
    expect(html).toMatch(/\d+ jäsentä/);
    expect(html).toMatch(/odottava(a)? kutsu/);
  });
});

describe('/switch-organization', () => {
  it('switches between one’s own organisations; another organisation is 404', async () => {
    const db = app.database.db;
    const both = await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Kaksi Organisaatiota' });
    await addMembership(db, { organizationId: orgB.id, userId: both.id, role: 'expert' });
    cookies.both = (await signIn(db, both.id)).cookie;
    const home = await (await get('/home', 'both')).text();
    expect(home).toContain('Vaihda organisaatiota');
    const res = await post('/switch-organization', 'both', { organizationId: orgB.id, next: '/home' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/home');
    expect(await (await get('/home', 'both')).text()).toContain(`Työskentelet nyt organisaatiossa ${orgB.name}`);
    const third = await createTestOrganization(db);
    expect((await post('/switch-organization', 'both', { organizationId: third.id })).status).toBe(404);
    expect((await post('/switch-organization', 'both', { organizationId: orgA.id, next: '//evil.example' })).headers.get('location')).toBe('/home');
  });
});

describe('/invitation/:token', () => {
  async function invite(email: string, role = 'entrepreneur' as const) {
    return inviteMember(await actorFor(app.database.db, people.coordinatorA!.id), app.services, { organizationId: orgA.id, email, role, name: 'Helmi Kutsuttu' });
  }

  it('answers an unknown link with 404 and a clear message', async () => {
    const res = await get('/invitation/' + 'x'.repeat(43));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Kutsua ei löytynyt');
    expect((await get('/invitation/lyhyt')).status).toBe(404);
  });

  it('creates the account, signs in and lands on /home; the link is then used (410)', async () => {
    const { token } = await invite('helmi.kutsuttu@example.fi');
    const page = await get('/invitation/' + token);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Luo tunnus');
    expect(html).toContain('value="Helmi Kutsuttu"');

    const short = await post('/invitation/' + token, undefined, { name: 'Helmi Kutsuttu', password: 'lyhyt' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('aria-invalid="true"');

    const res = await post('/invitation/' + token, undefined, { name: 'Helmi Kutsuttu', password: 'helmin oma pitkä salasana' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/home');
    const cookie = /tyopeili_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeTruthy();
    const home = await fetch(app.url + '/home', { headers: { cookie: cookie! } });
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    expect(homeHtml).toContain('Hei, Helmi Kutsuttu!');
    expect(homeHtml).toContain('Seuraava tapaaminen');

    const again = await get('/invitation/' + token);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Kutsu on jo käytetty');
    const replay = await post('/invitation/' + token, undefined, { name: 'Joku Muu', password: 'jonkun muun salasana' });
    expect(replay.status).toBe(410);
    const [user] = await app.database.db.select().from(users).where(eq(users.email, 'helmi.kutsuttu@example.fi'));
    expect(user!.name).toBe('Helmi Kutsuttu');
  });

  it('answers expired and revoked links with 410 and changes nothing', async () => {
    const expired = await invite('vanha.kutsu@example.fi');
    await app.database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.invitationId));
    const res = await get('/invitation/' + expired.token);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Kutsu on vanhentunut');
    expect((await post('/invitation/' + expired.token, undefined, { name: 'Vanha', password: 'vanhan kutsun salasana' })).status).toBe(410);

    const revoked = await invite('peruttu.kutsu@example.fi');
    await revokeInvitation(await actorFor(app.database.db, people.coordinatorA!.id), app.services, { organizationId: orgA.id, invitationId: revoked.invitationId });
    const r = await get('/invitation/' + revoked.token);
    expect(r.status).toBe(410);
    expect(await r.text()).toContain('Kutsu on peruttu');
    expect(await app.database.db.select().from(users).where(eq(users.email, 'vanha.kutsu@example.fi'))).toEqual([]);
    expect(await app.database.db.select().from(users).where(eq(users.email, 'peruttu.kutsu@example.fi'))).toEqual([]);
  });

  it('asks an existing account to sign in first, then accepts when signed in', async () => {
    const { token } = await invite(people.memberB!.email);
    const signedOut = await (await get('/invitation/' + token)).text();
    expect(signedOut).toContain(`/sign-in?next=${encodeURIComponent('/invitation/' + token)}`.replace(/&/g, '&amp;'));
    const page = await get('/invitation/' + token, 'memberB');
    expect(await page.text()).toContain('Hyväksy kutsu');
    const res = await post('/invitation/' + token, 'memberB', {});
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/home');
    expect(await findMembership(app.database.db, { organizationId: orgA.id, userId: people.memberB!.id })).toMatchObject({ role: 'entrepreneur' });
    expect(await (await get('/home', 'memberB')).text()).toContain(`Olet mukana organisaation ${orgA.name} ryhmissä.`);
  });

  it('tells a person signed in as someone else, and changes nothing', async () => {
    const { token, invitationId } = await invite('joku.toinen@example.fi');
    const page = await get('/invitation/' + token, 'facilitatorA');
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Olet kirjautunut eri tunnuksella');
    expect((await post('/invitation/' + token, 'facilitatorA', {})).status).toBe(409);
    const [row] = await app.database.db.select().from(invitations).where(eq(invitations.id, invitationId));
    expect(row!.acceptedAt).toBeNull();
  });
});
