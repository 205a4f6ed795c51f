// The practice group and the course evaluation in Chromium by keyboard, in Finnish and English
// (issue 15, points 4 and 8): a member reads on the group page that the facilitator is in training
// and agrees to the observation of the next meeting; the mentor's meta view says whether it may be
// observed and shows no answer of anyone; the trainee evaluates a session (radio groups by arrow
// keys). axe finds nothing on any of these pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createCourseFromTemplate } from '../../src/features/training/create-course.ts';
import { createCohort } from '../../src/features/training/create-cohort.ts';
import { enrolments, trainingFeedback } from '../../src/features/training/training.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const setup: Record<string, { groupId: string; enrolmentId: string; cohortId: string }> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  for (const locale of ['fi', 'en'] as const) {
    const org = await createTestOrganization(db);
    const people: Record<string, string> = {};
    for (const role of ['coordinator', 'facilitator', 'trainee', 'entrepreneur'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role, name: role === 'trainee' ? 'Kaisa Koulutettava' : undefined, email: `${role}.${locale}@practice-e2e.example.fi` });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      people[role] = user.id;
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
    const coordinator = await actorFor(db, people.coordinator!, org.id);
    const { courseId } = await createCourseFromTemplate(coordinator, app.services, { organizationId: org.id, slug: `harjoitus-${locale}`, published: true });
    const start = Date.now() - 3 * 86_400_000;
    const sessions = [0, 1, 2, 3].map((i) => ({ startsAt: new Date(start + i * 14 * 86_400_000), endsAt: new Date(start + i * 14 * 86_400_000 + 7_200_000), onlineUrl: null }));
    const { cohortId } = await createCohort(coordinator, app.services, { organizationId: org.id, courseId, name: 'Syksy', capacity: 15, mentorUserIds: [people.facilitator!], sessions });
    const group = await createTestGroup(db, { organizationId: org.id, name: 'Harjoitusryhmä', facilitatorIds: [people.trainee!], memberIds: [people.entrepreneur!] });
    const [enrolment] = await db
      .insert(enrolments)
      .values({ organizationId: org.id, cohortId, userId: people.trainee!, email: `trainee.${locale}@practice-e2e.example.fi`, name: 'Kaisa Koulutettava', mentorUserId: people.facilitator!, practiceGroupId: group.id, status: 'active' })
      .returning({ id: enrolments.id });
    await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 5 * 86_400_000) });
    setup[locale] = { groupId: group.id, enrolmentId: enrolment!.id, cohortId };
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

describe('practice group observation and course evaluation, by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { link: /^Lue lisää ja päätä havainnoinnista$/, agree: /^Suostun havainnointiin/, agreed: 'Suostumuksesi on tallennettu.', allowed: 'havainnointi sovittu', metaOnly: 'vain yhteenvetotiedot', useful: /^3 – jonkin verran$/, send: /^Lähetä arvio$/, thanks: 'Kiitos arviostasi!' }],
    ['en', 'en-GB', { link: /^Read more and decide about observation$/, agree: /^I agree to observation on/, agreed: 'Your consent is saved.', allowed: 'observation agreed', metaOnly: 'only summary figures', useful: /^3 – somewhat$/, send: /^Send the evaluation$/, thanks: 'Thank you for your evaluation!' }],
  ] as const)('%s', async (lang, locale, w) => {
    const s = setup[lang]!;
    // The member is told on the group page and agrees to the observation.
    const member = await open(locale, `entrepreneur-${lang}`);
    await member.goto(`${app.url}/groups/${s.groupId}`);
    await expectNoAxeViolations(member);
    await tabTo(member, w.link, 60);
    await Promise.all([member.waitForURL(/\/training\/observation\//), member.keyboard.press('Enter')]);
    await expectNoAxeViolations(member);
    await tabTo(member, w.agree, 30);
    await Promise.all([member.waitForURL(/done=agreed/), member.keyboard.press('Enter')]);
    await member.getByText(w.agreed).waitFor();
    await expectNoAxeViolations(member);

    // The mentor's meta view: the meeting may be observed now.
    const mentor = await open(locale, `facilitator-${lang}`);
    await mentor.goto(`${app.url}/training/practice/${s.enrolmentId}`);
    const text = (await mentor.locator('main').textContent()) ?? '';
    expect(text).toContain(w.metaOnly);
    expect(text).toContain(w.allowed);
    await expectNoAxeViolations(mentor);

    // The trainee evaluates the first session: radio groups by arrow keys.
    const trainee = await open(locale, `trainee-${lang}`);
    await trainee.goto(`${app.url}/training/my/${s.enrolmentId}/evaluation`);
    await expectNoAxeViolations(trainee);
    await tabTo(trainee, /^1 – /, 30);
    await trainee.keyboard.press('ArrowDown');
    await trainee.keyboard.press('ArrowDown');
    expect(await trainee.getByRole('radio', { name: w.useful }).first().isChecked()).toBe(true);
    await trainee.keyboard.press('Tab');
    await trainee.keyboard.press('Space');
    await tabTo(trainee, w.send, 10);
    await Promise.all([trainee.waitForURL(/done=given/), trainee.keyboard.press('Enter')]);
    await trainee.getByText(w.thanks).waitFor();
    await expectNoAxeViolations(trainee);
    const answers = await app.database.db.select().from(trainingFeedback).where(eq(trainingFeedback.cohortId, s.cohortId));
    expect(answers).toEqual([expect.objectContaining({ useful: 3, ready: 1 })]);
  }, 300_000);
});
