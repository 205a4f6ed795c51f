// The dev mailbox in Chromium: kept mail newest first, one mail's text, its HTML part
// under a strict CSP, axe clean; and no mailbox at all once SMTP_URL is set.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { expectNoAxeViolations, launchBrowser } from '../../../tests/setup/browser.ts';
import { enqueueMail, type MailRequest } from '../../../src/platform/mail/mail.ts';
import { devMailbox } from '../../../src/platform/mail/mail.schema.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function send(mail: MailRequest): Promise<void> {
  const { db, jobs } = app.services;
  await db.transaction((tx) => enqueueMail(tx, jobs, mail));
  for (let i = 0; i < 150; i++) {
    const rows = await db.select({ to: devMailbox.to }).from(devMailbox);
    if (rows.some((r) => r.to === mail.to)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('mail not kept');
}

describe('the dev mailbox', () => {
  it('lists kept mail newest first and shows one mail, without signing in', async () => {
    await send({ to: 'first@example.fi', locale: 'fi', template: 'signInCode', values: { code: '111111', minutes: 10, name: 'Eka' } });
    await send({ to: 'second@example.fi', locale: 'sv', template: 'passwordReset', values: { name: '<script>alert(1)</script>', url: 'https://tyopeili.example/reset-password/xyz', minutes: 60 } });
    const context = await browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    await page.goto(app.url + '/dev/mailbox');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kehitysajon postilaatikko');
    expect(await page.getByText(/ilman kirjautumista/).count()).toBe(1);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('second@example.fi');
    expect(await rows.nth(1).textContent()).toContain('first@example.fi');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ange ett nytt lösenord till Työpeili' }).click();
    await page.waitForURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ange ett nytt lösenord till Työpeili');
    expect(await page.locator('pre').textContent()).toContain('Hej <script>alert(1)</script>,');
    await expectNoAxeViolations(page);

    const htmlHref = await page.getByRole('link', { name: 'Näytä viestin HTML-osa' }).getAttribute('href');
    const response = await fetch(app.url + htmlHref);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Hej &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://tyopeili.example/reset-password/xyz">');
    await context.close();
  });

  it('answers 404 for a mail that does not exist', async () => {
    expect((await fetch(app.url + '/dev/mailbox/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await fetch(app.url + '/dev/mailbox/not-an-id/html')).status).toBe(404);
  });
});

describe('with SMTP_URL', () => {
  it('has no dev mailbox', async () => {
    const withSmtp = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
    try {
      expect((await fetch(withSmtp.url + '/dev/mailbox')).status).toBe(404);
    } finally {
      await withSmtp.close();
    }
  });
});
