// Programmes against the real database: the lead organisation creates a programme and sets its
// targets (only for its own indicator set); a participating organisation links its own groups,
// events and sessions (never another's; a group of another programme stays there); the funder is
// granted only to a funder member; a member of a programme's group is asked for start data, an
// event attendee is not; the start data keep the age band, never the birth date, and the
// special items only when the programme asks; reading them is for the lead's coordinators and
// audit-logged; erasure removes them and the export carries them.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { events, eventRegistrations } from '../events/events.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { erasePersonInTransaction } from '../privacy/erase-person.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import { deriveKey } from '../../platform/crypto.ts';
import { createProgramme } from './create-programme.ts';
import { linkActivities } from './link-activities.ts';
import { manageFunder } from './manage-funders.ts';
import { manageParticipatingOrganization } from './manage-organizations.ts';
import { ProgrammeChangeError } from './programmes.errors.ts';
import { fundedProgrammes, listProgrammesOf, pendingParticipantForms, targetsOf } from './programmes.queries.ts';
import { programmeEvents, programmeGroups, programmeParticipantEnds, programmeParticipantStarts, programmeTargets } from './programmes.schema.ts';
import { programmeFormSchema, startFormSchema } from './programmes.validation.ts';
import { readParticipants } from './read-participants.ts';
import { recordEnd } from './record-end.ts';
import { recordStart } from './record-start.ts';
import { saveTargets } from './save-targets.ts';
import { updateProgramme } from './update-programme.ts';

let database: TestDatabase;
let lead: string;
let partner: string;
let outside: string;
const a: Record<string, Actor> = {};
const ids: Record<string, string> = {};
let programmeId: string;
let leadGroupId: string;
let partnerGroupId: string;

const programmeInput = (over: Record<string, string> = {}) =>
  programmeFormSchema.parse({
    name: 'Työpeili – vertaisryhmät yksinyrittäjille',
    funder: 'Euroopan sosiaalirahasto (ESR), Satakunnan ELY-keskus',
    fundingProgramme: 'Kestävää kasvua ja työtä 2014–2020',
    indicatorSet: 'esf2014',
    projectCode: 'S21888',
    startsOn: '1.9.2017',
    endsOn: '31.8.2020',
    soleTraderRule: 'participant',
    ...over,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  lead = (await createTestOrganization(db, { name: 'Porin seudun yrityspalvelut' })).id;
  partner = (await createTestOrganization(db, { name: 'Rauman yrityskehitys' })).id;
  outside = (await createTestOrganization(db)).id;
  for (const [key, role, org] of [
    ['coordinator', 'coordinator', lead],
    ['facilitator', 'facilitator', lead],
    ['funder', 'funder', lead],
    ['expert', 'expert', lead],
    ['partnerCoordinator', 'coordinator', partner],
    ['member', 'entrepreneur', partner],
    ['leadMember', 'entrepreneur', lead],
    ['attendee', 'entrepreneur', partner],
    ['outsideCoordinator', 'coordinator', outside],
  ] as const) {
    const user = await createTestMember(db, { organizationId: org, role, name: `${key} Testinen`, email: `${key}@programmes.example.fi` });
    ids[key] = user.id;
  }
  for (const key of Object.keys(ids)) a[key] = await actorFor(db, ids[key]!);
  leadGroupId = (await createTestGroup(db, { organizationId: lead, name: 'Porin aamuryhmä', memberIds: [ids.leadMember!] })).id;
  partnerGroupId = (await createTestGroup(db, { organizationId: partner, name: 'Rauman iltaryhmä', memberIds: [ids.member!] })).id;
  await db.update(groupMembers).set({ joinedAt: new Date('2017-10-02T09:00:00Z') }).where(eq(groupMembers.groupId, partnerGroupId));
});
afterAll(async () => {
  await database?.drop();
});

