// Advice against the real database: the race for one slot (concurrent transactions), booking,
// rescheduling and cancelling with their calendar entries (UID, SEQUENCE, METHOD:CANCEL), the
// public hold and its confirmation, holidays blocking, the day-before reminder exactly once,
// notes and steps (private, never in the group's round) and the counts for the funder.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { adviceNotePolicy, can } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { listGroupSteps, listMySteps } from '../steps/steps.queries.ts';
import { shareStepWithGroup } from '../steps/share-step.ts';
import { adviceSessions } from './advice.schema.ts';
import { HoldExpiredError, SlotTakenError } from './advice.errors.ts';
import { listNotes, listSessionSteps } from './advice.queries.ts';
import { addAvailability } from './availability.ts';
import { bookSession, confirmPublicSession, holdPublicSession, type BookingDeps } from './book-session.ts';
import { cancelSession, rescheduleSession } from './change-session.ts';
import { adviceCounts, releasedAdviceFigures } from './counting.ts';
import { addAdviceNote, addAdviceStep, recordAdviceAttendance, shareAdviceSummary } from './record-session.ts';
import { pruneAdviceHolds, sendAdviceReminders } from './reminders.ts';
import { createCalendarFeed, readCalendarFeed } from '../meetings/calendar-feed.ts';
import { adviceFeedEvents } from './feed.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: BookingDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

