// The entrepreneur's home over HTTP against the real app (issue 11, point 1): overdue steps are
// marked with their date and listed first, at most five open steps with a link to the rest; the
// next meeting's card says where it is, and an online meeting's "join now" link is there only from
// 15 minutes before the start until the end; a walking meeting shows its meeting point and the
// note to dress for the weather. An expert sees the link during their own segment only.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { utcToZoned, addDays } from '../meetings/zoned-time.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { steps } from '../steps/steps.schema.ts';

let app: TestApp;
let org: { id: string };
let groupId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  org = await createTestOrganization(db);
  for (const [key, role] of [
    ['member', 'entrepreneur'],
    ['facilitator', 'facilitator'],
    ['expert', 'expert'],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org.id, role, name: `${key} Testinen` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin yrittäjät', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] });
  groupId = group.id;
});
afterAll(async () => {
  await app?.close();
});

async function home(who: string, language = 'fi'): Promise<string> {
  const res = await fetch(app.url + '/home', { redirect: 'manual', headers: { 'accept-language': language, cookie: cookies[who]! } });
  expect(res.status).toBe(200);
  return res.text();
}
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const stepsSection = (html: string) => html.slice(html.indexOf('id="home-steps"'), html.indexOf('id="home-check-ins"'));

describe('the entrepreneur home', () => {
  it('marks overdue steps with their date and lists them first, at most five with a link to the rest', async () => {
    const db = app.database.db;
    const today = utcToZoned(new Date()).date;
    const add = (text: string, dueOn: string | null) => db.insert(steps).values({ organizationId: org.id, groupId, userId: ids.member!, meetingId: null, text, dueOn });
    await add('Soita kirjanpitäjälle', addDays(today, 3));
    await add('Päivitä hinnasto', addDays(today, -2));
    await add('Kävele joka aamu', null);
    for (const n of [5, 6, 7, 8]) await add(`Myöhempi askel ${n}`, addDays(today, n));
    const html = stepsSection(await home('member'));
    const order = ['Päivitä hinnasto', 'Soita kirjanpitäjälle', 'Myöhempi askel 5'].map((t) => html.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain(`myöhässä, määräpäivä oli ${formatDateTime('fi', new Date(addDays(today, -2)), 'date')}`);
    expect((html.match(/myöhässä/g) ?? []).length).toBe(1);
    // seven open: five shown, "2 more"
    expect(html).not.toContain('Kävele joka aamu');
    expect(html).toContain('2 askelta lisää');
    await db.delete(steps).where(eq(steps.userId, ids.member!));
  });

  it('offers "join now" for an online meeting from 15 minutes before the start until the end', async () => {
    const db = app.database.db;
    const soon = await createTestMeeting(db, { organizationId: org.id, groupId, startsAt: minutes(20), minutes: 60, format: 'online' });
    let html = await home('member');
    expect(html).toContain('Etätapaaminen verkossa');
    expect(html).not.toContain('https://meet.example.fi/tyopeili-testi');
    expect(html).toContain('15 minuuttia ennen alkua');
    await db.update(meetings).set({ startsAt: minutes(10), endsAt: minutes(70) }).where(eq(meetings.id, soon.id));
    html = await home('member');
    expect(html).toMatch(/<a class="button" href="https:\/\/meet\.example\.fi\/tyopeili-testi"[^>]*>Liity nyt<\/a>/);
    await db.update(meetings).set({ startsAt: minutes(-50), endsAt: minutes(10) }).where(eq(meetings.id, soon.id));
    expect(await home('member')).toContain('>Liity nyt</a>');
    await db.delete(meetings).where(eq(meetings.id, soon.id));
  });

  it('shows the venue, or the meeting point and what to wear for a walking meeting', async () => {
    const db = app.database.db;
    const room = await createTestMeeting(db, { organizationId: org.id, groupId, startsAt: minutes(60 * 24) });
    expect(await home('member')).toContain('Paikka: Yrjönkatu 1, 28100 Pori');
    await db.execute(sql`UPDATE meetings SET format = 'walking', meeting_point = 'Kirjurinluodon portti', what_to_wear = 'kumisaappaat' WHERE id = ${room.id}`);
    const html = await home('member');
    expect(html).toContain('Kohtaamispaikka: Kirjurinluodon portti');
    expect(html).toContain('Pukeudu sään mukaan: kumisaappaat');
    await db.delete(meetings).where(eq(meetings.id, room.id));
  });
});

describe('the expert home', () => {
  it('gives the online link during the expert segment only (15 minutes before it until its end)', async () => {
    const db = app.database.db;
    // the meeting began 50 minutes ago; a 30-minute opening, then the expert's 30 minutes
    const meeting = await createTestMeeting(db, {
      organizationId: org.id,
      groupId,
      startsAt: minutes(-50),
      minutes: 120,
      format: 'online',
      agenda: [
        { kind: 'opening_round', minutes: 30 },
        { kind: 'expert_segment', minutes: 30, expertUserId: ids.expert!, topic: 'Verotus' },
      ],
    });
    // segment 30–60 min from the start: now (50) is inside
    expect(await home('expert')).toContain('>Liity nyt</a>');
    // moved so that the segment starts in 20 minutes: not yet
    await db.update(meetings).set({ startsAt: minutes(-10), endsAt: minutes(110) }).where(eq(meetings.id, meeting.id));
    expect(await home('expert')).not.toContain('Liity nyt');
    // and in 14 minutes: open
    await db.update(meetings).set({ startsAt: minutes(-16), endsAt: minutes(104) }).where(eq(meetings.id, meeting.id));
    expect(await home('expert')).toContain('>Liity nyt</a>');
    // the segment has ended though the meeting goes on
    await db.update(meetings).set({ startsAt: minutes(-61), endsAt: minutes(59) }).where(eq(meetings.id, meeting.id));
    expect(await home('expert')).not.toContain('Liity nyt');
  });
});
