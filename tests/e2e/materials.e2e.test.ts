// Meeting materials in Chromium by keyboard on a phone-sized screen: the facilitator
// picks a file with the keyboard, chooses the expert's segment and uploads; a web page
// named .pdf is refused with the error summary; the facilitator deletes a file. A member
// sees the list. axe finds nothing on any of these states.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { materials } from '../../src/features/materials/materials.schema.ts';
import { htmlBytes, pdfBytes } from '../factories/files.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let dataDir: string;
let meetingId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-materials-e2e-'));
  [app, browser] = await Promise.all([startTestApp({ DATA_DIR: dataDir }), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunta' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Kaarina Laine' });
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Seppo Nieminen' });
  const expert = await createTestMember(db, { organizationId: org.id, role: 'expert', name: 'Ilkka Järvinen' });
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin yrittäjät', facilitatorIds: [facilitator.id], memberIds: [member.id] });
  const meeting = await createTestMeeting(db, {
    organizationId: org.id,
    groupId: group.id,
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    theme: 'Hinnoittelu',
    agenda: [{ kind: 'opening_round' }, { kind: 'expert_segment', expertUserId: expert.id, topic: 'Oikea hinta palvelulle' }],
  });
  meetingId = meeting.id;
  tokens.facilitator = (await signIn(db, facilitator.id)).token;
  tokens.member = (await signIn(db, member.id)).token;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function phoneAs(who: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 320, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Opens the file chooser from the focused file field with the keyboard and picks a file. */
async function chooseFileByKeyboard(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await tabTo(page, /^Tiedosto/);
  // Space on the focused file field opens the chooser. On a loaded machine Chromium has now and
  // then let that first press go without opening it (the test hung for minutes), so press again.
  for (let attempt = 1; ; attempt++) {
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 20_000 }), page.keyboard.press('Space')]);
      await chooser.setFiles(file);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.locator('input[type=file]').focus();
    }
  }
}

// Generous: the whole suite shares 2 cores with Chromium and PostgreSQL.
const poll = { timeout: 60_000 };

describe('meeting materials, by keyboard on a phone', () => {
  it('the facilitator uploads to the expert’s segment, is refused a web page, deletes a file', async () => {
    const context = await phoneAs('facilitator');
    const page = await context.newPage();
    expect((await page.goto(`${app.url}/meetings/${meetingId}/materials`))?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent(), poll).toBe('Tapaamisen materiaalit');
    expect(await page.textContent('main')).toContain('Tapaamisella ei ole vielä tiedostoja.');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await chooseFileByKeyboard(page, { name: 'Hinnoitteluohje.pdf', mimeType: 'application/pdf', buffer: pdfBytes('ohje') });
    await page.keyboard.press('Tab'); // the segment
    await page.keyboard.type('Oikea');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent), poll).toBe('Oikea hinta palvelulle');
    await tabTo(page, /^Lisää tiedosto$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=status]').textContent(), poll).toBe('Tiedosto on lisätty.');
    expect(await page.textContent('main')).toContain('Hinnoitteluohje.pdf');
    expect(await page.textContent('main')).toContain('Osuus: Oikea hinta palvelulle');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const [saved] = await app.database.db.select().from(materials).where(and(eq(materials.meetingId, meetingId), eq(materials.fileName, 'Hinnoitteluohje.pdf')));
    expect(saved).toMatchObject({ mediaType: 'application/pdf' });
    expect(saved!.agendaItemId).not.toBeNull();

    await chooseFileByKeyboard(page, { name: 'ohje.pdf', mimeType: 'application/pdf', buffer: htmlBytes() });
    await tabTo(page, /^Lisää tiedosto$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').textContent(), poll).toContain('Tätä tiedostotyyppiä ei voi lisätä.');
    expect(await page.getAttribute('#file', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await tabTo(page, /^Poista Hinnoitteluohje\.pdf$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=status]').textContent(), poll).toBe('Tiedosto on poistettu.');
    expect(await page.textContent('main')).toContain('Tapaamisella ei ole vielä tiedostoja.');
    await context.close();
  }, 120_000);

  it('a member sees the files and can download them; no upload form; axe finds nothing', async () => {
    const facilitator = await phoneAs('facilitator');
    const upload = await facilitator.newPage();
    await upload.goto(`${app.url}/meetings/${meetingId}/materials`);
    await chooseFileByKeyboard(upload, { name: 'Tapaamisen rungon kuvaus.pdf', mimeType: 'application/pdf', buffer: pdfBytes('runko') });
    await tabTo(upload, /^Lisää tiedosto$/);
    await upload.keyboard.press('Enter');
    await expect.poll(() => upload.locator('[role=status]').textContent(), poll).toBe('Tiedosto on lisätty.');
    await facilitator.close();

    const context = await phoneAs('member');
    const page = await context.newPage();
    await page.goto(`${app.url}/meetings/${meetingId}/materials`);
    await expect.poll(() => page.locator('h1').textContent(), poll).toBe('Tapaamisen materiaalit');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await tabTo(page, /^Tapaamisen rungon kuvaus\.pdf$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Tapaamisen rungon kuvaus.pdf');
    await context.close();
  }, 120_000);
});
