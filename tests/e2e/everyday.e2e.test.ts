// Issue 11 in Chromium by keyboard at 390 px: the entrepreneur's home (overdue step marked and
// first, the card's links ≥ 8 px apart) and on to the steps (older closed steps folded); the 404
// page in Swedish and English after choosing the language. axe finds nothing on any of them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { addDays, utcToZoned } from '../../src/features/meetings/zoned-time.ts';
import { steps } from '../../src/features/steps/steps.schema.ts';
import { organizationMunicipalities } from '../../src/features/organizations/organizations.schema.ts';
import { eq } from 'drizzle-orm';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let newcomerToken: string;
let newcomerGroupId: string;
let coordinatorToken: string;
let organizationId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Aaltonen' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const group = await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: [member.id] });
  const day = 86_400_000;
  const m1 = await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 90 * day) });
  await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 60 * day) });
  await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 30 * day) });
  await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 5 * day) });
  const today = utcToZoned(new Date()).date;
  await db.insert(steps).values([
    { organizationId: org.id, groupId: group.id, userId: member.id, meetingId: null, text: 'Soitan kirjanpitäjälle', dueOn: addDays(today, 4) },
    { organizationId: org.id, groupId: group.id, userId: member.id, meetingId: null, text: 'Päivitän hinnaston', dueOn: addDays(today, -3) },
    { organizationId: org.id, groupId: group.id, userId: member.id, meetingId: m1.id, text: 'Kävelen joka aamu', status: 'done', createdAt: m1.startsAt },
  ]);
  token = (await signIn(db, member.id)).token;
  // A newcomer who has not yet accepted the group agreement meets its gate.
  const newcomer = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Veikko Virtanen' });
  newcomerGroupId = (
    await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: [newcomer.id], agreementAccepted: false })
  ).id;
  newcomerToken = (await signIn(db, newcomer.id)).token;
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kirsi Koordinaattori' });
  coordinatorToken = (await signIn(db, coordinator.id)).token;
  organizationId = org.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(signedIn: boolean | string, locale = 'fi-FI'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const session = signedIn === true ? token : signedIn;
  if (session) await context.addCookies([{ name: SESSION_COOKIE, value: session, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('everyday pages at 390 px, by keyboard', () => {
  it('the home says what to do now and leads on to the steps', async () => {
    const page = await phone(true);
    await page.goto(`${app.url}/home`);
    // an entrepreneur takes part in the groups (staff "work in" the organisation)
    expect(await page.locator('.lead').first().textContent()).toMatch(/^Olet mukana organisaation .+ ryhmissä\.$/);
    const items = await page.locator('.home-steps li').allTextContents();
    expect(items[0]).toMatch(/^Päivitän hinnaston – myöhässä, määräpäivä oli /);
    expect(items[1]).toMatch(/^Soitan kirjanpitäjälle – viimeistään /);
    // the next meeting's card: its place, and its links and buttons at least 8 px apart
    expect(await page.locator('#home-next ~ p', { hasText: 'Paikka:' }).textContent()).toBe('Paikka: Yrjönkatu 1, 28100 Pori');
    const gaps = await page.evaluate(() => {
      const card = document.querySelector('#home-next')!.closest('section')!;
      const boxes = [...card.querySelectorAll('a, button')].map((e) => e.getBoundingClientRect());
      let min = Infinity;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const dx = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
          const dy = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom));
          min = Math.min(min, Math.max(dx, dy));
        }
      return min;
    });
    expect(gaps).toBeGreaterThanOrEqual(8);
    // headings keep their words whole: hyphenated by lang, never cut at any letter
    expect(await page.locator('h1').evaluate((h) => [getComputedStyle(h).hyphens, getComputedStyle(h).overflowWrap])).toEqual(['auto', 'break-word']);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await tabTo(page, /^Kaikki askeleeni$/);
    await Promise.all([page.waitForURL(/\/steps$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Omat pienet askeleet');
    // the overdue step is marked here too, first, with its date
    const open = await page.locator('.live-steps .live-step-text').allTextContents();
    expect(open[0]).toMatch(/^Päivitän hinnaston kesken · myöhässä, määräpäivä oli /);
    expect(open[1]).toMatch(/^Soitan kirjanpitäjälle kesken · viimeistään /);
    // the step done three meetings ago folds under "older"; open it by keyboard
    const older = page.locator('details.older-steps');
    expect(await older.getAttribute('open')).toBeNull();
    await tabTo(page, /^Vanhemmat askeleet \(1\)$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => older.getAttribute('open')).toBe('');
    expect(await older.textContent()).toContain('Kävelen joka aamu');
    // every checkbox and radio is the one large control (24 px), the step forms' included
    const controls = await page.locator('input[type="checkbox"], input[type="radio"]').evaluateAll((list) => list.map((e) => e.getBoundingClientRect().width));
    for (const w of controls) expect(w).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  }, 180_000);

  it('the agreement gate: its checkboxes are the one large control, ticked by keyboard', async () => {
    const page = await phone(newcomerToken);
    await page.goto(`${app.url}/groups/${newcomerGroupId}`);
    await page.waitForURL(new RegExp(`/groups/${newcomerGroupId}/agreement$`));
    // every checkbox on the page is at least 24 × 24 px, styled in the primary colour like the others
    const boxes = await page
      .locator('input[type="checkbox"]')
      .evaluateAll((list) =>
        list.map((e) => ({ w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height, accent: getComputedStyle(e).accentColor })),
      );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThanOrEqual(24);
      expect(b.h).toBeGreaterThanOrEqual(24);
      expect(b.accent).not.toBe('auto');
    }
    // the headings keep their words whole at 390 px: no heading is wider than the page
    const wide = await page.locator('h1, h2').evaluateAll((list) => list.filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent));
    expect(wide).toEqual([]);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Olen lukenut ryhmäsopimuksen/);
    await page.keyboard.press('Space');
    expect(await page.locator('#accept').isChecked()).toBe(true);
    await tabTo(page, /^Hyväksyn ja jatkan ryhmään$/);
    await Promise.all([page.waitForURL(/done=accepted/), page.keyboard.press('Enter')]);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  }, 120_000);

  it('the coordinator chooses the municipalities served, by keyboard on a phone', async () => {
    const page = await phone(coordinatorToken);
    await page.goto(`${app.url}/groups`);
    await tabTo(page, /^Organisaation asetukset$/);
    await Promise.all([page.waitForURL(/\/organization\/settings$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Organisaation asetukset');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    // open Satakunta's list by keyboard and tick Pori
    await tabTo(page, /^Satakunta \(0 valittu\)$/, 40);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Pori$/, 40);
    await page.keyboard.press('Space');
    await tabTo(page, /^Tallenna kunnat$/, 400);
    await Promise.all([page.waitForURL(/done=saved/), page.keyboard.press('Enter')]);
    expect(await page.locator('[role="status"]').textContent()).toBe('Kunnat tallennettu.');
    expect(await page.locator('#municipality-609').isChecked()).toBe(true);
    const rows = await app.database.db.select().from(organizationMunicipalities).where(eq(organizationMunicipalities.organizationId, organizationId));
    expect(rows.map((r) => r.municipalityCode)).toEqual(['609']);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  }, 180_000);

  it.each([
    ['Svenska', 'sv', 'Sidan hittades inte'],
    ['English', 'en', 'Page not found'],
  ])(
    'the 404 page after choosing %s is in that language',
    async (button, lang, title) => {
      const page = await phone(false);
      await page.goto(`${app.url}/`);
      await tabTo(page, new RegExp(`^${button}$`));
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
      const res = await page.goto(`${app.url}/ei-tallaista/sivua`);
      expect(res?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(title);
      await tabTo(page, lang === 'sv' ? /^Tillbaka till startsidan$/ : /^Back to the front page$/);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
      await page.context().close();
    },
    120_000,
  );
});
