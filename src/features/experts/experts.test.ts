// Experts against the real database: the profile is the expert's own; a coordinator invites to
// any segment or event, a facilitator to their own group's segment only; the mail is in the
// expert's language with the Helsinki time; accepting names the expert on the agenda item (or
// as the event's speaker) and records the hours with the segment's minutes; declining tells the
// inviter; an answered invitation cannot be answered again; another organisation's gets 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { users } from '../accounts/accounts.schema.ts';
import { events } from '../events/events.schema.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { ExpertInvitationError } from './experts.errors.ts';
import { findSegment, listDirectory, listHours } from './experts.queries.ts';
import { expertHours, expertProfiles } from './experts.schema.ts';
import { erasePersonInTransaction } from '../privacy/erase-person.ts';
import { editExpertHours, exportExpertHoursCsv } from './expert-hours.ts';
import { inviteExpert, type ExpertDeps } from './invite-expert.ts';
import { respondToInvitation } from './respond-invitation.ts';
import { saveExpertProfile } from './save-profile.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: ExpertDeps;
let orgId: string;
let otherOrgId: string;
const a: Record<string, Actor> = {};
let meetingId: string;
let otherGroupMeetingId: string;
let eventId: string;

type Mail = { to: string; locale: string; template: string; values: Record<string, string | number> };
async function mailsTo(to: string, template: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = $2 ORDER BY created_on, id`, [to, template]);
  return rows.map((r) => r.data as Mail);
}

// Tue 19 Jan 2027 17.00 Helsinki (15.00 UTC): a 30-minute opening, then the expert's 45 minutes at 17.30
const START = new Date('2027-01-19T15:00:00Z');
const NOW = new Date('2026-12-01T08:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
  const db = database.db;
  orgId = (await createTestOrganization(db)).id;
  otherOrgId = (await createTestOrganization(db)).id;
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', orgId],
    ['facilitator', 'facilitator', orgId],
    ['otherFacilitator', 'facilitator', orgId],
    ['expert', 'expert', orgId],
    ['member', 'entrepreneur', orgId],
    ['otherCoordinator', 'coordinator', otherOrgId],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key}@experts.example.fi` });
    a[key] = await actorFor(db, user.id, org);
  }
  await db.update(users).set({ locale: 'sv' }).where(eq(users.id, a.expert!.userId));
  const group = await createTestGroup(db, { organizationId: orgId, name: 'Rauman yrittäjät', facilitatorIds: [a.facilitator!.userId], memberIds: [a.member!.userId] });
  const otherGroup = await createTestGroup(db, { organizationId: orgId, name: 'Porin yrittäjät', facilitatorIds: [a.otherFacilitator!.userId], memberIds: [] });
  const agenda = [
    { kind: 'opening_round' as const, minutes: 30 },
    { kind: 'expert_segment' as const, minutes: 45, topic: 'Verotus' },
  ];
  meetingId = (await createTestMeeting(db, { organizationId: orgId, groupId: group.id, startsAt: START, agenda })).id;
  otherGroupMeetingId = (await createTestMeeting(db, { organizationId: orgId, groupId: otherGroup.id, startsAt: START, agenda })).id;
  const [event] = await db
    .insert(events)
    .values({ organizationId: orgId, title: 'Tietosuoja pienyrityksessä', description: '', startsAt: START, endsAt: new Date(START.getTime() + 90 * 60_000), venue: 'Kirjasto', capacity: 30, registrationDeadline: START, speakers: 'Maija Meikäläinen' })
    .returning();
  eventId = event!.id;
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

async function segmentItemId(mid: string): Promise<string> {
  const s = await findSegment(database.db, { organizationId: orgId, meetingId: mid, agendaItemId: null, position: 1 });
  return s!.agendaItemId;
}

