// The board page and the notification settings over HTTP against the real app: who may
// read and write the board (member, facilitator yes; coordinator 403; another
// organisation 404; an expert of the organisation 403), moderation buttons only for the
// facilitator, first names only, a hidden post's text only to facilitators, validation
// (400), and saving one's notification choices.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { reminderPreferences } from '../reminders/reminders.schema.ts';
import { boardPosts, digestPreferences } from './board.schema.ts';

let app: TestApp;
let groupId: string;
let orgAId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgA = await createTestOrganization(db, { name: 'Aaltoilevat Yrityspalvelut', slug: 'aalto-board' });
  const orgB = await createTestOrganization(db, { name: 'Bothnia Business', slug: 'bothnia-board' });
  orgAId = orgA.id;
  const roster = [
    ['member', orgA.id, 'entrepreneur', 'Aino Virtanen'],
    ['otherMember', orgA.id, 'entrepreneur', 'Eero Korhonen'],
    ['facilitator', orgA.id, 'facilitator', 'Helmi Nieminen'],
    ['coordinator', orgA.id, 'coordinator', 'Kalle Laine'],
    ['expert', orgA.id, 'expert', 'Pirjo Asiantuntija'],
    ['otherOrg', orgB.id, 'coordinator', 'Seppo Järvinen'],
  ] as const;
  for (const [key, organizationId, role, name] of roster) {
    const user = await createTestMember(db, { organizationId, role, name });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: orgA.id, name: 'Porin yrittäjät', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!, ids.otherMember!] });
  groupId = group.id;
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

const board = () => `/groups/${groupId}/board`;

async function postsOf(authorKey: string) {
  return app.database.db.select().from(boardPosts).where(and(eq(boardPosts.groupId, groupId), eq(boardPosts.authorUserId, ids[authorKey]!)));
}

describe('who may use the board', () => {
  it('members and the facilitator read it; the coordinator and an expert get 403, another organisation 404, the signed out go to sign in', async () => {
    expect((await get(board(), 'member')).status).toBe(200);
    expect((await get(board(), 'facilitator')).status).toBe(200);
    expect((await get(board(), 'coordinator')).status).toBe(403);
    expect((await get(board(), 'expert')).status).toBe(403);
    expect((await get(board(), 'otherOrg')).status).toBe(404);
    expect((await get(`${board()}?organization=${orgAId}`, 'otherOrg')).status).toBe(404);
    expect((await get('/groups/not-a-uuid/board', 'member')).status).toBe(404);
    const signedOut = await get(board());
    expect([302, 303]).toContain(signedOut.status);
  });

  it('the coordinator, an expert and another organisation cannot post', async () => {
    expect((await post(board(), { intent: 'post', body: 'Koordinaattorin viesti' }, 'coordinator')).status).toBe(403);
    expect((await post(board(), { intent: 'post', body: 'Asiantuntijan viesti' }, 'expert')).status).toBe(403);
    expect((await post(board(), { intent: 'post', body: 'Vieras' }, 'otherOrg')).status).toBe(404);
    expect(await postsOf('coordinator')).toHaveLength(0);
    expect(await postsOf('expert')).toHaveLength(0);
    expect(await postsOf('otherOrg')).toHaveLength(0);
  });
});

