// Events against the real database: the race for the last seat (concurrent transactions), the
// waiting list promoted at once by a cancel link, mails with the calendar entry (UID, SEQUENCE,
// METHOD:CANCEL), the online link only with a seat, the deadline, one registration per address,
// the coordinator-only management and the clean-up of dietary and accessibility needs.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { eventRegistrations } from './events.schema.ts';
import { AlreadyRegisteredError, CancelLinkError, EventChangeError, RegistrationClosedError } from './events.errors.ts';
import { cancelEvent, changeEvent, createEvent, createTour, publishEvent, type EventDeps, type EventInput } from './manage-events.ts';
import { cancelRegistrationByToken, markAttended, pruneEventNeeds, registerForEvent, type RegistrationInput } from './register.ts';

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

type Mail = { to: string; locale: string; template: string; values: Record<string, string | number>; calendar?: { method: string; content: string } };
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
    title: 'Somemarkkinointi pienyrittäjälle',
    description: 'Miten some tuo asiakkaita.',
    startsAt: START,
    endsAt: END,
    venue: 'Kirjasto Oodi, Helsinki',
    onlineUrl: 'https://meet.example.fi/some',
    capacity: 2,
    registrationDeadline: new Date('2027-01-12T22:00:00Z'),
    speakers: 'Maija Meikäläinen',
    ...overrides,
  };
}

let n = 0;
function person(overrides: Partial<RegistrationInput> = {}): Omit<RegistrationInput, 'organizationId' | 'eventId'> {
  n += 1;
  return {
    name: `Henkilö ${n}`,
    email: `henkilo${n}@example.fi`,
    organisation: 'Oy Testi Ab',
    dietaryNeeds: 'gluteeniton',
    accessibilityNeeds: 'pyörätuoli',
    consent: true,
    locale: 'fi',
    ...overrides,
  };
}

async function setup(capacity = 2) {
  const org = await createTestOrganization(database.db);
  const coordinator = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
  const facilitator = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
  const coordinatorActor = await actorFor(database.db, coordinator.id, org.id);
  const facilitatorActor = await actorFor(database.db, facilitator.id, org.id);
  const tour = await createTour(coordinatorActor, deps, { organizationId: org.id, name: 'Timanttikiertue 2027', description: '' });
  const draft = await createEvent(coordinatorActor, deps, { organizationId: org.id, ...eventInput({ capacity, tourId: tour.id }) }, { now: NOW });
  const event = await publishEvent(coordinatorActor, deps, { organizationId: org.id, eventId: draft.id }, { now: NOW });
  const ids = { organizationId: org.id, eventId: event.id };
  return { org, coordinatorActor, facilitatorActor, event, ids, tour };
}

