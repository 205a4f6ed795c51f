// Stories over HTTP: the public list, page (with its Open Graph tags), sitemap and front page show
// a story only while it is published; the person consents on /profile/stories, the coordinator
// publishes, the person withdraws in one step and the story is gone at once from /stories, its
// page (410 with a plain page, no Open Graph), /sitemap.xml and the front page. Staff pages and
// exit interviews answer 404 to those who may not see them; bad ids never give a 5xx.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { findStory } from './stories.queries.ts';

let app: TestApp;
let orgId: string;
let groupId: string;
let storyId: string;
let slug: string;
const cookies: Record<string, string> = {};
const people: Record<string, { id: string }> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  orgId = org.id;
  const other = await createTestOrganization(db);
  people.coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  people.facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  people.otherFacilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  people.expert = await createTestMember(db, { organizationId: org.id, role: 'expert' });
  people.funder = await createTestMember(db, { organizationId: org.id, role: 'funder' });
  people.entrepreneur = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Tiina Hakkarainen' });
  people.member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' });
  people.stranger = await createTestMember(db, { organizationId: other.id, role: 'coordinator' });
  for (const [who, user] of Object.entries(people)) cookies[who] = (await signIn(db, user.id)).cookie;
  groupId = (
    await createTestGroup(db, { organizationId: org.id, facilitatorIds: [people.facilitator!.id], memberIds: [people.entrepreneur!.id, people.member!.id] })
  ).id;
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) => fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
const post = (path: string, who: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, cookie: cookies[who]!, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
};
const storyFields = {
  titleFi: 'Hinnoittelen keikan mukaan',
  bodyFi: 'Ennen laskutin tunneista. Nyt annan hinnan koko työlle, ja asiakas tietää heti mitä maksaa.',
  displayName: 'first',
  sector: 'Metsäpalvelut',
  municipality: 'Suonenjoki',
};
const hashOnProfile = async () => {
  const html = await (await get('/profile/stories', 'entrepreneur')).text();
  return /name="contentHash" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
};