describe('a programme and its targets', () => {
  it('the lead’s coordinator creates it; others cannot', async () => {
    const created = await createProgramme(a.coordinator!, database, { organizationId: lead, programme: programmeInput() });
    programmeId = created.id;
    expect(created).toMatchObject({ organizationId: lead, indicatorSet: 'esf2014', startsOn: '2017-09-01', endsOn: '2020-08-31', asksSpecialCategories: false });
    await expect(createProgramme(a.facilitator!, database, { organizationId: lead, programme: programmeInput() })).rejects.toThrow(ForbiddenError);
    await expect(createProgramme(a.outsideCoordinator!, database, { organizationId: lead, programme: programmeInput() })).rejects.toThrow(NotFoundError);
    expect(programmeFormSchema.safeParse({ ...programmeInput(), startsOn: '1.9.2020', endsOn: '31.8.2017' }).success).toBe(false);
  });

  it('keeps planned values for the programme’s own indicators only; changing the set drops the others', async () => {
    await saveTargets(a.coordinator!, database, { programmeId, targets: [{ code: 'CO_TOTAL', planned: 86 }, { code: 'CO23', planned: 30 }] });
    expect(Object.fromEntries(await targetsOf(database.db, { organizationId: lead, programmeId }))).toEqual({ CO_TOTAL: 86, CO23: 30 });
    await expect(saveTargets(a.coordinator!, database, { programmeId, targets: [{ code: 'EECO01', planned: 5 }] })).rejects.toThrow(ProgrammeChangeError);
    await expect(saveTargets(a.funder!, database, { programmeId, targets: [] })).rejects.toThrow(ForbiddenError);
    await updateProgramme(a.coordinator!, database, { programmeId, programme: programmeInput({ indicatorSet: 'esf2021' }) });
    expect((await database.db.select().from(programmeTargets).where(eq(programmeTargets.programmeId, programmeId))).length).toBe(0);
    await updateProgramme(a.coordinator!, database, { programmeId, programme: programmeInput({ asksSpecialCategories: 'on' }) });
    await saveTargets(a.coordinator!, database, { programmeId, targets: [{ code: 'CO_TOTAL', planned: 86 }, { code: 'CO23', planned: 30 }] });
  });
});

describe('organisations, activities and funders', () => {
  it('a participating organisation links its own groups and events only', async () => {
    await expect(linkActivities(a.partnerCoordinator!, database, { programmeId, organizationId: partner, groupIds: [partnerGroupId], eventIds: [], sessionIds: [] })).rejects.toThrow(NotFoundError);
    await manageParticipatingOrganization(a.coordinator!, database, { programmeId, intent: 'add', organizationId: partner });
    await expect(manageParticipatingOrganization(a.coordinator!, database, { programmeId, intent: 'add', organizationId: lead })).rejects.toThrow(ProgrammeChangeError);
    const [event] = await database.db.insert(events).values({ organizationId: partner, title: 'Timanttikiertue: Rauma', startsAt: new Date('2018-03-01T15:00:00Z'), endsAt: new Date('2018-03-01T17:00:00Z'), status: 'published', capacity: 40, venue: 'Rauman kaupungintalo, Kauppakatu 13', registrationDeadline: new Date('2018-03-01T12:00:00Z') }).returning();
    ids.event = event!.id;
    // The lead's group id in the partner's list is ignored: it is not the partner's.
    const result = await linkActivities(a.partnerCoordinator!, database, { programmeId, organizationId: partner, groupIds: [partnerGroupId, leadGroupId], eventIds: [event!.id], sessionIds: [] });
    expect(result.linked).toBe(2);
    expect(await database.db.select({ g: programmeGroups.groupId }).from(programmeGroups).where(eq(programmeGroups.programmeId, programmeId))).toEqual([{ g: partnerGroupId }]);
    await expect(linkActivities(a.partnerCoordinator!, database, { programmeId, organizationId: lead, groupIds: [leadGroupId], eventIds: [], sessionIds: [] })).rejects.toThrow(ForbiddenError);
    await linkActivities(a.coordinator!, database, { programmeId, organizationId: lead, groupIds: [leadGroupId], eventIds: [], sessionIds: [] });
    const partnerList = await listProgrammesOf(database.db, { organizationId: partner });
    expect(partnerList).toMatchObject([{ id: programmeId, lead: false, groups: 1, events: 1, leadOrganizationName: 'Porin seudun yrityspalvelut' }]);
  });

  it('a group already in another programme stays there', async () => {
    const other = await createProgramme(a.coordinator!, database, { organizationId: lead, programme: programmeInput({ name: 'Toinen hanke' }) });
    await linkActivities(a.coordinator!, database, { programmeId: other.id, organizationId: lead, groupIds: [leadGroupId], eventIds: [], sessionIds: [] });
    const [link] = await database.db.select().from(programmeGroups).where(and(eq(programmeGroups.organizationId, lead), eq(programmeGroups.groupId, leadGroupId)));
    expect(link!.programmeId).toBe(programmeId);
  });

  it('grants the funder role only to a funder member, and the funder sees the programme', async () => {
    await expect(manageFunder(a.coordinator!, database, { programmeId, intent: 'grant', userId: ids.facilitator! })).rejects.toThrow(ProgrammeChangeError);
    await expect(manageFunder(a.partnerCoordinator!, database, { programmeId, intent: 'grant', userId: ids.funder! })).rejects.toThrow(NotFoundError);
    await manageFunder(a.coordinator!, database, { programmeId, intent: 'grant', userId: ids.funder! });
    expect((await fundedProgrammes(database.db, { userId: ids.funder!, organizationIds: [lead] })).map((p) => p.id)).toEqual([programmeId]);
    expect(await fundedProgrammes(database.db, { userId: ids.funder!, organizationIds: [outside] })).toEqual([]);
  });
});

