// The coordinator's event pages over HTTP, through the app's runtime role: the list with counts
// per event and tour, a new tour and a new event typed the Finnish way (bad input refused with a
// translated error summary and nothing saved), publish, change (registrants told), cancel (asked
// first), the registrations page with feedback withheld, the XLSX (cells neutralised, the read
// logged), the check-in list (GET search, POST tick and undo) and its PDF, the public feedback
// form (once per registration), and another organisation's events answering 404.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { eventFeedback, eventRegistrations, events } from './events.schema.ts';
import { createEvent, type EventDeps } from './manage-events.ts';
import { markAttended, registerForEvent } from './register.ts';
import { sendFeedbackRequests } from './follow-ups.ts';

let app: TestApp;
let deps: EventDeps;
let orgId: string;
let otherEventId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  deps = app.services;
  const db = app.database.db;
  const org = await createTestOrganization(db);
  orgId = org.id;
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const entrepreneur = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' });
  const other = await createTestOrganization(db);
  const elsewhere = await createTestMember(db, { organizationId: other.id, role: 'coordinator' });
  cookies.coordinator = (await signIn(db, coordinator.id)).cookie;
  cookies.facilitator = (await signIn(db, facilitator.id)).cookie;
  cookies.entrepreneur = (await signIn(db, entrepreneur.id)).cookie;
  cookies.elsewhere = (await signIn(db, elsewhere.id)).cookie;
  const otherActor = await actorFor(db, elsewhere.id, other.id);
  otherEventId = (
    await createEvent(otherActor, deps, {
      organizationId: other.id,
      tourId: null,
      title: 'TOISEN-ORGANISAATION-TAPAHTUMA',
      description: '',
      startsAt: new Date(Date.now() + 20 * 86_400_000),
      endsAt: new Date(Date.now() + 20 * 86_400_000 + 7_200_000),
      venue: 'Muualla',
      onlineUrl: null,
      capacity: 10,
      registrationDeadline: new Date(Date.now() + 18 * 86_400_000),
      speakers: '',
    })
  ).id;
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who?: string) =>
  fetch(`${app.url}${path}`, { headers: { 'accept-language': 'fi', ...(who ? { cookie: cookies[who]! } : {}) }, redirect: 'manual' });
const post = (path: string, body: Record<string, string>, who?: string) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi', ...(who ? { cookie: cookies[who]! } : {}) },
    body: new URLSearchParams(body).toString(),
  });

const year = new Date().getUTCFullYear() + 1;
const eventForm = (over: Record<string, string> = {}) => ({
  title: 'Tietosuoja pienyrityksessä',
  description: 'Mitä GDPR vaatii yrittäjältä.',
  date: `14.1.${year}`,
  startTime: '17.00',
  endTime: '19.30',
  venue: 'Kirjasto, Kirjastokatu 4, Rauma',
  onlineUrl: '',
  capacity: '2',
  deadlineDate: `12.1.${year}`,
  deadlineTime: '',
  speakers: 'Pekka Puhuja',
  tourId: '',
  ...over,
});

let eventId = '';
let tourId = '';

