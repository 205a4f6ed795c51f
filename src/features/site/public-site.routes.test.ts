// The public site's pages over HTTP (issue 14, point 1), without signing in: the front page with
// the next three published events, how a group works, the organisations' list and each one's page
// (404 for an unknown slug), the accessibility statement from its data; each with its own title,
// description and Open Graph tags (og:url absolute from APP_URL, og:locale by language). Also the
// coordinator's public contact on the settings page and the admin's statement form.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { createEvent, publishEvent } from '../events/manage-events.ts';
import { setServedMunicipalities } from '../organizations/served-municipalities.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { getAccessibilityStatement } from './accessibility-statement.ts';

let app: TestApp;
let appUrl: string;
let orgId: string;
const slug = 'porin-yrityspalvelut';
const cookies: Record<string, string> = {};
const eventIds: string[] = [];
let draftId: string;
let otherOrgEventId: string;

const day = 86_400_000;

beforeAll(async () => {
  app = await startTestApp();
  appUrl = app.services.config.appUrl;
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Porin Yrityspalvelut', slug });
  orgId = org.id;
  const other = await createTestOrganization(db, { name: 'Rauman Kehitys', slug: 'rauman-kehitys' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const admin = await createTestMember(db, { organizationId: org.id, role: 'admin' });
  cookies.coordinator = (await signIn(db, coordinator.id)).cookie;
  cookies.facilitator = (await signIn(db, facilitator.id)).cookie;
  cookies.admin = (await signIn(db, admin.id)).cookie;
  const actor = await actorFor(db, coordinator.id, org.id);
  await setServedMunicipalities(actor, app.services, { organizationId: org.id, municipalities: ['609', '684'] });
  const base = (n: number) => ({
    organizationId: org.id,
    tourId: null,
    description: 'Timanttikiertueen ilta palautumisesta ja jaksamisesta yrittäjän arjessa.',
    startsAt: new Date(Date.now() + n * day),
    endsAt: new Date(Date.now() + n * day + 7_200_000),
    venue: 'Porin kirjasto',
    onlineUrl: null,
    capacity: 20,
    registrationDeadline: new Date(Date.now() + (n - 1) * day),
    speakers: 'Anna Aikaviisas',
  });
  for (const n of [5, 6, 7, 8]) {
    const id = (await createEvent(actor, app.services, { ...base(n), title: `Tapahtuma ${n}` })).id;
    await publishEvent(actor, app.services, { organizationId: org.id, eventId: id });
    eventIds.push(id);
  }
  draftId = (await createEvent(actor, app.services, { ...base(2), title: 'Luonnostapahtuma' })).id;
  const otherCoordinator = await createTestMember(db, { organizationId: other.id, role: 'coordinator' });
  const otherActor = await actorFor(db, otherCoordinator.id, other.id);
  otherOrgEventId = (await createEvent(otherActor, app.services, { ...base(9), organizationId: other.id, title: 'Rauman ilta' })).id;
  await publishEvent(otherActor, app.services, { organizationId: other.id, eventId: otherOrgEventId });
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, lang = 'fi', cookie?: string) =>
  fetch(`${app.url}${path}`, { redirect: 'manual', headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) } });

/** The head's title, description and Open Graph tags, read from the HTML. */
function metaOf(html: string) {
  const attr = (re: RegExp) => re.exec(html)?.[1];
  return {
    titles: [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]),
    description: attr(/<meta name="description" content="([^"]*)"/),
    ogTitle: attr(/<meta property="og:title" content="([^"]*)"/),
    ogDescription: attr(/<meta property="og:description" content="([^"]*)"/),
    ogType: attr(/<meta property="og:type" content="([^"]*)"/),
    ogUrl: attr(/<meta property="og:url" content="([^"]*)"/),
    ogLocale: attr(/<meta property="og:locale" content="([^"]*)"/),
  };
}

function expectMeta(html: string, { title, url, locale = 'fi_FI', type = 'website' }: { title: string; url: string; locale?: string; type?: string }) {
  const m = metaOf(html);
  expect(m.titles).toEqual([title === 'Työpeili' ? title : `${title} – Työpeili`]);
  expect(m.description?.length).toBeGreaterThan(40);
  expect(m.ogTitle).toBe(title);
  expect(m.ogDescription).toBe(m.description);
  expect(m.ogType).toBe(type);
  expect(m.ogUrl).toBe(`${appUrl}${url}`);
  expect(m.ogLocale).toBe(locale);
}

