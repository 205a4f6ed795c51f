// Experts over HTTP against the real app: the directory and profiles for the organisation's staff
// only (another organisation's people and the members get 404/403, bad ids 404, never 5xx); the
// coordinator invites from a profile page; the expert sees the invitation on their home, accepts it
// on a page that shows that segment only (no other segment, notes, attendance, member or journal),
// and the segment then shows on their home; the meeting's own page stays closed to them; the
// photo is served to staff only, typed by its bytes; the hours CSV is the coordinator's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { htmlBytes, pngBytes } from '../../../tests/factories/files.ts';
import { attendance, facilitatorNotes } from '../meetings/meetings.schema.ts';
import { expertInvitations } from './experts.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let meetingId: string;
let segmentValue: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  for (const [key, role, orgId] of [
    ['coordinator', 'coordinator', org.id],
    ['facilitator', 'facilitator', org.id],
    ['expert', 'expert', org.id],
    ['member', 'entrepreneur', org.id],
    ['funder', 'funder', org.id],
    ['otherCoordinator', 'coordinator', other.id],
  ] as const) {
    const user = await createTestMember(db, { organizationId: orgId, role, name: `${key} Testinen`, email: `${key}@experts-routes.example.fi` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Rauman yrittäjät', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] });
  const meeting = await createTestMeeting(db, {
    organizationId: org.id,
    groupId: group.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    format: 'online',
    agenda: [
      { kind: 'opening_round', minutes: 30, topic: 'Kuulumiskierros salaisuus' },
      { kind: 'expert_segment', minutes: 45, topic: 'Verotus' },
      { kind: 'expert_segment', minutes: 30, topic: 'Toinen osio markkinoinnista' },
    ],
  });
  meetingId = meeting.id;
  await db.insert(facilitatorNotes).values({ organizationId: org.id, meetingId, authorUserId: ids.facilitator!, text: 'Ohjaajan luottamuksellinen muistiinpano' });
  await db.insert(attendance).values({ organizationId: org.id, meetingId, userId: ids.member!, status: 'present' });
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

describe('the profile and the directory', () => {
  it('the expert writes their profile; staff find it by topic and language; others do not see the directory', async () => {
    const saved = await post('/profile/expert', 'expert', { topics: 'Verotus, kirjanpito', bio: 'Tilitoimiston yrittäjä Raumalta.', languages: ['fi', 'sv'], region: 'Satakunta', publicInDirectory: 'on' });
    expect(saved.status).toBe(302);
    expect((await post('/profile/expert', 'expert', { topics: 'x', languages: 'klingon' })).status).toBe(400);
    expect((await get('/profile/expert', 'coordinator')).status).toBe(404);
    const found = await (await get('/organization/experts?topic=verot&language=sv', 'facilitator')).text();
    expect(found).toContain('expert Testinen');
    expect(found).toContain('Aiheet: Verotus, kirjanpito');
    expect(await (await get('/organization/experts?topic=markkinointi', 'facilitator')).text()).not.toContain('expert Testinen');
    expect((await get('/organization/experts?language=%00', 'coordinator')).status).toBeLessThan(500);
    expect((await get('/organization/experts', 'member')).status).toBe(403);
    expect((await get('/organization/experts', 'funder')).status).toBe(403);
    expect((await get('/organization/experts', 'expert')).status).toBe(403);
    expect((await get('/organization/experts')).status).toBeGreaterThanOrEqual(300);
  });

  it('answers 404 for another organisation, a malformed id and a non-expert, never 5xx', async () => {
    expect((await get(`/organization/experts/${ids.expert}`, 'otherCoordinator')).status).toBe(404);
    expect((await get(`/organization/experts/${ids.member}`, 'coordinator')).status).toBe(404);
    expect((await get('/organization/experts/not-an-id', 'coordinator')).status).toBe(404);
    expect((await get(`/organization/experts/${ids.expert}/photo`, 'otherCoordinator')).status).toBe(404);
    expect((await get('/expert-invitations/123', 'expert')).status).toBe(404);
    expect((await get('/organization/experts/hours/zzz', 'coordinator')).status).toBe(404);
    expect((await post(`/organization/experts/${ids.expert}`, 'otherCoordinator', { target: 'x' })).status).toBe(404);
  });

  it('serves the photo to staff only, and refuses what is not a picture', async () => {
    const upload = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(bytes)]), name);
      return fetch(app.url + '/profile/expert/photo', { method: 'POST', redirect: 'manual', headers: { origin: app.url, cookie: cookies.expert! }, body: form });
    };
    expect((await upload(htmlBytes(), 'kuva.png')).headers.get('location')).toContain('photo=notPicture');
    expect((await upload(pngBytes(), 'kuva.png')).headers.get('location')).toContain('done=photo');
    const photo = await get(`/organization/experts/${ids.expert}/photo`, 'facilitator');
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect((await get(`/organization/experts/${ids.expert}/photo`, 'member')).status).toBe(404);
    expect((await get(`/organization/experts/${ids.expert}/photo`)).status).toBe(404);
  });
});

