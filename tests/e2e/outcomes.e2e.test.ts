// Outcome measurement in Chromium on a phone-sized screen, by keyboard: an entrepreneur gives
// consent, opens the baseline check-in, answers with Tab and arrow keys, saves a draft, comes
// back, sends it, and reads their progress (chart and table). axe finds nothing on
// /profile/measurement, /check-in, /check-in/:id (also with errors), /progress (fi and en), the
// kind note, /home with its check-in card, the group trend and the meeting feedback pages.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { measurementConsents } from '../../src/features/outcomes/outcomes.schema.ts';
import { giveConsent } from '../../src/features/outcomes/give-consent.ts';
import { giveMeetingFeedback } from '../../src/features/outcomes/give-meeting-feedback.ts';
import { openDueCheckIns } from '../../src/features/outcomes/open-due-check-ins.ts';
import { saveCheckIn } from '../../src/features/outcomes/save-check-in.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let userId: string;
let lowToken: string;
let facilitatorToken: string;
let groupId: string;
let meetingId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const me = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Tuula Lehtonen' });
  const low = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Eero Laine' });
  const group = await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: [me.id, low.id] });
  userId = me.id;
  token = (await signIn(db, me.id)).token;
  lowToken = (await signIn(db, low.id)).token;
  facilitatorToken = (await signIn(db, facilitator.id)).token;
  groupId = group.id;
  // Eero has answered the baseline with a WHO-5 score of 40, and given feedback on a past meeting.
  const lowActor = await actorFor(db, low.id);
  await giveConsent(lowActor, { db }, { organizationId: org.id, userId: low.id });
  const [baseline] = await openDueCheckIns(lowActor, { db }, { organizationId: org.id, userId: low.id });
  const two = { cheerful: 2, calm: 2, active: 2, rested: 2, interest: 2 };
  await saveCheckIn(lowActor, { db }, { organizationId: org.id, checkInId: baseline!.id, submit: true, answers: { 'who-5': two, 'work-ability-score': { current: 5 }, 'life-satisfaction': { overall: 5 }, 'three-item-loneliness': { companionship: 2, 'left-out': 2, isolated: 2 } } });
  meetingId = (await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 2 * 3600_000) })).id;
  await giveMeetingFeedback(lowActor, { db }, { organizationId: org.id, meetingId, useful: 4, safe: 5, comment: 'Hyvä tapaaminen' });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(locale = 'fi-FI', session = token): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 375, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: session, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

const checkedValue = (page: Page, name: string) => page.evaluate((n) => (document.querySelector(`input[name="${n}"]:checked`) as HTMLInputElement | null)?.value ?? null, name);

