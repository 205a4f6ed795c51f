// A person an import added signs in for the first time, in Chromium by keyboard at 390 px: the home
// opens "Tietosi Työpeilissä" with what was recorded and why, "Tiedot ovat oikein" confirms it and
// the home opens as usual from then on (issue 19, point 4). axe finds nothing on the page.
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { commitImport } from '../../src/features/imports/commit-import.ts';
import { checkImport, mapColumns } from '../../src/features/imports/import-rows.ts';
import { importedPeople } from '../../src/features/imports/imports.schema.ts';
import { readTable } from '../../src/features/imports/read-table.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let entrepreneurToken = '';
let coordinatorToken = '';
let entrepreneurId = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' });
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kaija Koordinaattori' });
  coordinatorToken = (await signIn(db, coordinator.id)).token;
  const text = 'Nimi;Sähköposti;Syntymävuosi;Sukupuoli;Yritys;Y-tunnus;Kunta;Toimiala;Koko\nAino Aalto;aino.aalto@example.fi;1962;nainen;Aallon Puutyö;0112038-9;Pori;C;yksinyrittäjä\n';
  const table = await readTable(new TextEncoder().encode(text));
  const check = checkImport('participants', table, mapColumns('participants', table.headers).mapping);
  await commitImport(await actorFor(db, coordinator.id, org.id), { db, jobs: app.services.jobs, config: app.services.config }, { organizationId: org.id, check, invite: false, source: 'rekisteri.csv' });
  const [aino] = await db.select().from(users).where(eq(users.email, 'aino.aalto@example.fi'));
  entrepreneurId = aino!.id;
  entrepreneurToken = (await signIn(db, aino!.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the first sign-in after an import', () => {
  it('shows what was recorded, confirms it by keyboard, and the home opens as usual afterwards', async () => {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: entrepreneurToken, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/home`);
    expect(new URL(page.url()).pathname).toBe('/imported-data');
    expect(await page.locator('h1').textContent()).toBe('Tietosi Työpeilissä');
    const facts = await page.locator('dl').innerText();
    for (const text of ['Aino Aalto', 'aino.aalto@example.fi', '1962', 'Nainen', 'Aallon Puutyö', '0112038-9', 'Pori', 'Teollisuus', 'Yksinyrittäjä']) expect(facts).toContain(text);
    expect(await page.locator('main').innerText()).toContain('Satakunnan Yrityspalvelut käyttää tietoja vertaisryhmien järjestämiseen');
    await expectNoAxeViolations(page);
    await tabTo(page, /^Tiedot ovat oikein$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    const [row] = await app.database.db.select().from(importedPeople).where(and(eq(importedPeople.userId, entrepreneurId)));
    expect(row!.confirmedAt).not.toBeNull();
    await page.goto(`${app.url}/home`);
    expect(new URL(page.url()).pathname).toBe('/home');
    await page.goto(`${app.url}/imported-data`);
    expect(await page.getByRole('status').textContent()).toBe('Olet vahvistanut tiedot.');
    await context.close();
  });

  it('is nobody else\'s page: a coordinator who was not imported gets 404', async () => {
    const response = await fetch(`${app.url}/imported-data`, { headers: { cookie: `${SESSION_COOKIE}=${coordinatorToken}` } });
    expect(response.status).toBe(404);
  });
});
