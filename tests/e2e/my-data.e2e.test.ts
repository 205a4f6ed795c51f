// "Omat tietoni" in Chromium at 375 px, by keyboard and with JavaScript off (the profile is an
// entrepreneur page: plain HTML): the member reaches the download link and the erase button;
// the first press asks and says what goes and what is kept (axe finds nothing), "Peruuta"
// keeps everything, the confirmation erases and lands on the privacy page with a notice.
import { eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { applications } from '../../src/features/intake/intake.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createTestGroup } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let memberId: string;
let token: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kalle Laine' });
  memberId = (await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Virtanen' })).id;
  await createTestGroup(db, { organizationId: org.id, memberIds: [memberId] });
  token = (await signIn(db, memberId)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const accountExists = async () => (await app.database.db.select({ id: users.id }).from(users).where(eq(users.id, memberId))).length === 1;

async function profilePage(javaScriptEnabled: boolean) {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 375, height: 800 }, javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto(app.url + '/profile');
  return { context, page };
}

describe('my data by keyboard', () => {
  it('asks first and says what goes and what is kept; going back changes nothing (axe where scripts run)', async () => {
    const { context, page } = await profilePage(true);
    expect(await page.locator('#my-data-title').textContent()).toBe('Omat tietoni');
    expect(await page.locator('a[href="/profile/my-data.zip"]').textContent()).toBe('Lataa kaikki tietoni (ZIP)');
    await tabTo(page, /^Poista tilini ja tietoni$/, 150);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#confirm-title');
    expect(await page.locator('#confirm-title').textContent()).toBe('Poistetaanko tilisi ja tietosi?');
    expect(await page.locator('.confirm-step').textContent()).toContain('Säilytetään ilman nimeäsi');
    await expectNoAxeViolations(page);
    await page.locator('.confirm-step a', { hasText: 'Peruuta' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/profile#my-data-title$/, { waitUntil: 'commit' });
    expect(await accountExists()).toBe(true);
    await context.close();
  });

  it('with JavaScript off the confirmation erases and lands on the privacy page with a notice', async () => {
    const { context, page } = await profilePage(false);
    await tabTo(page, /^Poista tilini ja tietoni$/, 150);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#confirm-title');
    expect(await accountExists()).toBe(true);
    await tabTo(page, /^Poista tilini pysyvästi$/, 150);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/privacy\?erased=1$/);
    expect(await page.locator('[role=status]').textContent()).toBe('Tilisi ja tietosi on poistettu.');
    expect(await accountExists()).toBe(false);
    await context.close();
    const visitor = await browser.newContext({ locale: 'fi-FI', viewport: { width: 375, height: 800 } });
    const notice = await visitor.newPage();
    await notice.goto(app.url + '/privacy?erased=1');
    await expectNoAxeViolations(notice);
    await visitor.close();
  });
});

describe('my data without an account, by keyboard', () => {
  it('asks for the link, follows it, and erases after the box is ticked (axe finds nothing on each page)', async () => {
    const db = app.database.db;
    const email = 'vieras.e2e@example.fi';
    const [org] = await db.execute<{ id: string }>(sql`SELECT id FROM organizations LIMIT 1`).then((r) => r.rows);
    await db.insert(applications).values({ organizationId: org!.id, name: 'Vieras Hakija', email, consentAt: new Date() } as typeof applications.$inferInsert);
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(app.url + '/privacy');
    await tabTo(page, /^Omat tietoni ilman tiliä$/, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my-data$/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^Sähköpostiosoite/, 40);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice--success');
    await expectNoAxeViolations(page);
    const { rows } = await app.database.pool.query<{ url: string }>(
      "SELECT data->'values'->>'url' AS url FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1",
      [email],
    );
    await page.goto(rows[0]!.url.replace(/^https?:\/\/[^/]+/, app.url));
    expect(await page.locator('h2').first().textContent()).toContain(email);
    await expectNoAxeViolations(page);
    await tabTo(page, /^Poista tietoni pysyvästi$/, 80);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    await expectNoAxeViolations(page);
    await tabTo(page, /^Ymmärrän, että poistoa ei voi perua$/, 80);
    await page.keyboard.press('Space');
    await tabTo(page, /^Poista tietoni pysyvästi$/, 80);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notice--success');
    expect(await page.locator('.notice--success').textContent()).toBe('Tietosi on poistettu.');
    const left = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM applications WHERE email = ${email}`);
    expect(left.rows[0]!.n).toBe(0);
    await context.close();
  });
});
