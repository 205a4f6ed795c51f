// The application form and the intake queue in Chromium: a person finds the form from
// the front page and fills it by keyboard on a phone-sized screen → thank-you page; a
// coordinator finds the application in /intake and assigns it to a new group by
// keyboard, which invites the applicant; the applicant accepts and is in the group. axe finds nothing on /apply (fi, en, and with
// errors), the thank-you page, /intake and /intake/:id.
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationMunicipalities } from '../../src/features/organizations/organizations.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { entrepreneurProfiles } from '../../src/features/companies/companies.schema.ts';
import { groupMembers, groups } from '../../src/features/groups/groups.schema.ts';
import { applications } from '../../src/features/intake/intake.schema.ts';
import { invitations } from '../../src/features/organizations/organizations.schema.ts';
import { FORM_MIN_AGE_MS } from '../../src/features/intake/form-token.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let org: { id: string; name: string };
let coordinatorToken: string;
let vaasaId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunta' });
  const vaasa = await createTestOrganization(db, { name: 'Vaasan Seudun Kehitys', slug: 'vaasa' });
  vaasaId = vaasa.id;
  // Satakunta serves Pori, Vaasa serves Vaasa: the form picks the organiser by the municipality.
  await db.insert(organizationMunicipalities).values([
    { organizationId: org.id, municipalityCode: '609' },
    { organizationId: vaasa.id, municipalityCode: '905' },
  ]);
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kirsi Koordinaattori' });
  coordinatorToken = (await signIn(db, coordinator.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function contextFor(options: { coordinator?: boolean; locale?: string; width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: options.locale ?? 'fi-FI', viewport: { width: options.width ?? 1280, height: 900 } });
  if (options.coordinator) {
    await context.addCookies([{ name: SESSION_COOKIE, value: coordinatorToken, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context;
}

const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | HTMLSelectElement).value);

describe('applying and the intake queue, by keyboard', () => {
  it('a person applies from the front page; the coordinator assigns the application to a new group', async () => {
    const applicant = await contextFor({ width: 375 });
    const page = await applicant.newPage();
    await page.goto(app.url + '/');
    await tabTo(page, /^Hae mukaan ryhmään$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/apply$/);
    const shownAt = Date.now();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hae mukaan Työpeili-ryhmään');
    await expectNoHorizontalScroll(page);

    await tabTo(page, /^Nimi$/);
    await page.keyboard.type('Tuula Lehtonen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('tuula.lehtonen@example.fi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('040 123 4567');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1961');
    await page.keyboard.press('Tab'); // the language: Finnish is chosen already
    expect(await focusedValue(page)).toBe('fi');
    await tabTo(page, /^Yrityksen nimi/);
    await page.keyboard.type('Tuulan Jalkahoito');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0112038-9');
    await page.keyboard.press('Tab'); // sector
    await page.keyboard.type('Sosiaali');
    await expect.poll(() => focusedValue(page)).toBe('sote');
    await page.keyboard.press('Tab'); // size
    await page.keyboard.type('Yksin');
    await expect.poll(() => focusedValue(page)).toBe('sole');
    await page.keyboard.press('Tab'); // municipality
    await page.keyboard.type('Pori');
    await expect.poll(() => focusedValue(page)).toBe('609');
    await page.keyboard.press('Tab'); // organiser: the one serving Pori is preselected
    expect(await focusedValue(page)).toBe(org.id);
    await tabTo(page, /^Kasvokkain$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Kävellen ulkona$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Milloin pääset/);
    await page.keyboard.type('Arki-illat');
    await tabTo(page, /^Annan luvan/);
    await page.keyboard.press('Space');
    // A person takes longer than the form's minimum time; a script filling it at once would not.
    await page.waitForTimeout(Math.max(0, FORM_MIN_AGE_MS + 300 - (Date.now() - shownAt)));
    await tabTo(page, /^Lähetä hakemus$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/apply\/thanks$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kiitos hakemuksestasi!');
    expect(await page.textContent('main')).toContain('Mitä seuraavaksi tapahtuu');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await applicant.close();

    const [saved] = await app.database.db.select().from(applications).where(eq(applications.email, 'tuula.lehtonen@example.fi'));
    expect(saved).toMatchObject({
      organizationId: org.id,
      name: 'Tuula Lehtonen',
      businessId: '0112038-9',
      sector: 'sote',
      size: 'sole',
      municipality: '609',
      birthYear: 1961,
      formats: ['in_person', 'walking'],
      locale: 'fi',
      status: 'new',
    });

    const coordinator = await contextFor({ coordinator: true });
    const queue = await coordinator.newPage();
    expect((await queue.goto(app.url + '/intake'))?.status()).toBe(200);
    await expect.poll(() => queue.locator('h1').textContent()).toBe('Hakemukset');
    await expectNoAxeViolations(queue);
    await tabTo(queue, /^Tuula Lehtonen$/, 80);
    await queue.keyboard.press('Enter');
    await queue.waitForURL(new RegExp(`/intake/${saved!.id}$`));
    await expect.poll(() => queue.locator('h1').textContent()).toBe('Tuula Lehtonen');
    expect(await queue.textContent('main')).toContain('Tuulan Jalkahoito');
    await expectNoAxeViolations(queue);

    await tabTo(queue, /^Ryhmä$/, 80);
    expect(await focusedValue(queue)).toBe('new'); // no forming groups yet
    await tabTo(queue, /^Uuden ryhmän nimi$/);
    await queue.keyboard.type('Porin kevätryhmä');
    await tabTo(queue, /^Ohjaa ryhmään ja lähetä kutsu$/);
    await queue.keyboard.press('Enter');
    await queue.waitForURL(/done=assigned/);
    await expect.poll(() => queue.getByRole('status').textContent()).toContain('Hakija ohjattiin ryhmään.');
    expect(await queue.textContent('main')).toContain('Ryhmä: Porin kevätryhmä');
    await expectNoAxeViolations(queue);
    await coordinator.close();

    const [group] = await app.database.db
      .select()
      .from(groups)
      .where(and(eq(groups.organizationId, org.id), eq(groups.name, 'Porin kevätryhmä')));
    expect(group).toMatchObject({ status: 'forming' });
    const [assigned] = await app.database.db.select().from(applications).where(eq(applications.id, saved!.id));
    expect(assigned).toMatchObject({ status: 'assigned', groupId: group!.id });
    const [invitation] = await app.database.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, org.id), eq(invitations.email, 'tuula.lehtonen@example.fi')));
    expect(invitation).toMatchObject({ role: 'entrepreneur', name: 'Tuula Lehtonen' });

    // The applicant accepts the invitation from the mail: the account is made and they are in the group.
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = 'groupInvitation'`, ['tuula.lehtonen@example.fi']);
    const link = rows[0]?.data.values.link as string;
    expect(link.startsWith(app.url + '/invitation/')).toBe(true);
    const invited = await contextFor({ width: 375 });
    const invitationPage = await invited.newPage();
    await invitationPage.goto(link);
    await tabTo(invitationPage, /^Nimesi$/);
    expect(await focusedValue(invitationPage)).toBe('Tuula Lehtonen');
    await tabTo(invitationPage, /^Salasana/);
    await invitationPage.keyboard.type('tuulan oma pitkä salasana');
    await tabTo(invitationPage, /^Luo tunnus ja liity$/);
    await invitationPage.keyboard.press('Enter');
    await invitationPage.waitForURL(/\/home$/);
    await invited.close();
    const members = await app.database.db
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.organizationId, org.id), eq(groupMembers.groupId, group!.id)));
    expect(members).toHaveLength(1);
    const [profile] = await app.database.db
      .select()
      .from(entrepreneurProfiles)
      .where(and(eq(entrepreneurProfiles.organizationId, org.id), eq(entrepreneurProfiles.userId, members[0]!.userId)));
    expect(profile).toMatchObject({ birthYear: 1961, phone: '040 123 4567' });
  });
});

describe('the organiser follows the municipality on a phone (390 px)', () => {
  it('preselects the one serving it, leaves it to the municipality where none does, and keeps a choice once made', async () => {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(app.url + '/apply');
    const organizer = () => page.locator('#organizationId').inputValue();
    expect(await organizer()).toBe('');
    await tabTo(page, /^Kunta$/);
    await page.keyboard.type('Vaasa');
    await expect.poll(organizer).toBe(vaasaId);
    await page.waitForTimeout(1100); // the select's type-ahead starts afresh
    await page.keyboard.type('Pori');
    await expect.poll(organizer).toBe(org.id);
    await page.waitForTimeout(1100); // the select's type-ahead starts afresh
    await page.keyboard.type('Rauma'); // served by neither: the server decides, or asks
    await expect.poll(organizer).toBe('');
    // a choice the person makes stays
    await tabTo(page, /^Järjestäjä$/);
    await page.keyboard.type('Vaasan');
    await expect.poll(organizer).toBe(vaasaId);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Pori');
    await expect.poll(() => page.locator('#municipality').inputValue()).toBe('609');
    expect(await organizer()).toBe(vaasaId);
    await expectNoAxeViolations(page);
    await context.close();
  }, 120_000);
});

describe('accessibility of the application form', () => {
  it.each([
    ['fi', 'fi-FI', 'Hae mukaan Työpeili-ryhmään', 'Lähetä hakemus'],
    ['en', 'en-GB', 'Apply to a Työpeili group', 'Send application'],
  ] as const)('has no axe violations on /apply, also with errors shown (%s)', async (locale, browserLocale, title, submit) => {
    const context = await contextFor({ locale: browserLocale, width: 320 });
    const page = await context.newPage();
    expect((await page.goto(app.url + '/apply?org=vaasa'))?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('#organizationId option:checked').textContent()).toBe('Vaasan Seudun Kehitys');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // An empty form: the error summary takes focus and links to the fields.
    await page.waitForTimeout(FORM_MIN_AGE_MS + 200);
    await page.getByRole('button', { name: submit }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getAttribute('#name', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#name', 'aria-describedby')).toBe('name-error');
    expect(await page.locator('.error-summary a[href="#consent"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  });
});