describe('the way of a story', () => {
  it('staff draft a story; it is not public before consent, and publishing without consent is refused', async () => {
    const res = await post('/organization/stories', 'facilitator', { subjectUserId: people.entrepreneur!.id, ...storyFields });
    expect(res.status).toBe(302);
    storyId = res.headers.get('location')!.split('/').pop()!.split('?')[0]!;
    const story = await findStory(app.database.db, { organizationId: orgId, storyId });
    slug = story!.slug;
    expect((await get(`/stories/${slug}`)).status).toBe(404);
    expect(await (await get('/stories')).text()).not.toContain(storyFields.titleFi);
    // The person's home points them to the decision; nobody else's does.
    expect(await (await get('/home', 'entrepreneur')).text()).toContain('Sinun sanoistasi kirjoitettu tarina odottaa päätöstäsi');
    expect(await (await get('/home', 'member')).text()).not.toContain('odottaa päätöstäsi');
    const refused = await post(`/organization/stories/${storyId}`, 'coordinator', { intent: 'publish' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('kertoja ei ole antanut lupaa');
  });

  it('validates the staff form with translated errors', async () => {
    const res = await post('/organization/stories', 'coordinator', { subjectUserId: 'nope', titleFi: '', bodyFi: '', displayName: 'x' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Kirjoita otsikko suomeksi.');
  });

  it('the person sees the exact text on their own page and consents; the coordinator publishes; the visitor sees it everywhere', async () => {
    const page = await (await get('/profile/stories', 'entrepreneur')).text();
    expect(page).toContain(storyFields.bodyFi);
    expect(page).toContain('Tiina, Metsäpalvelut, Suonenjoki');
    // No other person sees it on their page.
    expect(await (await get('/profile/stories', 'member')).text()).not.toContain(storyFields.bodyFi);
    // Someone else cannot decide for them.
    expect((await post('/profile/stories', 'member', { intent: 'consent', storyId, contentHash: await hashOnProfile() })).status).toBe(404);
    expect((await post('/profile/stories', 'entrepreneur', { intent: 'consent', storyId, contentHash: await hashOnProfile() })).status).toBe(302);
    expect((await post(`/organization/stories/${storyId}`, 'facilitator', { intent: 'publish' })).status).toBe(403);
    expect((await post(`/organization/stories/${storyId}`, 'coordinator', { intent: 'publish' })).status).toBe(302);
    const storyPage = await get(`/stories/${slug}`);
    expect(storyPage.status).toBe(200);
    const html = await storyPage.text();
    expect(html).toContain(storyFields.bodyFi);
    expect(html).toContain('<meta property="og:title" content="Hinnoittelen keikan mukaan"');
    expect(html).not.toContain('Hakkarainen');
    expect(await (await get('/stories')).text()).toContain(storyFields.titleFi);
    expect(await (await get('/sitemap.xml')).text()).toContain(`/stories/${slug}`);
    expect(await (await get('/')).text()).toContain(storyFields.titleFi);
  });

  it('withdrawal in one step takes it off at once: gone from the list, the page (410), the sitemap and the front page', async () => {
    const res = await post('/profile/stories', 'entrepreneur', { intent: 'withdraw', storyId, contentHash: '0'.repeat(64) });
    expect(res.status).toBe(302);
    const gone = await get(`/stories/${slug}`);
    expect(gone.status).toBe(410);
    const html = await gone.text();
    expect(html).toContain('Tarina on poistettu');
    expect(html).not.toContain(storyFields.bodyFi);
    expect(html).not.toContain('og:title');
    expect(await (await get('/stories')).text()).not.toContain(storyFields.titleFi);
    const sitemap = await get('/sitemap.xml');
    // no browser or proxy may keep serving the old list
    expect(sitemap.headers.get('cache-control')).toBe('no-cache');
    expect(await sitemap.text()).not.toContain(`/stories/${slug}`);
    expect(await (await get('/')).text()).not.toContain(storyFields.titleFi);
    expect(await (await get('/profile/stories', 'entrepreneur')).text()).toContain('Lupa peruttu');
  });

  it('an edit after consent voids it', async () => {
    const hash = await hashOnProfile();
    expect((await post('/profile/stories', 'entrepreneur', { intent: 'consent', storyId, contentHash: hash })).status).toBe(302);
    expect((await post(`/organization/stories/${storyId}`, 'coordinator', { intent: 'save', ...storyFields, bodyFi: 'Muutettu teksti.' })).status).toBe(302);
    expect((await post(`/organization/stories/${storyId}`, 'coordinator', { intent: 'publish' })).status).toBe(409);
    // The old page's hash no longer fits the text: refused, asked again.
    expect((await post('/profile/stories', 'entrepreneur', { intent: 'consent', storyId, contentHash: hash })).status).toBe(409);
  });
});

describe('who may see what', () => {
  it('staff pages are not found for others and other organisations', async () => {
    for (const who of ['expert', 'funder', 'entrepreneur', 'stranger']) expect((await get(`/organization/stories/${storyId}`, who)).status, who).toBe(404);
    for (const who of ['expert', 'funder', 'entrepreneur']) expect((await get('/organization/stories', who)).status, who).toBe(404);
    // Another organisation's coordinator sees their own organisation's list, without this story.
    expect(await (await get('/organization/stories', 'stranger')).text()).not.toContain(storyFields.titleFi);
    expect((await get('/organization/stories', 'facilitator')).status).toBe(200);
  });

  it('bad ids and bodies give 4xx, never 5xx', async () => {
    expect((await get('/organization/stories/not-a-uuid', 'coordinator')).status).toBe(404);
    expect((await get(`/organization/stories/${randomUUID()}`, 'coordinator')).status).toBe(404);
    const odd = (await get('/stories/%00%ff')).status;
    expect(odd >= 400 && odd < 500).toBe(true);
    expect((await get(`/stories/${'a'.repeat(300)}`)).status).toBe(404);
    expect((await post('/profile/stories', 'entrepreneur', { intent: 'consent', storyId: 'x', contentHash: 'y' })).status).toBe(400);
    expect((await post('/profile/stories', 'entrepreneur', { intent: 'consent', storyId: randomUUID(), contentHash: '0'.repeat(64) })).status).toBe(404);
    expect((await post(`/organization/stories/${storyId}`, 'coordinator', { intent: 'nope' })).status).toBe(400);
    expect((await get('/groups/not-a-uuid/exit-interviews', 'coordinator')).status).toBe(404);
  });

  it("exit interviews: the group's facilitator records and reads; members, other facilitators, experts, funders and other organisations get 404", async () => {
    const res = await post(`/groups/${groupId}/exit-interviews`, 'facilitator', {
      userId: people.entrepreneur!.id,
      interviewedOn: '2026-11-30',
      whatChanged: 'Uskallan sanoa ei.',
      themes: ['recovery', 'finance'],
    });
    expect(res.status).toBe(302);
    const html = await (await get(`/groups/${groupId}/exit-interviews`, 'coordinator')).text();
    expect(html).toContain('Uskallan sanoa ei.');
    for (const who of ['entrepreneur', 'member', 'otherFacilitator', 'expert', 'funder', 'stranger'])
      expect((await get(`/groups/${groupId}/exit-interviews`, who)).status, who).toBe(404);
    const bad = await post(`/groups/${groupId}/exit-interviews`, 'facilitator', { userId: people.entrepreneur!.id, interviewedOn: '30.11.' });
    expect(bad.status).toBe(400);
  });
});
