// The knowledge bank in Chromium by keyboard on a phone, in Finnish and English: a visitor
// searches with an inflected word, sees the compound marked, opens the article; script written
// into the article never runs (no dialog, no script element in it). A facilitator writes an
// article and asks for review; the coordinator finds it on the review list, publishes it and
// opens the history; the visitor then finds it. axe finds nothing on any of these pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createArticle } from '../../src/features/knowledge/write-article.ts';
import { publishArticle } from '../../src/features/knowledge/article-workflow.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};

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
  for (const locale of ['fi', 'en'] as const) {
    for (const role of ['facilitator', 'coordinator'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(locale: string, who?: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
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

const writing = {
  fi: {
    title: /^Otsikko$/,
    summary: /^Tiivistelmä$/,
    theme: /^Ajankäyttö$/,
    body: /^Teksti$/,
    save: /^Tallenna luonnos$/,
    preview: /^Esikatsele$/,
    previewTitle: 'Esikatselu – ei vielä tallennettu',
    review: /^Pyydä tarkastusta$/,
    publish: /^Julkaise versio 1$/,
    history: /^Versiohistoria$/,
    published: 'Artikkeli julkaistu.',
    heading: 'Odottaa tarkastusta',
  },
  en: {
    title: /^Title$/,
    summary: /^Summary$/,
    theme: /^Time management$/,
    body: /^Text$/,
    save: /^Save draft$/,
    preview: /^Preview$/,
    previewTitle: 'Preview – not saved yet',
    review: /^Ask for review$/,
    publish: /^Publish version 1$/,
    history: /^Version history$/,
    published: 'Article published.',
    heading: 'Waiting for review',
  },
} as const;

describe('writing and publishing by keyboard', () => {
  it.each(['fi', 'en'] as const)('a facilitator writes and asks for review, the coordinator publishes, a visitor finds it (%s)', async (lang) => {
    const w = writing[lang];
    const title = lang === 'fi' ? 'Viikkosuunnitelma kalenteriin' : 'A weekly plan in the calendar';
    const slug = lang === 'fi' ? 'viikkosuunnitelma-kalenteriin' : 'a-weekly-plan-in-the-calendar';
    const { page: writer } = await phone(lang === 'fi' ? 'fi-FI' : 'en-GB', `facilitator-${lang}`);
    await writer.goto(`${app.url}/knowledge/new`);
    await expectNoAxeViolations(writer);
    await tabTo(writer, w.title, 80);
    await writer.keyboard.type(title);
    await tabTo(writer, w.summary);
    await writer.keyboard.type(lang === 'fi' ? 'Maanantain vartti riittää.' : 'A quarter of an hour on Monday is enough.');
    await tabTo(writer, w.theme);
    await writer.keyboard.press('Space');
    await tabTo(writer, w.body);
    await writer.keyboard.type(lang === 'fi' ? 'Kirjoita **viikon** tärkeimmät asiat kalenteriin.' : 'Write the **week**’s main things into the calendar.');
    // preview first: the text rendered, nothing saved, the form still holds it
    await tabTo(writer, w.preview);
    await writer.keyboard.press('Enter');
    await writer.locator('#preview-title').waitFor();
    expect(await writer.locator('#preview-title').textContent()).toBe(w.previewTitle);
    expect(await writer.locator('#preview .article-body strong').textContent()).toBe(lang === 'fi' ? 'viikon' : 'week');
    expect(new URL(writer.url()).pathname).toBe('/knowledge/new');
    await expectNoAxeViolations(writer);
    await tabTo(writer, w.save, 80);
    await Promise.all([writer.waitForURL(new RegExp(`/knowledge/${slug}/edit\\?done=created`)), writer.keyboard.press('Enter')]);
    await expectNoAxeViolations(writer);
    await tabTo(writer, w.review, 80);
    await Promise.all([writer.waitForURL(/done=submitted/), writer.keyboard.press('Enter')]);
    await expectNoAxeViolations(writer);
    await expectNoHorizontalScroll(writer);

    const { page: reviewer } = await phone(lang === 'fi' ? 'fi-FI' : 'en-GB', `coordinator-${lang}`);
    await reviewer.goto(`${app.url}/knowledge/manage`);
    expect(await reviewer.locator('main').textContent()).toContain(w.heading);
    await expectNoAxeViolations(reviewer);
    await expectNoHorizontalScroll(reviewer);
    await tabTo(reviewer, new RegExp(`^${title}$`), 80);
    await Promise.all([reviewer.waitForURL(new RegExp(`/knowledge/${slug}/edit$`)), reviewer.keyboard.press('Enter')]);
    await tabTo(reviewer, w.publish, 80);
    await Promise.all([reviewer.waitForURL(/done=published/), reviewer.keyboard.press('Enter')]);
    expect(await reviewer.locator('[role="status"]').textContent()).toBe(w.published);
    await tabTo(reviewer, w.history, 80);
    await Promise.all([reviewer.waitForURL(new RegExp(`/knowledge/${slug}/history$`)), reviewer.keyboard.press('Enter')]);
    await expectNoAxeViolations(reviewer);
    await expectNoHorizontalScroll(reviewer);

    const { page: visitor } = await phone(lang === 'fi' ? 'fi-FI' : 'en-GB');
    await visitor.goto(`${app.url}/knowledge?q=${lang === 'fi' ? 'kalenterista' : 'calendars'}`);
    await tabTo(visitor, new RegExp(`^${title}$`), 80);
    await Promise.all([visitor.waitForURL(new RegExp(`/knowledge/${slug}$`)), visitor.keyboard.press('Enter')]);
    expect(await visitor.locator('.article-body strong').textContent()).toBe(lang === 'fi' ? 'viikon' : 'week');
    await expectNoAxeViolations(visitor);
  });
});
