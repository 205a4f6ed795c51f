// Organisations in Chromium: a coordinator invites a person by keyboard, the
// person accepts in a fresh browser by creating an account and lands on /home;
// axe finds nothing on the organisation pages in Finnish and English, and the
// pages fit a 320 px phone.
import { inArray } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import type { Role } from '../../src/features/organizations/organizations.schema.ts';
import { actorFor, addMembership, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { inviteMember } from '../../src/features/organizations/invite-member.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let org: { id: string; name: string };
const people: Partial<Record<Role, { id: string; token: string }>> = {};
const roleList: Role[] = ['admin', 'coordinator', 'facilitator', 'expert', 'trainee', 'entrepreneur', 'funder'];

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  for (const role of roleList) {
    const user = await createTestMember(db, { organizationId: org.id, role, name: `Testi ${role}` });
    people[role] = { id: user.id, token: (await signIn(db, user.id)).token };
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(options: { role?: Role; locale?: string; width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: options.locale ?? 'fi-FI', viewport: { width: options.width ?? 1280, height: 900 } });
  if (options.role) {
    await context.addCookies([{ name: SESSION_COOKIE, value: people[options.role]!.token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context;
}

async function invitationLinkFor(email: string): Promise<string> {
  // The mail job's data (the mail handler may have sent it already; the job row stays).
  for (let i = 0; i < 50; i++) {
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1`, [email]);
    if (rows[0]) return rows[0].data.values.link as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no invitation mail queued');
}

describe('inviting and joining, by keyboard', () => {
  it('a coordinator invites; the person creates an account from the link and lands on /home', async () => {
    const coordinator = await contextFor({ role: 'coordinator' });
    const page = await coordinator.newPage();
    await page.goto(app.url + '/home');
    await tabTo(page, /^Jäsenet ja kutsut$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organization\/members$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Jäsenet ja kutsut');

    await tabTo(page, /^Sähköpostiosoite$/);
    await page.keyboard.type('sirpa.saapuja@example.fi');
    await page.keyboard.press('Tab'); // name
    await page.keyboard.type('Sirpa Saapuja');
    await page.keyboard.press('Tab'); // role: entrepreneur is preselected
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('entrepreneur');
    await tabTo(page, /^Lähetä kutsu$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=invited/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Kutsu lähetettiin');
    expect(await page.textContent('main')).toContain('sirpa.saapuja@example.fi');
    await coordinator.close();

    const link = await invitationLinkFor('sirpa.saapuja@example.fi');
    expect(link.startsWith(app.url + '/invitation/')).toBe(true);

    const newcomer = await contextFor({ width: 320 });
    const invited = await newcomer.newPage();
    const res = await invited.goto(link);
    expect(res?.status()).toBe(200);
    expect(await invited.locator('h1').textContent()).toBe('Kutsu Työpeiliin');
    await expectNoHorizontalScroll(invited);
    await tabTo(invited, /^Nimesi$/);
    expect(await invited.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Sirpa Saapuja');
    await tabTo(invited, /^Salasana/);
    await invited.keyboard.type('sirpan oma pitkä salasana');
    await tabTo(invited, /^Luo tunnus ja liity$/);
    await invited.keyboard.press('Enter');
    await invited.waitForURL(/\/home$/);
    await expect.poll(() => invited.locator('h1').textContent()).toBe('Hei, Sirpa Saapuja!');
    expect(await invited.textContent('main')).toContain('Seuraava tapaaminen');
    await expectNoHorizontalScroll(invited);
    await expectNoAxeViolations(invited);

    // The link is spent.
    expect((await invited.goto(link))?.status()).toBe(410);
    await newcomer.close();
  });

  it('shows a password that is too short as an error on the field, focused in the summary', async () => {
    const coordinatorActor = await actorFor(app.database.db, people.coordinator!.id, org.id);
    const { token } = await inviteMember(coordinatorActor, app.services, { organizationId: org.id, email: 'lyhyt.salasana@example.fi', role: 'expert' });
    const context = await contextFor();
    const page = await context.newPage();
    await page.goto(`${app.url}/invitation/${token}`);
    await tabTo(page, /^Nimesi$/);
    await page.keyboard.type('Lyhyt Salasana');
    await tabTo(page, /^Salasana/);
    await page.keyboard.type('lyhyt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#password', 'aria-describedby')).toContain('password-error');
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe('accessibility of the organisation pages', () => {
  async function setLocale(locale: 'fi' | 'en') {
    const ids = Object.values(people).map((p) => p!.id);
    await app.database.db.update(users).set({ locale }).where(inArray(users.id, ids));
  }

  it.each(['fi', 'en'] as const)('has no axe violations on /home for every role, the members and admin pages, and invitation pages (%s)', async (locale) => {
    await setLocale(locale);
    for (const role of roleList) {
      const context = await contextFor({ role, locale: locale === 'fi' ? 'fi-FI' : 'en-GB', width: 320 });
      const page = await context.newPage();
      expect((await page.goto(app.url + '/home'))?.status(), role).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      if (role === 'coordinator' || role === 'admin') {
        expect((await page.goto(`${app.url}/organization/members?organization=${org.id}`))?.status()).toBe(200);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
      if (role === 'admin') {
        expect((await page.goto(app.url + '/admin/organizations'))?.status()).toBe(200);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
      await context.close();
    }

    // Invitation pages, signed out: a valid link (create account), and an unknown one.
    const coordinatorActor = await actorFor(app.database.db, people.coordinator!.id, org.id);
    const { token } = await inviteMember(coordinatorActor, app.services, { organizationId: org.id, email: `axe.${locale}@example.fi`, role: 'facilitator', locale });
    const context = await contextFor({ locale: locale === 'fi' ? 'fi-FI' : 'en-GB', width: 320 });
    const page = await context.newPage();
    expect((await page.goto(`${app.url}/invitation/${token}`))?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    expect((await page.goto(`${app.url}/invitation/${'z'.repeat(43)}`))?.status()).toBe(404);
    await expectNoAxeViolations(page);
    await context.close();
    await setLocale('fi');
  });
});

describe('switching organisation from /home', () => {
  it('moves to the other organisation by keyboard', async () => {
    const other = await createTestOrganization(app.database.db, { name: 'Porin Kehitysyhtiö' });
    await addMembership(app.database.db, { organizationId: other.id, userId: people.entrepreneur!.id, role: 'expert' });
    const context = await contextFor({ role: 'entrepreneur' });
    const page = await context.newPage();
    await page.goto(app.url + '/home');
    await tabTo(page, /^Vaihda organisaatiota$/);
    // Alphabetical: Porin Kehitysyhtiö comes before the active Satakunnan Yrityspalvelut.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(other.id);
    await tabTo(page, /^Vaihda$/);
    await page.keyboard.press('Enter');
    // A full form post and page load: on a loaded 2-core machine it can take longer than expect.poll's default 1 s.
    await expect.poll(async () => page.textContent('main'), { timeout: 15_000 }).toContain('Työskentelet nyt organisaatiossa Porin Kehitysyhtiö');
    expect(await page.textContent('main')).toContain('Asiantuntijana');
    await context.close();
  });
});
