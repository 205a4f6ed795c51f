// The organisation dashboard in Chromium by keyboard on a phone (390 px): the coordinator signs in,
// opens the dashboard from the home, changes the period (own dates typed the Finnish way), and
// follows a figure's link to the group it comes from. axe finds nothing, nothing scrolls sideways,
// in Finnish and in English.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/features/accounts/password.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

const PASSWORD = 'Koordinaattorin salasana 2026';
let app: TestApp;
let browser: Browser;
let email = '';
let groupId = '';
let englishToken = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kaisa Koordinaattori', passwordHash: await hashPassword(PASSWORD) });
  email = coordinator.email;
  const english = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, english.id));
  englishToken = (await signIn(db, english.id)).token;
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin Työpeili' });
  groupId = group.id;
  const day = 86_400_000;
  await createTestMeeting(db, { organizationId: org.id, groupId, startsAt: new Date(Date.now() - 10 * day) });
  await createTestMeeting(db, { organizationId: org.id, groupId, startsAt: new Date(Date.now() + 10 * day) });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** The Helsinki date of an instant as typed in Finland, e.g. "3.12.2026". */
const finnish = (d: Date) => new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric' }).format(d);

describe('the organisation dashboard by keyboard', () => {
  it('the coordinator signs in, opens the dashboard, changes the period and follows a figure to its group', async () => {
    const page = await phone('fi-FI');
    await page.goto(app.url + '/sign-in');
    await tabTo(page, /Sähköpostiosoite/);
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Kaisa');
    await page.getByText('Tilannekuva: tämä puolivuotiskausi').waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, /^Avaa tilannekuva$/, 80);
    await Promise.all([page.waitForURL(/\/organization\/dashboard$/), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Organisaation tilannekuva');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Own dates: from the checked "this half-year" radio three steps down to "own dates", then the dates.
    await tabTo(page, /^Tämä puolivuotiskausi$/, 80);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#period-custom').isChecked()).toBe(true);
    const from = finnish(new Date(Date.now() - 20 * 86_400_000));
    const to = finnish(new Date(Date.now() + 20 * 86_400_000));
    await tabTo(page, /^Alkaen/, 5);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(from);
    await tabTo(page, /^Päättyen/, 5);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(to);
    await tabTo(page, /^Näytä luvut$/, 10);
    await Promise.all([page.waitForURL(/period=custom/), page.keyboard.press('Enter')]);
    await page.getByText(`Ajanjakso ${from}–${to}`).waitFor();
    // One meeting held of two planned.
    expect(await page.locator('#dashboard-by-group tbody tr').first().textContent()).toContain('1 / 2');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await tabTo(page, /^Porin Työpeili$/, 120);
    await Promise.all([page.waitForURL(new RegExp(`/groups/${groupId}$`)), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Porin Työpeili');
    await page.context().close();
  });

  it('in English: the preset this year, no violations, no sideways scroll', async () => {
    const page = await phone('en-GB');
    await page.context().addCookies([{ name: SESSION_COOKIE, value: englishToken, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
    await page.goto(app.url + '/organization/dashboard');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Organisation dashboard');
    await tabTo(page, /^This half-year$/, 80);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Show figures$/, 10);
    await Promise.all([page.waitForURL(/period=year/), page.keyboard.press('Enter')]);
    // This year: both half-years, each linked to the evaluation.
    await expect.poll(() => page.locator('#dashboard-check-ins tbody tr').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('#dashboard-check-ins tbody tr a').first().getAttribute('href')).toMatch(/^\/evaluation\?period=\d{4}-H1&/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});
