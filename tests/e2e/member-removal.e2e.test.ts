// Removing a group member in Chromium by keyboard at 390 px (issue 11, points 5 and 11): the
// first press asks (naming the person) and changes nothing, "go back" leaves everything as it
// was, the confirmation removes, and the notice's undo brings the member back; the same steps
// work with JavaScript off. axe finds nothing on each step (run where scripts run).
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { groupMembers } from '../../src/features/groups/groups.schema.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createTestGroup } from '../factories/groups.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let groupId: string;
const members: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kaija Koordinaattori' });
  token = (await signIn(db, coordinator.id)).token;
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Outi Ohjaaja' });
  for (const name of ['Aino Aalto', 'Eero Esko', 'Ilkka Isola', 'Helmi Harju']) members[name] = (await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name })).id;
  groupId = (await createTestGroup(db, { organizationId: org.id, name: 'Porin iltaryhmä', facilitatorIds: [facilitator.id], memberIds: Object.values(members) })).id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function coordinatorPage(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 }, javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return { context, page: await context.newPage() };
}

async function leftAt(name: string) {
  const [row] = await app.database.db.select().from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, members[name]!)));
  return row!.leftAt;
}

describe('removing a member, by keyboard at 390 px', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('%s: asks first, "go back" changes nothing, the confirmation removes, the undo brings the member back', async (_label, javaScriptEnabled) => {
    const { context, page } = await coordinatorPage(javaScriptEnabled);
    // axe runs as a script in the page: only where scripts run (the HTML is the same without them).
    const axe = (p: Page) => (javaScriptEnabled ? expectNoAxeViolations(p) : Promise.resolve());
    await page.goto(`${app.url}/groups/${groupId}/edit`);
    await axe(page);

    // The first step asks and changes nothing; "go back" leaves the member in the group.
    await tabTo(page, /^Poista ryhmästä: Ilkka Isola$/, 120);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#confirm-title').textContent()).toBe('Poistetaanko Ilkka Isola ryhmästä?');
    expect(await leftAt('Ilkka Isola')).toBeNull();
    await axe(page);
    await tabTo(page, /^Älä tee mitään, palaa takaisin$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#confirm-title').count()).toBe(0);
    expect(await leftAt('Ilkka Isola')).toBeNull();

    // Asked again and confirmed: removed, and the notice offers the undo.
    await tabTo(page, /^Poista ryhmästä: Ilkka Isola$/, 120);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#confirm-title').count()).toBe(1);
    await tabTo(page, /^Kyllä, poista ryhmästä$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=memberRemoved/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Ilkka Isola on poistettu ryhmästä');
    expect(await leftAt('Ilkka Isola')).not.toBeNull();
    expect(await page.locator('main').textContent()).not.toContain('Ilkka Isola, ');
    await axe(page);

    // The undo: back in the group as before.
    await tabTo(page, /^Peru poisto: palauta Ilkka Isola ryhmään$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=memberRestored/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Jäsen on palautettu ryhmään');
    expect(await leftAt('Ilkka Isola')).toBeNull();
    await axe(page);
    await context.close();
  });
});
