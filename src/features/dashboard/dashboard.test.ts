// The dashboard against the real database on rows counted by hand: every figure of the period
// 1.1.–30.6.2026 (Helsinki) with "now" on 15 May 2026; another organisation's rows never count; the
// steps and the outcome figures only as the disclosure layer releases them; the policy refuses a
// facilitator.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluationPerson } from '../../../tests/factories/evaluation.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { adviceSessions } from '../advice/advice.schema.ts';
import { eventRegistrations, events } from '../events/events.schema.ts';
import { expertHours, expertInvitations } from '../experts/experts.schema.ts';
import { attendance } from '../meetings/meetings.schema.ts';
import { who5 } from '../outcomes/instruments/index.ts';
import { runEvaluation } from '../outcomes/run-evaluation.ts';
import { steps, type StepStatus } from '../steps/steps.schema.ts';
import { loadDashboard } from './load-dashboard.ts';
import { parsePeriod } from './period.ts';

let database: TestDatabase;
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;
let orgA = '';
let orgB = '';
const ids: Record<string, string> = {};
const now = new Date('2026-05-15T09:00:00Z');
const h1 = parsePeriod(new URLSearchParams('period=custom&from=1.1.2026&to=30.6.2026'), now);

async function addEvent(db: TestDatabase['db'], organizationId: string, title: string, startsAt: string, status: 'draft' | 'published' | 'cancelled') {
  const start = new Date(startsAt);
  const [e] = await db
    .insert(events)
    .values({
      organizationId,
      title,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3_600_000),
      venue: 'Satakunnan ammattikorkeakoulu, Pori',
      capacity: 40,
      registrationDeadline: start,
      status,
    })
    .returning();
  return e!;
}

