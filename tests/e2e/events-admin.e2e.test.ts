// The coordinator's side of events in Chromium by keyboard on a tablet (820 px), in Finnish and
// in English: from the header to the events page, a new event typed the Finnish way, published,
// then at the door the check-in list searched by name and a registrant ticked present; after the
// event the registrant answers the mailed feedback form on a phone. axe finds
// nothing on any page and nothing scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { eventFeedback, eventRegistrations, events } from '../../src/features/events/events.schema.ts';
import { sendFeedbackRequests } from '../../src/features/events/follow-ups.ts';
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
    comment: /^Mitä muuta haluat sanoa/,
    send: /^Lähetä palaute$/,
    thanks: 'Kiitos palautteestasi!',
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
    comment: /^Anything else you would like to say/,
    send: /^Send feedback$/,
    thanks: 'Thank you for your feedback!',
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

    // After the event Aino gets the feedback link (in her language) and answers without signing in.
    await sendFeedbackRequests(app.services, new Date(created!.endsAt.getTime() + 3_600_000));
    const { rows } = await app.database.pool.query(
      `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'eventFeedbackRequest' AND data->>'to' = 'aino@example.fi' AND data->'values'->>'feedbackUrl' LIKE $1`,
      [`${app.services.config.appUrl}/events/feedback/%`],
    );
    const mail = rows.find((r) => r.data.locale === locale);
    expect(mail).toBeDefined();
    const visitor = await browser.newContext({ locale: locale === 'fi' ? 'fi-FI' : 'en-GB', viewport: { width: 390, height: 844 } });
    const phone = await visitor.newPage();
    await phone.goto(`${app.url}${new URL(String(mail!.data.values.feedbackUrl)).pathname}`);
    await check(phone);
    // Sent empty: the error summary, translated.
    await tabTo(phone, x.send);
    await Promise.all([phone.waitForSelector('.error-summary'), phone.keyboard.press('Enter')]);
    await check(phone);
    // A radio group is one tab stop: Tab onto the first rating, arrows to 4.
    await tabTo(phone, /^1 – /);
    for (let i = 0; i < 3; i += 1) await phone.keyboard.press('ArrowRight');
    await tabTo(phone, /^1 – /);
    for (let i = 0; i < 4; i += 1) await phone.keyboard.press('ArrowRight');
    await fill(phone, x.comment, 'Hyvä ilta');
    await tabTo(phone, x.send);
    await Promise.all([phone.waitForURL(/\?done=1$/), phone.keyboard.press('Enter')]);
    await check(phone);
    expect(await phone.getByRole('status').textContent()).toContain(x.thanks);
    const answers = await db.select().from(eventFeedback).where(and(eq(eventFeedback.organizationId, org.id), eq(eventFeedback.eventId, eventId)));
    expect(answers).toEqual([expect.objectContaining({ overall: 4, usefulness: 5, comment: 'Hyvä ilta' })]);
    await visitor.close();
    await context.close();
  });
});
