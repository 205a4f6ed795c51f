// The whole way, by keyboard, with axe on every page (issue 4, point 16):
// apply → intake → invitation → agreement → RSVP → live meeting → steps → follow-up at the
// next meeting. Between the RSVP and the live meeting, time "passes": the first meeting is
// moved to start a few minutes ago (the only step not done through the browser).
import { and, asc, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { groups } from '../../src/features/groups/groups.schema.ts';
import { applications } from '../../src/features/intake/intake.schema.ts';
import { FORM_MIN_AGE_MS } from '../../src/features/intake/form-token.ts';
import { meetings, rsvps } from '../../src/features/meetings/meetings.schema.ts';
import { utcToZoned } from '../../src/features/meetings/zoned-time.ts';
import { steps } from '../../src/features/steps/steps.schema.ts';
import { createTestEntrepreneur } from '../factories/people.ts';
import { ensureAgreement } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
let org: { id: string };
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  org = await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut', slug: 'satakunta-polku' });
  await ensureAgreement(db, org.id);
  const coordinator = await createTestMember(db, { organizationId: org.id, role: 'coordinator', name: 'Kirsi Koordinaattori' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Fanni Fasilitaattori' });
  tokens.coordinator = (await signIn(db, coordinator.id)).token;
  tokens.facilitator = (await signIn(db, facilitator.id)).token;
  ids.facilitator = facilitator.id;
  // Three others already in the organisation, to be placed in the same group.
  for (const firstName of ['Aino', 'Eero', 'Helmi']) {
    const e = await createTestEntrepreneur(db, { organizationId: org.id, person: { firstName, lastName: 'Mäkinen', gender: 'female' } });
    ids[firstName] = e.user.id;
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const eventually = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | HTMLSelectElement).value);

async function contextFor(who: string | null, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width, height: 900 } });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Tabs to the control, presses Enter, and waits for the page it leads to. */
async function submit(page: Page, name: RegExp, url?: RegExp) {
  await tabTo(page, name, 120);
  try {
    await Promise.all([url ? page.waitForURL(url) : page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
  } catch (error) {
    // Say what the page said instead (an error summary, most likely).
    throw new Error(`${String(error)}\nat ${page.url()}: ${(await page.textContent('main'))?.slice(0, 600)}`);
  }
  await page.waitForLoadState('networkidle');
}

/** A local Helsinki date as people type it in Finland: 1.12.2026. */
function typedDate(date: Date): string {
  const [y, m, d] = utcToZoned(date).date.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

describe('from application to the follow-up at the next meeting', () => {
  it('walks the whole way by keyboard', async () => {
    const db = app.database.db;
    // 1. Apply (phone).
    const applicantContext = await contextFor(null, 375);
    const apply = await applicantContext.newPage();
    await apply.goto(app.url + '/apply?org=satakunta-polku');
    const shownAt = Date.now();
    await tabTo(apply, /^Nimi$/);
    await apply.keyboard.type('Tuula Lehtonen');
    await apply.keyboard.press('Tab');
    await apply.keyboard.type('tuula.polku@example.fi');
    await tabTo(apply, /^Syntymävuosi/);
    await apply.keyboard.type('1961');
    await tabTo(apply, /^Toimiala$/);
    await apply.keyboard.type('Sosiaali');
    await apply.keyboard.press('Tab');
    await apply.keyboard.type('Yksin');
    await apply.keyboard.press('Tab');
    await apply.keyboard.type('Pori');
    await tabTo(apply, /^Kasvokkain$/);
    await apply.keyboard.press('Space');
    await tabTo(apply, /^Annan luvan/);
    await apply.keyboard.press('Space');
    await apply.waitForTimeout(Math.max(0, FORM_MIN_AGE_MS + 300 - (Date.now() - shownAt)));
    await submit(apply, /^Lähetä hakemus$/, /\/apply\/thanks$/);
    await expectNoAxeViolations(apply);
    await applicantContext.close();
    const [application] = await db.select().from(applications).where(eq(applications.email, 'tuula.polku@example.fi'));
    expect(application).toMatchObject({ organizationId: org.id, status: 'new' });

    // 2. Intake: the coordinator places her in a new group.
    const coordinator = await (await contextFor('coordinator')).newPage();
    await coordinator.goto(`${app.url}/intake/${application!.id}`);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, /^Uuden ryhmän nimi$/, 80);
    await coordinator.keyboard.type('Porin polkuryhmä');
    await submit(coordinator, /^Ohjaa ryhmään ja lähetä kutsu$/, /done=assigned/);
    const [group] = await db.select().from(groups).where(and(eq(groups.organizationId, org.id), eq(groups.name, 'Porin polkuryhmä')));
    ids.group = group!.id;

    // The coordinator gives the group its facilitator and the three others, and makes it active.
    await coordinator.goto(`${app.url}/groups/${ids.group}/edit`);
    await expectNoAxeViolations(coordinator);
    await tabTo(coordinator, /^Tila$/);
    await coordinator.keyboard.type('Toiminnassa');
    expect(await focusedValue(coordinator)).toBe('active');
    await tabTo(coordinator, /^Ohjaaja$/);
    await coordinator.keyboard.type('Fanni');
    expect(await focusedValue(coordinator)).toBe(ids.facilitator);
    await submit(coordinator, /^Tallenna$/, new RegExp(`/groups/${ids.group}\\?done=updated`));
    await expectNoAxeViolations(coordinator);
    for (const firstName of ['Aino', 'Eero', 'Helmi']) {
      await coordinator.goto(`${app.url}/groups/${ids.group}/edit`);
      await tabTo(coordinator, /^Lisää jäsen$/, 120);
      await coordinator.keyboard.type(firstName);
      expect(await focusedValue(coordinator)).toBe(ids[firstName]);
      await submit(coordinator, /^Lisää$/, /done=memberAdded/);
    }

    // 3. The invitation: she makes her account from the mail's link.
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = 'groupInvitation'`, ['tuula.polku@example.fi']);
    const invitationLink = rows[0]?.data.values.link as string;
    const memberContext = await contextFor(null, 375);
    const member = await memberContext.newPage();
    await member.goto(invitationLink);
    await tabTo(member, /^Salasana/);
    await member.keyboard.type('tuulan oma pitkä salasana');
    await submit(member, /^Luo tunnus ja liity$/, /\/home$/);
    const [tuula] = await db.select().from(users).where(eq(users.email, 'tuula.polku@example.fi'));
    ids.tuula = tuula!.id;

    // 4. The facilitator plans two monthly meetings (the first in two days), which invites the members.
    const facilitator = await (await contextFor('facilitator')).newPage();
    await facilitator.goto(`${app.url}/groups/${ids.group}/meetings/new`);
    await expectNoAxeViolations(facilitator);
    const firstStart = new Date(Date.now() + 2 * 86_400_000);
    await tabTo(facilitator, /^Päivämäärä$/);
    await facilitator.keyboard.type(typedDate(firstStart));
    await tabTo(facilitator, /^Teema/);
    await facilitator.keyboard.type('Jaksaminen ja palautuminen');
    await tabTo(facilitator, /^Osoite$/);
    await facilitator.keyboard.type('Yrjönkatu 1, 28100 Pori');
    await tabTo(facilitator, /^Toistuminen$/);
    await facilitator.keyboard.type('Kuukausittain samana v');
    expect(await focusedValue(facilitator)).toBe('monthly-weekday');
    await tabTo(facilitator, /^Tapaamisten määrä$/);
    await facilitator.keyboard.press('Control+A');
    await facilitator.keyboard.type('2');
    await submit(facilitator, /^Lisää tapaaminen$/, new RegExp(`/groups/${ids.group}\\?done=meetingsCreated`));
    await expectNoAxeViolations(facilitator);
    const planned = await db.select().from(meetings).where(eq(meetings.groupId, ids.group)).orderBy(asc(meetings.startsAt));
    expect(planned).toHaveLength(2);
    const [first, second] = planned as [typeof planned[number], typeof planned[number]];

    // 5. The agreement gate, then RSVP from her home page.
    await member.goto(`${app.url}/groups/${ids.group}`);
    await member.waitForURL(new RegExp(`/groups/${ids.group}/agreement$`));
    await expectNoAxeViolations(member);
    await tabTo(member, /^Olen lukenut ryhmäsopimuksen/);
    await member.keyboard.press('Space');
    await submit(member, /^Hyväksyn ja jatkan ryhmään$/, /done=accepted/);
    await expectNoAxeViolations(member);
    await member.goto(`${app.url}/home`);
    await expectNoAxeViolations(member);
    await submit(member, /^Tulen$/, new RegExp(`/meetings/${first.id}\\?done=rsvp`));
    await expectNoAxeViolations(member);
    expect(await db.select().from(rsvps).where(and(eq(rsvps.meetingId, first.id), eq(rsvps.userId, ids.tuula)))).toMatchObject([{ response: 'coming' }]);

    // Time passes: the first meeting began five minutes ago.
    await db.update(meetings).set({ startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 115 * 60_000) }).where(eq(meetings.id, first.id));

    // 6. The live meeting: start, go to the small-steps round, write her step.
    await facilitator.goto(`${app.url}/meetings/${first.id}/live`);
    await expectNoAxeViolations(facilitator);
    await submit(facilitator, /^Aloita kokous$/);
    for (let i = 0; i < 3; i++) await submit(facilitator, /^Seuraava ohjelmakohta$/);
    await eventually(() => facilitator.locator('.live-current h3').textContent()).toBe('Nyt: Pienet askeleet');
    await expectNoAxeViolations(facilitator);
    await tabTo(facilitator, /^Kenen askel$/, 120);
    await facilitator.keyboard.type('Tuula');
    expect(await focusedValue(facilitator)).toBe(ids.tuula);
    await tabTo(facilitator, /^Pieni askel/);
    await facilitator.keyboard.type('Varaan perjantaiksi tunnin paperitöille');
    await submit(facilitator, /^Lisää askel$/);
    const [step] = await db.select().from(steps).where(eq(steps.userId, ids.tuula));
    expect(step).toMatchObject({ meetingId: first.id, status: 'open', text: 'Varaan perjantaiksi tunnin paperitöille' });
    // Due by default on the next meeting's day.
    expect(step!.dueOn).toBe(utcToZoned(second.startsAt).date);
    await submit(facilitator, /^Päätä kokous$/);

    // 7. Her steps on the phone: she marks it partly done.
    await member.goto(`${app.url}/steps`);
    await expectNoAxeViolations(member);
    await tabTo(member, /^Miten meni\?$/);
    await member.keyboard.type('osittain');
    expect(await focusedValue(member)).toBe('partly');
    await tabTo(member, /^Lyhyt ajatus/);
    await member.keyboard.type('Kaksi perjantaita kolmesta');
    await submit(member, /^Tallenna$/, /\/steps\?done=status/);
    await expectNoAxeViolations(member);
    expect((await db.select().from(steps).where(eq(steps.id, step!.id)))[0]).toMatchObject({ status: 'partly', reflection: 'Kaksi perjantaita kolmesta' });

    // 8. The next meeting's follow-up round lists her step from the last one.
    await facilitator.goto(`${app.url}/meetings/${second.id}/live`);
    await submit(facilitator, /^Aloita kokous$/);
    await submit(facilitator, /^Seuraava ohjelmakohta$/);
    await eventually(() => facilitator.locator('.live-current h3').textContent()).toBe('Nyt: Kuulumiset ja viime kerran askeleet');
    await eventually(() => facilitator.locator('main').textContent()).toContain('Varaan perjantaiksi tunnin paperitöille');
    await expectNoAxeViolations(facilitator);
    await memberContext.close();
  }, 600_000);
});
