// Programme evaluation in Chromium on a phone-sized screen, by keyboard: a funder opens
// /evaluation, chooses the year 2025 (a period of the release lattice) and the 6-month comparison, sends the
// GET form with Enter and reads the tables the disclosure layer released; axe finds nothing (fi and en), no sideways scroll.
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createEvaluationPerson } from '../factories/evaluation.ts';
import { createTestGroup } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let groupId: string;
let funderId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const funder = await createTestMember(db, { organizationId: org.id, role: 'funder', name: 'Raija Rahoittaja' });
  groupId = (await createTestGroup(db, { organizationId: org.id, name: 'Porin aamuryhmä', format: 'online' })).id;
  await createTestGroup(db, { organizationId: org.id, name: 'Rauman iltaryhmä' });
  const changes = [10, 10, 10, 10, 10, 10, 4, 0, 4, 8, -4, 12];
  for (const [i, d] of changes.entries()) {
    await createEvaluationPerson(db, {
      organizationId: org.id,
      groupId,
      birthYear: 1960 + i * 3,
      gender: i < 7 ? 'female' : 'male',
      sector: 'sote',
      municipality: i % 3 === 0 ? '684' : '609',
      baseline: { on: '2025-02-01', score: 48 },
      followUps: [{ kind: 'full', wave: 1, on: '2025-08-01', score: 48 + d }],
    });
  }
  funderId = funder.id;
  token = (await signIn(db, funder.id)).token;
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

describe('/evaluation by keyboard', () => {
  it('chooses the period and the comparison, sends the form and reads the tables', async () => {
    const context = await contextFor();
    const page = await context.newPage();
    await page.goto(app.url + '/home');
    await tabTo(page, /^Arviointi$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/evaluation$/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // periods come from the release lattice (whole years and half-years); there are no free dates and no group choice
    expect(await page.locator('input[type="date"], input[name="group"]').count()).toBe(0);
    await tabTo(page, /^Jakso/);
    await page.keyboard.type('Vuosi 2025');
    await tabTo(page, /^Viimeisin seuranta/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Näytä luvut$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/comparison=wave1/);
    expect(page.url()).toContain('period=2025');

    await expect.poll(() => page.locator('caption', { hasText: 'Muutos alusta seurantaan' }).count()).toBe(1);
    const pairs = await page.locator('tr', { hasText: 'Vastanneita sekä alussa että seurannassa' }).locator('td').textContent();
    expect(pairs).toBe('12');
    // whole points: mean change (6 × 10 + 4 + 0 + 4 + 8 − 4 + 12) / 12 = 7
    expect(await page.locator('tr', { hasText: 'Keskimääräinen muutos' }).locator('td').textContent()).toBe('7');
    // municipality: Rauma 4 is withheld, and then Pori 8 would give Rauma away from the total: the table is withheld whole, and says so
    expect(await page.locator('table#by-municipality').count()).toBe(0);
    await expect.poll(() => page.getByText('Taulukkoa ei näytetä').count()).toBeGreaterThan(0);
    expect(await page.locator('table#by-gender td', { hasText: /^7$/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // the download links carry the same choices
    const csvHref = await page.getByRole('link', { name: 'CSV-tiedosto' }).getAttribute('href');
    expect(csvHref).toContain('comparison=wave1');
    expect(csvHref).toContain('period=2025');
    await context.close();
  });

  it('has no axe violations in English', async () => {
    const context = await contextFor('en-GB');
    const page = await context.newPage();
    await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, funderId));
    await page.goto(app.url + '/evaluation?comparison=wave1&period=2025');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // withheld whole: its caption becomes a heading with the reason below it
    await expect.poll(() => page.locator('#by-municipality-caption', { hasText: 'Change by municipality' }).count()).toBe(1);
    expect(await page.getByText('The table is not shown').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