describe('posting, replying and moderating', () => {
  it('a member posts, another replies; both are shown by first name only', async () => {
    const created = await post(board(), { intent: 'post', body: 'Miten te hinnoittelette?' }, 'member');
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe(`${board()}?done=posted`);
    const [mine] = await postsOf('member');
    const replied = await post(board(), { intent: 'reply', postId: mine!.id, body: 'Tuntihinnalla.' }, 'otherMember');
    expect(replied.status).toBe(302);
    const html = await (await get(board(), 'otherMember')).text();
    expect(html).toContain('Miten te hinnoittelette?');
    expect(html).toContain('Tuntihinnalla.');
    expect(html).toContain('Aino kirjoitti');
    expect(html).toContain('Eero vastasi');
    // (The viewer's own full name is in the page header; the others' last names are nowhere.)
    expect(html).not.toContain('Virtanen');
    expect(await (await get(board(), 'member')).text()).not.toContain('Korhonen');
    // No moderation buttons for a member; a delete button only on their own reply.
    expect(html).not.toContain('Piilota');
    expect(html.match(/Poista viestini/g)).toHaveLength(1);
  });

  it('an empty post answers 400 with a message and saves nothing', async () => {
    const before = (await postsOf('otherMember')).length;
    const response = await post(board(), { intent: 'post', body: '   ' }, 'otherMember');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Kirjoita viesti.');
    expect(await postsOf('otherMember')).toHaveLength(before);
  });

  it('the facilitator hides a post: members see a notice instead of the text; a member cannot hide or unhide', async () => {
    await post(board(), { intent: 'post', body: 'Tämä on asiaton.' }, 'otherMember');
    const target = (await postsOf('otherMember')).find((p) => p.body === 'Tämä on asiaton.')!;
    expect((await post(board(), { intent: 'hide', postId: target.id }, 'member')).status).toBe(403);
    expect((await post(board(), { intent: 'hide', postId: target.id }, 'coordinator')).status).toBe(403);
    const facilitatorPage = await (await get(board(), 'facilitator')).text();
    expect(facilitatorPage).toContain('Piilota');
    expect((await post(board(), { intent: 'hide', postId: target.id }, 'facilitator')).status).toBe(302);
    const memberPage = await (await get(board(), 'member')).text();
    expect(memberPage).not.toContain('Tämä on asiaton.');
    expect(memberPage).toContain('Ohjaaja on piilottanut tämän viestin.');
    const facilitatorView = await (await get(board(), 'facilitator')).text();
    expect(facilitatorView).toContain('Tämä on asiaton.');
    expect(facilitatorView).toContain('Näytä taas');
    expect((await post(board(), { intent: 'unhide', postId: target.id }, 'member')).status).toBe(403);
    expect((await post(board(), { intent: 'unhide', postId: target.id }, 'facilitator')).status).toBe(302);
    expect(await (await get(board(), 'member')).text()).toContain('Tämä on asiaton.');
  });

  it('only the author deletes their post', async () => {
    await post(board(), { intent: 'post', body: 'Poistettava viesti' }, 'member');
    const target = (await postsOf('member')).find((p) => p.body === 'Poistettava viesti')!;
    expect((await post(board(), { intent: 'delete', postId: target.id }, 'otherMember')).status).toBe(403);
    expect((await post(board(), { intent: 'delete', postId: target.id }, 'facilitator')).status).toBe(403);
    expect((await post(board(), { intent: 'delete', postId: target.id }, 'member')).status).toBe(302);
    expect((await postsOf('member')).find((p) => p.id === target.id)).toBeUndefined();
  });
});

describe('notification settings', () => {
  it('shows the defaults and saves the person’s own choices', async () => {
    const page = await (await get('/profile/notifications', 'member')).text();
    expect(page).toMatch(/<input[^>]*(value="weekly"[^>]*checked|checked[^>]*value="weekly")/);
    const saved = await post('/profile/notifications', { frequency: 'daily', stepReminders: 'on' }, 'member');
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe('/profile/notifications?done=saved');
    const db = app.database.db;
    expect((await db.select().from(digestPreferences).where(eq(digestPreferences.userId, ids.member!)))[0]).toMatchObject({ frequency: 'daily' });
    expect((await db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, ids.member!)))[0]).toMatchObject({ meetingReminders: false, stepReminders: true });
    expect((await post('/profile/notifications', { frequency: 'hourly' }, 'member')).status).toBe(400);
    expect((await get('/profile/notifications')).status).toBeGreaterThanOrEqual(300);
  });
});