describe('the front page', () => {
  it('says what Työpeili is and for whom, links the site, and shows the next three published events', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kenelle Työpeili on?');
    expect(html).toContain('Yksinyrittäjille, mikroyrittäjille');
    for (const href of ['/how-it-works', '/events', '/training', '/apply', '/organizations']) expect(html).toContain(`href="${href}"`);
    for (const id of eventIds.slice(0, 3)) expect(html).toContain(`href="/events/${id}"`);
    expect(html).not.toContain(`href="/events/${eventIds[3]}"`);
    expect(html).not.toContain(draftId);
    expectMeta(html, { title: 'Työpeili', url: '/' });
  });

  it('is in English with en_GB and the other languages as alternates', async () => {
    const html = await (await get('/', 'en')).text();
    expect(html).toContain('Who is Työpeili for?');
    expectMeta(html, { title: 'Työpeili', url: '/', locale: 'en_GB' });
    expect(html).toContain('<meta property="og:locale:alternate" content="fi_FI"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="sv_SE"/>');
  });
});

describe('how a group works', () => {
  it.each([
    ['fi', 'Näin Työpeili-ryhmä toimii', ['Tapaamisten rytmi', 'Luottamuksellisuus', 'Pienet askeleet ja seuranta', 'Muutoksen mittaaminen'], 'fi_FI'],
    ['sv', 'Så fungerar en Työpeili-grupp', ['Träffarnas rytm', 'Förtroende', 'Små steg och uppföljning', 'Att mäta förändringen'], 'sv_SE'],
    ['en', 'How a Työpeili group works', ['The rhythm of meetings', 'Confidentiality', 'Small steps and follow-up', 'Measuring change'], 'en_GB'],
  ])('answers in %s with the rhythm, confidentiality, small steps and measuring', async (lang, title, headings, locale) => {
    const res = await get('/how-it-works', lang);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    for (const h of headings) expect(html).toContain(`>${h}</h2>`);
    expectMeta(html, { title, url: '/how-it-works', locale, type: 'article' });
  });
});