describe('the profile and the directory', () => {
  it('is written by the expert only and found by topic, language and region', async () => {
    const profile = { topics: ['Verotus', 'Kirjanpito'], bio: 'Tilitoimiston yrittäjä.', languages: ['fi', 'sv'] as ('fi' | 'sv')[], region: 'Satakunta, Rauma', publicInDirectory: true };
    await saveExpertProfile(a.expert!, deps, { organizationId: orgId, profile });
    await expect(saveExpertProfile(a.coordinator!, deps, { organizationId: orgId, profile })).rejects.toThrow(NotFoundError);
    const find = (filter: object) => listDirectory(database.db, { organizationId: orgId, filter: { includeUnlisted: false, ...filter } });
    expect((await find({ topic: 'verot' })).map((e) => e.userId)).toEqual([a.expert!.userId]);
    expect(await find({ topic: 'markkinointi' })).toEqual([]);
    expect(await find({ language: 'en' })).toEqual([]);
    expect(await find({ language: 'sv', region: 'rauma' })).toHaveLength(1);
    expect(await find({ q: '%' })).toEqual([]);
    await saveExpertProfile(a.expert!, deps, { organizationId: orgId, profile: { ...profile, publicInDirectory: false } });
    expect(await find({})).toEqual([]);
    expect(await listDirectory(database.db, { organizationId: orgId, filter: { includeUnlisted: true } })).toHaveLength(1);
    await saveExpertProfile(a.expert!, deps, { organizationId: orgId, profile });
  });
});

describe('invitations', () => {
  it('lets a facilitator invite only to their own group’s segment, and nobody from another organisation', async () => {
    const message = 'Tervetuloa kertomaan verotuksesta!';
    await expect(
      inviteExpert(a.facilitator!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'segment', meetingId: otherGroupMeetingId, agendaItemId: await segmentItemId(otherGroupMeetingId) }, message }, NOW),
    ).rejects.toThrow(ForbiddenError);
    await expect(inviteExpert(a.facilitator!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'event', eventId }, message }, NOW)).rejects.toThrow(ForbiddenError);
    await expect(inviteExpert(a.member!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'event', eventId }, message }, NOW)).rejects.toThrow(ForbiddenError);
    await expect(
      inviteExpert(a.otherCoordinator!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'event', eventId }, message }, NOW),
    ).rejects.toThrow(NotFoundError);
    // not an expert: 404
    await expect(inviteExpert(a.coordinator!, deps, { organizationId: orgId, expertUserId: a.member!.userId, target: { kind: 'event', eventId }, message }, NOW)).rejects.toThrow(NotFoundError);
  });

  it('mails the expert in their language with the segment’s Helsinki time; accepting names them on the agenda and records the hours', async () => {
    const invitation = await inviteExpert(
      a.facilitator!,
      deps,
      { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'segment', meetingId, agendaItemId: await segmentItemId(meetingId) }, message: 'Tervetuloa!' },
      NOW,
    );
    expect(invitation.startsAt.toISOString()).toBe('2027-01-19T15:30:00.000Z');
    expect(invitation.minutes).toBe(45);
    const [mail] = await mailsTo('expert@experts.example.fi', 'expertInvitation');
    expect(mail!.locale).toBe('sv');
    expect(mail!.values.when).toBe('19 januari 2027 kl. 17.30');
    expect(mail!.values.what).toBe('Verotus');
    // only the expert answers
    await expect(respondToInvitation(a.facilitator!, deps, { organizationId: orgId, invitationId: invitation.id, answer: 'accept', note: '' })).rejects.toThrow(NotFoundError);
    await expect(respondToInvitation(a.otherCoordinator!, deps, { organizationId: orgId, invitationId: invitation.id, answer: 'accept', note: '' })).rejects.toThrow(NotFoundError);
    await respondToInvitation(a.expert!, deps, { organizationId: orgId, invitationId: invitation.id, answer: 'accept', note: 'Mielelläni.' });
    const [item] = await database.db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.position, 1)));
    expect(item!.expertUserId).toBe(a.expert!.userId);
    const hours = await listHours(database.db, { organizationId: orgId, from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z') });
    expect(hours.map((h) => h.minutes)).toEqual([45]);
    expect((await mailsTo('facilitator@experts.example.fi', 'expertInvitationAccepted'))[0]!.values.note).toBe('Mielelläni.');
    await expect(respondToInvitation(a.expert!, deps, { organizationId: orgId, invitationId: invitation.id, answer: 'decline', note: '' })).rejects.toThrow(ExpertInvitationError);
  });

  it('still finds the segment when the agenda was saved again before the answer', async () => {
    const invitation = await inviteExpert(
      a.coordinator!,
      deps,
      { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'segment', meetingId: otherGroupMeetingId, agendaItemId: await segmentItemId(otherGroupMeetingId) }, message: '' },
      NOW,
    );
    const [old] = await database.db.delete(agendaItems).where(and(eq(agendaItems.meetingId, otherGroupMeetingId), eq(agendaItems.position, 1))).returning();
    await database.db.insert(agendaItems).values({ ...old!, id: undefined });
    await respondToInvitation(a.expert!, deps, { organizationId: orgId, invitationId: invitation.id, answer: 'accept', note: '' });
    const [item] = await database.db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, otherGroupMeetingId), eq(agendaItems.position, 1)));
    expect(item!.expertUserId).toBe(a.expert!.userId);
  });

  it('lists an expert who accepts an event as its speaker; declining tells the inviter and records no hours', async () => {
    const first = await inviteExpert(a.coordinator!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'event', eventId }, message: '' }, NOW);
    await respondToInvitation(a.expert!, deps, { organizationId: orgId, invitationId: first.id, answer: 'decline', note: 'En pääse.' });
    const declined = await mailsTo('coordinator@experts.example.fi', 'expertInvitationDeclined');
    expect(declined[0]!.values.note).toBe('En pääse.');
    expect(await database.db.select().from(expertHours).where(eq(expertHours.invitationId, first.id))).toEqual([]);
    const second = await inviteExpert(a.coordinator!, deps, { organizationId: orgId, expertUserId: a.expert!.userId, target: { kind: 'event', eventId }, message: '' }, NOW);
    await respondToInvitation(a.expert!, deps, { organizationId: orgId, invitationId: second.id, answer: 'accept', note: '' });
    const [event] = await database.db.select().from(events).where(eq(events.id, eventId));
    expect(event!.speakers).toBe('Maija Meikäläinen, expert Testinen');
    const [row] = await database.db.select().from(expertHours).where(eq(expertHours.invitationId, second.id));
    expect(row!.minutes).toBe(90);
  });
});

