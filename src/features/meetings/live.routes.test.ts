// The live meeting over HTTP against the real app: the facilitator marks who is here and runs the
// meeting from one device while a second session (another device) reads the same state; a stale
// version gets 409 and the fresh state; a member adds a step from their phone and it shows in the
// facilitator's state; the follow-up round lists last time's steps; members get 403, another
// organisation 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { steps } from '../steps/steps.schema.ts';
import type { LiveView } from './live-view.ts';
import { attendance } from './meetings.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let meetingId: string;
let nextMeetingStartsAt: Date;
let previousStepId: string;
let olderStepId: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const orgA = await createTestOrganization(db);
  const orgB = await createTestOrganization(db);
  const people = [
    ['facilitator', orgA.id, 'facilitator', 'Fanni Fasilitaattori'],
    ['aino', orgA.id, 'entrepreneur', 'Aino Aaltonen'],
    ['eero', orgA.id, 'entrepreneur', 'Eero Eskola'],
    ['helmi', orgA.id, 'entrepreneur', 'Helmi Heikkinen'],
    ['coordinator', orgA.id, 'coordinator', 'Kirsi Koordinaattori'],
    ['otherOrg', orgB.id, 'coordinator', 'Bertta Bothnia'],
  ] as const;
  for (const [key, organizationId, role, name] of people) {
    const user = await createTestMember(db, { organizationId, role, name });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  cookies.facilitatorTablet = (await signIn(db, ids.facilitator!)).cookie;
  const group = await createTestGroup(db, { organizationId: orgA.id, facilitatorIds: [ids.facilitator!], memberIds: [ids.aino!, ids.eero!, ids.helmi!] });
  const now = Date.now();
  const older = await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: new Date(now - 56 * 86_400_000) });
  const previous = await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: new Date(now - 28 * 86_400_000) });
  const meeting = await createTestMeeting(db, {
    organizationId: orgA.id,
    groupId: group.id,
    startsAt: new Date(now - 10 * 60_000),
    agenda: [
      { kind: 'follow_up_round', minutes: 30 },
      { kind: 'small_steps_round', minutes: 15 },
    ],
  });
  nextMeetingStartsAt = new Date(now + 27 * 86_400_000);
  await createTestMeeting(db, { organizationId: orgA.id, groupId: group.id, startsAt: nextMeetingStartsAt });
  meetingId = meeting.id;
  await db.insert(attendance).values([
    { organizationId: orgA.id, meetingId: older.id, userId: ids.aino!, status: 'present' },
    { organizationId: orgA.id, meetingId: previous.id, userId: ids.aino!, status: 'present' },
    { organizationId: orgA.id, meetingId: previous.id, userId: ids.eero!, status: 'present' },
  ]);
  const [step] = await db
    .insert(steps)
    .values({ organizationId: orgA.id, groupId: group.id, userId: ids.aino!, meetingId: previous.id, text: 'Soitan kolmelle vanhalle asiakkaalle', createdAt: previous.startsAt })
    .returning();
  previousStepId = step!.id;
  const [old] = await db
    .insert(steps)
    .values({ organizationId: orgA.id, groupId: group.id, userId: ids.aino!, meetingId: older.id, text: 'Päivitän kotisivut', createdAt: older.startsAt })
    .returning();
  olderStepId = old!.id;
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: { cookie: cookies[who]! } });
}

function post(path: string, who: string, fields: [string, string][]) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

async function stateOf(who: string): Promise<LiveView> {
  const res = await get(`/meetings/${meetingId}/live/state`, who);
  expect(res.status).toBe(200);
  return (await res.json()) as LiveView;
}

