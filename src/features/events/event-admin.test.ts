// The coordinator's side of events against the real database: the check-in tick (with its time,
// undone, only for a seat, only the organisation's own staff), the counts per event and per tour,
// the day-before reminder exactly once (two sweeps at the same time; again after a move; with the
// online link), the feedback request once to attendees only, one answer per registration (also
// when two race), the figures withheld under five answers, and the paper check-in list.
import { and, eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { listCheckIn, listOrganizationEvents } from './admin.queries.ts';
import { EventChangeError } from './events.errors.ts';
import { eventFeedback, eventRegistrations } from './events.schema.ts';
import { checkInPdf } from './export-registrations.ts';
import { FeedbackLinkError, findFeedbackInvitation, giveEventFeedback, releasedEventFeedback } from './feedback.ts';
import { sendEventReminders, sendFeedbackRequests } from './follow-ups.ts';
import { changeEvent, createEvent, createTour, publishEvent, type EventDeps, type EventInput } from './manage-events.ts';
import { markAttended, registerForEvent, type RegistrationInput } from './register.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: EventDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example', mailFrom: 'Työpeili <noreply@tyopeili.example>' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

type Mail = { to: string; locale: string; template: string; values: Record<string, string | number> };
async function mailsTo(to: string, template?: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on, id`, [to]);
  return rows.map((r) => r.data as Mail).filter((m) => !template || m.template === template);
}

const NOW = new Date('2026-12-01T08:00:00Z');
// Thu 14 Jan 2027 17.00–19.00 Helsinki
const START = new Date('2027-01-14T15:00:00Z');
const END = new Date('2027-01-14T17:00:00Z');

function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    tourId: null,
    title: 'Itsensä johtaminen',
    description: 'Yrittäjän jaksaminen.',
    startsAt: START,
    endsAt: END,
    venue: null,
    onlineUrl: 'https://meet.example.fi/johtaminen',
    capacity: 20,
    registrationDeadline: new Date('2027-01-12T22:00:00Z'),
    speakers: 'Maija Meikäläinen',
    ...overrides,
  };
}

let n = 0;
function person(overrides: Partial<RegistrationInput> = {}): Omit<RegistrationInput, 'organizationId' | 'eventId'> {
  n += 1;
  return {
    name: `Henkilö ${n} Testinen`,
    email: `admin-henkilo${n}@example.fi`,
    organisation: `Yritys ${n} Oy`,
    dietaryNeeds: null,
    accessibilityNeeds: null,
    consent: true,
    locale: 'fi',
    ...overrides,
  };
}

async function setup(capacity = 20) {
  const org = await createTestOrganization(database.db);
  const coordinator = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
  const facilitator = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
  const entrepreneur = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
  const other = await createTestOrganization(database.db);
  const otherCoordinator = await createTestMember(database.db, { organizationId: other.id, role: 'coordinator' });
  const actors = {
    coordinator: await actorFor(database.db, coordinator.id, org.id),
    facilitator: await actorFor(database.db, facilitator.id, org.id),
    entrepreneur: await actorFor(database.db, entrepreneur.id, org.id),
    otherCoordinator: await actorFor(database.db, otherCoordinator.id, other.id),
  };
  const tour = await createTour(actors.coordinator, deps, { organizationId: org.id, name: 'Timanttikiertue 2027', description: '' });
  const draft = await createEvent(actors.coordinator, deps, { organizationId: org.id, ...eventInput({ capacity, tourId: tour.id }) }, { now: NOW });
  const event = await publishEvent(actors.coordinator, deps, { organizationId: org.id, eventId: draft.id }, { now: NOW });
  const ids = { organizationId: org.id, eventId: event.id };
  return { org, other, actors, event, ids, tour };
}

async function registration(id: string, organizationId: string) {
  const [row] = await database.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.organizationId, organizationId), eq(eventRegistrations.id, id)));
  return row!;
}

describe('the check-in tick', () => {
  it('keeps when the person was ticked, undoes it, and counts attendance per event and per tour', async () => {
    const { ids, actors, tour } = await setup(2);
    const a = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const b = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const waiting = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    expect(waiting.registration.status).toBe('waitlisted');
    const at = new Date('2027-01-14T14:50:00Z');
    await markAttended(actors.facilitator, deps, { ...ids, registrationId: a.registration.id, attended: true }, { now: at });
    // Ticking again keeps the first time.
    await markAttended(actors.coordinator, deps, { ...ids, registrationId: a.registration.id, attended: true }, { now: new Date(at.getTime() + 60_000) });
    expect((await registration(a.registration.id, ids.organizationId)).attendedAt).toEqual(at);
    await markAttended(actors.coordinator, deps, { ...ids, registrationId: b.registration.id, attended: true }, { now: at });
    await markAttended(actors.coordinator, deps, { ...ids, registrationId: b.registration.id, attended: false }, { now: at });
    const undone = await registration(b.registration.id, ids.organizationId);
    expect(undone).toMatchObject({ attended: false, attendedAt: null });
    // Only a seat is ticked; only the organisation's own staff tick.
    await expect(markAttended(actors.coordinator, deps, { ...ids, registrationId: waiting.registration.id, attended: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markAttended(actors.entrepreneur, deps, { ...ids, registrationId: a.registration.id, attended: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markAttended(actors.otherCoordinator, deps, { ...ids, registrationId: a.registration.id, attended: true })).rejects.toBeInstanceOf(NotFoundError);
    // The database keeps the flag and the time together.
    await expect(
      database.pool.query(`UPDATE event_registrations SET attended = true, attended_at = NULL WHERE id = $1`, [b.registration.id]),
    ).rejects.toThrow(/event_registrations_attended_check/);

    const { events, tours } = await listOrganizationEvents(database.db, { organizationId: ids.organizationId });
    expect(events).toHaveLength(1);
    expect(events[0]!.counts).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 0, attended: 1 });
    expect(tours).toEqual([expect.objectContaining({ tour: expect.objectContaining({ id: tour.id }), events: 1, counts: { confirmed: 2, waitlisted: 1, cancelled: 0, attended: 1 } })]);
    // The search narrows by a part of the name; % and _ are plain letters.
    expect((await listCheckIn(database.db, { ...ids, search: a.registration.name.slice(0, 12).toLowerCase() })).map((r) => r.id)).toContain(a.registration.id);
    expect(await listCheckIn(database.db, { ...ids, search: '%' })).toHaveLength(0);
  });

  it('refuses a tour of another organisation as a field error', async () => {
    const { ids, actors, other } = await setup();
    const foreign = await createTour(actors.otherCoordinator, deps, { organizationId: other.id, name: 'Muu kiertue', description: '' });
    await expect(
      createEvent(actors.coordinator, deps, { organizationId: ids.organizationId, ...eventInput({ tourId: foreign.id }) }),
    ).rejects.toBeInstanceOf(EventChangeError);
  });

  it('prints the check-in list as a tagged PDF with names, organisations and boxes, logged as a staff read', async () => {
    const { ids, actors } = await setup();
    await registerForEvent(null, deps, { ...ids, ...person({ name: 'Åsa Öhman', organisation: 'Kahvila Äijä' }) }, { now: NOW });
    const pdf = await checkInPdf(actors.facilitator, deps, {
      ...ids,
      locale: 'fi',
      title: (e) => `Osallistujalista – ${e.title}`,
      lead: (count) => `${count} ilmoittautunutta.`,
    });
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { text } = await parser.getText();
      expect(text).toContain('Osallistujalista – Itsensä johtaminen');
      expect(text).toContain('Åsa Öhman – Kahvila Äijä');
      expect(text).toContain('1 ilmoittautunutta.');
    } finally {
      await parser.destroy();
    }
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read.events.check_in' AND target_id = $1`, [ids.eventId]);
    expect(rows[0].n).toBe(1);
    await expect(checkInPdf(actors.otherCoordinator, deps, { ...ids, locale: 'fi', title: () => '', lead: () => '' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the day-before reminder', () => {
  it('goes once to each seat, in their language, with the online link, even with two sweeps at once; again after a move', async () => {
    const { ids, actors, event } = await setup(1);
    const seat = person({ locale: 'sv' });
    const wait = person();
    await registerForEvent(null, deps, { ...ids, ...seat }, { now: NOW });
    await registerForEvent(null, deps, { ...ids, ...wait }, { now: NOW });
    // Tuesday 12 Jan: not yet. Wednesday 13 Jan (Helsinki): due.
    await sendEventReminders(deps, new Date('2027-01-12T10:00:00Z'));
    expect(await mailsTo(seat.email, 'eventReminder')).toHaveLength(0);
    const wednesday = new Date('2027-01-13T10:00:00Z');
    await Promise.all([sendEventReminders(deps, wednesday), sendEventReminders(deps, wednesday)]);
    await sendEventReminders(deps, wednesday);
    const reminders = await mailsTo(seat.email, 'eventReminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ locale: 'sv', values: { title: 'Itsensä johtaminen' } });
    expect(String(reminders[0]!.values.where)).toContain('https://meet.example.fi/johtaminen');
    expect(String(reminders[0]!.values.cancelUrl)).toMatch(/^https:\/\/tyopeili\.example\/events\/cancel\//);
    expect(await mailsTo(wait.email, 'eventReminder')).toHaveLength(0);
    // Moved a week on: reminded again the day before the new date.
    await changeEvent(
      actors.coordinator,
      deps,
      { ...ids, ...eventInput({ tourId: event.tourId, capacity: 1, startsAt: new Date('2027-01-21T15:00:00Z'), endsAt: new Date('2027-01-21T17:00:00Z') }) },
      { now: wednesday },
    );
    await sendEventReminders(deps, new Date('2027-01-20T10:00:00Z'));
    await sendEventReminders(deps, new Date('2027-01-20T11:00:00Z'));
    expect(await mailsTo(seat.email, 'eventReminder')).toHaveLength(2);
  });
});

describe('feedback after the event', () => {
  it('is asked once of attendees only, in their language; one answer per registration, even when two race', async () => {
    const { ids, actors } = await setup();
    const came = person({ locale: 'en' });
    const away = person();
    const r1 = await registerForEvent(null, deps, { ...ids, ...came }, { now: NOW });
    await registerForEvent(null, deps, { ...ids, ...away }, { now: NOW });
    await markAttended(actors.coordinator, deps, { ...ids, registrationId: r1.registration.id, attended: true }, { now: START });
    // Not before the end.
    await sendFeedbackRequests(deps, new Date(END.getTime() - 60_000));
    expect(await mailsTo(came.email, 'eventFeedbackRequest')).toHaveLength(0);
    const after = new Date(END.getTime() + 30 * 60_000);
    await Promise.all([sendFeedbackRequests(deps, after), sendFeedbackRequests(deps, after)]);
    await sendFeedbackRequests(deps, new Date(after.getTime() + 3_600_000));
    const requests = await mailsTo(came.email, 'eventFeedbackRequest');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.locale).toBe('en');
    expect(await mailsTo(away.email, 'eventFeedbackRequest')).toHaveLength(0);
    const token = new URL(String(requests[0]!.values.feedbackUrl)).pathname.split('/').pop()!;
    expect((await findFeedbackInvitation(database.db, token, after)).state).toBe('open');
    const answers = await Promise.allSettled([
      giveEventFeedback(deps, token, { overall: 4, usefulness: 5, comment: 'Hyvä ilta' }, { now: after }),
      giveEventFeedback(deps, token, { overall: 1, usefulness: 1, comment: null }, { now: after }),
    ]);
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = answers.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(FeedbackLinkError);
    await expect(giveEventFeedback(deps, token, { overall: 3, usefulness: 3, comment: null }, { now: after })).rejects.toMatchObject({
      messageKey: 'events.feedback.alreadyGiven',
    });
    const rows = await database.db.select().from(eventFeedback).where(eq(eventFeedback.eventId, ids.eventId));
    expect(rows).toHaveLength(1);
    // The answer carries no person.
    expect(Object.keys(rows[0]!).sort()).toEqual(['comment', 'eventId', 'id', 'organizationId', 'overall', 'usefulness']);
    expect((await findFeedbackInvitation(database.db, 'x'.repeat(43), after)).state).toBe('invalid');
  });

  it('shows the coordinator counts and means only from five answers on, through the disclosure layer', async () => {
    const { ids, actors } = await setup();
    const after = new Date(END.getTime() + 3_600_000);
    const tokens: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const p = person();
      const r = await registerForEvent(null, deps, { ...ids, ...p }, { now: NOW });
      await markAttended(actors.coordinator, deps, { ...ids, registrationId: r.registration.id, attended: true }, { now: START });
    }
    await sendFeedbackRequests(deps, after);
    const { rows } = await database.pool.query(
      `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'eventFeedbackRequest' AND data->'values'->>'title' = 'Itsensä johtaminen' ORDER BY created_on DESC LIMIT 6`,
    );
    for (const r of rows) tokens.push(new URL(String(r.data.values.feedbackUrl)).pathname.split('/').pop()!);
    const ratings = [
      [5, 4],
      [3, 2],
      [4, 5],
      [2, 3],
    ] as const;
    for (const [i, [overall, usefulness]] of ratings.entries()) await giveEventFeedback(deps, tokens[i]!, { overall, usefulness, comment: i === 0 ? 'Kiitos' : null }, { now: after });
    const four = await releasedEventFeedback(actors.coordinator, database.db, ids);
    expect(four).toMatchObject({ n: null, overall: null, usefulness: null, comments: [], withheld: true });
    await giveEventFeedback(deps, tokens[4]!, { overall: 1, usefulness: 5, comment: null }, { now: after });
    const five = await releasedEventFeedback(actors.coordinator, database.db, ids);
    expect(five).toMatchObject({ n: 5, overall: 3, usefulness: 3.8, comments: ['Kiitos'], withheld: false });
    await expect(releasedEventFeedback(actors.facilitator, database.db, ids)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(releasedEventFeedback(actors.otherCoordinator, database.db, ids)).rejects.toBeInstanceOf(NotFoundError);
    // The form closes 30 days after the event.
    expect((await findFeedbackInvitation(database.db, tokens[5]!, new Date(END.getTime() + 31 * 86_400_000))).state).toBe('closed');
    // A sixth answer after five were shown: means of 5 and of 6 answers would give the sixth answer away
    // (6 × mean₆ − 5 × mean₅), so the layer withholds until the set differs from the shown one by k.
    await giveEventFeedback(deps, tokens[5]!, { overall: 5, usefulness: 1, comment: 'Uusi' }, { now: after });
    const six = await releasedEventFeedback(actors.coordinator, database.db, ids);
    expect(six.withheld).toBe(true);
    expect(six.comments).toEqual([]);
  });
});
