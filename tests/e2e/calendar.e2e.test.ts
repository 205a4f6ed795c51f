// The calendar feed page and the attendance pages in Chromium. A member, on a phone-sized screen,
// finds the feed page from the profile by keyboard, creates the address, reaches it in a read-only
// field, copies it with the copy button, checks it serves the feed, and revokes it (then 404).
// axe finds nothing on /profile/calendar (before, with the address, after revoking),
// /profile/attendance and /groups/:groupId/attendance.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { attendance } from '../../src/features/meetings/meetings.schema.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let groupId = '';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Virtanen' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Fanni Ohjaaja' });
  tokens.member = (await signIn(db, member.id)).token;
  tokens.facilitator = (await signIn(db, facilitator.id)).token;
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin aamuryhmä', facilitatorIds: [facilitator.id], memberIds: [member.id] });
  groupId = group.id;
  const held = await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 7 * 86_400_000), theme: 'Jaksaminen' });
  await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 7 * 86_400_000), theme: 'Hinnoittelu' });
  await db.insert(attendance).values({ organizationId: org.id, meetingId: held.id, userId: member.id, status: 'present', hours: '2.00', recordedBy: facilitator.id });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(who: 'member' | 'facilitator', width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

// Entrepreneurs' pages are plain HTML (no React): the page is ready once it has loaded.
const hydrated = (page: Page) => page.waitForLoadState('load', { timeout: 30_000 });
// The machine is shared and slow at times: generous waits, same assertions.
const poll = <T,>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const SLOW = 180_000;

describe('the calendar feed page, by keyboard', () => {
  it('creates the address, copies it from a read-only field, and revokes it', async () => {
    const context = await contextFor('member', 375);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const page = await context.newPage();
    await page.goto(app.url + '/profile');
    await hydrated(page);
    await tabTo(page, /^Kalenteritilaus: ryhmiesi tapaamiset omaan kalenteriisi$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile\/calendar$/);
    await poll(() => page.locator('h1').textContent()).toBe('Kalenteritilaus');
    await poll(() => page.getByText('Sinulla ei ole kalenteritilausta.').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await hydrated(page);
    await tabTo(page, /^Luo kalenteriosoite$/);
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: 'Kalenteriosoite on luotu.' }).count()).toBe(1);
    const field = page.getByLabel('Kalenterin osoite');
    await poll(() => field.count()).toBe(1);
    expect(await field.evaluate((el) => (el as HTMLInputElement).readOnly)).toBe(true);
    const url = await field.inputValue();
    expect(url).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await page.getByRole('link', { name: 'Avaa kalenterisovelluksessa' }).getAttribute('href')).toMatch(/^webcal:\/\//);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Reach the field, then the copy button (there once scripts run), by keyboard.
    await page.getByRole('button', { name: 'Kopioi osoite' }).waitFor({ timeout: 30_000 });
    await page.locator('body').focus();
    await tabTo(page, /^Kalenterin osoite/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kopioi osoite');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('status').filter({ hasText: 'Osoite on kopioitu leikepöydälle.' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const path = new URL(url).pathname;
    const feed = await fetch(app.url + path);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await tabTo(page, /^Poista kalenteritilaus$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile\/calendar\?done=revoked$/);
    await poll(() => page.getByRole('status').filter({ hasText: 'Kalenteritilaus on poistettu.' }).count()).toBe(1);
    expect(await page.getByLabel('Kalenterin osoite').count()).toBe(0);
    await expectNoAxeViolations(page);
    expect((await fetch(app.url + path)).status).toBe(404);
    await context.close();
  }, SLOW);
});

describe('attendance pages', () => {
  it('shows the member their own history; axe finds nothing', async () => {
    const context = await contextFor('member', 375);
    const page = await context.newPage();
    await page.goto(app.url + '/profile');
    await tabTo(page, /^Osallistumishistoriani$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile\/attendance$/);
    await poll(() => page.locator('h1').textContent()).toBe('Osallistumishistoriani');
    expect(await page.getByText('Tunnit yhteensä: 2 h').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, SLOW);

  it('shows the facilitator the group’s table; axe finds nothing', async () => {
    const context = await contextFor('facilitator', 375);
    const page = await context.newPage();
    const res = await page.goto(app.url + `/groups/${groupId}/attendance`);
    expect(res!.status()).toBe(200);
    await poll(() => page.locator('h1').textContent()).toBe('Osallistuminen: Porin aamuryhmä');
    expect(await page.getByRole('rowheader', { name: 'Aino Virtanen' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: /Paikalla/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // The wide table scrolls inside its own focusable region.
    await tabTo(page, /Aino Virtanen/);
    await context.close();
  }, SLOW);
});