describe('creating and publishing', () => {
  it('is the coordinator’s: others get 403, signed-out people sign in, another organisation’s events 404', async () => {
    expect((await get('/organization/events', 'coordinator')).status).toBe(200);
    expect((await get('/organization/events', 'facilitator')).status).toBe(403);
    expect((await get('/organization/events', 'entrepreneur')).status).toBe(403);
    expect((await get('/organization/events')).status).toBe(302);
    expect((await get('/organization/events/new', 'facilitator')).status).toBe(403);
    for (const path of ['', '/edit', '/check-in', '/check-in.pdf', '/registrations.csv', '/registrations.xlsx'])
      expect((await get(`/organization/events/${otherEventId}${path}`, 'coordinator')).status, path).toBe(404);
    expect((await get('/organization/events/not-a-uuid', 'coordinator')).status).toBe(404);
    expect(await (await get('/organization/events', 'coordinator')).text()).not.toContain('TOISEN-ORGANISAATION-TAPAHTUMA');
  });

  it('creates a tour, refuses a bad event with a translated summary and saves nothing, then creates a draft in Helsinki time', async () => {
    const tour = await post('/organization/events', { intent: 'tour', name: 'Timanttikiertue 2027', description: '' }, 'coordinator');
    expect(tour.status).toBe(302);
    expect(tour.headers.get('location')).toBe('/organization/events?done=tourCreated');
    const noName = await post('/organization/events', { intent: 'tour', name: ' ' }, 'coordinator');
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('Kirjoita kiertueen nimi.');
    const [row] = await app.database.db.select().from(events).where(eq(events.organizationId, orgId));
    expect(row).toBeUndefined();
    const { rows: tours } = await app.database.pool.query(`SELECT id FROM event_tours WHERE organization_id = $1`, [orgId]);
    tourId = tours[0].id;

    const bad = await post('/organization/events/new', eventForm({ title: '', date: '31.2.2027', endTime: '16.00', venue: '', capacity: 'paljon', tourId: otherEventId }), 'coordinator');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('class="error-summary"');
    for (const text of ['Kirjoita tapahtuman nimi.', 'Kirjoita päivä muodossa 14.1.2027.', 'Kirjoita paikkamäärä numerona']) expect(html).toContain(text);
    const noPlace = await post('/organization/events/new', eventForm({ venue: '', endTime: '16.00' }), 'coordinator');
    expect(noPlace.status).toBe(400);
    const noPlaceHtml = await noPlace.text();
    expect(noPlaceHtml).toContain('Anna tapahtumapaikka tai verkkolinkki.');
    expect(noPlaceHtml).toContain('Päättymisajan pitää olla alkamisajan jälkeen.');
    const unknownTour = await post('/organization/events/new', eventForm({ tourId: otherEventId }), 'coordinator');
    expect(unknownTour.status).toBe(400);
    expect(await unknownTour.text()).toContain('Valitse kiertue listasta.');
    expect(await app.database.db.select().from(events).where(eq(events.organizationId, orgId))).toHaveLength(0);

    const made = await post('/organization/events/new', eventForm({ tourId }), 'coordinator');
    expect(made.status).toBe(302);
    const location = made.headers.get('location')!;
    expect(location).toMatch(/^\/organization\/events\/[0-9a-f-]+\?done=created$/);
    eventId = location.split('/')[3]!.split('?')[0]!;
    const [event] = await app.database.db.select().from(events).where(eq(events.id, eventId));
    // 17.00 Helsinki in January is 15.00 UTC; the deadline is the end of its day.
    expect(event).toMatchObject({ status: 'draft', tourId, capacity: 2, startsAt: new Date(`${year}-01-14T15:00:00Z`), endsAt: new Date(`${year}-01-14T17:30:00Z`) });
    expect(event!.registrationDeadline).toEqual(new Date(`${year}-01-12T21:59:00Z`));
    expect((await get(`/events/${eventId}`)).status).toBe(404);
  });

  it('publishes; the list shows the counts per event and per tour', async () => {
    const page = await get(`/organization/events/${eventId}`, 'coordinator');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Julkaise tapahtuma');
    expect((await post(`/organization/events/${eventId}`, { intent: 'publish' }, 'facilitator')).status).toBe(403);
    const published = await post(`/organization/events/${eventId}`, { intent: 'publish' }, 'coordinator');
    expect(published.headers.get('location')).toBe(`/organization/events/${eventId}?done=published`);
    expect((await get(`/events/${eventId}`)).status).toBe(200);
    for (const name of ['Aino Aaltonen', 'Eero Esimerkki', 'Stina Sund'])
      await registerForEvent(null, deps, {
        organizationId: orgId,
        eventId,
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.fi`,
        organisation: name === 'Aino Aaltonen' ? '=HYPERLINK("http://x")' : '@Pahis Oy',
        dietaryNeeds: null,
        accessibilityNeeds: null,
        consent: true,
        locale: 'fi',
      });
    const list = await (await get('/organization/events', 'coordinator')).text();
    expect(list).toContain('Tietosuoja pienyrityksessä');
    // confirmed 2, waitlisted 1, cancelled 0, attended 0 — for the event and for its tour.
    expect(list.match(/<td>2<\/td><td>1<\/td><td>0<\/td><td>0<\/td>/g)).toHaveLength(2);
    const admin = await (await get(`/organization/events/${eventId}`, 'coordinator')).text();
    expect(admin).toContain('Stina Sund');
    expect(admin).toContain('Jonossa (1)');
    expect(admin).toContain('Palautetta näytetään, kun vastauksia on vähintään viisi');
    const { rows } = await app.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read.events.registrations' AND target_id = $1`, [eventId]);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('changes the event and tells the registrants; a capacity below the seats is a field error', async () => {
    const below = await post(`/organization/events/${eventId}/edit`, eventForm({ tourId, capacity: '1' }), 'coordinator');
    expect(below.status).toBe(409);
    expect(await below.text()).toContain('Paikkamäärä ei voi olla pienempi');
    const edit = await get(`/organization/events/${eventId}/edit`, 'coordinator');
    expect(await edit.text()).toContain(`value="14.1.${year}"`);
    const changed = await post(`/organization/events/${eventId}/edit`, eventForm({ tourId, startTime: '18.00' }), 'coordinator');
    expect(changed.headers.get('location')).toBe(`/organization/events/${eventId}?done=changed`);
    const { rows } = await app.database.pool.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'eventChanged' AND data->>'to' = 'aino@example.fi'`,
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('exports and the check-in list', () => {
  it('exports XLSX with cells beginning = + - @ neutralised, logged, the coordinator’s alone', async () => {
    const res = await get(`/organization/events/${eventId}/registrations.xlsx`, 'coordinator');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Järjestys');
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'=HYPERLINK("http://x")`);
    expect(values).toContain(`'@Pahis Oy`);
    for (const v of values) {
      if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@]/);
      else expect(typeof v === 'number' || v === null).toBe(true);
    }
    const { rows } = await app.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read.events.registrations' AND target_id = $1 AND created_at > now() - interval '1 minute'`, [eventId]);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
    expect((await get(`/organization/events/${eventId}/registrations.xlsx`, 'facilitator')).status).toBe(403);
    expect((await get(`/organization/events/${eventId}/registrations.xlsx`, 'elsewhere')).status).toBe(404);
  });

  it('searches by name (GET), ticks present and undoes (POST); facilitators may, others not; the PDF lists the seats', async () => {
    const path = `/organization/events/${eventId}/check-in`;
    const found = await (await get(`${path}?q=aino`, 'facilitator')).text();
    expect(found).toContain('Aino Aaltonen');
    expect(found).not.toContain('Eero Esimerkki');
    expect(found).not.toContain('Stina Sund');
    const [aino] = await app.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, 'aino@example.fi'));
    const tick = await post(path, { registrationId: aino!.id, attended: 'yes', q: 'aino' }, 'facilitator');
    expect(tick.status).toBe(302);
    expect(tick.headers.get('location')).toBe(`${path}?q=aino&done=in&who=${aino!.id}#person-${aino!.id}`);
    const after = await (await get(`${path}?q=aino&done=in&who=${aino!.id}`, 'facilitator')).text();
    expect(after).toContain('Aino Aaltonen: merkitty paikalla.');
    expect(after).toContain('Paikalla 1 / 2');
    let [row] = await app.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, aino!.id));
    expect(row!.attendedAt).not.toBeNull();
    await post(path, { registrationId: aino!.id, attended: 'no' }, 'coordinator');
    [row] = await app.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, aino!.id));
    expect(row!.attendedAt).toBeNull();
    await post(path, { registrationId: aino!.id, attended: 'yes' }, 'coordinator');
    expect((await post(path, { registrationId: aino!.id, attended: 'yes' }, 'entrepreneur')).status).toBe(403);
    expect((await post(`/organization/events/${otherEventId}/check-in`, { registrationId: aino!.id, attended: 'yes' }, 'coordinator')).status).toBe(404);
    expect((await post(path, { registrationId: 'x', attended: 'yes' }, 'coordinator')).status).toBe(404);
    expect((await post(path, { registrationId: aino!.id, attended: 'maybe' }, 'coordinator')).status).toBe(400);
    const pdf = await get(`${path}.pdf`, 'facilitator');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });
});

