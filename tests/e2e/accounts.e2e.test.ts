// Signing in as a person would, by keyboard only, in Chromium; axe on the account pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { hashPassword } from '../../src/features/accounts/password.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let email = '';
const PASSWORD = 'metsän reunalla kasvaa';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const org = await createTestOrganization(app.database.db);
  const user = await createTestMember(app.database.db, { organizationId: org.id, role: 'entrepreneur', name: 'Tuula Rantanen', passwordHash: await hashPassword(PASSWORD) });
  email = user.email;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function newPage(locale = 'fi-FI', width = 390): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
  return context.newPage();
}

describe('signing in by keyboard', () => {
  it('signs in with a password from the front page and signs out', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    await tabTo(page, /^Kirjaudu sisään$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in$/);
    await expectNoAxeViolations(page);
    await tabTo(page, /Sähköpostiosoite/);
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    // The URL changes when the client navigation commits, a moment before React renders the page.
    await expect.poll(() => page.locator('h1').textContent()).toContain('Tuula');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'tyopeili_session')?.httpOnly).toBe(true);
    await tabTo(page, /^Kirjaudu ulos$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(app.url + '/');
    await expect.poll(() => page.getByRole('link', { name: 'Kirjaudu sisään' }).first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('announces a wrong password and keeps the address', async () => {
    const page = await newPage();
    await page.goto(app.url + '/sign-in');
    await tabTo(page, /Sähköpostiosoite/);
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('väärä salasana tässä');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('ei ole oikein');
    expect(await page.getByLabel('Sähköpostiosoite').inputValue()).toBe(email);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('signs in with a code read from the dev mailbox', async () => {
    const page = await newPage();
    await page.goto(app.url + '/sign-in');
    await tabTo(page, /Kirjaudu ilman salasanaa/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in\/code$/);
    await tabTo(page, /Sähköpostiosoite/);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.getByLabel('Koodi sähköpostista').waitFor();
    await expectNoAxeViolations(page);
    // The mail job runs in-process; the dev mailbox shows the code.
    const mailbox = await newPage();
    let code = '';
    for (let i = 0; i < 50 && !code; i++) {
      await mailbox.goto(app.url + '/dev/mailbox');
      const link = mailbox.getByRole('link', { name: /Kirjautumiskoodisi/ }).first();
      if (await link.count()) code = /(\d{6})/.exec((await link.textContent()) ?? '')?.[1] ?? '';
      else await mailbox.waitForTimeout(200);
    }
    expect(code).toMatch(/^\d{6}$/);
    await expectNoAxeViolations(mailbox);
    await page.getByLabel('Koodi sähköpostista').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    await page.context().close();
    await mailbox.context().close();
  });

  it.each(['fi-FI', 'en-GB'])('has accessible sign-in, code and reset pages (%s)', async (locale) => {
    const page = await newPage(locale, 1024);
    for (const path of ['/sign-in', '/sign-in/code', '/reset-password']) {
      await page.goto(app.url + path);
      expect(await page.locator('html').getAttribute('lang'), path).toBe(locale.slice(0, 2));
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });

  it.each(['fi-FI', 'en-GB'])('has an accessible profile page (%s)', async (locale) => {
    const page = await newPage(locale, 1024);
    await page.goto(app.url + '/sign-in');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#password').press('Enter');
    await page.waitForURL(/\/home$/);
    await page.goto(app.url + '/profile');
    await expectNoAxeViolations(page);
    // Start TOTP set-up and see the key and the confirmation field, still accessible.
    await page.locator('form:has(input[value="totp-begin"]) button').click();
    await page.locator('#code').waitFor();
    // the QR code (server-drawn SVG) beside the key, and the otpauth: link with the same key
    const qr = page.locator('.totp-qr-image svg[role="img"]');
    expect(await qr.isVisible()).toBe(true);
    expect((await qr.boundingBox())!.width).toBeGreaterThan(150);
    const link = await page.locator('a[href^="otpauth://totp/"]').getAttribute('href');
    const secret = (await page.locator('code').allTextContents()).find((c) => !c.startsWith('otpauth:'))!.trim();
    expect(new URL(link!).searchParams.get('secret')).toBe(secret);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
