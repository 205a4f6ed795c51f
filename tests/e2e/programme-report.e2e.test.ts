// The monitoring report in Chromium by keyboard, in Finnish and English: the coordinator opens it
// from the programme's page and downloads the CSV (UTF-8 with a BOM, the figures inside); the
// programme's funder opens the same report from their home, without the links to the people behind
// a figure. axe finds nothing on these pages.
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createTestGroup } from '../factories/groups.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { programmeFunders, programmeGroups, programmeParticipantStarts, programmes, programmeTargets } from '../../src/features/programmes/programmes.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const programmeIds: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  for (const locale of ['fi', 'en'] as const) {
    const org = await createTestOrganization(db);
    const people: Record<string, string> = {};
    for (const role of ['coordinator', 'funder'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      people[role] = user.id;
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
    const members = [];
    for (let i = 0; i < 6; i++) members.push((await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' })).id);
    const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin aamuryhmä', memberIds: members });
    const [programme] = await db
      .insert(programmes)
      .values({ organizationId: org.id, name: 'Työpeili – vertaisryhmät yksinyrittäjille', indicatorSet: 'esf2021', startsOn: '2024-01-01', endsOn: '2030-12-31', funder: 'ESR+', projectCode: 'S30001' })
      .returning();
    programmeIds[locale] = programme!.id;
    await db.insert(programmeGroups).values({ organizationId: org.id, groupId: group.id, programmeOrganizationId: org.id, programmeId: programme!.id });
    await db.insert(programmeTargets).values({ organizationId: org.id, programmeId: programme!.id, indicatorCode: 'EECO01', planned: 20 });
    await db.insert(programmeFunders).values({ organizationId: org.id, programmeId: programme!.id, userId: people.funder!, grantedBy: people.coordinator! });
    for (const [i, userId] of members.entries()) {
      await db.insert(programmeParticipantStarts).values({
        organizationId: org.id,
        programmeId: programme!.id,
        userId,
        startedOn: '2026-02-01',
        gender: i < 4 ? 'woman' : 'man',
        ageBand: '55_plus',
        ageBandSource: 'chosen',
        employmentStatus: 'employed',
        education: 'isced_3_4',
      });
    }
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(locale: string, who: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, acceptDownloads: true });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('the monitoring report by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { open: /^Avaa seurantaraportti$/, title: 'Seurantaraportti', csv: /^CSV \(Excel, puolipiste\)$/, figure: 'Luvun taustalla' }],
    ['en', 'en-GB', { open: /^Open the monitoring report$/, title: 'Monitoring report', csv: /^CSV \(Excel, semicolon\)$/, figure: 'Behind the figure' }],
  ] as const)('the coordinator opens the report and downloads the CSV (%s)', async (lang, locale, words) => {
    const page = await open(locale, `coordinator-${lang}`);
    await page.goto(`${app.url}/organization/programmes/${programmeIds[lang]}`);
    await tabTo(page, words.open, 80);
    await Promise.all([page.waitForURL(/\/report/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain(words.title);
    await expectNoAxeViolations(page);
    await tabTo(page, words.csv, 200);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('EECO01');
    // From the realised participants (the first indicator row) to the six people behind the figure.
    await page.locator('a[href*="/report/figure"][href*="figure=i%3AEECO01"]').first().focus();
    await Promise.all([page.waitForURL(/\/report\/figure/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe(words.figure);
    expect(await page.locator('main li').count()).toBe(6);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it.each([
    ['fi', 'fi-FI', { title: 'Seurantaraportti' }],
    ['en', 'en-GB', { title: 'Monitoring report' }],
  ] as const)('the funder opens the report from their home, without the drill-down (%s)', async (lang, locale, words) => {
    const page = await open(locale, `funder-${lang}`);
    await page.goto(`${app.url}/home`);
    await expectNoAxeViolations(page);
    const link = page.locator(`a[href*="/organization/programmes/${programmeIds[lang]}/report"]`).first();
    await link.focus();
    await Promise.all([page.waitForURL(/\/report/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain(words.title);
    await expectNoAxeViolations(page);
    expect(await page.locator('a[href*="/report/figure"]').count()).toBe(0);
    await page.context().close();
  });
});
