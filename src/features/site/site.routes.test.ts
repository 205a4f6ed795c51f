// robots.txt and sitemap.xml over HTTP: the sitemap lists the public pages and published events,
// never a draft or a cancelled event; robots keeps crawlers out of signed-in areas and token links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, actorFor } from '../../../tests/factories/organizations.ts';
import { cancelEvent, createEvent, publishEvent } from '../events/manage-events.ts';

let app: TestApp;
let publishedId: string;
let draftId: string;
let cancelledId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const actor = await actorFor(db, coordinator.id, org.id);
  const base = {
    organizationId: org.id,
    tourId: null,
    description: 'Ajanhallinta arjessa.',
    startsAt: new Date(Date.now() + 10 * 86_400_000),
    endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000),
    venue: 'Vaasan kirjasto',
    onlineUrl: null,
    capacity: 20,
    registrationDeadline: new Date(Date.now() + 9 * 86_400_000),
    speakers: 'Anna Aikaviisas',
  };
  publishedId = (await createEvent(actor, app.services, { ...base, title: 'Ajanhallinta-ilta' })).id;
  await publishEvent(actor, app.services, { organizationId: org.id, eventId: publishedId });
  draftId = (await createEvent(actor, app.services, { ...base, title: 'Luonnos' })).id;
  cancelledId = (await createEvent(actor, app.services, { ...base, title: 'Peruttu' })).id;
  await publishEvent(actor, app.services, { organizationId: org.id, eventId: cancelledId });
  await cancelEvent(actor, app.services, { organizationId: org.id, eventId: cancelledId });
});
afterAll(async () => {
  await app?.close();
});

describe('robots.txt and sitemap.xml', () => {
  it('lists the public pages and the published event only', async () => {
    const res = await fetch(`${app.url}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    for (const path of ['/', '/events', '/apply', '/accessibility']) expect(xml).toContain(`<loc>${app.services.config.appUrl}${path}</loc>`);
    expect(xml).toContain(`/events/${publishedId}</loc>`);
    expect(xml).not.toContain(draftId);
    expect(xml).not.toContain(cancelledId);
  });

  it('keeps crawlers out of signed-in areas and names the sitemap', async () => {
    const res = await fetch(`${app.url}/robots.txt`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('User-agent: *');
    for (const path of ['/organization/', '/events/cancel/', '/calendar/', '/sign-in']) expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).toContain(`Sitemap: ${app.services.config.appUrl}/sitemap.xml`);
  });
});

describe('robots.txt and the sitemap agree', () => {
  it('lets crawlers reach every address the sitemap lists (longest matching rule wins, as Google reads it)', async () => {
    const rules = (await (await fetch(`${app.url}/robots.txt`)).text())
      .split('\n')
      .map((line) => /^(Allow|Disallow): (\S+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ allow: m[1] === 'Allow', path: m[2]! }));
    const xml = await (await fetch(`${app.url}/sitemap.xml`)).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths).toContain('/organizations');
    const blocked = paths.filter((path) => {
      const matching = rules.filter((r) => path.startsWith(r.path)).sort((a, b) => b.path.length - a.path.length);
      return matching[0] !== undefined && !matching[0].allow;
    });
    expect(blocked).toEqual([]);
  });
});

describe('the facilitator training page', () => {
  it.each([
    ['fi', 'Ohjaajakoulutus'],
    ['en', 'Facilitator training'],
  ])('answers without sign-in with its own title and description (%s)', async (lang, title) => {
    const res = await fetch(`${app.url}/training`, { headers: { 'accept-language': lang } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain(`<title>${title} – Työpeili</title>`);
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/);
  });
});
