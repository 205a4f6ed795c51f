// Issue 16 in Chromium by keyboard on a phone (390 px): an entrepreneur books advice from the
// home (topic, free slot), moves it and cancels it; a guest books from the public front page.
// axe finds nothing on any page, nothing scrolls sideways, and the mails carry the calendar
// entry with SEQUENCE raised and METHOD:CANCEL at the end.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { addAvailability } from '../../src/features/advice/availability.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let token: string;
let email: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const advisor = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Neea Neuvoja' });
  const actor = await actorFor(db, advisor.id, org.id);
  for (const weekday of [1, 2, 3, 4, 5]) {
    await addAvailability(
      actor,
      { db },
      {
        organizationId: org.id,
        advisorUserId: advisor.id,
        kind: 'weekly',
        weekday,
        startTime: '09:00',
        endTime: '16:00',
        validFrom: null,
        validUntil: null,
        mode: 'remote',
        onlineUrl: 'https://meet.example.fi/neuvonta',
        place: null,
        topics: ['crisisSupport', 'financing'],
      },
    );
  }
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: 'Aino Aaltonen' });
  email = member.email;
  token = (await signIn(db, member.id)).token;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function phone(signedIn: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 } });
  if (signedIn) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

async function check(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}

async function mails(to: string, template: string): Promise<{ calendar?: { method: string; content: string }; values: Record<string, string> }[]> {
  const { rows } = await app.database.pool.query(
    `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = $2 ORDER BY created_on`,
    [to, template],
  );
  return rows.map((r) => r.data);
}

describe('advice on a phone, by keyboard', () => {
  it('books a session from the home, moves it and cancels it', async () => {
    const page = await phone(true);
    await page.goto(`${app.url}/home`);
    await tabTo(page, /^Neuvonta-ajat$/, 80);
    await Promise.all([page.waitForURL(/\/advice$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, /^Varaa neuvonta-aika$/);
    await Promise.all([page.waitForURL(/\/advice\/book$/), page.keyboard.press('Enter')]);
    await check(page);

    // The topic (a select, by arrow key), then the free slots.
    await tabTo(page, /^Aihe/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Näytä vapaat ajat$/);
    await Promise.all([page.waitForURL(/topic=crisisSupport/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, /^\d{1,2}\.\d{2}–\d{1,2}\.\d{2} · Neea Neuvoja · Etänä$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Varaa aika$/);
    await Promise.all([page.waitForURL(/\/advice\/sessions\/[0-9a-f-]+\?done=booked$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.locator('.notice--success').textContent()).toContain('Aika on varattu');
    const firstWhen = await page.locator('.facts dd').first().textContent();
    const [booked] = await mails(email, 'adviceBooked');
    expect(booked!.calendar!.content).toContain('SEQUENCE:0');
    expect(booked!.values.where).toBe('Etäyhteys: https://meet.example.fi/neuvonta');

    // Move it to another slot.
    await tabTo(page, /^Siirrä toiseen aikaan$/);
    await Promise.all([page.waitForURL(/\/reschedule$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, /^\d{1,2}\.\d{2}–\d{1,2}\.\d{2} · Neea Neuvoja · Etänä$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Siirrä tähän aikaan$/);
    await Promise.all([page.waitForURL(/\?done=moved$/), page.keyboard.press('Enter')]);
    await check(page);
    expect(await page.locator('.facts dd').first().textContent()).not.toBe(firstWhen);
    const [moved] = await mails(email, 'adviceRescheduled');
    expect(moved!.calendar!.content).toContain('SEQUENCE:1');

    // Cancel it.
    await tabTo(page, /^Peru aika$/);
    await Promise.all([page.waitForURL(/\/advice\?done=cancelled$/), page.keyboard.press('Enter')]);
    await check(page);
    const [cancelled] = await mails(email, 'adviceCancelled');
    expect(cancelled!.calendar!.method).toBe('CANCEL');
    expect(cancelled!.calendar!.content).toContain('METHOD:CANCEL');
    expect(cancelled!.calendar!.content).toContain('SEQUENCE:2');
  }, 120_000);

  it('a guest books from the public front page and confirms by the e-mailed link', async () => {
    const page = await phone(false);
    await page.goto(`${app.url}/`);
    await tabTo(page, /^Varaa yritysneuvonta$/);
    await Promise.all([page.waitForURL(/\/advice\/public$/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, /^Aihe/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Näytä vapaat ajat$/);
    await Promise.all([page.waitForURL(/topic=financing/), page.keyboard.press('Enter')]);
    await check(page);
    await tabTo(page, /^\d{1,2}\.\d{2}–\d{1,2}\.\d{2} · Neea Neuvoja · Etänä$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Nimi/);
    await page.keyboard.type('Ville Vieras');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ville.vieras@example.fi');
    await tabTo(page, /^Kunta/);
    await page.keyboard.type('Pori');
    await tabTo(page, /^Hyväksyn, että tietojani/);
    await page.keyboard.press('Space');
    await page.waitForTimeout(3_100); // the form's signed time check wants a few seconds
    await tabTo(page, /^Varaa ja lähetä vahvistuslinkki$/);
    await Promise.all([page.waitForURL(/done=sent$/), page.keyboard.press('Enter')]);
    await check(page);
    const [confirm] = await mails('ville.vieras@example.fi', 'adviceConfirm');
    expect(confirm!.values.url).toMatch(/\/advice\/booking\/[A-Za-z0-9_-]{43}$/);
    await page.goto(confirm!.values.url!.replace(/^https?:\/\/[^/]+/, app.url));
    await check(page);
    await tabTo(page, /^Vahvista varaus$/);
    await Promise.all([page.waitForURL(/done=confirmed$/), page.keyboard.press('Enter')]);
    await check(page);
    const [booked] = await mails('ville.vieras@example.fi', 'adviceBooked');
    expect(booked!.calendar!.method).toBe('REQUEST');
  }, 120_000);
});
