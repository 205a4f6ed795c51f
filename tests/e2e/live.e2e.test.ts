// The live meeting in Chromium: the facilitator starts the meeting and runs a round by keyboard
// (start round, next, pass, end); a second device (the projector view) follows on its own within
// a few seconds; the member adds a step on a phone-sized screen. axe finds nothing on the live
// page, the projector view and my-steps; the 390 px live page and projector never scroll sideways
// in any state (not started, running, ended).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let meetingId: string;
const tokens: Record<string, string> = {};
let laptopPage: Page | undefined;
let screenPage: Page | undefined;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Fanni Fasilitaattori' });
  const members = [];
  for (const name of ['Aino Aaltonen', 'Eero Eskola', 'Helmi Heikkinen'])
    members.push(await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name }));
  const group = await createTestGroup(db, {
    organizationId: org.id,
    name: 'Porin aamuryhmä',
    facilitatorIds: [facilitator.id],
    memberIds: members.map((m) => m.id),
  });
  const meeting = await createTestMeeting(db, {
    organizationId: org.id,
    groupId: group.id,
    startsAt: new Date(Date.now() - 5 * 60_000),
    theme: 'Jaksaminen',
    agenda: [
      { kind: 'opening_round', minutes: 15 },
      { kind: 'small_steps_round', minutes: 10 },
    ],
  });
  meetingId = meeting.id;
  tokens.facilitator = (await signIn(db, facilitator.id)).token;
  tokens.member = (await signIn(db, members[1]!.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(who: 'facilitator' | 'member', width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The machine running the tests is shared and slow at times: wait longer than expect.poll's 1 s. */
const eventually = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const announced = (page: Page) => page.locator('.live-announce').textContent();
const statuses = (page: Page) => page.locator('.live-queue li .live-queue__status').allTextContents();

/** Tabs to the button and presses Enter, then waits for the server to answer and the page to settle. */
async function press(page: Page, name: RegExp) {
  await tabTo(page, name, 80);
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
  await page.waitForLoadState('networkidle');
}

describe('the live meeting, by keyboard', () => {
  it('the facilitator runs a round (start, next, pass, end) and the projector view follows', async () => {
    const laptop = await contextFor('facilitator', 390);
    const page = await laptop.newPage();
    await page.goto(`${app.url}/meetings/${meetingId}/live`);
    await eventually(() => page.locator('h1').textContent()).toBe('Tapaaminen ei ole vielä alkanut: Jaksaminen');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const screen = await (await contextFor('facilitator')).newPage();
    await screen.goto(`${app.url}/meetings/${meetingId}/live/screen`);
    await eventually(() => screen.locator('.live-screen__big').textContent()).toBe('Kokous alkaa pian.');
    // the projector shows only the meeting
    expect(await screen.locator('nav, .site-header, .site-footer, .demo-banner, button[name="locale"]').count()).toBe(0);
    await expectNoAxeViolations(screen);

    await press(page, /^Aloita kokous$/);
    await eventually(() => page.locator('.live-current h3').textContent()).toBe('Nyt: Aloituskierros');
    await eventually(() => page.locator('h1').textContent()).toBe('Tapaaminen käynnissä: Jaksaminen');
    await eventually(() => screen.locator('h1').textContent()).toBe('Tapaaminen käynnissä: Jaksaminen');
    await press(page, /^Aloita kierros$/);
    await eventually(() => announced(page)).toBe('Vuorossa: Aino Aaltonen');
    // the pressed button is gone: focus stays in the round, on its first button
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Seuraava puhuja');
    await eventually(() => statuses(page)).toEqual(['puhuu nyt', 'odottaa', 'odottaa']);
    await eventually(() => page.locator('.live-clock--big .live-clock__time').textContent()).toMatch(/^[45]:\d\d$/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // the projector view (another device) catches up by itself
    await eventually(() => screen.locator('.live-speaker--screen').textContent()).toBe('Vuorossa: Aino Aaltonen');
    await expectNoAxeViolations(screen);

    await press(page, /^Seuraava puhuja$/);
    await eventually(() => announced(page)).toBe('Vuorossa: Eero Eskola');
    await press(page, /^Ohita vuoro$/);
    await eventually(() => announced(page)).toBe('Vuorossa: Helmi Heikkinen');
    await eventually(() => statuses(page)).toEqual(['puhunut', 'ohitti', 'puhuu nyt']);
    await eventually(() => screen.locator('.live-speaker--screen').textContent()).toBe('Vuorossa: Helmi Heikkinen');

    await press(page, /^Lopeta kierros$/);
    await eventually(() => page.locator('#round-title + p').textContent()).toBe('Kierros on päättynyt.');
    await eventually(() => announced(page)).toBe('');
    await expectNoAxeViolations(page);

    await press(page, /^Seuraava ohjelmakohta$/);
    await eventually(() => page.locator('.live-current h3').textContent()).toBe('Nyt: Pienet askeleet');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    laptopPage = page;
    screenPage = screen;
  }, 240_000);

  it('the member adds a step on their phone (390 px); axe finds nothing on my-steps', async () => {
    const phone = await (await contextFor('member', 390)).newPage();
    await phone.goto(`${app.url}/meetings/${meetingId}/my-steps`);
    await eventually(() => phone.locator('h1').textContent()).toBe('Omat pienet askeleeni');
    await expectNoAxeViolations(phone);
    await tabTo(phone, /^Uusi pieni askel/);
    await phone.keyboard.type('Soitan kirjanpitäjälle');
    await tabTo(phone, /^Lisää askel$/);
    await phone.keyboard.press('Enter');
    await eventually(() => phone.locator('[role="status"]').textContent()).toBe('Askel lisättiin. Se näkyy myös ohjaajalle.');
    await eventually(() => phone.locator('.live-steps').textContent()).toContain('Soitan kirjanpitäjälle');
    await expectNoAxeViolations(phone);

    const page = await (await contextFor('facilitator')).newPage();
    await page.goto(`${app.url}/meetings/${meetingId}/live`);
    await eventually(() => page.locator('#steps-title ~ div').allTextContents()).toContainEqual(expect.stringContaining('Soitan kirjanpitäjälle'));
    await expectNoAxeViolations(page);
  }, 180_000);

  it('the facilitator ends the meeting: the headings say so and the clocks stop', async () => {
    const page = laptopPage!;
    await page.reload();
    await press(page, /^Päätä kokous$/);
    await eventually(() => page.locator('h1').textContent()).toBe('Tapaaminen on päättynyt: Jaksaminen');
    expect(await page.locator('.live-clock').count()).toBe(0);
    await eventually(() => screenPage!.locator('h1').textContent()).toBe('Tapaaminen on päättynyt: Jaksaminen');
    await eventually(() => screenPage!.locator('.live-clock').count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(screenPage!);
  }, 120_000);

  it('the projector view on a phone-sized screen (390 px): only the meeting, nothing to tab to but the page, axe 0', async () => {
    const small = await (await contextFor('facilitator', 390)).newPage();
    await small.goto(`${app.url}/meetings/${meetingId}/live/screen`);
    await eventually(() => small.locator('h1').textContent()).toBe('Tapaaminen on päättynyt: Jaksaminen');
    expect(await small.locator('nav, .site-header, .site-footer, .demo-banner, button[name="locale"], .skip-link').count()).toBe(0);
    // by keyboard: no site link or switcher is reachable (nothing focusable, or only the meeting's own)
    await small.keyboard.press('Tab');
    const focused = await small.evaluate(() => document.activeElement?.closest('nav, header, footer') !== null && document.activeElement !== document.body);
    expect(focused).toBe(false);
    await expectNoAxeViolations(small);
    await expectNoHorizontalScroll(small);
  }, 120_000);
});
