// Stories in Chromium by keyboard, in Finnish and English: staff have drafted a story; the
// entrepreneur reads the exact text on their own page and consents; the coordinator publishes;
// a visitor sees it on /stories and opens it; the entrepreneur withdraws in one step; the
// visitor finds it gone from the list and its page says so. axe finds nothing on any page.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createStory } from '../../src/features/stories/write-story.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const storyIds: Record<string, string> = {};
const slugs: Record<string, string> = {};

const texts = {
  fi: { titleFi: 'Maanantai on nyt minun päiväni', bodyFi: 'Pidän maanantain vapaana, eikä yksikään vakioasiakas lähtenyt.', titleEn: '', bodyEn: '' },
  en: { titleFi: 'Hinta koko työlle', bodyFi: 'Annan hinnan koko työlle.', titleEn: 'A price for the whole job', bodyEn: 'I give one price for the whole job now.' },
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const facilitator = await actorFor(db, (await createTestMember(db, { organizationId: org.id, role: 'facilitator' })).id, org.id);
  for (const locale of ['fi', 'en'] as const) {
    for (const role of ['coordinator', 'entrepreneur'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role, name: role === 'entrepreneur' ? 'Sanna Kettunen' : undefined });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
      if (role === 'entrepreneur') {
        const story = await createStory(facilitator, app.services, {
          organizationId: org.id,
          subjectUserId: user.id,
          ...texts[locale],
          titleSv: '',
          bodySv: '',
          displayName: 'first',
          sector: 'Kampaamo',
          municipality: 'Kuopio',
        });
        storyIds[locale] = story.id;
        slugs[locale] = story.slug;
      }
    }
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(locale: string, who?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

async function press(page: Page, name: RegExp, url: RegExp, maxTabs = 80) {
  await tabTo(page, name, maxTabs);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

describe('a story from consent to withdrawal, by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { consent: /^Annan luvan/, publish: /^Julkaise verkkosivuilla$/, withdraw: /^Peru lupa/, gone: 'Tarina on poistettu', published: 'Tarina on julkaistu.' }],
    ['en', 'en-GB', { consent: /^I consent/, publish: /^Publish on the website$/, withdraw: /^Withdraw consent/, gone: 'This story has been removed', published: 'The story is published.' }],
  ] as const)('%s', async (lang, locale, words) => {
    const title = lang === 'en' ? texts.en.titleEn : texts.fi.titleFi;
    const body = lang === 'en' ? texts.en.bodyEn : texts.fi.bodyFi;

    // The entrepreneur reads the exact text and consents (their pages load no JS).
    const me = await open(locale, `entrepreneur-${lang}`);
    await me.goto(`${app.url}/profile/stories`);
    expect(await me.locator('main').textContent()).toContain(body);
    expect(await me.locator('script[src]').count()).toBe(0);
    await expectNoAxeViolations(me);
    await expectNoHorizontalScroll(me);
    await press(me, words.consent, /\/profile\/stories\?done=consented/);
    await expectNoAxeViolations(me);

    // The coordinator publishes.
    const staff = await open(locale, `coordinator-${lang}`);
    await staff.goto(`${app.url}/organization/stories/${storyIds[lang]}`);
    await expectNoAxeViolations(staff);
    await press(staff, words.publish, /\?done=published/);
    expect(await staff.locator('[role=status]').textContent()).toContain(words.published);
    await expectNoAxeViolations(staff);

    // A visitor finds it on the list and opens it.
    const visitor = await open(locale);
    await visitor.goto(`${app.url}/stories`);
    await expectNoAxeViolations(visitor);
    await press(visitor, new RegExp(`^${title}$`), new RegExp(`/stories/${slugs[lang]}$`));
    expect(await visitor.locator('h1').textContent()).toBe(title);
    expect(await visitor.locator('main').textContent()).toContain('Sanna, Kampaamo, Kuopio');
    expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
    expect(await visitor.locator('script[src]').count()).toBe(0);
    await expectNoAxeViolations(visitor);

    // The entrepreneur withdraws in one step.
    await me.goto(`${app.url}/profile/stories`);
    await press(me, words.withdraw, /\/profile\/stories\?done=withdrawn/);
    await expectNoAxeViolations(me);

    // Gone: off the list, and the page says so (410) without the text or Open Graph tags.
    await visitor.goto(`${app.url}/stories`);
    expect(await visitor.locator('main').textContent()).not.toContain(title);
    const response = await visitor.goto(`${app.url}/stories/${slugs[lang]}`);
    expect(response?.status()).toBe(410);
    expect(await visitor.locator('h1').textContent()).toBe(words.gone);
    expect(await visitor.locator('main').textContent()).not.toContain(body);
    expect(await visitor.locator('meta[property="og:title"]').count()).toBe(0);
    await expectNoAxeViolations(visitor);
  });
});