let position = 0;
async function register(db: TestDatabase['db'], organizationId: string, eventId: string, status: 'confirmed' | 'waitlisted' | 'cancelled', attended = false) {
  position += 1;
  await db.insert(eventRegistrations).values({
    organizationId,
    eventId,
    name: `Osallistuja ${position}`,
    email: `osallistuja${position}@example.fi`,
    consentAt: now,
    code: `TK-${String(position).padStart(6, '0')}`,
    cancelTokenHash: randomUUID(),
    status,
    position,
    attended,
    attendedAt: attended ? now : null,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const a = await createTestOrganization(db);
  const b = await createTestOrganization(db);
  orgA = a.id;
  orgB = b.id;
  const coord = await createTestMember(db, { organizationId: a.id, role: 'coordinator' });
  const fac = await createTestMember(db, { organizationId: a.id, role: 'facilitator' });
  const expert = await createTestMember(db, { organizationId: a.id, role: 'expert' });
  const coordB = await createTestMember(db, { organizationId: b.id, role: 'coordinator' });
  coordinator = await actorFor(db, coord.id, a.id);
  facilitator = await actorFor(db, fac.id, a.id);
  otherCoordinator = await actorFor(db, coordB.id, b.id);
  const members: string[] = [];
  for (let i = 0; i < 6; i++) members.push((await createTestMember(db, { organizationId: a.id, role: 'entrepreneur' })).id);

  // Groups: two active, one forming, one paused, one ended.
  const g1 = await createTestGroup(db, { organizationId: a.id, name: 'Aallokko', status: 'active', facilitatorIds: [fac.id], memberIds: members.slice(0, 4) });
  const g2 = await createTestGroup(db, { organizationId: a.id, name: 'Bore', status: 'active', memberIds: members.slice(4) });
  await createTestGroup(db, { organizationId: a.id, name: 'Cirrus', status: 'forming' });
  await createTestGroup(db, { organizationId: a.id, name: 'Delta', status: 'paused' });
  const g4 = await createTestGroup(db, { organizationId: a.id, name: 'Eetu', status: 'ended' });
  ids.g1 = g1.id;
  ids.g2 = g2.id;

  // Meetings of Aallokko: two held, one still to come, one cancelled; one before the period.
  const m1 = await createTestMeeting(db, { organizationId: a.id, groupId: g1.id, startsAt: new Date('2026-02-10T15:00:00Z') });
  const m2 = await createTestMeeting(db, { organizationId: a.id, groupId: g1.id, startsAt: new Date('2026-03-10T15:00:00Z') });
  await createTestMeeting(db, { organizationId: a.id, groupId: g1.id, startsAt: new Date('2026-06-10T14:00:00Z') });
  await createTestMeeting(db, { organizationId: a.id, groupId: g1.id, startsAt: new Date('2026-04-10T14:00:00Z'), status: 'cancelled' });
  const m0 = await createTestMeeting(db, { organizationId: a.id, groupId: g1.id, startsAt: new Date('2025-12-10T15:00:00Z') });
  // Bore: 1.1.2026 at 00.30 in Helsinki is in the period (31.12. in UTC); 1.7.2026 at 00.30 is not; one held without attendance.
  await createTestMeeting(db, { organizationId: a.id, groupId: g2.id, startsAt: new Date('2025-12-31T22:30:00Z') });
  await createTestMeeting(db, { organizationId: a.id, groupId: g2.id, startsAt: new Date('2026-03-15T15:00:00Z') });
  await createTestMeeting(db, { organizationId: a.id, groupId: g2.id, startsAt: new Date('2026-06-30T21:30:00Z') });
  await createTestMeeting(db, { organizationId: a.id, groupId: g4.id, startsAt: new Date('2025-11-01T15:00:00Z') });
  const mark = (meetingId: string, statuses: ('present' | 'late' | 'absent' | 'excused')[]) =>
    db.insert(attendance).values(statuses.map((status, i) => ({ organizationId: a.id, meetingId, userId: members[i]!, status })));
  await mark(m1.id, ['present', 'present', 'late', 'absent']);
  await mark(m2.id, ['present', 'excused', 'absent', 'present']);
  await mark(m0.id, ['present', 'present', 'present', 'present']);

  // Events: one held (3 confirmed of whom 2 attended, 1 waiting, 1 cancelled), one to come (2 confirmed), one cancelled, a draft, one before.
  const e1 = await addEvent(db, a.id, 'Timanttikiertue Pori', '2026-03-01T10:00:00Z', 'published');
  ids.e1 = e1.id;
  for (const [status, attended] of [
    ['confirmed', true],
    ['confirmed', true],
    ['confirmed', false],
    ['waitlisted', false],
    ['cancelled', false],
  ] as const)
    await register(db, a.id, e1.id, status, attended);
  const e2 = await addEvent(db, a.id, 'Timanttikiertue Rauma', '2026-06-01T10:00:00Z', 'published');
  for (let i = 0; i < 2; i++) await register(db, a.id, e2.id, 'confirmed');
  const e3 = await addEvent(db, a.id, 'Timanttikiertue Kankaanpää', '2026-04-01T10:00:00Z', 'cancelled');
  await register(db, a.id, e3.id, 'cancelled');
  const e4 = await addEvent(db, a.id, 'Luonnos', '2026-03-05T10:00:00Z', 'draft');
  await register(db, a.id, e4.id, 'confirmed');
  const e5 = await addEvent(db, a.id, 'Joulukiertue', '2025-12-01T10:00:00Z', 'published');
  await register(db, a.id, e5.id, 'confirmed', true);

  // Advice: 1 h attended, a no-show, a cancelled one, one to come, 1.5 h for a guest.
  const session = (startsAt: string, minutes: number, extra: Partial<typeof adviceSessions.$inferInsert>) => {
    const start = new Date(startsAt);
    return db
      .insert(adviceSessions)
      .values({
        organizationId: a.id,
        advisorUserId: fac.id,
        topic: 'Talous',
        startsAt: start,
        endsAt: new Date(start.getTime() + minutes * 60_000),
        mode: 'remote',
        status: 'booked',
        ...extra,
      });
  };
  await session('2026-02-01T08:00:00Z', 60, { userId: members[0]!, attendance: 'attended' });
  await session('2026-03-01T08:00:00Z', 60, { userId: members[1]!, attendance: 'no_show' });
  await session('2026-04-01T08:00:00Z', 60, { userId: members[2]!, status: 'cancelled' });
  await session('2026-06-01T08:00:00Z', 60, { userId: members[3]! });
  await session('2026-02-15T08:00:00Z', 90, { guestName: 'Vieras Yrittäjä', guestEmail: 'vieras@example.fi' });

  // Expert hours: 1.5 h at Aallokko's meeting, 2 h at the Pori event, 1 h before the period.
  const invite = async (over: Partial<typeof expertInvitations.$inferInsert>, workedAt: string, minutes: number) => {
    const [inv] = await db
      .insert(expertInvitations)
      .values({ organizationId: a.id, expertUserId: expert.id, minutes, startsAt: new Date(workedAt), status: 'accepted', ...over })
      .returning();
    await db.insert(expertHours).values({ organizationId: a.id, expertUserId: expert.id, invitationId: inv!.id, workedAt: new Date(workedAt), minutes });
  };
  await invite({ meetingId: m1.id, agendaPosition: 0 }, '2026-02-10T15:30:00Z', 90);
  await invite({ eventId: e1.id }, '2026-03-01T10:00:00Z', 120);
  await invite({ meetingId: m0.id, agendaPosition: 0 }, '2025-12-10T15:30:00Z', 60);

  // Steps: 10 set in the groups in the period by 6 people (done 4, partly 2, dropped 1, open 3); one before; one private (advice).
  const step = (userId: string, groupId: string | null, status: StepStatus, createdAt: string) =>
    db.insert(steps).values({ organizationId: a.id, groupId, userId, text: 'Pieni askel', status, createdAt: new Date(createdAt) });
  const plan: [number, string, StepStatus][] = [
    [0, g1.id, 'done'],
    [0, g1.id, 'open'],
    [1, g1.id, 'done'],
    [1, g1.id, 'partly'],
    [2, g1.id, 'dropped'],
    [2, g1.id, 'open'],
    [3, g1.id, 'done'],
    [3, g1.id, 'partly'],
    [4, g2.id, 'done'],
    [5, g2.id, 'open'],
  ];
  for (const [i, groupId, status] of plan) await step(members[i]!, groupId, status, '2026-02-10T17:00:00Z');
  await step(members[0]!, g1.id, 'done', '2025-12-10T17:00:00Z');
  await step(members[0]!, null, 'done', '2026-02-01T09:00:00Z');

  // WHO-5: six people, baselines in January 2026, follow-ups in April: changes +8 +12 +4 +8 +16 +4.
  const baselines = [40, 44, 48, 52, 56, 60];
  const changes = [8, 12, 4, 8, 16, 4];
  for (let i = 0; i < 6; i++) {
    await createEvaluationPerson(db, {
      organizationId: a.id,
      groupId: g1.id,
      baseline: { on: `2026-01-${10 + i}`, score: baselines[i]! },
      followUps: [{ kind: 'full', wave: 1, on: `2026-04-${10 + i}`, score: baselines[i]! + changes[i]! }],
    });
  }

  // Organisation B: a group, a meeting, an event, steps — none of it counts for A.
  const gb = await createTestGroup(db, { organizationId: b.id, name: 'Muualla', status: 'forming' });
  await createTestMeeting(db, { organizationId: b.id, groupId: gb.id, startsAt: new Date('2026-03-01T15:00:00Z') });
  const eb = await addEvent(db, b.id, 'Muu tapahtuma', '2026-03-01T10:00:00Z', 'published');
  await register(db, b.id, eb.id, 'confirmed', true);
  await db.insert(steps).values({ organizationId: b.id, groupId: gb.id, userId: coordB.id, text: 'Muu askel', createdAt: new Date('2026-03-01T17:00:00Z') });
});

afterAll(async () => {
  await database?.drop();
});

const deps = () => ({ db: database.db });

describe('the dashboard of 1.1.–30.6.2026', () => {
  it('counts groups, meetings and attendance exactly', async () => {
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: h1, instrument: who5, now });
    expect(d.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(d.groups).toEqual({ forming: 1, active: 2, paused: 1, ended: 1, met: 2 });
    expect(d.meetings).toMatchObject({ planned: 5, held: 4, cancelled: 1, recorded: 2, attended: 5, attendanceRecords: 8, attendanceRate: 0.625 });
    expect(d.meetings.byGroup).toEqual([
      {
        groupId: ids.g1,
        groupName: 'Aallokko',
        status: 'active',
        planned: 3,
        held: 2,
        cancelled: 1,
        recorded: 2,
        attended: 5,
        attendanceRecords: 8,
        attendanceRate: 0.625,
      },
      {
        groupId: ids.g2,
        groupName: 'Bore',
        status: 'active',
        planned: 2,
        held: 2,
        cancelled: 0,
        recorded: 0,
        attended: 0,
        attendanceRecords: 0,
        attendanceRate: null,
      },
    ]);
  });

  it('counts events and registrations, advice and expert hours exactly', async () => {
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: h1, instrument: who5, now });
    expect(d.events).toMatchObject({ events: 2, held: 1, cancelled: 1, confirmed: 5, waitlisted: 1, attended: 2, attendanceRate: 0.667 });
    expect(d.events.list.map((e) => [e.title, e.status, e.held, e.confirmed, e.waitlisted, e.attended])).toEqual([
      ['Timanttikiertue Pori', 'published', true, 3, 1, 2],
      ['Timanttikiertue Kankaanpää', 'cancelled', false, 0, 0, 0],
      ['Timanttikiertue Rauma', 'published', false, 2, 0, 0],
    ]);
    expect(d.advice).toEqual({ sessions: 2, hours: 2.5, noShows: 1, companies: 2 });
    expect(d.experts).toEqual({ entries: 2, experts: 1, hours: 3.5 });
  });

  it('releases the step counts of six people through the disclosure layer', async () => {
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: h1, instrument: who5, now });
    expect({ ...d.steps }).toEqual({ set: 10, followedUp: 7, done: 4, followUpRate: 0.7, reason: null });
  });

  it('withholds the step counts of fewer than five people', async () => {
    // December 2025: one step, by one person.
    const december = parsePeriod(new URLSearchParams('period=custom&from=1.12.2025&to=31.12.2025'), now);
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: december, instrument: who5, now });
    expect({ ...d.steps }).toEqual({ set: null, followedUp: null, done: null, followUpRate: null, reason: 'small' });
  });

  it('shows the outcome change and check-in response of the half-year as the evaluation releases them', async () => {
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: h1, instrument: who5, now });
    // Mean before 50, changes sum 52 → 8.67 → 9, after 58.67 → 59; SD 4.68, t(5) 2.571 → CI 3.76 … 13.57 → 4 … 14.
    expect(d.outcomes.halves).toEqual([
      {
        key: '2026-H1',
        from: '2026-01-01',
        to: '2026-06-30',
        nBaseline: 6,
        nPaired: 6,
        meanBefore: 50,
        meanAfter: 59,
        meanChange: 9,
        ciLow: 4,
        ciHigh: 14,
        direction: 'better',
        invited: 6,
        responded: 6,
        responseRate: 1,
        followUpsDue: 6,
        followedUp: 6,
        followUpRate: 1,
        withheldReason: null,
      },
    ]);
    const evaluation = await runEvaluation(coordinator, deps(), {
      organizationId: orgA,
      from: '2026-01-01',
      to: '2026-06-30',
      comparison: 'latest',
      instrument: who5,
    });
    expect(evaluation.paired?.meanChange).toBe(d.outcomes.halves[0]!.meanChange);
    expect(evaluation.response.invited).toBe(d.outcomes.halves[0]!.invited);
  });

  it('a whole year shows both half-years; the second has no answers', async () => {
    const year = parsePeriod(new URLSearchParams('period=year'), now);
    const d = await loadDashboard(coordinator, deps(), { organizationId: orgA, period: year, instrument: who5, now });
    expect(d.outcomes.halves.map((h) => [h.key, h.meanChange, h.direction, h.invited])).toEqual([
      ['2026-H1', 9, 'better', 6],
      ['2026-H2', null, 'unknown', 0],
    ]);
  });

  it('another organisation’s coordinator sees only their own rows', async () => {
    const d = await loadDashboard(otherCoordinator, deps(), { organizationId: orgB, period: h1, instrument: who5, now });
    expect(d.groups).toEqual({ forming: 1, active: 0, paused: 0, ended: 0, met: 1 });
    expect(d.meetings).toMatchObject({ planned: 1, held: 1 });
    expect(d.events).toMatchObject({ events: 1, confirmed: 1, attended: 1 });
    expect(d.steps.set).toBeNull();
  });

  it('refuses a facilitator, and a coordinator for another organisation', async () => {
    await expect(loadDashboard(facilitator, deps(), { organizationId: orgA, period: h1, instrument: who5, now })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDashboard(otherCoordinator, deps(), { organizationId: orgA, period: h1, instrument: who5, now })).rejects.toThrow();
  });
});
