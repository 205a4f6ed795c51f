// The group board and the notification settings in Chromium, by keyboard on a phone-sized
// screen: a member writes a post and a reply; the facilitator hides a post and shows it
// again; the member chooses a daily digest and turns step reminders off. axe finds
// nothing on the board (fi and en, empty, with posts, with an error, as facilitator) or
// on the settings page.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { digestPreferences } from '../../src/features/board/board.schema.ts';
import { reminderPreferences } from '../../src/features/reminders/reminders.schema.ts';
import { createTestGroup } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let groupId: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunta-board' });
  for (const [key, role, name] of [
    ['member', 'entrepreneur', 'Tuula Lehtonen'],
    ['facilitator', 'facilitator', 'Helmi Nieminen'],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org.id, role, name });
    ids[key] = user.id;
    tokens[key] = (await signIn(db, user.id)).token;
  }
  groupId = (await createTestGroup(db, { organizationId: org.id, name: 'Porin yrittäjät', facilitatorIds: [ids.facilitator!], memberIds: [ids.member!] })).id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(who: string, locale = 'fi-FI'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 320, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The machine is shared: give pages time under load. */
const slow = { timeout: 15_000 };

const board = () => `${app.url}/groups/${groupId}/board`;

describe('the group board by keyboard', () => {
  it('a member posts and replies', async () => {
    const member = await contextFor('member');
    const page = await member.newPage();
    await page.goto(board());
    await expect.poll(() => page.locator('h1').textContent(), slow).toBe('Keskustelu: Porin yrittäjät');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // An empty post: the error summary takes focus and names the problem.
    await tabTo(page, /^Lähetä viesti$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').textContent(), slow).toContain('Kirjoita viesti.');
    await expectNoAxeViolations(page);

    await tabTo(page, /^Viesti$/);
    await page.keyboard.type('Kuinka te pidätte lomaa yrittäjänä?');
    await tabTo(page, /^Lähetä viesti$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=posted/);
    await expect.poll(() => page.locator('[role=status]').textContent(), slow).toBe('Viestisi on lähetetty.');
    await expect.poll(() => page.locator('.board-post .board-body').first().textContent(), slow).toBe('Kuinka te pidätte lomaa yrittäjänä?');

    await tabTo(page, /^Vastaa viestiin$/);
    await page.keyboard.type('Vastaan itse: pidän heinäkuun vapaata.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // A same-page navigation to the post's anchor: no new load event to wait for.
    await expect.poll(() => page.url(), slow).toMatch(/done=replied#post-/);
    await expect.poll(() => page.locator('.board-replies .board-body').first().textContent(), slow).toBe('Vastaan itse: pidän heinäkuun vapaata.');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await member.close();
  }, 90_000);

  it('the facilitator hides a post and shows it again', async () => {
    const facilitator = await contextFor('facilitator');
    const fpage = await facilitator.newPage();
    await fpage.goto(board());
    await expectNoAxeViolations(fpage);
    await tabTo(fpage, /^Piilota$/);
    await fpage.keyboard.press('Enter');
    await fpage.waitForURL(/done=hidden/);
    await expect.poll(() => fpage.locator('.board-hidden').first().textContent(), slow).toBe('Piilotettu muilta');
    await expectNoAxeViolations(fpage);
    await tabTo(fpage, /^Näytä taas$/);
    await fpage.keyboard.press('Enter');
    await fpage.waitForURL(/done=unhidden/);
    await expect.poll(() => fpage.locator('.board-hidden').count(), slow).toBe(0);
    await facilitator.close();
  }, 90_000);

  it('has no axe violations in English', async () => {
    // The page speaks the person's own language.
    await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, ids.member!));
    const context = await contextFor('member', 'en-GB');
    const page = await context.newPage();
    await page.goto(board());
    await expect.poll(() => page.locator('h1').textContent(), slow).toBe('Discussion: Porin yrittäjät');
    await expectNoAxeViolations(page);
    await context.close();
    await app.database.db.update(users).set({ locale: 'fi' }).where(eq(users.id, ids.member!));
  }, 60_000);
});

describe('notification settings by keyboard', () => {
  it('a member chooses a daily digest and turns step reminders off', async () => {
    const context = await contextFor('member');
    const page = await context.newPage();
    await page.goto(board());
    await tabTo(page, /^Sähköpostikoosteen ja muistutusten asetukset$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile\/notifications$/);
    await expect.poll(() => page.locator('h1').textContent(), slow).toBe('Sähköposti-ilmoitukset');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // Radio group: Tab lands on the checked one (weekly); arrow up moves to daily.
    await tabTo(page, /^Kerran viikossa$/);
    await page.keyboard.press('ArrowUp');
    await tabTo(page, /^Muistutus muutama päivä/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Tallenna asetukset$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=saved/);
    await expect.poll(() => page.locator('[role=status]').textContent(), slow).toBe('Asetukset on tallennettu.');
    expect(await page.locator('#frequency-daily').isChecked()).toBe(true);
    expect(await page.locator('#stepReminders').isChecked()).toBe(false);
    expect(await page.locator('#meetingReminders').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    const db = app.database.db;
    expect((await db.select().from(digestPreferences).where(eq(digestPreferences.userId, ids.member!)))[0]?.frequency).toBe('daily');
    expect((await db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, ids.member!)))[0]).toMatchObject({ meetingReminders: true, stepReminders: false });
    await context.close();
  }, 90_000);
});