describe('check-ins by keyboard', () => {
  it('gives consent, answers the baseline with a draft in between, and reads the progress', async () => {
    const context = await contextFor();
    const page = await context.newPage();

    await page.goto(app.url + '/check-in');
    await expectNoAxeViolations(page);
    await page.goto(app.url + '/profile/measurement');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Annan suostumuksen$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=given/);
    await expectNoAxeViolations(page);

    await page.goto(app.url + '/check-in');
    await expectNoAxeViolations(page);
    await tabTo(page, /^Vastaa/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check-in\/[0-9a-f-]{36}$/);
    const checkInUrl = page.url();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // WHO-5: five groups, each "most of the time" (4) with Tab then ArrowDown.
    await tabTo(page, /^Koko ajan$/);
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
    }
    expect(await checkedValue(page, 'who-5__interest')).toBe('4');
    // Save the draft halfway and come back.
    await tabTo(page, /^Tallenna ja jatka myöhemmin$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=saved/);
    expect(await checkedValue(page, 'who-5__cheerful')).toBe('4');
    await expectNoAxeViolations(page);

    // Sending with answers missing shows the error summary (and stays accessible).
    await tabTo(page, /^Lähetä vastaukset$/);
    await page.keyboard.press('Enter');
    // (a full page load now: the entrepreneur's pages are plain HTML; give a busy machine time)
    await expect.poll(() => page.locator('.error-summary').count(), { timeout: 20_000 }).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(checkInUrl);
    // Work ability 0–10 and life satisfaction 0–10: Tab into the group, arrow to the value.
    await tabTo(page, /^0 – En pysty lainkaan työhön$/);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    // Loneliness: the first answer of each of the three items, with Space.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    }
    await page.keyboard.press('Tab');
    await page.keyboard.type('37,5');
    expect(await checkedValue(page, 'work-ability-score__current')).toBe('7');
    expect(await checkedValue(page, 'life-satisfaction__overall')).toBe('8');
    await tabTo(page, /^Lähetä vastaukset$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check-in\?done=submitted$/);
    await expectNoAxeViolations(page);

    await page.goto(app.url + '/progress');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Oma kehitykseni');
    expect(await page.locator('svg[role="img"] title').textContent()).toContain('WHO-5');
    expect(await page.locator('table td').first().textContent()).toBe('80');
    expect(await page.locator('.lead').textContent()).toContain('80 pistettä');
    // the x axis is dated, and the last point and its date lie inside the chart
    const today = new Intl.DateTimeFormat('fi-FI', { dateStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date());
    expect(await page.locator('.progress-chart__date').allTextContents()).toEqual([today]);
    const inside = await page.locator('svg.progress-chart').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('circle, .progress-chart__date')].every((e) => {
        const r = e.getBoundingClientRect();
        return r.left >= box.left && r.right <= box.right && r.bottom <= box.bottom;
      });
    });
    expect(inside).toBe(true);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  }, 240_000);

  it('withdraws consent by keyboard: a missing choice is named, its link lands on the first choice, the answers are kept', async () => {
    const context = await contextFor();
    const page = await context.newPage();
    await page.goto(app.url + '/profile/measurement');
    await tabTo(page, /^Peru suostumus$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').textContent(), { timeout: 30_000 }).toContain('Valitse, säilytetäänkö vai poistetaanko vastauksesi.');
    expect(await page.getAttribute('fieldset:has(input[name="choice"])', 'aria-describedby')).toBe('choice-error');
    await expectNoAxeViolations(page);
    await page.locator('.error-summary a[href="#choice"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('choice');
    await page.keyboard.press('Space');
    expect(await checkedValue(page, 'choice')).toBe('keep');
    await tabTo(page, /^Peru suostumus$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile\/measurement\?done=withdrawn$/);
    const [consent] = await app.database.db.select().from(measurementConsents).where(eq(measurementConsents.userId, userId));
    expect(consent).toMatchObject({ withdrawalChoice: 'keep' });
    expect(consent!.withdrawnAt).toBeInstanceOf(Date);
    await context.close();
  }, 180_000);

  it('has no axe violations on the progress and consent pages in English', async () => {
    await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, userId));
    const context = await contextFor('en-GB');
    const page = await context.newPage();
    for (const path of ['/progress', '/profile/measurement', '/check-in']) {
      await page.goto(app.url + path);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectNoAxeViolations(page);
    }
    await context.close();
  }, 120_000);

  it('shows the kind note at a WHO-5 of 40, and the trend and feedback pages are accessible', async () => {
    const member = await contextFor('fi-FI', lowToken);
    const page = await member.newPage();
    await page.goto(app.url + '/progress');
    await expect.poll(() => page.locator('#help-title').count()).toBe(1);
    expect(await page.locator('a[href="tel:+358925250111"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.goto(app.url + '/home');
    expect(await page.locator('#home-check-ins').textContent()).toContain('Kyselyt');
    await expectNoAxeViolations(page);
    await page.goto(app.url + `/meetings/${meetingId}/feedback`);
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('Olet jo antanut palautetta');
    await expectNoAxeViolations(page);
    await member.close();

    const facilitator = await contextFor('fi-FI', facilitatorToken);
    const staff = await facilitator.newPage();
    await staff.goto(app.url + `/groups/${groupId}/trend`);
    expect(await staff.locator('body').textContent()).toMatch(/Ei vielä tarpeeksi vastauksia \([12]\)/);
    await expectNoAxeViolations(staff);
    await staff.goto(app.url + `/meetings/${meetingId}/feedback`);
    expect(await staff.locator('body').textContent()).toContain('Hyvä tapaaminen');
    await expectNoAxeViolations(staff);
    await facilitator.close();
  }, 120_000);
});