describe('the race for the last seat', () => {
  it('gives it to exactly one of two concurrent registrations and waitlists the other', async () => {
    const { ids } = await setup(1);
    const a = person();
    const b = person();
    const results = await Promise.all([
      registerForEvent(null, deps, { ...ids, ...a }, { now: NOW }),
      registerForEvent(null, deps, { ...ids, ...b }, { now: NOW }),
    ]);
    const statuses = results.map((r) => r.registration.status).sort();
    expect(statuses).toEqual(['confirmed', 'waitlisted']);
    const waitlisted = results.find((r) => r.registration.status === 'waitlisted')!;
    expect(waitlisted.waitlistPlace).toBe(1);
    const rows = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, ids.eventId));
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
  });

  it('keeps the capacity under ten concurrent registrations for three seats', async () => {
    const { ids } = await setup(3);
    const results = await Promise.all(Array.from({ length: 10 }, () => registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW })));
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(3);
    const places = results
      .filter((r) => r.waitlistPlace !== null)
      .map((r) => r.waitlistPlace)
      .sort((x, y) => x! - y!);
    expect(places).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('registering', () => {
  it('mails a seat with the code, the cancel link and the calendar entry with the online link; a waiting place without either', async () => {
    const { ids, event } = await setup(1);
    const seat = person();
    const wait = person({ locale: 'en' });
    const first = await registerForEvent(null, deps, { ...ids, ...seat }, { now: NOW });
    await registerForEvent(null, deps, { ...ids, ...wait }, { now: NOW });
    const [confirmation] = await mailsTo(seat.email, 'eventRegistered');
    expect(confirmation?.values.code).toBe(first.registration.code);
    expect(first.registration.code).toMatch(/^TP-[A-Z2-9]{6}$/);
    expect(confirmation?.values.cancelUrl).toBe(`https://tyopeili.example/events/cancel/${first.cancelToken}`);
    expect(confirmation?.values.where).toContain('https://meet.example.fi/some');
    expect(confirmation?.calendar?.method).toBe('REQUEST');
    expect(confirmation?.calendar?.content).toContain(`UID:${event.id}@tyopeili`);
    expect(confirmation?.calendar?.content).toContain('SEQUENCE:0');
    expect(confirmation?.calendar?.content).toContain('https://meet.example.fi/some');
    const [waiting] = await mailsTo(wait.email, 'eventWaitlisted');
    expect(waiting?.locale).toBe('en');
    expect(waiting?.values.place).toBe(1);
    expect(waiting?.calendar).toBeUndefined();
    expect(JSON.stringify(waiting)).not.toContain('meet.example.fi');
    // The token is stored only as its hash.
    const [row] = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, first.registration.id));
    expect(row?.cancelTokenHash).not.toBe(first.cancelToken);
    expect(row?.cancelTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links a signed-in registrant’s account', async () => {
    const { ids, org } = await setup();
    const entrepreneur = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
    const actor = await actorFor(database.db, entrepreneur.id, org.id);
    const { registration } = await registerForEvent(actor, deps, { ...ids, ...person({ email: actor.email, name: actor.name }) }, { now: NOW });
    expect(registration.userId).toBe(entrepreneur.id);
  });

  it('refuses a second registration of the same address (any case)', async () => {
    const { ids } = await setup();
    const p = person();
    await registerForEvent(null, deps, { ...ids, ...p }, { now: NOW });
    await expect(registerForEvent(null, deps, { ...ids, ...p, email: p.email.toUpperCase() }, { now: NOW })).rejects.toBeInstanceOf(AlreadyRegisteredError);
  });

  it('refuses after the deadline, on a draft and on a cancelled event', async () => {
    const { ids, coordinatorActor, org } = await setup();
    await expect(registerForEvent(null, deps, { ...ids, ...person() }, { now: new Date('2027-01-13T08:00:00Z') })).rejects.toBeInstanceOf(
      RegistrationClosedError,
    );
    const draft = await createEvent(coordinatorActor, deps, { organizationId: org.id, ...eventInput() }, { now: NOW });
    await expect(registerForEvent(null, deps, { organizationId: org.id, eventId: draft.id, ...person() }, { now: NOW })).rejects.toThrow();
    await cancelEvent(coordinatorActor, deps, ids, { now: NOW });
    await expect(registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW })).rejects.toBeInstanceOf(RegistrationClosedError);
    const count = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.organizationId, org.id));
    expect(count).toHaveLength(0);
  });
});

describe('cancelling by the link', () => {
  it('gives the seat at once to the first on the waiting list, who is mailed the calendar entry and a working link', async () => {
    const { ids } = await setup(1);
    const seat = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const nextP = person();
    const next = await registerForEvent(null, deps, { ...ids, ...nextP }, { now: NOW });
    const third = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const { promoted } = await cancelRegistrationByToken(deps, seat.cancelToken, { now: NOW });
    expect(promoted.map((r) => r.id)).toEqual([next.registration.id]);
    const rows = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, ids.eventId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [seat.registration.id]: 'cancelled',
      [next.registration.id]: 'confirmed',
      [third.registration.id]: 'waitlisted',
    });
    const [cancelMail] = await mailsTo(seat.registration.email, 'eventRegistrationCancelled');
    expect(cancelMail?.calendar?.method).toBe('CANCEL');
    const [promotedMail] = await mailsTo(nextP.email, 'eventPromoted');
    expect(promotedMail?.calendar?.method).toBe('REQUEST');
    expect(promotedMail?.values.where).toContain('https://meet.example.fi/some');
    // The promotion mail's link cancels; the link is used once.
    const token = String(promotedMail?.values.cancelUrl).split('/').pop()!;
    await cancelRegistrationByToken(deps, token, { now: NOW });
    await expect(cancelRegistrationByToken(deps, token, { now: NOW })).rejects.toBeInstanceOf(CancelLinkError);
    const [thirdRow] = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, third.registration.id));
    expect(thirdRow?.status).toBe('confirmed');
  });

  it('refuses an unknown link', async () => {
    await expect(cancelRegistrationByToken(deps, 'x'.repeat(43), { now: NOW })).rejects.toBeInstanceOf(CancelLinkError);
  });
});