describe('feedback by the mailed link', () => {
  it('asks once, saves one answer per registration and refuses a second', async () => {
    await markAttended(await actorFor(app.database.db, (await app.database.pool.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'coordinator'`, [orgId])).rows[0].user_id, orgId), deps, {
      organizationId: orgId,
      eventId,
      registrationId: (await app.database.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.email, 'eero@example.fi'), eq(eventRegistrations.eventId, eventId))))[0]!.id,
      attended: true,
    });
    const [event] = await app.database.db.select().from(events).where(eq(events.id, eventId));
    await sendFeedbackRequests(deps, new Date(event!.endsAt.getTime() + 3_600_000));
    const { rows } = await app.database.pool.query(
      `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'eventFeedbackRequest' AND data->>'to' = 'aino@example.fi'`,
    );
    expect(rows).toHaveLength(1);
    const path = new URL(String(rows[0].data.values.feedbackUrl)).pathname;
    const form = await get(path);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Millainen tapahtuma oli kokonaisuutena?');
    const bad = await post(path, { overall: '7', comment: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Valitse arvio 1–5.');
    const ok = await post(path, { overall: '4', usefulness: '5', comment: 'Selkeä esitys' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(`${path}?done=1`);
    const again = await post(path, { overall: '1', usefulness: '1' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Olet jo antanut palautteen');
    expect(await (await get(path)).text()).toContain('Olet jo antanut palautteen');
    expect(await app.database.db.select().from(eventFeedback).where(eq(eventFeedback.eventId, eventId))).toHaveLength(1);
    expect(await (await get(`/events/feedback/${'a'.repeat(43)}`)).text()).toContain('Palautelinkki ei ole voimassa.');
    expect((await get('/events/feedback/x')).status).toBe(200);
  });
});

describe('cancelling', () => {
  it('asks first and changes nothing; the confirmed POST cancels and tells the registrants', async () => {
    const ask = await post(`/organization/events/${eventId}`, { intent: 'cancel' }, 'coordinator');
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('Vahvistan, että tapahtuma perutaan');
    let [event] = await app.database.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.status).toBe('published');
    const done = await post(`/organization/events/${eventId}`, { intent: 'cancel', confirm: 'on' }, 'coordinator');
    expect(done.headers.get('location')).toBe('/organization/events?done=cancelled');
    [event] = await app.database.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.status).toBe('cancelled');
    const { rows } = await app.database.pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'eventCancelled' AND data->>'to' = 'eero@example.fi'`);
    expect(rows[0].n).toBe(1);
    expect((await get(`/organization/events/${eventId}/edit`, 'coordinator')).status).toBe(403);
  });
});
