// The newsletter pages over HTTP: the coordinator composes, previews (recipient count), tests and
// sends through the real worker, and the mail arrives in the dev mailbox with the RFC 8058 headers;
// the one-click POST a mail provider sends (no Origin, no cookie) unsubscribes and answers 200
// without a redirect; GET only asks; a bad token answers a translated 4xx page, never 5xx; other
// organisations get 404; the subscribe form's bad input is refused; the archive shows only mailings
// to public subscribers.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { devMailbox } from '../../platform/mail/mail.schema.ts';
import { issueFormToken } from '../intake/form-token.ts';
import { newsletterDeliveries, newsletterOptOuts, newsletterSubscribers, newsletters } from './newsletters.schema.ts';

let app: TestApp;
let orgId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  orgId = (await createTestOrganization(db, { name: 'Uusyrityskeskus Kaakko' })).id;
  const coordinator = await createTestMember(db, { organizationId: orgId, role: 'coordinator', email: 'koordinaattori@example.fi' });
  const entrepreneur = await createTestMember(db, { organizationId: orgId, role: 'entrepreneur' });
  const elsewhere = await createTestMember(db, { organizationId: (await createTestOrganization(db)).id, role: 'coordinator' });
  cookies.coordinator = (await signIn(db, coordinator.id)).cookie;
  cookies.entrepreneur = (await signIn(db, entrepreneur.id)).cookie;
  cookies.elsewhere = (await signIn(db, elsewhere.id)).cookie;
  await db.insert(newsletterSubscribers).values([
    { organizationId: orgId, email: 'tilaaja@example.fi', locale: 'en', consentVersion: 'test', consentAt: new Date(), confirmedAt: new Date() },
    { organizationId: orgId, email: 'vahvistamaton@example.fi', locale: 'fi', consentVersion: 'test', consentAt: new Date() },
  ]);
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { headers: { 'accept-language': 'fi', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
const post = (path: string, body: Record<string, string>, cookie?: string) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(body).toString(),
  });