type Mail = { to: string; locale: string; template: string; values: Record<string, string>; calendar?: { method: string; content: string } };
async function mailsTo(to: string, template?: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on, id`, [to]);
  return rows.map((r) => r.data as Mail).filter((m) => !template || m.template === template);
}

// Tue 1 Dec 2026 10:00 Helsinki; the slots are on Tuesdays 9.00–12.00 (60 min + 15 min buffer).
const NOW = new Date('2026-12-01T08:00:00Z');
const TUE_9 = new Date('2026-12-08T07:00:00Z');
const TUE_1015 = new Date('2026-12-08T08:15:00Z');

async function setup() {
  const org = await createTestOrganization(database.db);
  const advisor = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
  await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, advisor.id));
  const otherAdvisor = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
  const coordinator = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
  const aino = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
  const stina = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
  await database.db.update(users).set({ locale: 'sv' }).where(eq(users.id, stina.id));
  const advisorActor = await actorFor(database.db, advisor.id, org.id);
  await addAvailability(advisorActor, deps, {
    organizationId: org.id,
    advisorUserId: advisor.id,
    kind: 'weekly',
    weekday: 2,
    startTime: '09:00',
    endTime: '12:00',
    validFrom: null,
    validUntil: null,
    mode: 'remote',
    onlineUrl: 'https://meet.example.fi/neuvonta',
    place: null,
    topics: ['crisisSupport', 'financing'],
  });
  return {
    org,
    advisor,
    otherAdvisor,
    coordinator,
    aino,
    stina,
    actors: {
      advisor: advisorActor,
      otherAdvisor: await actorFor(database.db, otherAdvisor.id, org.id),
      coordinator: await actorFor(database.db, coordinator.id, org.id),
      aino: await actorFor(database.db, aino.id, org.id),
      stina: await actorFor(database.db, stina.id, org.id),
    },
  };
}

describe('the race for one slot', () => {
  it('lets exactly one of two concurrent bookings have it', async () => {
    const s = await setup();
    const booking = { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'crisisSupport' };
    const results = await Promise.allSettled([
      bookSession(s.actors.aino, deps, booking, { now: NOW }),
      bookSession(s.actors.stina, deps, booking, { now: NOW }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(SlotTakenError);
    const rows = await database.db.select().from(adviceSessions).where(eq(adviceSessions.organizationId, s.org.id));
    expect(rows).toHaveLength(1);
  });

  it('lets exactly one of five racing (signed in and public) have it', async () => {
    const s = await setup();
    const booking = { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_1015, topic: 'financing' };
    const guest = (n: number) =>
      holdPublicSession(
        deps,
        { ...booking, name: `Vieras ${n}`, email: `vieras${n}@example.fi`, companyName: null, businessId: null, municipality: '609', locale: 'fi' },
        { now: NOW },
      );
    const results = await Promise.allSettled([
      bookSession(s.actors.aino, deps, booking, { now: NOW }),
      guest(1),
      guest(2),
      bookSession(s.actors.stina, deps, booking, { now: NOW }),
      guest(3),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof SlotTakenError)).toBe(true);
  });

  it('refuses the same start twice even when the lock is bypassed (the unique index)', async () => {
    const s = await setup();
    const values = {
      organizationId: s.org.id,
      advisorUserId: s.advisor.id,
      userId: s.aino.id,
      topic: 'financing',
      startsAt: TUE_9,
      endsAt: TUE_1015,
      mode: 'remote' as const,
      onlineUrl: 'https://x.fi',
      status: 'booked' as const,
    };
    await database.db.insert(adviceSessions).values(values);
    await expect(database.db.insert(adviceSessions).values({ ...values, userId: s.stina.id })).rejects.toThrow();
    await database.db.insert(adviceSessions).values({ ...values, userId: s.stina.id, status: 'cancelled' });
  });
});

describe('booking, moving and cancelling', () => {
  it('mails the calendar entry with the link, raises SEQUENCE on a move and cancels with METHOD:CANCEL', async () => {
    const s = await setup();
    const session = await bookSession(
      s.actors.stina,
      deps,
      { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'crisisSupport' },
      { now: NOW },
    );
    const [booked] = await mailsTo(s.stina.email, 'adviceBooked');
    expect(booked).toMatchObject({
      locale: 'sv',
      values: { topic: 'Krisstöd och hur man söker dem', where: 'Distansanslutning: https://meet.example.fi/neuvonta' },
    });
    expect(booked!.calendar!.method).toBe('REQUEST');
    expect(booked!.calendar!.content).toContain(`UID:${session.id}@tyopeili`);
    expect(booked!.calendar!.content).toContain('SEQUENCE:0');
    expect(booked!.calendar!.content).toContain('DTSTART;TZID=Europe/Helsinki:20261208T090000');
    expect(booked!.calendar!.content).toContain('https://meet.example.fi/neuvonta');
    const [toAdvisor] = await mailsTo(s.advisor.email, 'adviceAdvisorUpdate');
    expect(toAdvisor).toMatchObject({ locale: 'en' });
    expect(toAdvisor!.calendar!.content).toContain(`UID:${session.id}@tyopeili`);

    const moved = await rescheduleSession(
      deps,
      { actor: s.actors.stina, organizationId: s.org.id, sessionId: session.id },
      { startsAt: TUE_1015 },
      { now: NOW },
    );
    expect(moved.sequence).toBe(1);
    const [rescheduled] = await mailsTo(s.stina.email, 'adviceRescheduled');
    expect(rescheduled!.calendar!.content).toContain('SEQUENCE:1');
    expect(rescheduled!.calendar!.content).toContain('DTSTART;TZID=Europe/Helsinki:20261208T101500');
    expect(rescheduled!.calendar!.content).toContain(`UID:${session.id}@tyopeili`);
    // The old slot is free again for someone else.
    await bookSession(s.actors.aino, deps, { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'financing' }, { now: NOW });

    const cancelled = await cancelSession(deps, { actor: s.actors.stina, organizationId: s.org.id, sessionId: session.id }, { now: NOW });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2, cancelledByUserId: s.stina.id });
    const [cancelMail] = await mailsTo(s.stina.email, 'adviceCancelled');
    expect(cancelMail!.calendar!.method).toBe('CANCEL');
    expect(cancelMail!.calendar!.content).toContain('METHOD:CANCEL');
    expect(cancelMail!.calendar!.content).toContain('STATUS:CANCELLED');
    expect(cancelMail!.calendar!.content).toContain('SEQUENCE:2');
  });

  it('lets the person change only up to the notice, the advisor at any time; others not at all', async () => {
    const s = await setup();
    const session = await bookSession(
      s.actors.aino,
      deps,
      { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'financing' },
      { now: NOW },
    );
    const late = new Date(TUE_9.getTime() - 2 * 3600_000);
    const by = (actor: typeof s.actors.aino) => ({ actor, organizationId: s.org.id, sessionId: session.id });
    await expect(cancelSession(deps, by(s.actors.aino), { now: late })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelSession(deps, by(s.actors.stina), { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelSession(deps, by(s.actors.otherAdvisor), { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    const cancelled = await cancelSession(deps, by(s.actors.advisor), { now: late });
    expect(cancelled.status).toBe('cancelled');
  });

  it('offers no slot on a holiday or inside the minimum notice', async () => {
    const s = await setup();
    const book = (startsAt: Date, now = NOW) =>
      bookSession(s.actors.aino, deps, { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt, topic: 'financing' }, { now });
    // Within the 24-hour notice:
    await expect(book(new Date('2026-12-01T07:00:00Z'), new Date('2026-11-30T12:00:00Z'))).rejects.toBeInstanceOf(SlotTakenError);
    // Tue 26 Dec 2028 is St Stephen's Day.
    await expect(book(new Date('2028-12-26T07:00:00Z'))).rejects.toBeInstanceOf(SlotTakenError);
    // A time that is not a slot start.
    await expect(book(new Date('2026-12-08T07:30:00Z'))).rejects.toBeInstanceOf(SlotTakenError);
    // A topic the advisor does not advise on.
    await expect(
      bookSession(s.actors.aino, deps, { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'taxes' }, { now: NOW }),
    ).rejects.toBeInstanceOf(SlotTakenError);
  });
});

describe('a public booking', () => {
  it('holds the slot for 30 minutes until the e-mailed link confirms it', async () => {
    const s = await setup();
    const input = {
      organizationId: s.org.id,
      advisorUserId: s.advisor.id,
      startsAt: TUE_9,
      topic: 'financing',
      name: 'Maija Vieras',
      email: 'maija@example.fi',
      companyName: 'Maijan Kukka',
      businessId: null,
      municipality: '609',
      locale: 'en' as const,
    };
    const { token } = await holdPublicSession(deps, input, { now: NOW });
    const [confirmMail] = await mailsTo('maija@example.fi', 'adviceConfirm');
    expect(confirmMail!.values.url).toBe(`https://tyopeili.example/advice/booking/${token}`);
    expect(confirmMail!.calendar).toBeUndefined();
    // Held: nobody else gets it meanwhile.
    await expect(bookSession(s.actors.aino, deps, { ...input }, { now: new Date(NOW.getTime() + 10 * 60_000) })).rejects.toBeInstanceOf(SlotTakenError);
    const session = await confirmPublicSession(deps, { token }, { now: new Date(NOW.getTime() + 29 * 60_000) });
    expect(session.status).toBe('booked');
    const [booked] = await mailsTo('maija@example.fi', 'adviceBooked');
    expect(booked).toMatchObject({ locale: 'en', values: { url: `https://tyopeili.example/advice/booking/${token}` } });
    expect(booked!.calendar!.content).toContain('SEQUENCE:0');
    // The guest cancels through the link.
    const cancelled = await cancelSession(deps, { token }, { now: new Date(NOW.getTime() + 3600_000) });
    expect(cancelled.status).toBe('cancelled');
  });

  it('gives the slot back when the half hour is over, and the link no longer works', async () => {
    const s = await setup();
    const input = {
      organizationId: s.org.id,
      advisorUserId: s.advisor.id,
      startsAt: TUE_9,
      topic: 'financing',
      name: 'Pekka Vieras',
      email: 'pekka@example.fi',
      companyName: null,
      businessId: null,
      municipality: '609',
      locale: 'fi' as const,
    };
    const { token } = await holdPublicSession(deps, input, { now: NOW });
    const later = new Date(NOW.getTime() + 31 * 60_000);
    await expect(confirmPublicSession(deps, { token }, { now: later })).rejects.toBeInstanceOf(HoldExpiredError);
    const taken = await bookSession(s.actors.aino, deps, input, { now: later });
    expect(taken.status).toBe('booked');
    await expect(confirmPublicSession(deps, { token: 'x'.repeat(43) }, { now: later })).rejects.toBeInstanceOf(HoldExpiredError);
    await pruneAdviceHolds(database.db, later);
    const left = await database.db.select().from(adviceSessions).where(eq(adviceSessions.guestEmail, 'pekka@example.fi'));
    expect(left).toHaveLength(0);
  });
});