describe('participants’ start and end data', () => {
  it('asks a member of the programme’s group, never an event attendee', async () => {
    await database.db.insert(eventRegistrations).values({ organizationId: partner, eventId: ids.event!, userId: ids.attendee!, name: 'attendee Testinen', email: 'attendee@programmes.example.fi', status: 'confirmed', position: 1, consentAt: new Date(), code: 'TK-AB12CD', cancelTokenHash: 'x'.repeat(64), attended: true, attendedAt: new Date('2018-03-01T15:05:00Z') });
    expect(await pendingParticipantForms(database.db, { userId: ids.member!, today: '2018-01-01' })).toEqual([{ programmeId, programmeName: 'Työpeili – vertaisryhmät yksinyrittäjille', form: 'start' }]);
    expect(await pendingParticipantForms(database.db, { userId: ids.attendee!, today: '2018-01-01' })).toEqual([]);
    await expect(recordStart(a.attendee!, database, { programmeId, start: startFormSchema.parse({}) })).rejects.toThrow(NotFoundError);
  });

  it('stores the age band from the date of birth (not the date), and "prefer not to say" as such', async () => {
    const start = startFormSchema.parse({ gender: 'woman', employmentStatus: 'employed', birthDate: '2.10.1962', education: 'isced_5_8', disability: 'prefer_not', rural: 'yes', minority: '' });
    await recordStart(a.member!, database, { programmeId, start });
    const [row] = await database.db.select().from(programmeParticipantStarts).where(eq(programmeParticipantStarts.userId, ids.member!));
    // Joined 2.10.2017 (Helsinki), born 2.10.1962: 55 on the start day.
    expect(row).toMatchObject({ organizationId: lead, startedOn: '2017-10-02', gender: 'woman', ageBand: '55_plus', ageBandSource: 'birth_date', disability: 'prefer_not', rural: 'yes', minority: null });
    expect(JSON.stringify(row)).not.toContain('1962');
    expect(await pendingParticipantForms(database.db, { userId: ids.member!, today: '2018-01-01' })).toEqual([]);
    expect(startFormSchema.safeParse({ birthDate: '1.1.1960', ageBand: '55_plus' }).success).toBe(false);
  });

  it('keeps no special items when the programme does not ask them', async () => {
    const other = await createProgramme(a.coordinator!, database, { organizationId: lead, programme: programmeInput({ name: 'Kolmas hanke' }) });
    const g = await createTestGroup(database.db, { organizationId: lead, name: 'Kolmannen hankkeen ryhmä', memberIds: [ids.leadMember!] });
    await linkActivities(a.coordinator!, database, { programmeId: other.id, organizationId: lead, groupIds: [g.id], eventIds: [], sessionIds: [] });
    await recordStart(a.leadMember!, database, { programmeId: other.id, start: startFormSchema.parse({ ageBand: '30_54', disability: 'yes' }) });
    const [row] = await database.db.select().from(programmeParticipantStarts).where(and(eq(programmeParticipantStarts.programmeId, other.id), eq(programmeParticipantStarts.userId, ids.leadMember!)));
    expect(row).toMatchObject({ ageBand: '30_54', ageBandSource: 'chosen', disability: null });
  });

  it('asks the end form after leaving, and refuses an end before the start', async () => {
    await database.db.update(groupMembers).set({ leftAt: new Date('2019-05-31T10:00:00Z') }).where(and(eq(groupMembers.groupId, partnerGroupId), eq(groupMembers.userId, ids.member!)));
    expect(await pendingParticipantForms(database.db, { userId: ids.member!, today: '2019-06-01' })).toMatchObject([{ form: 'end' }]);
    await expect(recordEnd(a.member!, database, { programmeId, end: { endedOn: '2017-01-01', situations: [] } })).rejects.toThrow(ProgrammeChangeError);
    await recordEnd(a.member!, database, { programmeId, end: { endedOn: '2019-05-31', situations: ['employed', 'qualification'] } });
    expect(await pendingParticipantForms(database.db, { userId: ids.member!, today: '2019-06-01' })).toEqual([]);
  });

  it('lets only the lead’s coordinators read them, each read in the audit log with its subjects', async () => {
    for (const who of ['facilitator', 'funder', 'expert']) await expect(readParticipants(a[who]!, database, { programmeId })).rejects.toThrow(ForbiddenError);
    await expect(readParticipants(a.partnerCoordinator!, database, { programmeId })).rejects.toThrow(NotFoundError);
    const { participants } = await readParticipants(a.coordinator!, database, { programmeId });
    expect(participants.map((p) => [p.name, p.start.ageBand, p.end?.situations])).toEqual([['member Testinen', '55_plus', ['employed', 'qualification']]]);
    const logged = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'read.programmes.participants'), eq(auditLog.targetId, programmeId)));
    expect(logged).toHaveLength(1);
    expect((logged[0]!.metadata as { subjects: string[] }).subjects).toEqual([ids.member]);
  });

  it('exports them with the person’s data and erases them', async () => {
    const exported = await exportMyData(a.member!, { db: database.db, config: { journalKey: deriveKey('programmes-test-secret-'.repeat(3), 'journal-kek') } }, { locale: 'fi' });
    expect(exported.tables.get('programme_participant_starts')).toHaveLength(1);
    expect(exported.tables.get('programme_participant_ends')).toHaveLength(1);
    await database.db.transaction((tx) => erasePersonInTransaction(tx, { userId: ids.member!, email: 'member@programmes.example.fi' }, {}));
    expect(await database.db.select().from(programmeParticipantStarts).where(eq(programmeParticipantStarts.userId, ids.member!))).toEqual([]);
    expect(await database.db.select().from(programmeParticipantEnds).where(eq(programmeParticipantEnds.userId, ids.member!))).toEqual([]);
  });

  it('removing a participating organisation removes its links', async () => {
    await manageParticipatingOrganization(a.coordinator!, database, { programmeId, intent: 'remove', organizationId: partner });
    expect(await database.db.select().from(programmeEvents).where(eq(programmeEvents.programmeId, programmeId))).toEqual([]);
  });
});
