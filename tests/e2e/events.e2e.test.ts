// Public events in Chromium by keyboard on a phone (390 px), in Finnish: from the front page to
// an event, the last seat taken, the next person waitlisted, the seat given up by the mailed
// link and the waitlisted person promoted at once. axe finds nothing on any page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { createEvent, publishEvent } from '../../src/features/events/manage-events.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const actor = await actorFor(db, coordinator.id, org.id);
  const event = await createEvent(actor, app.services, {
    organizationId: org.id,
    tourId: null,
    title: 'Ajanhallinta yrittäjälle',
    description: 'Käytännön vinkkejä arkeen.',
    startsAt: new Date(Date.now() + 20 * 86_400_000),
    endsAt: new Date(Date.now() + 20 * 86_400_000 + 7_200_000),
    venue: 'Vaasan kaupunginkirjasto',
    onlineUrl: null,
    capacity: 1,
    registrationDeadline: new Date(Date.now() + 18 * 86_400_000),
    speakers: 'Kaisa Kouluttaja',
  });
  await publishEvent(actor, app.services, { organizationId: org.id, eventId: event.id });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 } });
  return context.newPage();
}
async function check(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}
async function cancelPath(to: string, template: string): Promise<string> {
  const { rows } = await app.database.pool.query(
    `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = $2 ORDER BY created_on DESC`,
    [to, template],
  );
  return new URL(String(rows[0]!.data.values.cancelUrl)).pathname;
}

async function register(page: Page, name: string, email: string, expected: RegExp): Promise<void> {
  await page.goto(app.url);
  await tabTo(page, /^Tapahtumat ja seminaarit$/);
  await Promise.all([page.waitForURL(/\/events$/), page.keyboard.press('Enter')]);
  await check(page);
  await tabTo(page, /^Ajanhallinta yrittäjälle$/);
  await Promise.all([page.waitForURL(/\/events\/[0-9a-f-]+$/), page.keyboard.press('Enter')]);
  await check(page);
  await tabTo(page, /^Nimi/);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await tabTo(page, /^Olen lukenut tietosuojaselosteen/);
  await page.keyboard.press('Space');
  // The signed time check refuses forms sent within 3 seconds.
  await page.waitForTimeout(3_100);
  await tabTo(page, /^Ilmoittaudu( jonoon)?$/);
  await Promise.all([page.waitForURL(expected), page.keyboard.press('Enter')]);
  await check(page);
}

describe('public registration by keyboard', () => {
  it('takes the last seat, waitlists the next, and promotes them when the seat is given up by the link', async () => {
    const page = await phone();
    await register(page, 'Aino Aaltonen', 'aino@example.fi', /\?done=confirmed$/);
    expect(await page.getByRole('status').textContent()).toContain('Paikkasi on vahvistettu');
    await register(page, 'Stina Sund', 'stina@example.fi', /\?done=waitlisted$/);
    expect(await page.getByRole('status').textContent()).toContain('Olet jonossa');

    await page.goto(`${app.url}${await cancelPath('aino@example.fi', 'eventRegistered')}`);
    await check(page);
    await tabTo(page, /^Peru ilmoittautuminen$/);
    await Promise.all([page.waitForURL(/\?done=1$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.getByRole('status').textContent()).toContain('on peruttu');
    const { rows } = await app.database.pool.query(`SELECT email, status FROM event_registrations ORDER BY position`);
    expect(rows).toEqual([
      { email: 'aino@example.fi', status: 'cancelled' },
      { email: 'stina@example.fi', status: 'confirmed' },
    ]);
    expect(await cancelPath('stina@example.fi', 'eventPromoted')).toMatch(/^\/events\/cancel\//);
  });
});
