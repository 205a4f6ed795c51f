// The facilitator training in Chromium by keyboard, in Finnish and English: a visitor applies on
// the public course page; the coordinator accepts; the trainee submits the first assignment; the
// mentor asks for a revision with feedback on a competence; the trainee revises; the mentor
// accepts; (the other assignments are accepted behind the scenes) the coordinator confirms the
// completion and the trainee's home says so; the coordinator gives the graduate the facilitator
// role (issue 15, point 7); the trainee opens their certificate; a visitor confirms it on the public
// verification page. axe finds nothing on any of these pages.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { createCourseFromTemplate } from '../../src/features/training/create-course.ts';
import { createCohort } from '../../src/features/training/create-cohort.ts';
import { giveFeedback } from '../../src/features/training/give-feedback.ts';
import { submitAssignment } from '../../src/features/training/submit-assignment.ts';
import { listAssignments, listRubric } from '../../src/features/training/training.queries.ts';
import { enrolments } from '../../src/features/training/training.schema.ts';
import { certificates } from '../../src/features/certificates/certificates.schema.ts';
import { formatVerificationCode } from '../../src/features/certificates/verification-code.ts';
import { memberships } from '../../src/features/organizations/organizations.schema.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const setup: Record<string, { orgId: string; courseId: string; cohortId: string; traineeId: string; mentorId: string }> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  for (const locale of ['fi', 'en'] as const) {
    const org = await createTestOrganization(db);
    const people: Record<string, string> = {};
    for (const role of ['coordinator', 'facilitator', 'trainee'] as const) {
      const user = await createTestMember(db, { organizationId: org.id, role, name: role === 'trainee' ? 'Kaisa Koulutettava' : role === 'facilitator' ? 'Mervi Mentori' : undefined, email: `${role}.${locale}@training-e2e.example.fi` });
      await db.update(users).set({ locale }).where(eq(users.id, user.id));
      people[role] = user.id;
      tokens[`${role}-${locale}`] = (await signIn(db, user.id)).token;
    }
    const coordinator = await actorFor(db, people.coordinator!, org.id);
    const { courseId } = await createCourseFromTemplate(coordinator, app.services, { organizationId: org.id, slug: `koulutus-${locale}`, published: true, completionRules: { minSessions: 0, allAssignmentsAccepted: true, minPracticeMeetings: 0 } });
    const start = Date.now() + 7 * 86_400_000;
    const sessions = [0, 1, 2, 3].map((i) => ({ startsAt: new Date(start + i * 14 * 86_400_000), endsAt: new Date(start + i * 14 * 86_400_000 + 7_200_000), onlineUrl: 'https://meet.example.fi/koulutus' }));
    const { cohortId } = await createCohort(coordinator, app.services, { organizationId: org.id, courseId, name: 'Kevät 2027', capacity: 15, mentorUserIds: [people.facilitator!], sessions });
    setup[locale] = { orgId: org.id, courseId, cohortId, traineeId: people.trainee!, mentorId: people.facilitator! };
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(locale: string, who: string | null): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('apply → accept → submit → revision → revise → accept → complete → graduate → certificate → verify, by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { name: /^Nimi$/, email: /^Sähköposti$/, consent: /^Olen lukenut tietosuojaselosteen/, apply: /^Lähetä hakemus$/, thanks: 'Kiitos hakemuksesta!', accept: /^Hyväksy Kaisa Koulutettava$/, accepted: 'Hakija hyväksyttiin', assignment: /^Pohdinta: minä ohjaajana$/, body: /^Pohdintasi$/, send: /^Lähetä$/, sent: 'Palautus lähetetty.', waiting: /^Kaisa Koulutettava: Pohdinta: minä ohjaajana$/, criterion: /^Palaute: Dialogin ohjaaminen$/, revision: /^Pyydän korjausta$/, feedback: /^Lähetä palaute$/, feedbackDone: 'Palaute lähetetty.', complete: /^Vahvista suoritus: Kaisa Koulutettava$/, completed: 'Suoritus vahvistettu.', home: 'Koulutus suoritettu', graduate: /^Anna ohjaajan rooli: Kaisa Koulutettava$/, graduated: 'Ohjaajan rooli annettu.', certificate: /^Työpeili-ohjaajakoulutus$/, valid: 'on aito ja voimassa' }],
    ['en', 'en-GB', { name: /^Name$/, email: /^E-mail$/, consent: /^I have read the privacy notice/, apply: /^Send the application$/, thanks: 'Thank you for applying!', accept: /^Accept Kaisa Koulutettava$/, accepted: 'The applicant was accepted', assignment: /^Reflection: me as a facilitator$/, body: /^Your reflection$/, send: /^Send$/, sent: 'Submitted.', waiting: /^Kaisa Koulutettava: Reflection: me as a facilitator$/, criterion: /^Feedback: Guiding dialogue$/, revision: /^Revision requested$/, feedback: /^Send the feedback$/, feedbackDone: 'Feedback sent.', complete: /^Confirm completion: Kaisa Koulutettava$/, completed: 'Completion confirmed.', home: 'Training completed', graduate: /^Give the facilitator role: Kaisa Koulutettava$/, graduated: 'Facilitator role given.', certificate: /^Työpeili facilitator training$/, valid: 'is genuine and valid' }],
  ] as const)('%s', async (lang, locale, w) => {
    const s = setup[lang]!;
    // A visitor applies on the public course page (no account).
    const visitor = await open(locale, null);
    await visitor.goto(`${app.url}/training/koulutus-${lang}`);
    await expectNoAxeViolations(visitor);
    await tabTo(visitor, w.name, 80);
    await visitor.keyboard.type('Kaisa Koulutettava');
    await tabTo(visitor, w.email, 5);
    await visitor.keyboard.type(`trainee.${lang}@training-e2e.example.fi`);
    await tabTo(visitor, w.consent, 20);
    await visitor.keyboard.press('Space');
    await visitor.waitForTimeout(3_100); // the form's time check
    await tabTo(visitor, w.apply, 5);
    await Promise.all([visitor.waitForURL(/done=applied/), visitor.keyboard.press('Enter')]);
    await visitor.getByText(w.thanks).waitFor();
    await expectNoAxeViolations(visitor);

    // The coordinator accepts.
    const coordinator = await open(locale, `coordinator-${lang}`);
    await coordinator.goto(`${app.url}/training/cohorts/${s.cohortId}`);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, w.accept, 80);
    await Promise.all([coordinator.waitForURL(/done=accepted/), coordinator.keyboard.press('Enter')]);
    await coordinator.getByText(w.accepted).waitFor();
    await expectNoAxeViolations(coordinator);

    // The trainee submits the first assignment from their course page.
    const trainee = await open(locale, `trainee-${lang}`);
    await trainee.goto(`${app.url}/training/my`);
    await expectNoAxeViolations(trainee);
    await tabTo(trainee, w.assignment, 80);
    await Promise.all([trainee.waitForURL(/\/assignments\/[0-9a-f-]{36}$/), trainee.keyboard.press('Enter')]);
    await expectNoAxeViolations(trainee);
    const assignmentUrl = trainee.url();
    await tabTo(trainee, w.body, 30);
    await trainee.keyboard.type('Vahvuuteni on kuunteleminen.');
    await tabTo(trainee, w.send, 5);
    await Promise.all([trainee.waitForURL(/done=submitted/), trainee.keyboard.press('Enter')]);
    await trainee.getByText(w.sent).waitFor();
    await expectNoAxeViolations(trainee);

    // The mentor asks for a revision with feedback on one competence.
    const mentor = await open(locale, `facilitator-${lang}`);
    const feedback = async (accept: boolean, text: string) => {
      await mentor.goto(`${app.url}/training/mentor`);
      await expectNoAxeViolations(mentor);
      await tabTo(mentor, w.waiting, 80);
      await Promise.all([mentor.waitForURL(/\/training\/submissions\/[0-9a-f-]{36}$/), mentor.keyboard.press('Enter')]);
      await expectNoAxeViolations(mentor);
      await tabTo(mentor, w.criterion, 40);
      await mentor.keyboard.type(text);
      // The radio group is one tab stop: the first choice asks for a revision, the arrow moves to accepting.
      await tabTo(mentor, w.revision, 20);
      await mentor.keyboard.press(accept ? 'ArrowDown' : 'Space');
      expect(await mentor.locator(accept ? '#decision-accepted' : '#decision').isChecked()).toBe(true);
      await tabTo(mentor, w.feedback, 5);
      await Promise.all([mentor.waitForURL(/done=feedback/), mentor.keyboard.press('Enter')]);
      await mentor.getByText(w.feedbackDone).waitFor();
      await expectNoAxeViolations(mentor);
    };
    await feedback(false, 'Kerro esimerkki dialogista.');

    // The trainee reads the feedback and revises.
    await trainee.goto(assignmentUrl);
    await trainee.getByText('Kerro esimerkki dialogista.').waitFor();
    await expectNoAxeViolations(trainee);
    await tabTo(trainee, w.body, 30);
    await trainee.keyboard.press('End');
    await trainee.keyboard.type(' Annoin jokaiselle vuoron kierroksella.');
    await tabTo(trainee, w.send, 5);
    await Promise.all([trainee.waitForURL(/done=submitted/), trainee.keyboard.press('Enter')]);
    await trainee.getByText(w.sent).waitFor();

    await feedback(true, 'Hyvä esimerkki.');

    // The other three assignments, accepted behind the scenes.
    const db = app.database.db;
    const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.cohortId, s.cohortId));
    const traineeActor = await actorFor(db, s.traineeId, s.orgId);
    const mentorActor = await actorFor(db, s.mentorId, s.orgId);
    const assignments = await listAssignments(db, { organizationId: s.orgId, courseId: s.courseId });
    for (const { assignment } of assignments.slice(1)) {
      const levels = assignment.kind === 'self_assessment' ? Object.fromEntries((await listRubric(db, { organizationId: s.orgId, courseId: s.courseId })).map((c) => [c.id, 1])) : undefined;
      const { submissionId } = await submitAssignment(traineeActor, app.services, { organizationId: s.orgId, enrolmentId: enrolment!.id, assignmentId: assignment.id, body: 'Valmis', levels });
      await giveFeedback(mentorActor, app.services, { organizationId: s.orgId, submissionId, decision: 'accepted', comment: 'Hyvä', criteria: {} });
    }

    // The coordinator confirms the completion; the trainee's home says so.
    await coordinator.goto(`${app.url}/training/cohorts/${s.cohortId}`);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, w.complete, 120);
    await Promise.all([coordinator.waitForURL(/done=completed/), coordinator.keyboard.press('Enter')]);
    await coordinator.getByText(w.completed).waitFor();
    await expectNoAxeViolations(coordinator);
    await trainee.goto(`${app.url}/home`);
    expect(await trainee.locator('main').textContent()).toContain(w.home);
    await expectNoAxeViolations(trainee);

    // Graduation: the coordinator gives the facilitator role the completion offers.
    await tabTo(coordinator, w.graduate, 120);
    await Promise.all([coordinator.waitForURL(/done=graduated/), coordinator.keyboard.press('Enter')]);
    await coordinator.getByText(w.graduated).waitFor();
    await expectNoAxeViolations(coordinator);
    const [role] = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, s.traineeId));
    expect(role!.role).toBe('facilitator');

    // The certificate the completion issued, opened by the graduate from their list.
    await trainee.goto(`${app.url}/profile/certificates`);
    await expectNoAxeViolations(trainee);
    await tabTo(trainee, w.certificate, 80);
    await Promise.all([trainee.waitForURL(/\/profile\/certificates\/[0-9a-f-]{36}$/), trainee.keyboard.press('Enter')]);
    await expectNoAxeViolations(trainee);
    const [certificate] = await db.select({ code: certificates.verificationCode }).from(certificates).where(eq(certificates.holderUserId, s.traineeId));
    const code = formatVerificationCode(certificate!.code);
    expect(await trainee.locator('main').textContent()).toContain(code);

    // A visitor confirms it on the public verification page, no sign-in.
    await visitor.goto(`${app.url}/verify/${code}`);
    expect(await visitor.locator('main').textContent()).toContain(w.valid);
    await expectNoAxeViolations(visitor);
  }, 400_000);
});
