// The research export page in Chromium, by keyboard: an installation admin follows the link from
// /admin/organizations, sends the form without a purpose and lands on the focused error summary;
// axe finds nothing before and after. (The CSV itself is covered over HTTP.)
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let organizationId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const adminOrg = await createTestOrganization(db, { name: 'Työpeilin ylläpito' });
  organizationId = (await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' })).id;
  const admin = await createTestMember(db, { organizationId: adminOrg.id, role: 'admin', name: 'Anna Ylläpitäjä' });
  token = (await signIn(db, admin.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(locale = 'fi-FI'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 375, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

describe('/admin/organizations/:id/research-export by keyboard', () => {
  it('opens the page from the organisation list and shows the error summary for an empty purpose', async () => {
    const context = await contextFor();
    const page = await context.newPage();
    await page.goto(app.url + '/admin/organizations');
    await tabTo(page, /^Tutkimusaineisto: Satakunnan Yrityspalvelut$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/admin/organizations/${organizationId}/research-export$`));
    expect(await page.locator('h1').textContent()).toBe('Tutkimusaineisto');
    await expectNoAxeViolations(page);

    await tabTo(page, /^Lataa tutkimusaineisto$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedClass(page)).toBe('error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('Kirjoita aineiston käyttötarkoitus.');
    expect(await page.locator('#purpose').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await context.close();
  });
});
