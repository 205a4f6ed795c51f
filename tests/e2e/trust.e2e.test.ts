// The audit viewer and "who has handled my data" in Chromium, by keyboard: the coordinator
// filters the log to staff reads with the keyboard; the member follows the profile link to
// their own page; axe finds nothing; tables keep their words whole.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestGroup } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectTableWordsWhole, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kalle Laine' });
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Virtanen' });
  await createTestGroup(db, { organizationId: org.id, memberIds: [member.id] });
  tokens.coordinator = (await signIn(db, coordinator.id)).token;
  tokens.member = (await signIn(db, member.id)).token;
  // The coordinator opens the member list: one staff read naming the member.
  await fetch(app.url + '/organization/members', { headers: { cookie: `${SESSION_COOKIE}=${tokens.coordinator}` } });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(who: string, locale = 'fi-FI'): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 375, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

describe('trust pages by keyboard', () => {
  it('the coordinator filters the audit log to staff reads', async () => {
    const context = await contextFor('coordinator');
    const page = await context.newPage();
    await page.goto(app.url + '/organization/audit');
    expect(await page.locator('h1').textContent()).toBe('Tapahtumaloki');
    await expectNoAxeViolations(page);
    await page.locator('#action').focus();
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Näytä$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/action=read\./);
    expect(await page.locator('table').textContent()).toContain('Jäsenluettelon katselu');
    await expectNoAxeViolations(page);
    await expectTableWordsWhole(page);
    await context.close();
  });

  // The member's own language (Finnish) wins over the browser's, so both browsers show Finnish.
  it('the member follows the profile link to who has handled their data, from a Finnish and an English browser', async () => {
    for (const [locale, link, title] of [
      ['fi-FI', /^Kuka on käsitellyt tietojani$/, 'Kuka on käsitellyt tietojani'],
      ['en-GB', /^Kuka on käsitellyt tietojani$/, 'Kuka on käsitellyt tietojani'],
    ] as const) {
      const context = await contextFor('member', locale);
      const page = await context.newPage();
      await page.goto(app.url + '/profile');
      await tabTo(page, link, 120);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/profile\/data-access$/);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect(await page.locator('table').textContent()).toContain('Kalle Laine');
      await expectNoAxeViolations(page);
      await expectTableWordsWhole(page);
      await context.close();
    }
  });
});
