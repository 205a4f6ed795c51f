// Attendance history pages over HTTP: /groups/:groupId/attendance for the group's facilitators and
// the coordinators only (a member 403, another organisation 404), with held meetings × members,
// statuses, hours and totals; /profile/attendance shows the person's own history in every
// organisation and no one else's.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { addMembership, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { attendance } from './meetings.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
let groupId = '';
const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgA = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const orgB = await createTestOrganization(db, { name: 'Vaasan Seudun Kehitys' });
  const people = {
    fasi: await createTestMember(db, { organizationId: orgA.id, role: 'facilitator', name: 'Fanni Ohjaaja' }),
    aino: await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Aino Virtanen' }),
    eero: await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Eero Korhonen' }),
    outsider: await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Olli Ulkopuolinen' }),
    coordA: await createTestMember(db, { organizationId: orgA.id, role: 'coordinator', name: 'Kirsi Koordinaattori' }),
    coordB: await createTestMember(db, { organizationId: orgB.id, role: 'coordinator', name: 'Bo Koordinator' }),
    funder: await createTestMember(db, { organizationId: orgA.id, role: 'funder', name: 'Rahoittaja Rauni' }),
  };
  await addMembership(db, { organizationId: orgB.id, userId: people.aino.id, role: 'entrepreneur' });
  for (const [key, user] of Object.entries(people)) cookies[key] = (await signIn(db, user.id)).cookie;

  const group = await createTestGroup(db, { organizationId: orgA.id, name: 'Porin aamuryhmä', facilitatorIds: [people.fasi.id], memberIds: [people.aino.id, people.eero.id] });
  groupId = group.id;
  await db.update(groupMembers).set({ joinedAt: ago(90) }).where(eq(groupMembers.groupId, group.id));
  await db.update(groupMembers).set({ leftAt: ago(10) }).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, people.eero.id)));
  await createTestGroup(db, { organizationId: orgA.id, name: 'Toinen ryhmä', memberIds: [people.outsider.id] });
  const groupB = await createTestGroup(db, { organizationId: orgB.id, name: 'Vaasan verkkoryhmä', memberIds: [people.aino.id] });
  await db.update(groupMembers).set({ joinedAt: ago(90) }).where(eq(groupMembers.groupId, groupB.id));

  const m1 = await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: ago(60), theme: 'Jaksaminen' });
  const m2 = await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: ago(30), theme: 'Hinnoittelu' });
  await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: ago(20), theme: 'Peruttu teema', status: 'cancelled' });
  await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: new Date(Date.now() + 20 * day), theme: 'Tuleva teema' });
  const mB = await createTestMeeting(db, { organizationId: orgB.id, groupId: groupB.id, startsAt: ago(15), theme: 'Verkkokauppa' });
  await db.insert(attendance).values([
    { organizationId: orgA.id, meetingId: m1.id, userId: people.aino.id, status: 'present', hours: '2.00', recordedBy: people.fasi.id },
    { organizationId: orgA.id, meetingId: m2.id, userId: people.aino.id, status: 'late', hours: '1.50', recordedBy: people.fasi.id },
    { organizationId: orgA.id, meetingId: m1.id, userId: people.eero.id, status: 'absent', hours: null, recordedBy: people.fasi.id },
    { organizationId: orgB.id, meetingId: mB.id, userId: people.aino.id, status: 'excused', hours: null },
  ]);
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}

/** The rendered text of a page, tags removed. */
async function textOf(res: Response): Promise<string> {
  const html = await res.text();
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<br\/?>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ');
}

describe('GET /groups/:groupId/attendance', () => {
  it('shows the facilitator held meetings × members with status, hours and totals', async () => {
    const res = await get(`/groups/${groupId}/attendance`, 'fasi');
    expect(res.status).toBe(200);
    const text = await textOf(res);
    expect(text).toContain('Osallistuminen: Porin aamuryhmä');
    expect(text).toContain('Jaksaminen');
    expect(text).toContain('Hinnoittelu');
    expect(text).not.toContain('Peruttu teema');
    expect(text).not.toContain('Tuleva teema');
    // Aino: present 2 h and late 1.5 h → 2 / 2 meetings, 3.5 hours.
    expect(text).toMatch(/Aino Virtanen Paikalla 2 h Myöhässä 1,5 h 2 \/ 2 3,5 h/);
    // Eero has left: absent once, nothing recorded the second time.
    expect(text).toMatch(/Eero Korhonen lähtenyt ryhmästä Poissa Ei kirjattu 0 \/ 2 0 h/);
    expect(text).not.toContain('Olli Ulkopuolinen');
  });

  it('lets the coordinator read it and refuses members, other groups, funders and other organisations', async () => {
    expect((await get(`/groups/${groupId}/attendance`, 'coordA')).status).toBe(200);
    expect((await get(`/groups/${groupId}/attendance`, 'aino')).status).toBe(403);
    expect((await get(`/groups/${groupId}/attendance`, 'outsider')).status).toBe(403);
    expect((await get(`/groups/${groupId}/attendance`, 'funder')).status).toBe(403);
    expect((await get(`/groups/${groupId}/attendance`, 'coordB')).status).toBe(404);
    expect((await get('/groups/0190a0b0-0000-7000-8000-000000000999/attendance', 'coordA')).status).toBe(404);
    expect((await get('/groups/nope/attendance', 'coordA')).status).toBe(404);
    const signedOut = await get(`/groups/${groupId}/attendance`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('GET /profile/attendance', () => {
  it('shows the person’s own history in both organisations with total hours', async () => {
    const res = await get('/profile/attendance', 'aino');
    expect(res.status).toBe(200);
    const text = await textOf(res);
    expect(text).toContain('Tunnit yhteensä: 3,5 h');
    expect(text).toContain('Osallistumiset: 2');
    expect(text).toMatch(/Porin aamuryhmä Satakunnan Yrityspalvelut Hinnoittelu Myöhässä 1,5 h/);
    expect(text).toMatch(/Porin aamuryhmä Satakunnan Yrityspalvelut Jaksaminen Paikalla 2 h/);
    expect(text).toMatch(/Vaasan verkkoryhmä Vaasan Seudun Kehitys Verkkokauppa Ilmoitettu poissaolo/);
    expect(text).not.toContain('Eero');
    expect(text).not.toContain('Tuleva teema');
  });

  it('shows a meeting held while the person was a member as not recorded', async () => {
    const text = await textOf(await get('/profile/attendance', 'eero'));
    expect(text).toMatch(/Hinnoittelu Ei kirjattu/);
    expect(text).toMatch(/Jaksaminen Poissa/);
    expect(text).toContain('Tunnit yhteensä: 0 h');
    expect(text).not.toContain('Aino');
  });

  it('has nothing for a person without meetings, and needs a session', async () => {
    expect(await textOf(await get('/profile/attendance', 'coordB'))).toContain('Historiassasi ei ole vielä tapaamisia.');
    expect((await get('/profile/attendance')).status).toBe(302);
  });
});
