// The accessible shell in Chromium: skip link, landmarks, focus, sizes, narrow screens,
// the language switcher by keyboard, and axe on the public pages in fi and en.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function newPage(options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: options.locale ?? 'fi-FI', viewport: { width: options.width ?? 1280, height: 900 } });
  return context.newPage();
}

describe('the shell', () => {
  it('starts with a skip link that moves focus to the main content', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    await expect.poll(() => first.textContent()).toBe('Siirry sisältöön');
    // The focused skip link is visible and has a visible focus indicator.
    expect(await first.isVisible()).toBe(true);
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    expect(await page.locator('nav').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('uses at least 18 px text and 44 px targets for buttons and menu links', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, .button, nav a, input, select'))
        .map((el) => ({ text: (el.textContent ?? '').trim(), h: el.getBoundingClientRect().height }))
        .filter((b) => b.h > 0 && b.h < 44),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['320 px wide', 320],
    ['200 % zoom (1280 px at 2×)', 640],
  ])('fits %s without horizontal scrolling', async (_name, width) => {
    const page = await newPage({ width });
    await page.goto(app.url + '/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('switches language by keyboard and keeps the choice', async () => {
    const page = await newPage();
    await page.goto(app.url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await tabTo(page, /^English$/);
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('peer group');
    await page.goto(app.url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.context().close();
  });

  it('follows Accept-Language when nothing is chosen', async () => {
    const page = await newPage({ locale: 'sv-FI' });
    await page.goto(app.url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.context().close();
  });

  it.each(['fi-FI', 'en-GB', 'sv-FI'])('has no axe violations on the public pages and a 404 page (%s)', async (locale) => {
    const page = await newPage({ locale });
    for (const path of ['/', '/privacy', '/accessibility', '/training', '/how-it-works', '/organizations', '/sign-in', '/sign-in/code', '/reset-password', '/dev/mailbox']) {
      expect((await page.goto(app.url + path))?.status()).toBe(200);
      await expectNoAxeViolations(page);
    }
    const res = await page.goto(app.url + '/no-such-page');
    expect(res?.status()).toBe(404);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('runs its one inline script under the CSP without errors (public pages do not load React)', async () => {
    const page = await newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(app.url + '/');
    await page.waitForLoadState('networkidle');
    // Plain HTML by design (issue 13, app/root.tsx hydratesFor); staff pages hydrate (page-weight.e2e.test.ts).
    expect(await page.evaluate(() => typeof (window as unknown as { __reactRouterRouteModules?: unknown }).__reactRouterRouteModules)).toBe('undefined');
    expect(await page.locator('script[src]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