describe('changing and cancelling an event', () => {
  it('mails an updated entry with a higher SEQUENCE, and a raised capacity promotes the waiting list', async () => {
    const { ids, coordinatorActor, event } = await setup(1);
    const a = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const b = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const later = new Date(START.getTime() + 3_600_000);
    const changed = await changeEvent(
      coordinatorActor,
      deps,
      { ...ids, ...eventInput({ capacity: 2, startsAt: later, endsAt: new Date(END.getTime() + 3_600_000) }) },
      { now: NOW },
    );
    expect(changed.sequence).toBe(event.sequence + 1);
    const [changeMail] = await mailsTo(a.registration.email, 'eventChanged');
    expect(changeMail?.calendar?.content).toContain('SEQUENCE:1');
    expect(changeMail?.calendar?.content).toContain('DTSTART;TZID=Europe/Helsinki:20270114T180000');
    const [promotedMail] = await mailsTo(b.registration.email, 'eventPromoted');
    expect(promotedMail?.calendar?.content).toContain('SEQUENCE:1');
    await expect(changeEvent(coordinatorActor, deps, { ...ids, ...eventInput({ capacity: 1 }) }, { now: NOW })).rejects.toBeInstanceOf(EventChangeError);
  });

  it('sends METHOD:CANCEL to the seated and a plain mail to the waiting list', async () => {
    const { ids, coordinatorActor } = await setup(1);
    const a = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const b = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const cancelled = await cancelEvent(coordinatorActor, deps, ids, { now: NOW });
    expect(cancelled.status).toBe('cancelled');
    const [toSeat] = await mailsTo(a.registration.email, 'eventCancelled');
    expect(toSeat?.calendar?.method).toBe('CANCEL');
    expect(toSeat?.calendar?.content).toContain('METHOD:CANCEL');
    expect(toSeat?.calendar?.content).toContain('SEQUENCE:1');
    const [toWaiting] = await mailsTo(b.registration.email, 'eventCancelled');
    expect(toWaiting?.calendar).toBeUndefined();
  });

  it('is the coordinator’s alone', async () => {
    const { ids, facilitatorActor, org } = await setup();
    await expect(createEvent(facilitatorActor, deps, { organizationId: org.id, ...eventInput() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelEvent(facilitatorActor, deps, ids)).rejects.toBeInstanceOf(ForbiddenError);
    // Signed out or from another organisation: the organisation's events are not there at all.
    await expect(createEvent(null, deps, { organizationId: org.id, ...eventInput() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('check-in and the clean-up', () => {
  it('lets a facilitator tick someone present and deletes needs once the event has ended', async () => {
    const { ids, facilitatorActor } = await setup();
    const { registration } = await registerForEvent(null, deps, { ...ids, ...person() }, { now: NOW });
    const ticked = await markAttended(facilitatorActor, deps, { ...ids, registrationId: registration.id, attended: true });
    expect(ticked.attended).toBe(true);
    await pruneEventNeeds(database.db, new Date(START.getTime() + 30 * 60_000));
    let [row] = await database.db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.organizationId, ids.organizationId), eq(eventRegistrations.id, registration.id)));
    expect(row?.dietaryNeeds).toBe('gluteeniton');
    await pruneEventNeeds(database.db, new Date(END.getTime() + 1));
    [row] = await database.db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.organizationId, ids.organizationId), eq(eventRegistrations.id, registration.id)));
    expect(row?.dietaryNeeds).toBeNull();
    expect(row?.accessibilityNeeds).toBeNull();
    expect(row?.name).toBe(registration.name);
  });
});
