// The calendar over HTTP against the real app, every output parsed with ical.js (independent of
// ical-generator, which writes it): the .ics download per meeting (members and facilitators only,
// METHOD:PUBLISH, DTSTART with TZID Europe/Helsinki on both sides of the spring DST change, SEQUENCE
// from the row, STATUS:CANCELLED) and the private feed (meetings of two organisations, not of a group
// the person left nor of other people's groups; regenerate and revoke make the old address 404).
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { addMembership, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { logSafePath } from '../../../server/app.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { calendarFeeds, meetings } from './meetings.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
type Person = 'aino' | 'fasi' | 'eero' | 'coordA' | 'coordB';
type MeetingKey = 'beforeDst' | 'afterDst' | 'old' | 'recent' | 'left' | 'others' | 'orgB' | 'removedOrg';
const ids = {} as Record<Person, string>;
const m = {} as Record<MeetingKey, string>;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true' });
  const db = app.database.db;
  const orgA = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const orgB = await createTestOrganization(db, { name: 'Vaasan Seudun Kehitys' });
  const aino = await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Aino Virtanen' });
  await addMembership(db, { organizationId: orgB.id, userId: aino.id, role: 'entrepreneur' });
  const fasi = await createTestMember(db, { organizationId: orgA.id, role: 'facilitator', name: 'Fanni Ohjaaja' });
  const eero = await createTestMember(db, { organizationId: orgA.id, role: 'entrepreneur', name: 'Eero Korhonen' });
  const coordA = await createTestMember(db, { organizationId: orgA.id, role: 'coordinator', name: 'Kirsi Koordinaattori' });
  const coordB = await createTestMember(db, { organizationId: orgB.id, role: 'coordinator', name: 'Bo Koordinator' });
  for (const [key, user] of Object.entries({ aino, fasi, eero, coordA, coordB })) {
    ids[key as Person] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const a1 = await createTestGroup(db, { organizationId: orgA.id, name: 'Porin aamuryhmä', facilitatorIds: [fasi.id], memberIds: [aino.id] });
  const a2 = await createTestGroup(db, { organizationId: orgA.id, name: 'Rauman iltaryhmä', memberIds: [aino.id] });
  await db.update(groupMembers).set({ leftAt: new Date() }).where(and(eq(groupMembers.groupId, a2.id), eq(groupMembers.userId, aino.id)));
  const a3 = await createTestGroup(db, { organizationId: orgA.id, name: 'Huittisten ryhmä', facilitatorIds: [fasi.id], memberIds: [eero.id] });
  const b1 = await createTestGroup(db, { organizationId: orgB.id, name: 'Vaasan verkkoryhmä', memberIds: [aino.id] });
  // 2027-03-28 is the spring DST change in Helsinki: 17:00 is 15:00Z before it, 14:00Z after.
  m.beforeDst = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a1.id, startsAt: new Date('2027-03-23T15:00:00Z'), theme: 'Jaksaminen' })).id;
  m.afterDst = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a1.id, startsAt: new Date('2027-04-06T14:00:00Z'), theme: 'Hinnoittelu', status: 'cancelled' })).id;
  m.old = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a1.id, startsAt: new Date(Date.now() - 200 * 86_400_000), theme: 'Vanha' })).id;
  m.recent = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a1.id, startsAt: new Date(Date.now() - 30 * 86_400_000), theme: 'Äskettäin' })).id;
  m.left = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a2.id, startsAt: new Date('2027-03-24T15:00:00Z') })).id;
  m.others = (await createTestMeeting(db, { organizationId: orgA.id, groupId: a3.id, startsAt: new Date('2027-03-25T15:00:00Z') })).id;
  m.orgB = (await createTestMeeting(db, { organizationId: orgB.id, groupId: b1.id, startsAt: new Date('2027-05-04T14:00:00Z'), format: 'online', theme: 'Verkkokauppa' })).id;
  // An organisation that has since removed her: its group still lists her, but the feed must not.
  const orgC = await createTestOrganization(db, { name: 'Rauman Seudun Yrityskeskus' });
  await addMembership(db, { organizationId: orgC.id, userId: aino.id, role: 'entrepreneur' });
  const c1 = await createTestGroup(db, { organizationId: orgC.id, name: 'Rauman ryhmä', memberIds: [aino.id] });
  m.removedOrg = (await createTestMeeting(db, { organizationId: orgC.id, groupId: c1.id, startsAt: new Date('2027-03-26T15:00:00Z') })).id;
  await db.delete(memberships).where(and(eq(memberships.organizationId, orgC.id), eq(memberships.userId, aino.id)));
  await db.update(meetings).set({ sequence: 3 }).where(eq(meetings.id, m.beforeDst));
  await db.update(meetings).set({ sequence: 2 }).where(eq(meetings.id, m.afterDst));
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: { 'x-forwarded-for': freshIp(), ...(who ? { cookie: cookies[who]! } : {}) } });
}