describe('live meeting over HTTP', () => {
  it('is for the group’s facilitators: members and coordinators get 403, another organisation 404', async () => {
    for (const path of ['live', 'live/screen', 'live/state']) {
      expect((await get(`/meetings/${meetingId}/${path}`, 'aino')).status).toBe(403);
      expect((await get(`/meetings/${meetingId}/${path}`, 'coordinator')).status).toBe(403);
      expect((await get(`/meetings/${meetingId}/${path}`, 'otherOrg')).status).toBe(404);
    }
    expect((await post(`/meetings/${meetingId}/live`, 'aino', [['intent', 'start'], ['version', '0']])).status).toBe(403);
    expect((await post(`/meetings/${meetingId}/live/state`, 'otherOrg', [['intent', 'start'], ['version', '0']])).status).toBe(404);
    // my-steps is the member's own page
    expect((await get(`/meetings/${meetingId}/my-steps`, 'facilitator')).status).toBe(403);
    expect((await get(`/meetings/${meetingId}/my-steps`, 'otherOrg')).status).toBe(404);
    expect((await get(`/meetings/${meetingId}/my-steps`, 'aino')).status).toBe(200);
  });

  it('shows the page without JavaScript; the facilitator marks who is here (attendance rows)', async () => {
    const res = await get(`/meetings/${meetingId}/live`, 'facilitator');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Keitä on paikalla?');
    expect(html).toContain('Helmi Heikkinen');
    expect((await stateOf('facilitator')).presence.source).toBe('members');
    const saved = await post(`/meetings/${meetingId}/live`, 'facilitator', [
      ['intent', 'presence'],
      ['present', ids.aino!],
      ['present', ids.eero!],
    ]);
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe(`/meetings/${meetingId}/live?done=presence`);
    const rows = await app.database.db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
    expect(Object.fromEntries(rows.map((r) => [r.userId, r.status]))).toEqual({ [ids.aino!]: 'present', [ids.eero!]: 'present', [ids.helmi!]: 'absent' });
    const view = await stateOf('facilitatorTablet');
    expect(view.presence).toEqual({ source: 'attendance', members: [{ id: ids.aino, name: 'Aino Aaltonen' }, { id: ids.eero, name: 'Eero Eskola' }] });
  });

  it('starts the meeting on one device; the second device reads the same state, with the follow-up round', async () => {
    const res = await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'start'], ['version', '0']]);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/meetings/${meetingId}/live`);
    const view = await stateOf('facilitatorTablet');
    expect(view.state).toMatchObject({ phase: 'running', version: 1, itemIndex: 0 });
    expect(view.currentItem?.kind).toBe('follow_up_round');
    expect(view.followUp).toEqual([
      {
        memberId: ids.aino,
        name: 'Aino Aaltonen',
        items: [
          expect.objectContaining({ id: olderStepId, reason: 'still-open' }),
          expect.objectContaining({ id: previousStepId, text: 'Soitan kolmelle vanhalle asiakkaalle', status: 'open', reason: 'set-at-previous-meeting' }),
        ],
      },
      { memberId: ids.eero, name: 'Eero Eskola', items: [] },
    ]);
  });

  it('the follow-up round: the facilitator sets how a step went, with a reflection', async () => {
    const res = await post(`/meetings/${meetingId}/live`, 'facilitator', [
      ['intent', 'step-status'],
      ['stepId', previousStepId],
      ['status', 'partly'],
      ['reflection', 'Kaksi soittoa tehty'],
    ]);
    expect(res.status).toBe(302);
    const [row] = await app.database.db.select().from(steps).where(eq(steps.id, previousStepId));
    expect(row).toMatchObject({ status: 'partly', reflection: 'Kaksi soittoa tehty' });
    const html = await (await get(`/meetings/${meetingId}/live`, 'facilitator')).text();
    expect(html).toContain('Viime kerran pienet askeleet');
    expect(html).toContain('osittain tehty');
    // the heading says the state; only last time's steps are open, the older one folds under a count
    expect(html).toContain('<h1>Tapaaminen käynnissä: Jaksaminen</h1>');
    const folded = html.slice(html.indexOf('<details class="older-steps">'));
    expect(folded).toMatch(/^<details class="older-steps"><summary>Aiemmat seurattavat askeleet \(1\)<\/summary>/);
    expect(folded.slice(0, folded.indexOf('</details>'))).toContain('Päivitän kotisivut');
    expect(html.indexOf('Soitan kolmelle vanhalle asiakkaalle')).toBeLessThan(html.indexOf('<details class="older-steps">'));
  });

  it('runs a shuffled round: the stored order is the same on both devices; next turn from one shows on the other', async () => {
    const started = await post(`/meetings/${meetingId}/live/state`, 'facilitator', [['intent', 'start-round'], ['order', 'shuffled'], ['version', '1']]);
    expect(started.status).toBe(200);
    const { state } = (await started.json()) as { state: LiveView['state'] };
    expect(state.round?.order).toBe('shuffled');
    expect(state.round?.seed).toEqual(expect.any(Number));
    const order = state.round!.turns.map((t) => t.memberId);
    expect([...order].sort()).toEqual([ids.aino, ids.eero].sort());

    const tablet = await stateOf('facilitatorTablet');
    expect(tablet.turns.map((t) => t.memberId)).toEqual(order);
    expect(tablet.speaker?.id).toBe(order[0]);
    expect(tablet.state.version).toBe(2);

    const next = await post(`/meetings/${meetingId}/live`, 'facilitatorTablet', [['intent', 'next-turn'], ['version', '2']]);
    expect(next.status).toBe(302);
    const laptop = await stateOf('facilitator');
    expect(laptop.speaker?.id).toBe(order[1]);
    expect(laptop.turns.map((t) => t.status)).toEqual(['done', 'current']);
    const page = await (await get(`/meetings/${meetingId}/live`, 'facilitator')).text();
    expect(page).toContain(`Vuorossa: ${laptop.speaker?.name}`);
  });

  it('answers a stale version with 409 and the fresh state (JSON and page), changing nothing', async () => {
    const json = await post(`/meetings/${meetingId}/live/state`, 'facilitator', [['intent', 'pass'], ['version', '2']]);
    expect(json.status).toBe(409);
    const body = (await json.json()) as { error: string; state: LiveView['state'] };
    expect(body.error).toBe('live_version_conflict');
    expect(body.state.version).toBe(3);
    expect(body.state.round?.current).toBe(1);
    const page = await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'pass'], ['version', '1']]);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Toinen laite ehti siirtää kokousta eteenpäin');
    expect((await stateOf('facilitator')).state.version).toBe(3);
    // a command that does not fit is refused too
    const notNow = await post(`/meetings/${meetingId}/live/state`, 'facilitator', [['intent', 'start'], ['version', '3']]);
    expect(notNow.status).toBe(409);
  });

  it('the closing round: a member adds a step on their phone and the facilitator types one for the speaker; both show', async () => {
    const [passed, nextItem] = [
      await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'pass'], ['version', '3']]),
      await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'next-item'], ['version', '4']]),
    ];
    expect([passed.status, nextItem.status]).toEqual([302, 302]);
    const mine = await post(`/meetings/${meetingId}/my-steps`, 'eero', [['intent', 'add-step'], ['text', 'Päivitän hinnaston']]);
    expect(mine.status).toBe(302);
    expect(mine.headers.get('location')).toBe(`/meetings/${meetingId}/my-steps?done=added`);
    const empty = await post(`/meetings/${meetingId}/my-steps`, 'eero', [['intent', 'add-step'], ['text', '  ']]);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Kirjoita askel.');
    const typed = await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'add-step'], ['memberId', ids.aino!], ['text', 'Kysyn tarjousta kirjanpitäjältä']]);
    expect(typed.status).toBe(302);

    const view = await stateOf('facilitatorTablet');
    expect(view.currentItem?.kind).toBe('small_steps_round');
    const byMember = Object.fromEntries(view.meetingSteps.map((m) => [m.memberId, m.steps.map((s) => s.text)]));
    expect(byMember).toEqual({ [ids.aino!]: ['Kysyn tarjousta kirjanpitäjältä'], [ids.eero!]: ['Päivitän hinnaston'] });
    // due by default on the day of the group's next meeting
    const due = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(nextMeetingStartsAt);
    expect(view.meetingSteps.flatMap((m) => m.steps.map((s) => s.dueOn))).toEqual([due, due]);
    const phone = await (await get(`/meetings/${meetingId}/my-steps`, 'eero')).text();
    expect(phone).toContain('Päivitän hinnaston');
    expect(phone).not.toContain('Kysyn tarjousta kirjanpitäjältä');
    // the phone's step is always the member's own, whatever the form says
    await post(`/meetings/${meetingId}/my-steps`, 'eero', [['intent', 'add-step'], ['memberId', ids.aino!], ['text', 'Oma askel']]);
    const ainos = await app.database.db.select().from(steps).where(and(eq(steps.userId, ids.aino!), eq(steps.meetingId, meetingId)));
    expect(ainos.map((r) => r.text)).toEqual(['Kysyn tarjousta kirjanpitäjältä']);
    // and a member may not touch another member's step
    const [ainoStep] = ainos;
    expect((await post(`/meetings/${meetingId}/my-steps`, 'eero', [['intent', 'step-status'], ['stepId', ainoStep!.id], ['status', 'done']])).status).toBe(403);
  });

  it('the projector view shows the current item and the prompt card, read-only', async () => {
    const html = await (await get(`/meetings/${meetingId}/live/screen`, 'facilitator')).text();
    expect(html).toContain('Pienet askeleet');
    expect(html).toContain('Mikä tässä on sinulle tärkeintä?');
    expect(html).not.toContain('name="intent"');
    // only the meeting: no site navigation, language switcher, demo banner or footer
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('site-header');
    expect(html).not.toContain('name="locale"');
    expect(html).not.toContain('site-footer');
    expect(html).toContain('<main id="main"');
    const ended = await post(`/meetings/${meetingId}/live`, 'facilitator', [['intent', 'end'], ['version', '5']]);
    expect(ended.status).toBe(302);
    const screen = await (await get(`/meetings/${meetingId}/live/screen`, 'facilitatorTablet')).text();
    expect(screen).toContain('Kiitos tästä tapaamisesta!');
    expect(screen).toContain('<h1>Tapaaminen on päättynyt: Jaksaminen</h1>');
    expect(screen).not.toContain('live-clock');
    const live = await (await get(`/meetings/${meetingId}/live`, 'facilitator')).text();
    expect(live).toContain('<h1>Tapaaminen on päättynyt: Jaksaminen</h1>');
    // the timer stops at the end: no clock is shown any more
    expect(live).not.toContain('live-clock');
  });
});
