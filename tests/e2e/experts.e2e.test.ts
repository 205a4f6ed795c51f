// Experts in Chromium by keyboard, in Finnish and English: the coordinator searches the directory
// by topic, opens the expert's profile and invites them to a meeting's expert segment; the expert
// opens the invitation from their home and accepts it; the segment then shows on their home.
// axe finds nothing on any of these pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { expertProfiles } from '../../src/features/experts/experts.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  for (const locale of ['fi', 'en'] as const) {
    const org = await createTestOrganization(db);
    const people: Record<string, string> = {};
    for (const role of ['coordinator', 'facilitator', 'expert'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role, name: role === 'expert' ? 'Eeva Asiantuntija' : undefined });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      people[role] = user.id;
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
    await db.insert(expertProfiles).values({ organizationId: org.id, userId: people.expert!, topics: ['Verotus', 'Kirjanpito'], bio: 'Tilitoimiston yrittäjä.', languages: ['fi'], region: 'Satakunta' });
    const group = await createTestGroup(db, { organizationId: org.id, name: 'Porin yrittäjät', facilitatorIds: [people.facilitator!], memberIds: [] });
    await createTestMeeting(db, {
      organizationId: org.id,
      groupId: group.id,
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      agenda: [
        { kind: 'opening_round', minutes: 20 },
        { kind: 'expert_segment', minutes: 40, topic: 'Ennakkovero' },
      ],
    });
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

describe('inviting an expert by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { topic: /^Aiheet$/, search: /^Hae$/, target: /^Mihin kutsut$/, message: /^Viesti$/, send: /^Lähetä kutsu$/, sent: 'Kutsu lähetetty.', invitation: /^Tapaamisen asiantuntijaosio/, accept: /^Otan kutsun vastaan$/, answer: /^Lähetä vastaus$/, accepted: 'Otit kutsun vastaan' }],
    ['en', 'en-GB', { topic: /^Topics$/, search: /^Search$/, target: /^Invite to$/, message: /^Message$/, send: /^Send invitation$/, sent: 'Invitation sent.', invitation: /^Expert segment of a meeting/, accept: /^I accept$/, answer: /^Send answer$/, accepted: 'You accepted' }],
  ] as const)('the coordinator invites, the expert accepts, the segment shows on their home (%s)', async (lang, locale, words) => {
    const coordinator = await open(locale, `coordinator-${lang}`);
    await coordinator.goto(`${app.url}/organization/experts`);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, words.topic, 80);
    await coordinator.keyboard.type('verot');
    await tabTo(coordinator, words.search, 10);
    await Promise.all([coordinator.waitForURL(/topic=verot/), coordinator.keyboard.press('Enter')]);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, /^Eeva Asiantuntija$/, 80);
    await Promise.all([coordinator.waitForURL(/\/organization\/experts\/[0-9a-f-]{36}$/), coordinator.keyboard.press('Enter')]);
    expect(await coordinator.locator('h1').textContent()).toBe('Eeva Asiantuntija');
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, words.target, 80);
    await coordinator.keyboard.press('ArrowDown');
    expect(await coordinator.locator('#target').inputValue()).toMatch(/^segment:/);
    await tabTo(coordinator, words.message, 5);
    await coordinator.keyboard.type('Tervetuloa kertomaan ennakkoverosta!');
    await tabTo(coordinator, words.send, 5);
    await Promise.all([coordinator.waitForURL(/done=invited/), coordinator.keyboard.press('Enter')]);
    await coordinator.getByText(words.sent).waitFor();
    await expectNoAxeViolations(coordinator);

    const expert = await open(locale, `expert-${lang}`);
    await expert.goto(`${app.url}/home`);
    await expectNoAxeViolations(expert);
    await tabTo(expert, words.invitation, 80);
    await Promise.all([expert.waitForURL(/\/expert-invitations\/[0-9a-f-]{36}$/), expert.keyboard.press('Enter')]);
    await expert.getByText('Ennakkovero', { exact: true }).waitFor();
    await expectNoAxeViolations(expert);
    await tabTo(expert, words.accept, 40);
    await expert.keyboard.press('Space');
    await tabTo(expert, words.answer, 10);
    await Promise.all([expert.waitForURL(/done=accepted/), expert.keyboard.press('Enter')]);
    await expert.getByText(words.accepted).first().waitFor();
    await expectNoAxeViolations(expert);
    await expert.goto(`${app.url}/home`);
    expect(await expert.locator('main').textContent()).toContain('Ennakkovero');
    await expectNoAxeViolations(expert);
  });
});
