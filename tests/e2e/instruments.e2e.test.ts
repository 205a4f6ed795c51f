// Custom instruments in Chromium on a phone-sized screen, by keyboard: a coordinator goes from
// the evaluation to the instruments, opens the form, sends it empty (the error summary takes
// focus), fills it in with the keyboard, sends it with Enter and finds the new instrument and its
// details. axe finds nothing on the list, the form (also with errors) and in English.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let coordinatorId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Keski-Suomen Yrityspalvelut' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kaisa Koordinaattori' });
  coordinatorId = coordinator.id;
  token = (await signIn(db, coordinator.id)).token;
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

async function typeInto(page: Page, label: RegExp, text: string) {
  await tabTo(page, label, 120);
  await page.keyboard.type(text);
}

describe('/organization/instruments by keyboard', () => {
  it('defines an instrument of the organisation own', async () => {
    const context = await contextFor();
    const page = await context.newPage();
    await page.goto(app.url + '/evaluation');
    await tabTo(page, /^Mittarit ja niiden lähteet$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organization\/instruments$/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await tabTo(page, /^Lisää oma mittari$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organization\/instruments\/new$/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Sent empty: the error summary takes focus and names the missing fields.
    await tabTo(page, /^Lisää mittari$/, 120);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toBe('error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('Vahvista käyttöoikeus.');
    await expectNoAxeViolations(page);

    await typeInto(page, /^Nimi suomeksi/, 'Jaksaminen yrittäjänä');
    await tabTo(page, /^Kysymykset suomeksi/, 120);
    await page.keyboard.type('Jaksan hyvin arjessa');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Minulla on liikaa töitä');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Saan levättyä riittävästi');
    await tabTo(page, /^Pienin vastaus/, 120);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await tabTo(page, /^Suurin vastaus/, 120);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await typeInto(page, /^Käännettävät kysymykset/, '2');
    await typeInto(page, /^Lähde/, 'Keski-Suomen yrityspalveluiden oma kysely (2026).');
    await typeInto(page, /^Lisenssi ja käyttöehdot/, 'Oma, vapaa käyttö.');
    await tabTo(page, /^Vahvistan, että organisaatiollamme on lupa/, 120);
    await page.keyboard.press('Space');
    await tabTo(page, /^Lisää mittari$/, 120);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organization\/instruments\?done=defined$/);
    await expect.poll(() => page.locator('[role=status]').innerText()).toContain('Mittari on lisätty');
    await expectNoAxeViolations(page);

    await tabTo(page, /^Kysymykset ja pisteytys$/);
    await page.keyboard.press('Enter');
    const details = page.locator('details', { hasText: 'Minulla on liikaa töitä' });
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await details.innerText()).toContain('Käännetyt kysymykset: 2');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('reads in English with no axe findings', async () => {
    await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, coordinatorId));
    const context = await contextFor('en-GB');
    const page = await context.newPage();
    for (const path of ['/organization/instruments', '/organization/instruments/new']) {
      await page.goto(app.url + path);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await context.close();
  });
});