describe('an invitation to a segment', () => {
  it('the coordinator invites from the profile page; the expert accepts on a page that shows that segment only', async () => {
    const profile = await (await get(`/organization/experts/${ids.expert}`, 'coordinator')).text();
    const match = /value="(segment:[0-9a-f-]{36}:[0-9a-f-]{36})"[^>]*>Rauman yrittäjät, [^<]*: Verotus</.exec(profile);
    expect(match).not.toBeNull();
    segmentValue = match![1]!;
    expect((await post(`/organization/experts/${ids.expert}`, 'coordinator', { target: 'segment:nope' })).status).toBe(400);
    expect((await post(`/organization/experts/${ids.expert}`, 'member', { target: segmentValue })).status).toBe(404);
    const invited = await post(`/organization/experts/${ids.expert}`, 'coordinator', { target: segmentValue, message: 'Tervetuloa kertomaan verotuksesta!' });
    expect(invited.status).toBe(302);
    const [invitation] = await app.database.db.select().from(expertInvitations).where(eq(expertInvitations.expertUserId, ids.expert!));
    expect((await get(`/expert-invitations/${invitation!.id}`, 'coordinator')).status).toBe(404);
    expect((await get(`/expert-invitations/${invitation!.id}`, 'otherCoordinator')).status).toBe(404);

    const home = await (await get('/home', 'expert')).text();
    expect(home).toContain(`/expert-invitations/${invitation!.id}`);
    expect(home).toContain('1 kutsu odottaa vastaustasi');

    const page = await (await get(`/expert-invitations/${invitation!.id}`, 'expert')).text();
    expect(page).toContain('Verotus');
    expect(page).toContain('Tervetuloa kertomaan verotuksesta!');
    for (const secret of ['Toinen osio markkinoinnista', 'Kuulumiskierros salaisuus', 'Ohjaajan luottamuksellinen muistiinpano', 'member Testinen', 'meet.example.fi']) expect(page).not.toContain(secret);

    expect((await post(`/expert-invitations/${invitation!.id}`, 'expert', { answer: 'maybe' })).status).toBe(400);
    const accepted = await post(`/expert-invitations/${invitation!.id}`, 'expert', { answer: 'accept', note: 'Mielelläni' });
    expect(accepted.status).toBe(302);
    expect((await post(`/expert-invitations/${invitation!.id}`, 'expert', { answer: 'decline' })).status).toBe(409);

    // the segment on the home, and still nothing else of the meeting
    const after = await (await get('/home', 'expert')).text();
    expect(after).toContain('Verotus');
    for (const secret of ['Toinen osio markkinoinnista', 'Ohjaajan luottamuksellinen muistiinpano', 'member Testinen']) expect(after).not.toContain(secret);
    // the meeting's page gives the expert their own segment only (meetingPolicy.readOwnSegment)
    const meetingPage = await get(`/meetings/${meetingId}`, 'expert');
    expect(meetingPage.status).toBe(200);
    const meetingHtml = await meetingPage.text();
    for (const secret of ['Toinen osio markkinoinnista', 'Kuulumiskierros salaisuus', 'Ohjaajan luottamuksellinen muistiinpano', 'member Testinen']) expect(meetingHtml).not.toContain(secret);
    expect([403, 404]).toContain((await get(`/meetings/${meetingId}/attendance`, 'expert')).status);
    // the journal page is the expert's own: nobody else's entries
    expect(await (await get('/journal', 'expert')).text()).not.toContain('member Testinen');
  });

  it('the hours: the expert corrects their own; the coordinator lists and exports them, others may not', async () => {
    const [invitation] = await app.database.db.select().from(expertInvitations).where(eq(expertInvitations.expertUserId, ids.expert!));
    const page = await (await get(`/expert-invitations/${invitation!.id}`, 'expert')).text();
    const hoursId = /action="\/organization\/experts\/hours\/([0-9a-f-]{36})"/.exec(page)![1]!;
    expect(page).toContain('value="0,75"');
    expect((await post(`/organization/experts/hours/${hoursId}`, 'expert', { hours: 'paljon', back: 'invitation' })).headers.get('location')).toContain('hours=invalid');
    expect((await post(`/organization/experts/hours/${hoursId}`, 'expert', { hours: '1,5', note: '+valmistelu', back: 'invitation' })).headers.get('location')).toContain('done=hours');
    expect((await post(`/organization/experts/hours/${hoursId}`, 'facilitator', { hours: '9' })).status).toBe(403);
    expect((await post(`/organization/experts/hours/${hoursId}`, 'otherCoordinator', { hours: '9' })).status).toBe(404);
    const year = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 4);
    const directory = await (await get(`/organization/experts?from=${year}-01-01&to=${year}-12-31`, 'coordinator')).text();
    expect(directory).toContain('Yhteensä 1,5 tuntia');
    expect(directory).toContain('expert Testinen: 1,5 tuntia');
    const csv = await get(`/organization/experts/hours.csv?from=${year}-01-01&to=${year}-12-31`, 'coordinator');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("expert Testinen;");
    expect(text).toContain(`"'+valmistelu"`);
    expect((await get('/organization/experts/hours.csv', 'facilitator')).status).toBe(403);
    expect((await get('/organization/experts/hours.csv?from=bad&to=2026-13-45', 'coordinator')).status).toBe(200);
  });
});