function post(path: string, fields: Record<string, string>, who: string) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': freshIp(), cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const vevents = root.getAllSubcomponents('vevent');
  const byUid = new Map(vevents.map((v) => [String(v.getFirstPropertyValue('uid')), v]));
  return { root, vevents, byUid };
}

const uid = (meetingId: string) => `${meetingId}@tyopeili`;

/** Creates (or regenerates) the person's feed through the page; returns its path. */
async function createFeed(who: string): Promise<{ path: string; html: string }> {
  const res = await post('/profile/calendar', { intent: 'create' }, who);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  const html = await res.text();
  const url = /<input[^>]*value="([^"]+\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)?.[1];
  expect(url, 'feed URL in a read-only field').toBeTruthy();
  return { path: new URL(url!).pathname, html };
}

describe('GET /meetings/:meetingId/calendar.ics', () => {
  it('gives a member the meeting as METHOD:PUBLISH with TZID Europe/Helsinki, SEQUENCE from the row and a dated filename', async () => {
    const res = await get(`/meetings/${m.beforeDst}/calendar.ics`, 'aino');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tyopeili-2027-03-23.ics"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const { root, vevents } = parse(await res.text());
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(vevents).toHaveLength(1);
    const vevent = vevents[0]!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(uid(m.beforeDst));
    expect(event.sequence).toBe(3);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(event.startDate.toString()).toBe('2027-03-23T17:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-23T15:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-23T17:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.summary).toBe('Porin aamuryhmä: Jaksaminen');
    expect(event.location).toContain('Yrjönkatu 1');
    // No people in a downloaded file.
    expect(vevent.getAllProperties('attendee')).toHaveLength(0);
    expect(vevent.getFirstProperty('organizer')).toBeNull();
  });

  it('keeps 17:00 local after the DST change and marks a cancelled meeting STATUS:CANCELLED', async () => {
    const res = await get(`/meetings/${m.afterDst}/calendar.ics`, 'fasi');
    expect(res.status).toBe(200);
    const vevent = parse(await res.text()).vevents[0]!;
    const event = new ICAL.Event(vevent);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(event.startDate.toString()).toBe('2027-04-06T17:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-04-06T14:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
  });

  it('carries the online link for a member (another organisation of hers)', async () => {
    const res = await get(`/meetings/${m.orgB}/calendar.ics`, 'aino');
    expect(res.status).toBe(200);
    const text = await res.text();
    const event = new ICAL.Event(parse(text).vevents[0]!);
    expect(event.description).toContain('https://meet.example.fi/tyopeili-testi');
    expect(String(parse(text).vevents[0]!.getFirstPropertyValue('url'))).toBe('https://meet.example.fi/tyopeili-testi');
  });

  it('refuses everyone else: 403 inside the organisation, 404 outside it, sign-in when signed out', async () => {
    expect((await get(`/meetings/${m.beforeDst}/calendar.ics`, 'eero')).status).toBe(403);
    expect((await get(`/meetings/${m.beforeDst}/calendar.ics`, 'coordA')).status).toBe(403);
    expect((await get(`/meetings/${m.beforeDst}/calendar.ics`, 'coordB')).status).toBe(404);
    expect((await get(`/meetings/${m.left}/calendar.ics`, 'aino')).status).toBe(403);
    expect((await get(`/meetings/${m.others}/calendar.ics`, 'aino')).status).toBe(403);
    expect((await get(`/meetings/${m.removedOrg}/calendar.ics`, 'aino')).status).toBe(404);
    expect((await get(`/meetings/0190a0b0-0000-7000-8000-000000000999/calendar.ics`, 'aino')).status).toBe(404);
    expect((await get(`/meetings/not-a-uuid/calendar.ics`, 'aino')).status).toBe(404);
    const signedOut = await get(`/meetings/${m.beforeDst}/calendar.ics`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    const refused = await get(`/meetings/${m.beforeDst}/calendar.ics`, 'eero');
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(await refused.text()).not.toContain('BEGIN:VCALENDAR');
  });
});

describe('the private feed', () => {
  it('lists the person’s meetings in both organisations, from three months back, and nothing else (not a left group, not others’ groups, not an organisation that removed her)', async () => {
    const { path, html } = await createFeed('aino');
    expect(html).toMatch(/href="webcal:\/\/[^"]+\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics"/);
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    const { root, byUid } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Työpeili – omat tapaamiset');
    expect(root.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect([...byUid.keys()].sort()).toEqual([uid(m.beforeDst), uid(m.afterDst), uid(m.recent), uid(m.orgB)].sort());
    const before = byUid.get(uid(m.beforeDst))!;
    const after = byUid.get(uid(m.afterDst))!;
    expect(before.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(new ICAL.Event(before).startDate.toJSDate().toISOString()).toBe('2027-03-23T15:00:00.000Z');
    expect(new ICAL.Event(after).startDate.toString()).toBe('2027-04-06T17:00:00');
    expect(new ICAL.Event(after).startDate.toJSDate().toISOString()).toBe('2027-04-06T14:00:00.000Z');
    expect(new ICAL.Event(before).sequence).toBe(3);
    expect(after.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Event(after).sequence).toBe(2);
    expect(new ICAL.Event(byUid.get(uid(m.orgB))!).description).toContain('https://meet.example.fi/tyopeili-testi');
    // No one's e-mail address in a feed.
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|@example\.fi/);

    // UIDs are stable: the same on every fetch and the same as in the single download.
    const again = parse(await (await get(path)).text());
    expect([...again.byUid.keys()].sort()).toEqual([...byUid.keys()].sort());
    const single = parse(await (await get(`/meetings/${m.beforeDst}/calendar.ics`, 'aino')).text());
    expect(String(single.vevents[0]!.getFirstPropertyValue('uid'))).toBe(uid(m.beforeDst));

    // Only the token's SHA-256 is stored.
    const token = /\/calendar\/feed\/(.+)\.ics$/.exec(path)![1]!;
    const [row] = await app.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, ids.aino));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('gives a facilitator the meetings of every group they facilitate', async () => {
    const { path } = await createFeed('fasi');
    const { byUid } = parse(await (await get(path)).text());
    expect([...byUid.keys()].sort()).toEqual([uid(m.beforeDst), uid(m.afterDst), uid(m.recent), uid(m.others)].sort());
  });

  it('regenerating makes the old address 404 and the new one work; revoking makes it 404', async () => {
    const first = await createFeed('eero');
    expect((await get(first.path)).status).toBe(200);
    const page = await get('/profile/calendar', 'eero');
    expect(await page.text()).toContain('Kalenteritilaus on käytössä');

    const second = await createFeed('eero');
    expect(second.html).toContain('vanha osoite ei enää toimi');
    expect(second.path).not.toBe(first.path);
    const old = await get(first.path);
    expect(old.status).toBe(404);
    expect(old.headers.get('cache-control')).toBe('private, no-store');
    const oldBody = await old.text();
    expect((await get(second.path)).status).toBe(200);

    const revoke = await post('/profile/calendar', { intent: 'revoke' }, 'eero');
    expect(revoke.status).toBe(302);
    expect(revoke.headers.get('location')).toBe('/profile/calendar?done=revoked');
    const revoked = await get(second.path);
    expect(revoked.status).toBe(404);
    // Revoked, unknown and malformed all look the same.
    const unknown = await get(`/calendar/feed/${'A'.repeat(43)}.ics`);
    const malformed = await get('/calendar/feed/nonsense.ics');
    const noExtension = await get(second.path.replace(/\.ics$/, ''));
    for (const res of [unknown, malformed, noExtension]) expect(res.status).toBe(404);
    expect(await revoked.text()).toBe(oldBody);
    expect(await unknown.text()).toBe(oldBody);
    expect(await (await get('/profile/calendar', 'eero')).text()).toContain('Sinulla ei ole kalenteritilausta.');

    const actions = await app.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, ids.eero));
    expect(actions.map((a) => a.action)).toEqual(['calendar.feed_created', 'calendar.feed_regenerated', 'calendar.feed_revoked']);
  });

  it('answers a bad intent with 400 and needs a session for the page', async () => {
    expect((await post('/profile/calendar', { intent: 'steal' }, 'aino')).status).toBe(400);
    const res = await fetch(app.url + '/profile/calendar', { redirect: 'manual' });
    expect(res.status).toBe(302);
  });

  it('rate-limits one address with 429 and Retry-After', async () => {
    const path = `/calendar/feed/${'B'.repeat(43)}.ics`;
    let last: Response | null = null;
    for (let i = 0; i < 61; i++) {
      last = await get(path);
      if (i < 60) expect(last.status).toBe(404);
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never writes the token to the request log', () => {
    const token = 'x'.repeat(10) + 'Ab3_-'.repeat(6) + 'zzz';
    expect(logSafePath(`/calendar/feed/${token}.ics`)).toBe('/calendar/feed/:secret');
  });
});