describe('the day-before reminder', () => {
  it('goes once, in the person’s language, even with two sweeps at the same time; again after a move', async () => {
    const s = await setup();
    const session = await bookSession(
      s.actors.stina,
      deps,
      { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'financing' },
      { now: NOW },
    );
    // Sunday: not yet. Monday 7 Dec: due (the session is on Tuesday).
    // (Other tests' sessions share the database: count this person's mails.)
    await sendAdviceReminders(deps, new Date('2026-12-06T10:00:00Z'));
    expect(await mailsTo(s.stina.email, 'adviceReminder')).toHaveLength(0);
    const monday = new Date('2026-12-07T10:00:00Z');
    await Promise.all([sendAdviceReminders(deps, monday), sendAdviceReminders(deps, monday)]);
    await sendAdviceReminders(deps, monday);
    const reminders = await mailsTo(s.stina.email, 'adviceReminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ locale: 'sv', values: { url: `https://tyopeili.example/advice/sessions/${session.id}` } });
    // Moved to the next Tuesday: reminded again the day before that.
    await rescheduleSession(
      deps,
      { actor: s.actors.advisor, organizationId: s.org.id, sessionId: session.id },
      { startsAt: new Date('2026-12-15T07:00:00Z') },
      { now: monday },
    );
    await sendAdviceReminders(deps, new Date('2026-12-14T10:00:00Z'));
    expect(await mailsTo(s.stina.email, 'adviceReminder')).toHaveLength(2);
  });
});

describe('the session: notes, summary, no-show and steps', () => {
  it('keeps notes to the author and coordinators, and makes next steps the person’s private steps', async () => {
    const s = await setup();
    const group = await createTestGroup(database.db, { organizationId: s.org.id, name: 'Ryhmä', facilitatorIds: [s.otherAdvisor.id], memberIds: [s.aino.id] });
    const session = await bookSession(
      s.actors.aino,
      deps,
      { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'financing' },
      { now: NOW },
    );
    const after = new Date(TUE_9.getTime() + 90 * 60_000);
    const ids = { organizationId: s.org.id, sessionId: session.id };
    await addAdviceNote(s.actors.advisor, deps, { ...ids, text: 'Hakee kehittämisavustusta.' }, { now: after });
    await expect(addAdviceNote(s.actors.otherAdvisor, deps, { ...ids, text: 'x' }, { now: after })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAdviceNote(s.actors.aino, deps, { ...ids, text: 'x' }, { now: after })).rejects.toBeInstanceOf(ForbiddenError);
    const [note] = await listNotes(database.db, ids);
    expect(can(adviceNotePolicy, s.actors.advisor, note!).read).toBe(true);
    expect(can(adviceNotePolicy, s.actors.coordinator, note!).read).toBe(true);
    expect(can(adviceNotePolicy, s.actors.otherAdvisor, note!).read).toBe(false);
    expect(can(adviceNotePolicy, s.actors.aino, note!).read).toBe(false);

    // Before the start nothing can be recorded.
    await expect(shareAdviceSummary(s.actors.advisor, deps, { ...ids, summary: 'x' }, { now: NOW })).rejects.toBeInstanceOf(ForbiddenError);
    await shareAdviceSummary(s.actors.advisor, deps, { ...ids, summary: 'Kävimme läpi rahoitusvaihtoehdot.' }, { now: after });
    await recordAdviceAttendance(s.actors.advisor, deps, { ...ids, attendance: 'attended' }, { now: after });
    await addAdviceStep(s.actors.advisor, deps, { ...ids, text: 'Täytä hakemuksen luonnos', dueOn: '2026-12-20' }, { now: after });

    const [step] = await listSessionSteps(database.db, ids);
    expect(step).toMatchObject({ text: 'Täytä hakemuksen luonnos', groupId: null, status: 'open' });
    // The person's own steps list it; the group's live round (its steps) does not.
    const mine = await listMySteps(database.db, { organizationId: s.org.id, userId: s.aino.id });
    expect(mine.map((m) => m.adviceSessionId)).toContain(session.id);
    expect((await listGroupSteps(database.db, { organizationId: s.org.id, groupId: group.id })).map((g) => g.id)).not.toContain(step!.id);
    // Only the person can choose to share it with their group; then the group's round follows it up.
    await expect(shareStepWithGroup(s.actors.otherAdvisor, deps, { organizationId: s.org.id, stepId: step!.id, groupId: group.id })).rejects.toThrow();
    await shareStepWithGroup(s.actors.aino, deps, { organizationId: s.org.id, stepId: step!.id, groupId: group.id });
    expect((await listGroupSteps(database.db, { organizationId: s.org.id, groupId: group.id })).map((g) => g.id)).toContain(step!.id);
  });
});

describe('counting for the funder', () => {
  it('counts sessions, hours and companies (a company once), leaving out no-shows; withholds figures about few people', async () => {
    const s = await setup();
    const org = s.org.id;
    const base = {
      organizationId: org,
      advisorUserId: s.advisor.id,
      topic: 'financing',
      mode: 'remote' as const,
      onlineUrl: 'https://x.fi',
      status: 'booked' as const,
    };
    const at = (day: number, minutes = 60) => ({
      startsAt: new Date(Date.UTC(2026, 9, day, 7)),
      endsAt: new Date(Date.UTC(2026, 9, day, 7) + minutes * 60_000),
    });
    // Aino twice (no company known: counted by her account), one guest company twice by Y-tunnus, one no-show.
    await database.db.insert(adviceSessions).values([
      { ...base, ...at(1), userId: s.aino.id },
      { ...base, ...at(2, 90), userId: s.aino.id },
      { ...base, ...at(3), guestName: 'A', guestEmail: 'a@example.fi', guestBusinessId: '0112038-9' },
      { ...base, ...at(4), guestName: 'B', guestEmail: 'b@example.fi', guestBusinessId: '0112038-9' },
      { ...base, ...at(5), userId: s.stina.id, attendance: 'no_show' },
      { ...base, ...at(6), userId: s.stina.id, status: 'cancelled' },
    ]);
    const scope = { organizationId: org, from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };
    const counts = await adviceCounts(database.db, scope, NOW);
    expect(counts).toMatchObject({ sessions: 4, hours: 4.5, noShows: 1, companies: 2 });
    expect(counts.memberIds).toHaveLength(3);
    // Three people: below the disclosure threshold, so nothing is published.
    expect(await releasedAdviceFigures(database.db, scope, NOW)).toMatchObject({ sessions: null, hours: null, companies: null });

    for (let i = 0; i < 4; i++) {
      await database.db
        .insert(adviceSessions)
        .values({ ...base, ...at(10 + i), guestName: `G${i}`, guestEmail: `g${i}@example.fi`, guestCompanyName: `Yritys ${i}` });
    }
    const released = await releasedAdviceFigures(database.db, scope, NOW);
    expect(released).toMatchObject({ sessions: 8, hours: 8.5, companies: 6 });
    const again = await database.db
      .select()
      .from(adviceSessions)
      .where(and(eq(adviceSessions.organizationId, org), eq(adviceSessions.status, 'booked')));
    expect(again.length).toBe(9);
  });
});

describe('calendar feeds', () => {
  it('puts the session in the person’s and the advisor’s private feed, a cancelled one as cancelled', async () => {
    const s = await setup();
    const session = await bookSession(
      s.actors.aino,
      deps,
      { organizationId: s.org.id, advisorUserId: s.advisor.id, startsAt: TUE_9, topic: 'financing' },
      { now: NOW },
    );
    const extraEvents = adviceFeedEvents(database.db, 'https://tyopeili.example');
    const { token: personToken } = await createCalendarFeed(s.actors.aino, deps, { userId: s.aino.id });
    const { token: advisorToken } = await createCalendarFeed(s.actors.advisor, deps, { userId: s.advisor.id });
    const { token: otherToken } = await createCalendarFeed(s.actors.stina, deps, { userId: s.stina.id });
    const read = (token: string) => readCalendarFeed(deps, { token, appUrl: 'https://tyopeili.example' }, { now: NOW, extraEvents });
    expect(await read(personToken)).toContain(`UID:${session.id}@tyopeili`);
    const advisorFeed = await read(advisorToken);
    expect(advisorFeed).toContain(`UID:${session.id}@tyopeili`);
    expect(advisorFeed).toContain('SUMMARY:Advice: Financing');
    expect(await read(otherToken)).not.toContain(session.id);
    await cancelSession(deps, { actor: s.actors.aino, organizationId: s.org.id, sessionId: session.id }, { now: NOW });
    expect(await read(personToken)).toContain('STATUS:CANCELLED');
  });
});
