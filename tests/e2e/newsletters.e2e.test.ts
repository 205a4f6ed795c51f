// Newsletters in Chromium by keyboard, in Finnish and in English: the coordinator goes from the
// header to the newsletters, composes one in Markdown, previews it with the recipient count, sends
// a test to themself and sends it (the confirm step); the mail is in the dev mailbox with the
// List-Unsubscribe headers (RFC 8058); the recipient opens the link on a phone and unsubscribes
// with one button, no sign-in. axe finds nothing on any page and nothing scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { devMailbox } from '../../src/platform/mail/mail.schema.ts';
import { newsletterOptOuts, newsletterSubscribers } from '../../src/features/newsletters/newsletters.schema.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const texts = {
  fi: {
    nav: /^Uutiskirjeet$/,
    newLetter: /^Uusi uutiskirje$/,
    subject: /^Otsikko$/,
    body: /^Teksti \(Markdown\)$/,
    save: /^Tallenna ja esikatsele$/,
    recipients: 'Uutiskirje lähtee 1 vastaanottajalle.',
    test: /^Lähetä testi itselleni$/,
    tested: 'Testiviesti lähetettiin omaan osoitteeseesi.',
    confirm: /^Olen tarkistanut uutiskirjeen/,
    send: /^Lähetä uutiskirje$/,
    sending: 'Uutiskirje lähtee nyt vastaanottajille',
    unsubscribe: /^Peru tilaus$/,
    unsubscribed: 'Tilaus on peruttu.',
    subjectText: 'Koronatuet yrittäjälle: mistä haet ja milloin',
    bodyText: 'Hae **ELY-keskukselta** kehittämisavustusta.',
  },
  en: {
    nav: /^Newsletters$/,
    newLetter: /^New newsletter$/,
    subject: /^Subject$/,
    body: /^Text \(Markdown\)$/,
    save: /^Save and preview$/,
    recipients: 'The newsletter goes to 1 recipient.',
    test: /^Send a test to myself$/,
    tested: 'The test was sent to your own address.',
    confirm: /^I have checked the newsletter/,
    send: /^Send the newsletter$/,
    sending: 'The newsletter is now being sent',
    unsubscribe: /^Unsubscribe$/,
    unsubscribed: 'You are unsubscribed.',
    subjectText: 'Koronatuet yrittäjälle (en)',
    bodyText: 'Hae **ELY-keskukselta** tukea.',
  },
} as const;

async function check(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

async function fill(page: Page, label: RegExp, value: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

async function waitForMail(to: string, subject: string) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const [mail] = await app.database.db
      .select()
      .from(devMailbox)
      .where(and(eq(devMailbox.to, to), eq(devMailbox.subject, subject)));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no mail to ${to}`);
}

describe.each(['fi', 'en'] as const)('newsletters by keyboard (%s)', (locale) => {
  it('the coordinator composes, previews, tests and sends; the recipient unsubscribes in one click', async () => {
    const x = texts[locale];
    const db = app.database.db;
    const org = await createTestOrganization(db, { name: `Yrityspalvelut ${locale}` });
    const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', email: `koordinaattori-${locale}@example.fi` });
    await db.update(users).set({ locale }).where(eq(users.id, coordinator.id));
    const reader = `lukija-${locale}@example.fi`;
    await db.insert(newsletterSubscribers).values({ organizationId: org.id, email: reader, locale, consentVersion: 'test', consentAt: new Date(), confirmedAt: new Date() });
    const { token } = await signIn(db, coordinator.id);
    const context = await browser.newContext({ locale: locale === 'fi' ? 'fi-FI' : 'en-GB', viewport: { width: 820, height: 1180 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();

    await page.goto(`${app.url}/home`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await tabTo(page, x.nav);
    await Promise.all([page.waitForURL(/\/organization\/newsletters$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, x.newLetter);
    await Promise.all([page.waitForURL(/\/organization\/newsletters\/new$/), page.keyboard.press('Enter')]);
    await check(page);
    // The first subject and text fields are the Finnish ones; the public subscribers are chosen already.
    await fill(page, x.subject, x.subjectText);
    await fill(page, x.body, `Hyvä yrittäjä,\n\n${x.bodyText}`);
    await tabTo(page, x.save);
    await Promise.all([page.waitForURL(/\/organization\/newsletters\/[0-9a-f-]+\?done=created$/), page.keyboard.press('Enter')]);
    await check(page);
    const main = await page.locator('main').innerText();
    expect(main).toContain(x.recipients);
    expect(await page.locator('main strong', { hasText: 'ELY-keskukselta' }).count()).toBeGreaterThan(0);

    await tabTo(page, x.test);
    await Promise.all([page.waitForURL(/\?done=tested$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.getByRole('status').textContent()).toContain(x.tested);
    await waitForMail(`koordinaattori-${locale}@example.fi`, `[TEST] ${x.subjectText}`);

    await tabTo(page, x.confirm);
    await page.keyboard.press('Space');
    await tabTo(page, x.send);
    await Promise.all([page.waitForURL(/\/organization\/newsletters\?done=sending$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.getByRole('status').textContent()).toContain(x.sending);

    const mail = await waitForMail(reader, x.subjectText);
    expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = mail.headers!['List-Unsubscribe']!.slice(1, -1);
    expect(link).toMatch(/\/newsletters\/unsubscribe\/[0-9a-f]{32}[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`<html lang="${locale}">`);

    // The recipient, on a phone, not signed in.
    const visitor = await browser.newContext({ locale: locale === 'fi' ? 'fi-FI' : 'en-GB', viewport: { width: 390, height: 844 } });
    const phone = await visitor.newPage();
    await phone.goto(`${app.url}${new URL(link).pathname}`);
    await check(phone);
    expect(await db.select().from(newsletterOptOuts).where(eq(newsletterOptOuts.organizationId, org.id))).toHaveLength(0);
    await tabTo(phone, x.unsubscribe);
    await Promise.all([phone.waitForSelector('[role="status"]'), phone.keyboard.press('Enter')]);
    await check(phone);
    expect(await phone.getByRole('status').textContent()).toContain(x.unsubscribed);
    expect(await db.select().from(newsletterOptOuts).where(eq(newsletterOptOuts.organizationId, org.id))).toHaveLength(1);
    await visitor.close();
    await context.close();
  });
});
