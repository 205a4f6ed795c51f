// Outcomes over HTTP against the real app: consent, a check-in saved as a draft, corrected
// and sent; only the person reads their check-in and progress (others get 403/404); the
// facilitator's group trend shows "not enough answers" under 5 and an average from 5 on;
// anonymous meeting feedback once per member, aggregated for the facilitator.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { checkIns } from './outcomes.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let groupId = '';
let meetingId = '';

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgA = await createTestOrganization(db);
  const orgB = await createTestOrganization(db);
  const people = [
    ['coordinator', orgA.id, 'coordinator'],
    ['facilitator', orgA.id, 'facilitator'],
    ['funder', orgA.id, 'funder'],
    ['otherCoordinator', orgB.id, 'coordinator'],
    ...[1, 2, 3, 4, 5, 6].map((n) => [`m${n}`, orgA.id, 'entrepreneur'] as const),
  ] as const;
  for (const [key, organizationId, role] of people) {
    const user = await createTestMember(db, { organizationId, role });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: orgA.id, facilitatorIds: [ids.facilitator!], memberIds: [1, 2, 3, 4, 5, 6].map((n) => ids[`m${n}`]!) });
  groupId = group.id;
  meetingId = (await createTestMeeting(db, { organizationId: orgA.id, groupId, startsAt: new Date(Date.now() - 3600_000) })).id;
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}
function post(path: string, fields: Record<string, string>, who: string) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

const fullAnswers = (v: number) => ({
  'who-5__cheerful': String(v),
  'who-5__calm': String(v),
  'who-5__active': String(v),
  'who-5__rested': String(v),
  'who-5__interest': String(v),
  'work-ability-score__current': '7',
  'life-satisfaction__overall': '8',
  'three-item-loneliness__companionship': '1',
  'three-item-loneliness__left-out': '2',
  'three-item-loneliness__isolated': '1',
  'business-indicators__working-hours': '37,5',
});

async function baselineOf(who: string): Promise<string> {
  const [row] = await app.database.db.select().from(checkIns).where(and(eq(checkIns.userId, ids[who]!), eq(checkIns.kind, 'baseline')));
  return row!.id;
}

describe('consent and check-ins', () => {
  it('asks for consent first, then lists the baseline', async () => {
    const before = await get('/check-in', 'm1');
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('/profile/measurement');
    const given = await post('/profile/measurement', { intent: 'give' }, 'm1');
    expect(given.status).toBe(302);
    const after = await (await get('/check-in', 'm1')).text();
    expect(after).toContain(`/check-in/${await baselineOf('m1')}`);
  });

  it('saves a draft, shows errors for missing answers on sending, then sends; sent answers are final', async () => {
    const id = await baselineOf('m1');
    const draft = await post(`/check-in/${id}`, { intent: 'save', 'who-5__cheerful': '2' }, 'm1');
    expect(draft.status).toBe(302);
    expect(draft.headers.get('location')).toBe(`/check-in/${id}?done=saved`);
    const page = await (await get(`/check-in/${id}`, 'm1')).text();
    expect(page).toMatch(/checked="" value="2"/);
    const missing = await post(`/check-in/${id}`, { intent: 'submit', 'who-5__cheerful': '2' }, 'm1');
    expect(missing.status).toBe(400);
    const sent = await post(`/check-in/${id}`, { intent: 'submit', ...fullAnswers(2) }, 'm1');
    expect(sent.status).toBe(302);
    const again = await post(`/check-in/${id}`, { intent: 'save', ...fullAnswers(5) }, 'm1');
    expect(again.status).toBe(409);
  });

  it('lets nobody but the person read their check-in or progress', async () => {
    const id = await baselineOf('m1');
    expect((await get(`/check-in/${id}`, 'm1')).status).toBe(200);
    for (const who of ['m2', 'facilitator', 'coordinator', 'funder']) expect((await get(`/check-in/${id}`, who)).status, who).toBe(403);
    expect((await get(`/check-in/${id}`, 'otherCoordinator')).status).toBe(404);
    expect((await post(`/check-in/${id}`, { intent: 'save' }, 'facilitator')).status).toBe(403);
    const progress = await (await get('/progress', 'm1')).text();
    expect(progress).toContain('role="img"');
    expect(progress).toContain('<table');
    expect(progress).toContain('40 pistettä');
    // The WHO-5 score 40 (≤ 50) shows the kind note with where to get help.
    expect(progress).toContain('09 2525 0111');
    const othersProgress = await (await get('/progress', 'm2')).text();
    expect(othersProgress).not.toContain('40 pistettä');
    expect(othersProgress).not.toContain('09 2525 0111');
  });

  it('withdraws consent with erase: no check-ins remain', async () => {
    await post('/profile/measurement', { intent: 'give' }, 'm6');
    await get('/check-in', 'm6');
    expect((await post('/profile/measurement', { intent: 'withdraw' }, 'm6')).status).toBe(400);
    expect((await post('/profile/measurement', { intent: 'withdraw', choice: 'erase' }, 'm6')).status).toBe(302);
    const rows = await app.database.db.select().from(checkIns).where(eq(checkIns.userId, ids.m6!));
    expect(rows).toEqual([]);
  });
});

