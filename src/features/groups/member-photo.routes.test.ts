// A member's optional photo over HTTP: the member sets it (typed by its bytes; a web page
// renamed .jpg is refused and nothing is saved), the others in the group see it, people
// outside the group do not, and the member can remove it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { pngBytes } from '../../../tests/factories/files.ts';
import { groupMembers } from './groups.schema.ts';

let app: TestApp;
let groupId: string;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  const roster = [
    ['aino', org.id, 'entrepreneur'],
    ['eero', org.id, 'entrepreneur'],
    ['outsider', org.id, 'entrepreneur'],
    ['facilitator', org.id, 'facilitator'],
    ['otherCoordinator', other.id, 'coordinator'],
  ] as const;
  for (const [key, organizationId, role] of roster) {
    const user = await createTestMember(db, { organizationId, role, name: `${key} Testinen` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  groupId = (await createTestGroup(db, { organizationId: org.id, facilitatorIds: [ids.facilitator!], memberIds: [ids.aino!, ids.eero!] })).id;
});
afterAll(async () => {
  await app?.close();
});

function upload(who: string, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.set('photo', new Blob([bytes]), name);
  return fetch(`${app.url}/groups/${groupId}/photo`, { method: 'POST', redirect: 'manual', headers: { origin: app.url, cookie: cookies[who]! }, body: form });
}
const photoOf = (userId: string, who: string) => fetch(`${app.url}/groups/${groupId}/photos/${userId}`, { redirect: 'manual', headers: { cookie: cookies[who]! } });
const stored = async (userId: string) => (await app.database.db.select().from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId))))[0]!.photoPath;

describe('member photo', () => {
  it('refuses a file that is not an image, whatever its name, and saves nothing', async () => {
    const res = await upload('aino', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'kuva.jpg');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/groups/${groupId}/agreement?photoError=photo_type`);
    expect(await stored(ids.aino!)).toBeNull();
    const page = await fetch(`${app.url}${res.headers.get('location')}`, { headers: { cookie: cookies.aino! } });
    expect(await page.text()).toContain('Tiedosto ei ole JPEG-, PNG- tai WebP-kuva.');
  });

  it('the member sets a photo; the group sees it as an image, others do not', async () => {
    const res = await upload('aino', new Uint8Array(pngBytes()), 'aino.png');
    expect(res.headers.get('location')).toBe(`/groups/${groupId}/agreement?photo=saved`);
    const seen = await photoOf(ids.aino!, 'eero');
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await seen.arrayBuffer()).equals(pngBytes())).toBe(true);
    expect((await photoOf(ids.aino!, 'facilitator')).status).toBe(200);
    expect((await photoOf(ids.aino!, 'outsider')).status).toBe(403);
    expect((await photoOf(ids.aino!, 'otherCoordinator')).status).toBe(404);
    expect((await photoOf(ids.eero!, 'aino')).status).toBe(404); // Eero has none
    expect(await (await fetch(`${app.url}/groups/${groupId}`, { headers: { cookie: cookies.eero! } })).text()).toContain(`/groups/${groupId}/photos/${ids.aino}`);
    // Only a member sets their own photo.
    expect((await upload('outsider', new Uint8Array(pngBytes()), 'x.png')).status).toBe(403);
  });

  it('the member removes it', async () => {
    const form = new FormData();
    form.set('intent', 'remove');
    const res = await fetch(`${app.url}/groups/${groupId}/photo`, { method: 'POST', redirect: 'manual', headers: { origin: app.url, cookie: cookies.aino! }, body: form });
    expect(res.headers.get('location')).toBe(`/groups/${groupId}/agreement?photo=removed`);
    expect(await stored(ids.aino!)).toBeNull();
    expect((await photoOf(ids.aino!, 'eero')).status).toBe(404);
  });
});