describe('organisations', () => {
  it('lists the organisations with the municipalities they serve', async () => {
    const res = await get('/organizations');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<a href="/organizations/${slug}">Porin Yrityspalvelut</a>`);
    expect(html).toContain('<a href="/organizations/rauman-kehitys">Rauman Kehitys</a>');
    expect(html).toContain('Palvelee: Pori, Rauma');
    expectMeta(html, { title: 'Järjestäjät', url: '/organizations' });
  });

  it("an organisation's page: municipalities, no contact yet, its own upcoming events only", async () => {
    const res = await get(`/organizations/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Porin Yrityspalvelut</h1>');
    expect(html).toContain('<li>Pori</li>');
    expect(html).toContain('<li>Rauma</li>');
    expect(html).toContain('Yhteystietoja ei ole vielä lisätty.');
    for (const id of eventIds) expect(html).toContain(`href="/events/${id}"`);
    expect(html).not.toContain(otherOrgEventId);
    expect(html).not.toContain(draftId);
    expect(html).toContain(`href="/apply?org=${slug}"`);
    expectMeta(html, { title: 'Porin Yrityspalvelut', url: `/organizations/${slug}` });
  });

  it('answers 404 for an unknown or malformed slug', async () => {
    for (const path of ['/organizations/ei-ole', '/organizations/PORIN', "/organizations/'%20or%201=1", `/organizations/${'a'.repeat(300)}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('Sivua ei löytynyt');
    }
  });

  it('a coordinator sets the public contact on the settings page; the public page shows it', async () => {
    const post = (cookie: string, body: Record<string, string>) =>
      fetch(`${app.url}/organization/settings`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
        body: new URLSearchParams({ intent: 'contact', ...body }).toString(),
      });
    const bad = await post(cookies.coordinator!, { publicEmail: 'ei-osoite', publicPhone: '12', publicAddress: '' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(badHtml).toContain('Kirjoita puhelinnumero numeroina');
    expect((await post(cookies.facilitator!, { publicEmail: 'x@example.fi', publicPhone: '', publicAddress: '' })).status).toBe(403);
    const [unchanged] = await app.database.db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(unchanged?.publicEmail).toBeNull();

    const ok = await post(cookies.coordinator!, { publicEmail: 'ryhmat@pori.example.fi', publicPhone: '02 621 1000', publicAddress: 'Yrittäjänkatu 1, 28100 Pori' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/organization/settings?done=contact');
    const settings = await (await get('/organization/settings?done=contact', 'fi', cookies.coordinator)).text();
    expect(settings).toContain('Yhteystiedot tallennettu.');
    expect(settings).toContain('value="ryhmat@pori.example.fi"');
    const page = await (await get(`/organizations/${slug}`)).text();
    expect(page).toContain('<a href="mailto:ryhmat@pori.example.fi">ryhmat@pori.example.fi</a>');
    expect(page).toContain('<a href="tel:026211000">02 621 1000</a>');
    expect(page).toContain('Yrittäjänkatu 1, 28100 Pori');
  });
});

describe('the accessibility statement', () => {
  it('has what Act 306/2019 asks, the facts from its data (seeded by the migration)', async () => {
    const res = await get('/accessibility');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('laissa digitaalisten palvelujen tarjoamisesta (306/2019)');
    expect(html).toContain('täyttää osittain WCAG 2.1 -ohjeiston AA-tason');
    expect(html).toContain('EN 301 549');
    expect(html).toContain('Sisältö, joka ei ole saavutettavaa');
    expect(html).toContain('Miten saavutettavuus on arvioitu');
    expect(html).toContain('Seloste on laadittu 3. joulukuuta 2026');
    expect(html).toContain('Anna palautetta saavutettavuudesta');
    expect(html).toContain('Valvontaviranomainen');
    expect(html).toContain('Lupa- ja valvontavirasto');
    expect(html).toContain('href="https://www.saavutettavuusvaatimukset.fi"');
    expect(html).toContain('href="mailto:saavutettavuus@avi.fi"');
    expect(html).toContain('0295 016 000');
    expectMeta(html, { title: 'Saavutettavuusseloste', url: '/accessibility' });
  });

  it('in Swedish and English too, with the authority named in that language', async () => {
    const sv = await (await get('/accessibility', 'sv')).text();
    expect(sv).toContain('Tillsynsmyndighet');
    expect(sv).toContain('Tillstånds- och tillsynsverket');
    const en = await (await get('/accessibility', 'en')).text();
    expect(en).toContain('partially conforms to WCAG 2.1 level AA');
    expect(en).toContain('Enforcement procedure');
    expect(en).toContain('Finnish Licensing and Supervisory Agency');
  });

  it('an admin edits the facts; others are refused; bad input changes nothing', async () => {
    const form = {
      conformance: 'partial',
      assessment: 'external',
      preparedOn: '3.12.2026',
      reviewedOn: '15.1.2027',
      feedbackEmail: 'saavutettavuus@tyopeili.example.fi',
      feedbackPhone: '044 123 4567',
      authorityNameFi: 'Lupa- ja valvontavirasto',
      authorityNameSv: 'Tillstånds- och tillsynsverket',
      authorityNameEn: 'Finnish Licensing and Supervisory Agency',
      authorityUrl: 'https://www.saavutettavuusvaatimukset.fi',
      authorityEmail: 'saavutettavuus@avi.fi',
      authorityPhone: '0295 016 000',
    };
    const post = (cookie: string, body: Record<string, string>) =>
      fetch(`${app.url}/admin/accessibility`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
        body: new URLSearchParams(body).toString(),
      });
    expect((await get('/admin/accessibility', 'fi', cookies.coordinator)).status).toBe(403);
    expect((await post(cookies.coordinator!, form)).status).toBe(403);
    const bad = await post(cookies.admin!, { ...form, reviewedOn: '31.2.2027', authorityUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Kirjoita päivämäärä muodossa 3.12.2026.');
    expect((await getAccessibilityStatement(app.database.db))?.reviewedOn).toBe('2026-12-03');
    const ok = await post(cookies.admin!, form);
    expect(ok.status).toBe(302);
    const html = await (await get('/accessibility')).text();
    expect(html).toContain('päivitetty viimeksi 15. tammikuuta 2027');
    expect(html).toContain('ulkopuolinen asiantuntija');
    expect(html).toContain('href="mailto:saavutettavuus@tyopeili.example.fi"');
    expect(html).toContain('href="tel:0441234567"');
  });
});

describe('Open Graph on the other public pages and the sitemap', () => {
  it.each([
    ['/training', 'Ohjaajakoulutus'],
    ['/events', 'Tapahtumat'],
    ['/privacy', 'Tietosuojaseloste'],
    ['/apply', 'Hae mukaan Työpeili-ryhmään'],
    ['/advice/public', 'Varaa yritysneuvonta'],
  ])('%s has its title, description and Open Graph tags', async (path, title) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expectMeta(await res.text(), { title, url: path });
  });

  it("an event's page is an og:type article with its own title", async () => {
    const html = await (await get(`/events/${eventIds[0]}`)).text();
    expectMeta(html, { title: 'Tapahtuma 5', url: `/events/${eventIds[0]}`, type: 'article' });
  });

  it('the sitemap lists the new pages and each organisation', async () => {
    const xml = await (await get('/sitemap.xml')).text();
    for (const path of ['/how-it-works', '/organizations', `/organizations/${slug}`, '/organizations/rauman-kehitys']) expect(xml).toContain(`<loc>${appUrl}${path}</loc>`);
  });
});
