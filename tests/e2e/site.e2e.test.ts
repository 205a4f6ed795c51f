// The public site in Chromium by keyboard on a phone (390 px), in Finnish and English (issue 14,
// point 1): from the front page to how a group works, the organisers, one organiser's page and
// its event, the facilitator training and the accessibility statement; an unknown organiser is a
// 404. The coordinator's contact form and the admin's statement form too. axe finds nothing.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createEvent, publishEvent } from '../../src/features/events/manage-events.ts';
import { setServedMunicipalities } from '../../src/features/organizations/served-municipalities.ts';
import { setPublicContact } from '../../src/features/organizations/public-organizations.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunnan-yrityspalvelut' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  // Signed-in pages speak the person's own language: one coordinator and one admin per language.
  for (const locale of ['fi', 'en'] as const) {
    for (const role of ['coordinator', 'admin'] as const) {
      const user = role === 'coordinator' && locale === 'fi' ? coordinator : await createTestMember(db, { organizationId: org.id, role });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
  }
  const actor = await actorFor(db, coordinator.id, org.id);
  await setServedMunicipalities(actor, app.services, { organizationId: org.id, municipalities: ['609', '684', '051'] });
  await setPublicContact(actor, app.services, { organizationId: org.id, publicEmail: 'ryhmat@example.fi', publicPhone: '02 620 3000', publicAddress: 'Satakunnankatu 23, 28130 Pori' });
  const event = await createEvent(actor, app.services, {
    organizationId: org.id,
    tourId: null,
    title: 'Palautuminen arjessa',
    description: 'Timanttikiertueen ilta palautumisesta.',
    startsAt: new Date(Date.now() + 12 * 86_400_000),
    endsAt: new Date(Date.now() + 12 * 86_400_000 + 7_200_000),
    venue: 'Porin kaupunginkirjasto',
    onlineUrl: null,
    capacity: 30,
    registrationDeadline: new Date(Date.now() + 10 * 86_400_000),
    speakers: 'Paula Palautuja',
  });
  await publishEvent(actor, app.services, { organizationId: org.id, eventId: event.id });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(locale: string, who?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}
async function check(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}
/** Tabs to a link, follows it, checks the page; public pages are plain HTML (no React script, ADR 014). */
async function follow(page: Page, name: RegExp, url: RegExp): Promise<void> {
  await tabTo(page, name, 120);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
  await check(page);
  expect(await page.locator('script[src]').count()).toBe(0);
}

const texts = {
  'fi-FI': {
    how: /^Näin ryhmä toimii$/,
    howTitle: 'Näin Työpeili-ryhmä toimii',
    organizers: /^Järjestäjät alueittain$/,
    training: /^Ohjaajakoulutus$/,
    accessibility: /^Saavutettavuus$/,
    statement: 'Valvontaviranomainen',
    frontEvents: 'Tulevat tapahtumat',
  },
  'en-GB': {
    how: /^How a group works$/,
    howTitle: 'How a Työpeili group works',
    organizers: /^Organisers by region$/,
    training: /^Facilitator training$/,
    accessibility: /^Accessibility$/,
    statement: 'Enforcement procedure',
    frontEvents: 'Upcoming events',
  },
} as const;

describe('the public site by keyboard on a phone', () => {
  it.each(['fi-FI', 'en-GB'] as const)('front page → how it works → organisers → one organiser → its event; training; accessibility (%s)', async (locale) => {
    const t = texts[locale];
    const page = await phone(locale);
    await page.goto(app.url);
    await check(page);
    expect(await page.locator('main').textContent()).toContain(t.frontEvents);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(`${app.services.config.appUrl}/`);

    await follow(page, t.how, /\/how-it-works$/);
    expect(await page.locator('h1').textContent()).toBe(t.howTitle);

    await page.goto(app.url);
    await follow(page, t.organizers, /\/organizations$/);
    await follow(page, /^Satakunnan Yrityspalvelut$/, /\/organizations\/satakunnan-yrityspalvelut$/);
    expect(await page.locator('main').textContent()).toContain('ryhmat@example.fi');
    await follow(page, /^Palautuminen arjessa$/, /\/events\/[0-9a-f-]+$/);

    await page.goto(app.url);
    await follow(page, t.training, /\/training$/);

    await follow(page, t.accessibility, /\/accessibility$/);
    expect(await page.locator('main').textContent()).toContain(t.statement);

    const missing = await page.goto(`${app.url}/organizations/no-such-organiser`);
    expect(missing?.status()).toBe(404);
    await check(page);
    await page.context().close();
  });

  it.each(['fi-FI', 'en-GB'] as const)('the coordinator’s contact form and the admin’s statement form (%s)', async (locale) => {
    const lang = locale.slice(0, 2);
    const coordinator = await phone(locale, `coordinator-${lang}`);
    await coordinator.goto(`${app.url}/organization/settings`);
    await check(coordinator);
    await tabTo(coordinator, locale === 'fi-FI' ? /^Sähköposti$/ : /^E-mail$/);
    await coordinator.keyboard.press('ControlOrMeta+a');
    await coordinator.keyboard.type('ei-osoite');
    await tabTo(coordinator, locale === 'fi-FI' ? /^Tallenna yhteystiedot$/ : /^Save contact details$/);
    await Promise.all([coordinator.waitForLoadState('load'), coordinator.keyboard.press('Enter')]);
    await expect.poll(() => coordinator.locator('.error-summary').count()).toBe(1);
    await check(coordinator);
    await coordinator.context().close();

    const admin = await phone(locale, `admin-${lang}`);
    await admin.goto(`${app.url}/admin/accessibility`);
    await check(admin);
    expect(await admin.locator('h1').textContent()).toBe(locale === 'fi-FI' ? 'Saavutettavuusselosteen tiedot' : 'Accessibility statement details');
    await admin.context().close();
  });
});