async function waitFor<T>(read: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const compose = {
  subjectFi: 'Koronatuet yrittäjälle',
  bodyFi: '## Mistä haet\n\nHae **ELY-keskukselta**.',
  subjectSv: '',
  bodySv: '',
  subjectEn: 'Support for entrepreneurs',
  bodyEn: '## Where to apply\n\nApply to the **ELY Centre**.',
  audienceKind: 'subscribers',
};

describe('the coordinator', () => {
  let newsletterId: string;

  it('composes, previews with the recipient count, and others may not', async () => {
    expect((await get('/organization/newsletters', cookies.entrepreneur)).status).toBe(403);
    const bad = await post('/organization/newsletters/new', { ...compose, subjectFi: '' }, cookies.coordinator);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Kirjoita suomenkielinen otsikko.');
    const badTarget = await post('/organization/newsletters/new', { ...compose, audienceKind: 'group', groupId: 'ei-uuid' }, cookies.coordinator);
    expect(badTarget.status).toBe(400);
    const res = await post('/organization/newsletters/new', compose, cookies.coordinator);
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    newsletterId = /\/organization\/newsletters\/([0-9a-f-]{36})\?done=created$/.exec(location)![1]!;
    const preview = await (await get(`/organization/newsletters/${newsletterId}`, cookies.coordinator)).text();
    expect(preview).toContain('Uutiskirje lähtee 1 vastaanottajalle.');
    expect(preview).toContain('<strong>ELY-keskukselta</strong>');
    expect(preview).toContain('<strong>ELY Centre</strong>');
    expect((await get(`/organization/newsletters/${newsletterId}`, cookies.elsewhere)).status).toBe(404);
    expect((await get(`/organization/newsletters/${newsletterId}/edit`, cookies.elsewhere)).status).toBe(404);
    expect((await post(`/organization/newsletters/${newsletterId}`, { intent: 'send', confirm: 'on' }, cookies.elsewhere)).status).toBe(404);
    expect((await get('/organization/newsletters/not-a-uuid', cookies.coordinator)).status).toBe(404);
    // Not in the archive while a draft.
    expect((await get(`/newsletters/${newsletterId}`)).status).toBe(404);
  });

  it('sends a test to their own address, then sends (with the confirm step) through the job', async () => {
    expect((await post(`/organization/newsletters/${newsletterId}`, { intent: 'test', language: 'en' }, cookies.coordinator)).status).toBe(302);
    const test = await waitFor(async () => (await app.database.db.select().from(devMailbox).where(eq(devMailbox.to, 'koordinaattori@example.fi')))[0]);
    expect(test.subject).toBe('[TEST] Support for entrepreneurs');
    const unconfirmed = await post(`/organization/newsletters/${newsletterId}`, { intent: 'send' }, cookies.coordinator);
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Vahvista lähetys rastittamalla ruutu.');
    const sent = await post(`/organization/newsletters/${newsletterId}`, { intent: 'send', confirm: 'on' }, cookies.coordinator);
    expect(sent.headers.get('location')).toBe('/organization/newsletters?done=sending');
    const mail = await waitFor(async () => (await app.database.db.select().from(devMailbox).where(eq(devMailbox.to, 'tilaaja@example.fi')))[0]);
    expect(mail.subject).toBe('Support for entrepreneurs');
    expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The app's own address (APP_URL, https in production: the test app listens on its port).
    expect(mail.headers!['List-Unsubscribe']!.startsWith(`<${app.url}/newsletters/unsubscribe/`)).toBe(true);
    expect(mail.headers!['List-Unsubscribe']).toMatch(/\/unsubscribe\/[0-9a-f]{32}[A-Za-z0-9_-]{43}>$/);
    expect(await app.database.db.select().from(devMailbox).where(eq(devMailbox.to, 'vahvistamaton@example.fi'))).toHaveLength(0);
    const list = await (await get('/organization/newsletters', cookies.coordinator)).text();
    expect(list).toContain('Koronatuet yrittäjälle');
    // Sent to public subscribers: in the archive now, in the visitor's language.
    await waitFor(async () => ((await app.database.db.select().from(newsletters).where(eq(newsletters.id, newsletterId)))[0]?.status === 'sent' ? true : undefined));
    expect(await (await get('/newsletters')).text()).toContain(`/newsletters/${newsletterId}`);
    const en = await (await fetch(`${app.url}/newsletters/${newsletterId}`, { headers: { 'accept-language': 'en' } })).text();
    expect(en).toContain('Support for entrepreneurs');
    const sv = await (await fetch(`${app.url}/newsletters/${newsletterId}`, { headers: { 'accept-language': 'sv' } })).text();
    expect(sv).toContain('Koronatuet yrittäjälle');
    // Sent: it cannot be edited or sent again.
    expect((await get(`/organization/newsletters/${newsletterId}/edit`, cookies.coordinator)).status).toBe(403);
    expect((await post(`/organization/newsletters/${newsletterId}`, { intent: 'send', confirm: 'on' }, cookies.coordinator)).status).toBe(409);
  });

  it('unsubscribes by the one-click POST without Origin: 200, no redirect; GET only asks', async () => {
    const [mail] = await app.database.db.select().from(devMailbox).where(eq(devMailbox.to, 'tilaaja@example.fi'));
    const url = mail!.headers!['List-Unsubscribe']!.slice(1, -1);
    const page = await fetch(url, { headers: { 'accept-language': 'fi' }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Haluatko lopettaa uutiskirjeet organisaatiolta Uusyrityskeskus Kaakko?');
    expect(await app.database.db.select().from(newsletterOptOuts).where(eq(newsletterOptOuts.organizationId, orgId))).toHaveLength(0);
    // What a mail provider sends (RFC 8058): no Origin, no Sec-Fetch-Site, no cookie.
    const oneClick = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('location')).toBeNull();
    expect(await oneClick.text()).toContain('Tilaus on peruttu.');
    expect(await app.database.db.select().from(newsletterOptOuts).where(and(eq(newsletterOptOuts.organizationId, orgId), eq(newsletterOptOuts.email, 'tilaaja@example.fi')))).toHaveLength(1);
    const [delivery] = await app.database.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.email, 'tilaaja@example.fi'));
    expect(delivery!.unsubscribedAt).not.toBeNull();
    // Again: still 200 (idempotent).
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual' })).status).toBe(200);
    // Other POSTs without Origin are still refused.
    expect((await fetch(`${app.url}/newsletters/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' })).status).toBe(403);
  });

  it('answers a bad or forged token with a translated 4xx page, never 5xx', async () => {
    const forged = `/newsletters/unsubscribe/${'0'.repeat(32)}${'A'.repeat(43)}`;
    for (const path of [forged, '/newsletters/unsubscribe/lyhyt', '/newsletters/unsubscribe/%E0%A4%A']) {
      const g = await get(path);
      expect(g.status, path).toBeGreaterThanOrEqual(400);
      expect(g.status, path).toBeLessThan(500);
      const p = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual' });
      expect(p.status, path).toBeGreaterThanOrEqual(400);
      expect(p.status, path).toBeLessThan(500);
      expect(await p.text()).toMatch(/<html lang="fi"/);
    }
    expect((await get(`/newsletters/confirm/${'A'.repeat(43)}`)).status).toBe(200);
    const confirm = await post(`/newsletters/confirm/${'A'.repeat(43)}`, {});
    expect(confirm.status).toBe(410);
    expect(await confirm.text()).toContain('Linkki ei ole voimassa.');
  });
});

describe('the subscribe form', () => {
  it('refuses bad input with translated messages and records a valid subscription unconfirmed', async () => {
    const formToken = issueFormToken(app.services.config.sessionSecret, new Date(Date.now() - 10_000));
    const bad = await post('/newsletters/subscribe', { formToken, organization: 'x', email: 'ei-osoite', language: 'de', consent: '' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(html).toContain('Tilaus tarvitsee suostumuksesi.');
    const ok = await post('/newsletters/subscribe', { formToken, organization: orgId, email: 'Uusi@Example.fi', language: 'sv', consent: 'on' });
    expect(ok.headers.get('location')).toBe('/newsletters/subscribe?done=1');
    const [row] = await app.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, 'uusi@example.fi'));
    expect(row!.confirmedAt).toBeNull();
    expect(row!.locale).toBe('sv');
    const unknownOrg = await post('/newsletters/subscribe', { formToken, organization: '00000000-0000-4000-8000-000000000000', email: 'a@example.fi', language: 'fi', consent: 'on' });
    expect(unknownOrg.status).toBe(400);
    // Rate-limited per IP as the event registration (five an hour): the next ones answer 429, translated, with Retry-After.
    let limited: Response | null = null;
    for (let i = 0; i < 6 && !limited; i += 1) {
      const res = await post('/newsletters/subscribe', { formToken, organization: orgId, email: `moni${i}@example.fi`, language: 'fi', consent: 'on' });
      if (res.status === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited!.text()).toMatch(/<html lang="fi"/);
  });
});
