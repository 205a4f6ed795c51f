// The knowledge bank in Chromium by keyboard on a phone, in Finnish and English: a visitor
// searches with an inflected word, sees the compound marked, opens the article; script written
// into the article never runs (no dialog, no script element in it). axe finds nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { createArticle } from '../../src/features/knowledge/write-article.ts';
import { publishArticle } from '../../src/features/knowledge/article-workflow.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const coordinator = await actorFor(db, (await createTestMember(db, { organizationId: org.id, role: 'coordinator' })).id, org.id);
  const article = await createArticle(coordinator, app.services, {
    organizationId: org.id,
    title: 'Yritystuen hakeminen',
    summary: 'Mistä tukea saa.',
    body: 'Kunnan tukea haetaan lomakkeella.\n\n<script>alert("xss")</script>\n\n<img src=x onerror="alert(2)">\n\n[klikkaa](javascript:alert(3))',
    language: 'fi',
    visibility: 'public',
    themes: ['crisis'],
  });
  await publishArticle(coordinator, app.services, { organizationId: org.id, articleId: article.id });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(locale: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

describe('the knowledge bank by keyboard on a phone', () => {
  it.each([
    ['fi-FI', /^Hae/, '1 hakutulos'],
    ['en-GB', /^Search/, '1 result'],
  ] as const)('searches with an inflected word and reads the article; its script never runs (%s)', async (locale, searchLabel, results) => {
    const { page, dialogs } = await phone(locale);
    await page.goto(`${app.url}/knowledge`);
    await expectNoAxeViolations(page);
    await tabTo(page, searchLabel, 80);
    await page.keyboard.type('tuen');
    await Promise.all([page.waitForURL(/\/knowledge\?q=tuen/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').textContent()).toContain(results);
    expect(await page.locator('main mark').allTextContents()).toContain('Yritystuen');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Yritystuen hakeminen$/, 80);
    await Promise.all([page.waitForURL(/\/knowledge\/yritystuen-hakeminen$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Yritystuen hakeminen');
    await expectNoAxeViolations(page);
    expect(await page.locator('.article-body script, .article-body img, .article-body [onerror]').count()).toBe(0);
    expect(await page.locator('.article-body').textContent()).toContain('<script>alert("xss")</script>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