describe('hours', () => {
  it('are corrected by the coordinator or the expert, not a facilitator; exported by the coordinator with formulas neutralised', async () => {
    const [row] = await database.db.select().from(expertHours).where(eq(expertHours.expertUserId, a.expert!.userId)).limit(1);
    await editExpertHours(a.expert!, deps, { organizationId: orgId, hoursId: row!.id, minutes: 60, note: '=HYPERLINK("x")' });
    await expect(editExpertHours(a.facilitator!, deps, { organizationId: orgId, hoursId: row!.id, minutes: 1, note: '' })).rejects.toThrow(ForbiddenError);
    await expect(editExpertHours(a.otherCoordinator!, deps, { organizationId: orgId, hoursId: row!.id, minutes: 1, note: '' })).rejects.toThrow(NotFoundError);
    const csv = await exportExpertHoursCsv(a.coordinator!, deps, {
      organizationId: orgId,
      from: new Date('2027-01-01T00:00:00Z'),
      to: new Date('2027-02-01T00:00:00Z'),
      header: ['Asiantuntija', 'Päivä', 'Tunnit', 'Huomio'],
      date: (d) => d.toISOString().slice(0, 10),
      hours: (m) => (m / 60).toFixed(2),
    });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('expert Testinen;2027-01-19;1.00');
    await expect(exportExpertHoursCsv(a.facilitator!, deps, { organizationId: orgId, from: NOW, to: NOW, header: [], date: String, hours: String })).rejects.toThrow(ForbiddenError);
  });
});

describe('erasure', () => {
  it('removes the profile with the membership and hands back its photo file for removal', async () => {
    const db = database.db;
    const user = await createTestMember(db, { organizationId: orgId, role: 'expert', email: 'erased@experts.example.fi' });
    await db.insert(expertProfiles).values({ organizationId: orgId, userId: user.id, topics: ['Tietosuoja'], photoStorageKey: 'abc123', photoMediaType: 'image/png' });
    const result = await db.transaction((tx) => erasePersonInTransaction(tx, { userId: user.id, email: 'erased@experts.example.fi' }, {}));
    expect(result.files).toContainEqual({ organizationId: orgId, storageKey: 'abc123' });
    expect(await db.select().from(expertProfiles).where(eq(expertProfiles.userId, user.id))).toEqual([]);
  });
});
