// The coordinator's side of events in Chromium by keyboard on a tablet (820 px), in Finnish and
// in English: from the header to the events page, a new event typed the Finnish way, published,
// then at the door the check-in list searched by name and a registrant ticked present. axe finds
// nothing on any page and nothing scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { eventRegistrations, events } from '../../src/features/events/events.schema.ts';
import { registerForEvent } from '../../src/features/events/register.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const texts = {
  fi: {
    nav: /^Tapahtumat$/,
    newEvent: /^Uusi tapahtuma$/,
    title: /^Tapahtuman nimi/,
    date: /^Päivä$/,
    start: /^Alkaa klo/,
    end: /^Päättyy klo/,
    venue: /^Tapahtumapaikka ja osoite/,
    capacity: /^Paikkoja$/,
    deadline: /^Viimeinen ilmoittautumispäivä/,
    create: /^Luo tapahtuma$/,
    publish: /^Julkaise tapahtuma$/,
    published: 'Tapahtuma julkaistu',
    checkIn: /^Osallistujalista \(saapuminen\)$/,
    search: /^Hae nimellä$/,
    tick: /^Merkitse paikalla: Aino Aaltonen$/,
    ticked: 'Aino Aaltonen: merkitty paikalla.',
  },
  en: {
    nav: /^Events$/,
    newEvent: /^New event$/,
    title: /^Title/,
    date: /^Date$/,
    start: /^Starts at/,
    end: /^Ends at/,
    venue: /^Venue and address/,
    capacity: /^Seats$/,
    deadline: /^Last day to register/,
    create: /^Create event$/,
    publish: /^Publish event$/,
    published: 'Event published',
    checkIn: /^Check-in list$/,
    search: /^Search by name$/,
    tick: /^Tick present: Aino Aaltonen$/,
    ticked: 'Aino Aaltonen: ticked present.',
  },
} as const;

async function check(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

async function fill(page: Page, label: RegExp, value: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

describe.each(['fi', 'en'] as const)('the coordinator by keyboard (%s)', (locale) => {
  it('creates and publishes an event, then ticks a registrant present on the check-in list', async () => {
    const x = texts[locale];
    const db = app.database.db;
    const org = await createTestOrganization(db);
    const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
    await db.update(users).set({ locale }).where(eq(users.id, coordinator.id));
    const { token } = await signIn(db, coordinator.id);
    const context = await browser.newContext({ locale: locale === 'fi' ? 'fi-FI' : 'en-GB', viewport: { width: 820, height: 1180 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const year = new Date().getUTCFullYear() + 1;

    await page.goto(`${app.url}/home`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await tabTo(page, x.nav);
    await Promise.all([page.waitForURL(/\/organization\/events$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, x.newEvent);
    await Promise.all([page.waitForURL(/\/organization\/events\/new$/), page.keyboard.press('Enter')]);
    await check(page);
    await fill(page, x.title, 'Itsensä johtaminen yrittäjänä');
    await fill(page, x.date, `14.1.${year}`);
    await fill(page, x.start, '17.30');
    await fill(page, x.end, '19');
    await fill(page, x.venue, 'Kirjasto, Kirjastokatu 4, Rauma');
    await fill(page, x.capacity, '25');
    await fill(page, x.deadline, `12.1.${year}`);
    await tabTo(page, x.create);
    await Promise.all([page.waitForURL(/\/organization\/events\/[0-9a-f-]+\?done=created$/), page.keyboard.press('Enter')]);
    await check(page);
    const eventId = new URL(page.url()).pathname.split('/')[3]!;
    const [created] = await db.select().from(events).where(and(eq(events.organizationId, org.id), eq(events.id, eventId)));
    expect(created).toMatchObject({ status: 'draft', capacity: 25, startsAt: new Date(`${year}-01-14T15:30:00Z`), endsAt: new Date(`${year}-01-14T17:00:00Z`) });

    await tabTo(page, x.publish);
    await Promise.all([page.waitForURL(/\?done=published$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.getByRole('status').textContent()).toContain(x.published);

    // Two people register on the public page (as the public form does).
    for (const [name, email] of [
      ['Aino Aaltonen', 'aino@example.fi'],
      ['Eero Esimerkki', 'eero@example.fi'],
    ] as const)
      await registerForEvent(null, app.services, {
        organizationId: org.id,
        eventId,
        name,
        email,
        organisation: 'Kahvila Aino',
        dietaryNeeds: null,
        accessibilityNeeds: null,
        consent: true,
        locale,
      });
    await page.reload();
    await tabTo(page, x.checkIn);
    await Promise.all([page.waitForURL(/\/check-in$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, x.search);
    await page.keyboard.type('aino');
    await Promise.all([page.waitForURL(/\/check-in\?q=aino$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.locator('main').innerText()).not.toContain('Eero Esimerkki');
    await tabTo(page, x.tick);
    await Promise.all([page.waitForURL(/done=in/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.getByRole('status').textContent()).toContain(x.ticked);
    const [aino] = await db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.organizationId, org.id), eq(eventRegistrations.email, 'aino@example.fi')));
    expect(aino!.attendedAt).not.toBeNull();
    await context.close();
  });
});
