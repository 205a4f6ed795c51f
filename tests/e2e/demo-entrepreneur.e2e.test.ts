// The demo entrepreneur's everyday pages at 390 px, with the demo's real amount of data (issue 11):
// home, steps and progress pass axe and never scroll sideways; the progress chart's dated x-axis
// labels never run into each other, and the last point and its date stay inside the chart.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo({ db: app.database.db });
  const [user] = await app.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'yrittaja@demo.tyopeili.fi'));
  token = (await signIn(app.database.db, user!.id)).token;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('the demo entrepreneur on a phone', () => {
  it('home → steps → progress by keyboard; the chart’s dates stand apart', async () => {
    const page = await phone();
    await page.goto(`${app.url}/home`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Kaikki askeleeni$/);
    await Promise.all([page.waitForURL(/\/steps$/), page.keyboard.press('Enter')]);
    // the overdue steps come first and say so
    expect((await page.locator('.live-steps .live-step-text').first().textContent()) ?? '').toContain('myöhässä');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto(`${app.url}/home`);
    await tabTo(page, /^Oma kehitykseni$/);
    await Promise.all([page.waitForURL(/\/progress$/), page.keyboard.press('Enter')]);
    const labels = await page.locator('.progress-chart__date').evaluateAll((list) => list.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]! - labels[i - 1]![1]!, `gap before date label ${i}`).toBeGreaterThanOrEqual(4);
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
    await page.context().close();
  }, 240_000);
});
