// The live meeting's use cases against PostgreSQL: two devices sending a command on the same
// version at once — exactly one wins, the other gets the fresh state; the row's version follows
// the state; presence marks attendance; steps get their default due date and policy.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { addStep } from '../steps/add-step.ts';
import { LiveConflictError, LiveNotAllowedError } from './live.errors.ts';
import { findLiveState, listPresentMembers } from './live.queries.ts';
import { markPresent } from './mark-present.ts';
import { attendance, liveMeetingStates, rsvps } from './meetings.schema.ts';
import { runLiveCommand } from './run-live-command.ts';

let database: TestDatabase;
let organizationId: string;
let meetingId: string;
let facilitator: Actor;
let member: Actor;
let coordinator: Actor;
let outsider: Actor;
const memberIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  organizationId = org.id;
  const f = await createTestMember(db, { organizationId, role: 'facilitator', name: 'Fanni Fasilitaattori' });
  for (const name of ['Aino Aaltonen', 'Eero Eskola', 'Helmi Heikkinen']) memberIds.push((await createTestMember(db, { organizationId, role: 'entrepreneur', name })).id);
  const c = await createTestMember(db, { organizationId, role: 'coordinator' });
  const o = await createTestMember(db, { organizationId: other.id, role: 'coordinator' });
  const group = await createTestGroup(db, { organizationId, facilitatorIds: [f.id], memberIds });
  const meeting = await createTestMeeting(db, { organizationId, groupId: group.id, startsAt: new Date('2026-11-26T15:00:00Z'), agenda: [{ kind: 'opening_round', minutes: 12 }] });
  meetingId = meeting.id;
  facilitator = await actorFor(db, f.id);
  member = await actorFor(db, memberIds[0]!);
  coordinator = await actorFor(db, c.id);
  outsider = await actorFor(db, o.id);
});
afterAll(async () => {
  await database?.drop();
});

const deps = () => ({ db: database.db });

describe('runLiveCommand', () => {
  it('is for the group’s facilitators only (403 inside the organisation, 404 outside)', async () => {
    const input = { organizationId, meetingId, intent: 'start' as const, expectedVersion: 0 };
    await expect(runLiveCommand(member, deps(), input)).rejects.toThrow(ForbiddenError);
    await expect(runLiveCommand(coordinator, deps(), input)).rejects.toThrow(ForbiddenError);
    await expect(runLiveCommand(outsider, deps(), input)).rejects.toThrow(NotFoundError);
  });

  it('present members: the RSVPs "coming" before any attendance, then attendance', async () => {
    await database.db.insert(rsvps).values([
      { organizationId, meetingId, userId: memberIds[2]!, response: 'coming' },
      { organizationId, meetingId, userId: memberIds[1]!, response: 'not_coming' },
    ]);
    const members = { organizationId, meetingId, memberUserIds: memberIds };
    expect(await listPresentMembers(database.db, members)).toEqual({ source: 'rsvp', userIds: [memberIds[2]] });
    await markPresent(facilitator, deps(), { organizationId, meetingId, presentUserIds: [memberIds[0]!, memberIds[1]!, memberIds[2]!] });
    expect(await listPresentMembers(database.db, members)).toEqual({ source: 'attendance', userIds: memberIds });
  });

  it('two devices on the same version at once: one wins, the other gets 409 with the fresh state', async () => {
    const input = { organizationId, meetingId, intent: 'start' as const, expectedVersion: 0 };
    const results = await Promise.allSettled([runLiveCommand(facilitator, deps(), input), runLiveCommand(facilitator, deps(), input)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(LiveConflictError);
    expect((lost[0]!.reason as LiveConflictError).state.version).toBe(1);
    const [row] = await database.db.select().from(liveMeetingStates).where(eq(liveMeetingStates.meetingId, meetingId));
    expect(row!.version).toBe(1);
    expect((row!.state as { version: number }).version).toBe(1);
  });

  it('stores a shuffled round’s seed; a command that does not fit is refused without a write', async () => {
    const now = new Date('2026-11-26T15:05:00Z');
    const state = await runLiveCommand(facilitator, deps(), { organizationId, meetingId, intent: 'start-round', order: 'shuffled', expectedVersion: 1 }, { now, seed: 7 });
    expect(state.round).toMatchObject({ seed: 7, order: 'shuffled', roundMs: 12 * 60_000 });
    expect(state.round!.turns.map((t) => t.budgetMs)).toEqual([240_000, 240_000, 240_000]);
    expect((await findLiveState(database.db, { organizationId, meetingId })).round?.turns.map((t) => t.memberId)).toEqual(state.round!.turns.map((t) => t.memberId));
    await expect(runLiveCommand(facilitator, deps(), { organizationId, meetingId, intent: 'next-item', expectedVersion: 2 })).rejects.toThrow(LiveNotAllowedError);
    expect((await findLiveState(database.db, { organizationId, meetingId })).version).toBe(2);
  });

  it('once the meeting runs, someone marked absent who arrives is marked late', async () => {
    await markPresent(facilitator, deps(), { organizationId, meetingId, presentUserIds: [memberIds[0]!, memberIds[1]!] });
    await markPresent(facilitator, deps(), { organizationId, meetingId, presentUserIds: memberIds });
    const rows = await database.db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
    expect(Object.fromEntries(rows.map((r) => [r.userId, r.status]))).toEqual({ [memberIds[0]!]: 'present', [memberIds[1]!]: 'present', [memberIds[2]!]: 'late' });
    expect((await listPresentMembers(database.db, { organizationId, meetingId, memberUserIds: memberIds })).userIds).toEqual(memberIds);
  });
});

describe('addStep', () => {
  it('due on the group’s next meeting day, else in 30 days; for members of the group only', async () => {
    const step = await addStep(member, deps(), { organizationId, meetingId, ownerUserId: member.userId, text: '  Päivitän hinnaston  ' }, { now: new Date('2026-11-26T16:00:00Z') });
    expect(step).toMatchObject({ text: 'Päivitän hinnaston', dueOn: '2026-12-26', meetingId });
    const byFacilitator = await addStep(facilitator, deps(), { organizationId, meetingId, ownerUserId: memberIds[1]!, text: 'Kysyn tarjousta' });
    expect(byFacilitator.userId).toBe(memberIds[1]);
    await expect(addStep(member, deps(), { organizationId, meetingId, ownerUserId: memberIds[1]!, text: 'Toisen askel' })).rejects.toThrow(ForbiddenError);
    await expect(addStep(coordinator, deps(), { organizationId, meetingId, ownerUserId: memberIds[1]!, text: 'x' })).rejects.toThrow(ForbiddenError);
    await expect(addStep(facilitator, deps(), { organizationId, meetingId, ownerUserId: coordinator.userId, text: 'x' })).rejects.toThrow(ForbiddenError);
    await expect(addStep(outsider, deps(), { organizationId, meetingId, ownerUserId: outsider.userId, text: 'x' })).rejects.toThrow(NotFoundError);
  });
});
