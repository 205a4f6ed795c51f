// The public event pages over HTTP, through the app's runtime role: the list (no drafts), an
// event's page without the online link, registration without an account (a seat, then the waiting
// list), bad input refused with a translated message and nothing saved, and the cancel link (GET
// only asks; POST cancels and promotes the next at once).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, actorFor, signIn } from '../../../tests/factories/organizations.ts';
import { issueFormToken } from '../intake/form-token.ts';
import { eventRegistrations } from './events.schema.ts';
import { createEvent, publishEvent, type EventDeps } from './manage-events.ts';
import { registerForEvent } from './register.ts';

let app: TestApp;
let deps: EventDeps;
let eventId: string;
let draftId: string;
let orgId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  deps = app.services;
  const db = app.database.db;
  const org = await createTestOrganization(db);
  orgId = org.id;
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const actor = await actorFor(db, coordinator.id, org.id);
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const elsewhere = await createTestMember(db, { organizationId: (await createTestOrganization(db)).id, role: 'coordinator' });
  cookies.coordinator = (await signIn(db, coordinator.id)).cookie;
  cookies.facilitator = (await signIn(db, facilitator.id)).cookie;
  cookies.elsewhere = (await signIn(db, elsewhere.id)).cookie;
  const base = {
    organizationId: org.id,
    tourId: null,
    description: 'Tietosuoja käytännössä.',
    startsAt: new Date(Date.now() + 20 * 86_400_000),
    endsAt: new Date(Date.now() + 20 * 86_400_000 + 7_200_000),
    venue: 'Seinäjoen kirjasto',
    onlineUrl: 'https://meet.example.fi/SALAINEN-LINKKI',
    capacity: 1,
    registrationDeadline: new Date(Date.now() + 18 * 86_400_000),
    speakers: 'Pekka Puhuja',
  };
  const event = await createEvent(actor, deps, { ...base, title: 'Tietosuoja-ilta' });
  await publishEvent(actor, deps, { organizationId: org.id, eventId: event.id });
  eventId = event.id;
  draftId = (await createEvent(actor, deps, { ...base, title: 'LUONNOS-TAPAHTUMA' })).id;
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { headers: { 'accept-language': 'fi' }, redirect: 'manual' });
const post = (path: string, body: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
    body: new URLSearchParams(body).toString(),
  });
const token = () => issueFormToken(app.services.config.sessionSecret, new Date(Date.now() - 10_000));
const form = (over: Record<string, string> = {}) => ({
  formToken: token(),
  name: 'Aino Aaltonen',
  email: 'aino@example.fi',
  organisation: 'Kahvila Aino',
  dietaryNeeds: '',
  accessibilityNeeds: '',
  consent: 'on',
  ...over,
});

describe('the public pages', () => {
  it('list published events, not drafts, and the front page links there', async () => {
    const html = await (await get('/events')).text();
    expect(html).toContain('Tietosuoja-ilta');
    expect(html).not.toContain('LUONNOS-TAPAHTUMA');
    expect((await get(`/events/${draftId}`)).status).toBe(404);
    expect((await get('/events/not-a-uuid')).status).toBe(404);
    expect(await (await get('/')).text()).toContain('href="/events"');
  });

  it('show an event without its online link', async () => {
    const res = await get(`/events/${eventId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Pekka Puhuja');
    expect(html).not.toContain('SALAINEN-LINKKI');
  });
});

describe('registering and cancelling', () => {
  it('refuses bad input with a translated message and saves nothing', async () => {
    const res = await post(`/events/${eventId}`, form({ email: 'ei-osoite', consent: '' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Kirjoita sähköpostiosoite muodossa');
    expect(html).toContain('Hyväksy tietosuojaseloste');
    const rows = await app.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
    expect(rows).toHaveLength(0);
  });

  it('gives the seat, then the waiting list; the cancel link asks on GET and cancels on POST, promoting the next', async () => {
    const first = await post(`/events/${eventId}`, form());
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/events/${eventId}?done=confirmed`);
    const again = await post(`/events/${eventId}`, form());
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('on jo ilmoittauduttu');
    const second = await post(`/events/${eventId}`, form({ name: 'Stina Sund', email: 'stina@example.fi' }));
    expect(second.headers.get('location')).toBe(`/events/${eventId}?done=waitlisted`);
    expect(await (await get(`/events/${eventId}?done=waitlisted`)).text()).toContain('Olet jonossa');

    // A registration whose token we hold, made the way the page does (the page mails it).
    const third = await registerForEvent(null, deps, {
      organizationId: orgId,
      eventId,
      name: 'Kolmas',
      email: 'kolmas@example.fi',
      organisation: null,
      dietaryNeeds: null,
      accessibilityNeeds: null,
      consent: true,
      locale: 'fi',
    });
    const db = app.database.db;
    const [aino] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.email, 'aino@example.fi'));
    expect(aino?.status).toBe('confirmed');
    // Cancel the waitlisted third by its link: GET only asks.
    const path = `/events/cancel/${third.cancelToken}`;
    const ask = await get(path);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('Haluatko poistua jonosta');
    const [still] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, third.registration.id));
    expect(still?.status).toBe('waitlisted');
    const done = await post(path, {});
    expect(done.status).toBe(302);
    const [gone] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, third.registration.id));
    expect(gone?.status).toBe('cancelled');
    const used = await get(path);
    expect(used.status).toBe(200);
    expect(await used.text()).toContain('Peruutuslinkki ei ole voimassa');
    expect((await post(path, {})).status).toBe(200);
    expect((await get(`/events/cancel/${'a'.repeat(43)}`)).status).toBe(200);
  });
});

describe('the coordinator’s CSV', () => {
  it('neutralises cells beginning with = + - @, logs the read, and is the coordinator’s alone', async () => {
    await registerForEvent(null, deps, {
      organizationId: orgId,
      eventId,
      name: '=HYPERLINK("http://x")',
      email: 'csv@example.fi',
      organisation: '@Pahis Oy',
      dietaryNeeds: '-',
      accessibilityNeeds: null,
      consent: true,
      locale: 'fi',
    });
    const path = `/organization/events/${eventId}/registrations.csv`;
    const as = (who: string) => fetch(`${app.url}${path}`, { headers: { cookie: cookies[who]!, 'accept-language': 'fi' }, redirect: 'manual' });
    const res = await as('coordinator');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv).toContain('Järjestys;Tila;Nimi');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'@Pahis Oy"`);
    expect(csv).not.toMatch(/;=|;@|;-;/);
    const { rows } = await app.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read.events.registrations' AND target_id = $1`, [
      eventId,
    ]);
    expect(rows[0].n).toBe(1);
    expect((await as('facilitator')).status).toBe(403);
    expect((await as('elsewhere')).status).toBe(404);
  });
});
