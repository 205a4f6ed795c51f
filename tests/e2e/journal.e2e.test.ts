// The private journal in Chromium on a phone-sized screen, by keyboard: an entrepreneur
// finds the journal from the navigation, tries to save an empty entry (error summary),
// writes one, opens it for editing and saves a change. axe finds nothing on /journal
// (fi and en, with and without errors) or on the edit page.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';
import { eq } from 'drizzle-orm';

let app: TestApp;
let browser: Browser;
let token: string;
let userId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunta' });
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Pirjo Mäkinen' });
  userId = member.id;
  token = (await signIn(db, member.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 320, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

describe('the private journal, by keyboard on a phone', () => {
  it('writes, checks and edits an entry', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(app.url + '/home');
    await tabTo(page, /^Päiväkirja$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journal$/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Oma päiväkirja');
    expect(await page.textContent('main')).toContain('Et ole vielä kirjoittanut merkintöjä.');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Saving nothing: the error summary takes focus and links to the field.
    await tabTo(page, /^Tallenna merkintä$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').textContent(), { timeout: 10_000 }).toContain('Kirjoita merkintä ennen tallentamista.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 10_000 }).toBe('error-summary');
    expect(await page.getAttribute('#text', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await tabTo(page, /^Merkintä/);
    await page.keyboard.type('Tänään soitin kolmelle uudelle asiakkaalle. Jännitti, mutta meni hyvin.');
    await tabTo(page, /^Tallenna merkintä$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journal\?done=saved$/);
    await expect.poll(() => page.locator('[role=status]').textContent(), { timeout: 10_000 }).toBe('Merkintä on tallennettu.');
    expect(await page.textContent('main')).toContain('Tänään soitin kolmelle uudelle asiakkaalle.');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await tabTo(page, /^Muokkaa merkintää/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Muokkaa merkintää');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Merkintä/);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Huomenna lisää.');
    await tabTo(page, /^Tallenna muutokset$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journal\?done=edited$/);
    await expect.poll(() => page.locator('[role=status]').textContent(), { timeout: 10_000 }).toBe('Muutokset on tallennettu.');
    expect(await page.textContent('main')).toContain('Jännitti, mutta meni hyvin. Huomenna lisää.');
    await context.close();
  }, 90_000);

  it('has no axe violations in English', async () => {
    await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, userId));
    const context = await phone();
    const page = await context.newPage();
    await page.goto(app.url + '/journal');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('My journal');
    await expectNoAxeViolations(page);
    await context.close();
  }, 60_000);
});
