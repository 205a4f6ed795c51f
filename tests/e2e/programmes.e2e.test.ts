// Programmes in Chromium by keyboard, in Finnish and English: an entrepreneur in a programme's
// group opens "Ohjelman aloitustiedot" from their home, reads why it is asked, answers some items
// and leaves others, and is thanked on the home; the coordinator sets the programme's targets.
// axe finds nothing on any of these pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createTestGroup } from '../factories/groups.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { programmeGroups, programmeParticipantStarts, programmes, programmeTargets } from '../../src/features/programmes/programmes.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const programmeIds: Record<string, string> = {};
const memberIds: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  for (const locale of ['fi', 'en'] as const) {
    const org = await createTestOrganization(db);
    const people: Record<string, string> = {};
    for (const role of ['coordinator', 'entrepreneur'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      people[role] = user.id;
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
    memberIds[locale] = people.entrepreneur!;
    const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin aamuryhmä', memberIds: [people.entrepreneur!] });
    const [programme] = await db
      .insert(programmes)
      .values({ organizationId: org.id, name: 'Työpeili – vertaisryhmät yksinyrittäjille', indicatorSet: 'esf2014', startsOn: '2024-01-01', endsOn: '2030-12-31', funder: 'ESR', projectCode: 'S21888' })
      .returning();
    programmeIds[locale] = programme!.id;
    await db.insert(programmeGroups).values({ organizationId: org.id, groupId: group.id, programmeOrganizationId: org.id, programmeId: programme!.id });
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(locale: string, who: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('programmes by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { link: /^Täytä ohjelman aloitustiedot/, title: 'Ohjelman aloitustiedot', why: 'Miksi kysymme', unanswered: /^Jätän vastaamatta$/, birth: /^Syntymäaika/, save: /^Tallenna aloitustiedot$/, thanks: 'Kiitos, aloitustiedot tallennettu.' }],
    ['en', 'en-GB', { link: /^Fill in the programme start data/, title: 'Programme start data', why: 'Why we ask', unanswered: /^I leave this unanswered$/, birth: /^Date of birth/, save: /^Save the start data$/, thanks: 'Thank you, your start data are saved.' }],
  ] as const)('the entrepreneur enters their start data from the home (%s)', async (lang, locale, words) => {
    const page = await open(locale, `entrepreneur-${lang}`);
    await page.goto(`${app.url}/home`);
    await expectNoAxeViolations(page);
    await tabTo(page, words.link, 80);
    await Promise.all([page.waitForURL(/\/programmes\/[0-9a-f-]{36}\/start$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe(words.title);
    await page.getByText(words.why).waitFor();
    await expectNoAxeViolations(page);
    // Gender: from "leave unanswered" (the last, checked) the arrow wraps to the first answer.
    await tabTo(page, words.unanswered, 40);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#gender').isChecked()).toBe(true);
    await tabTo(page, words.birth, 40);
    await page.keyboard.type('2.10.1962');
    await tabTo(page, words.save, 60);
    await Promise.all([page.waitForURL(/done=programme-start/), page.keyboard.press('Enter')]);
    await page.getByText(words.thanks).waitFor();
    await expectNoAxeViolations(page);
    const [row] = await app.database.db.select().from(programmeParticipantStarts).where(eq(programmeParticipantStarts.userId, memberIds[lang]!));
    expect(row).toMatchObject({ gender: 'woman', ageBand: '55_plus', ageBandSource: 'birth_date', employmentStatus: null, education: null });
  });

  it.each([
    ['fi', 'fi-FI', { field: /^CO23 Tuetut/, save: /^Tallenna tavoitteet$/, done: 'Tavoitteet tallennettu.' }],
    ['en', 'en-GB', { field: /^CO23 Supported/, save: /^Save the targets$/, done: 'Targets saved.' }],
  ] as const)('the coordinator sets the targets (%s)', async (lang, locale, words) => {
    const page = await open(locale, `coordinator-${lang}`);
    await page.goto(`${app.url}/organization/programmes`);
    await expectNoAxeViolations(page);
    await tabTo(page, /^Työpeili – vertaisryhmät yksinyrittäjille$/, 80);
    await Promise.all([page.waitForURL(/\/organization\/programmes\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);
    await page.goto(`${app.url}/organization/programmes/${programmeIds[lang]}/targets`);
    await expectNoAxeViolations(page);
    await tabTo(page, /^CO_TOTAL /, 80);
    await page.keyboard.type('86');
    await tabTo(page, words.field, 20);
    await page.keyboard.type('30');
    await tabTo(page, words.save, 40);
    await Promise.all([page.waitForURL(/done=targets/), page.keyboard.press('Enter')]);
    await page.getByText(words.done).waitFor();
    await expectNoAxeViolations(page);
    const saved = await app.database.db.select().from(programmeTargets).where(eq(programmeTargets.programmeId, programmeIds[lang]!));
    expect(Object.fromEntries(saved.map((t) => [t.indicatorCode, t.planned]))).toEqual({ CO_TOTAL: 86, CO23: 30 });
  });
});