describe('group trend', () => {
  it('shows not enough answers under 5, an average from 5 on; only to the facilitator and coordinators', async () => {
    for (const n of [2, 3, 4]) {
      await post('/profile/measurement', { intent: 'give' }, `m${n}`);
      await get('/check-in', `m${n}`);
      expect((await post(`/check-in/${await baselineOf(`m${n}`)}`, { intent: 'submit', ...fullAnswers(3) }, `m${n}`)).status).toBe(302);
    }
    const four = await (await get(`/groups/${groupId}/trend`, 'facilitator')).text();
    expect(four).toContain('Ei vielä tarpeeksi vastauksia (4)');
    expect(four).not.toContain('vastaajaa)');
    await post('/profile/measurement', { intent: 'give' }, 'm5');
    await get('/check-in', 'm5');
    await post(`/check-in/${await baselineOf('m5')}`, { intent: 'submit', ...fullAnswers(3) }, 'm5');
    const five = await (await get(`/groups/${groupId}/trend`, 'facilitator')).text();
    expect(five).toContain('56 (5 vastaajaa)');
    expect((await get(`/groups/${groupId}/trend`, 'coordinator')).status).toBe(200);
    expect((await get(`/groups/${groupId}/trend`, 'm1')).status).toBe(403);
    expect((await get(`/groups/${groupId}/trend`, 'funder')).status).toBe(403);
    expect((await get(`/groups/${groupId}/trend`, 'otherCoordinator')).status).toBe(404);
  });
});

describe('meeting feedback', () => {
  it('takes anonymous feedback once per member and shows it aggregated to the facilitator', async () => {
    expect((await get(`/meetings/${meetingId}/feedback`, 'm1')).status).toBe(200);
    const sent = await post(`/meetings/${meetingId}/feedback`, { useful: '5', safe: '4', comment: 'Lämmin ilmapiiri' }, 'm1');
    expect(sent.status).toBe(302);
    expect((await post(`/meetings/${meetingId}/feedback`, { useful: '1', safe: '1' }, 'm1')).status).toBe(409);
    expect((await post(`/meetings/${meetingId}/feedback`, { useful: '9' }, 'm2')).status).toBe(400);
    expect((await post(`/meetings/${meetingId}/feedback`, { useful: '3' }, 'facilitator')).status).toBe(403);
    const view = await (await get(`/meetings/${meetingId}/feedback`, 'facilitator')).text();
    expect(view).toContain('Lämmin ilmapiiri');
    expect(view).toContain('1 vastaus');
    expect((await get(`/meetings/${meetingId}/feedback`, 'otherCoordinator')).status).toBe(404);
  });
});
