// The monitoring report against the real database, every figure counted by hand: seven participants
// started in the first half of 2026 with chosen genders, ages, statuses and education; one who started
// before and one of the seven leave in the period with known situations (a third leaves after it);
// three companies, one a sole trader coached in the group, one reached by advice only; two meetings
// held (one cancelled), attendance with an hours override; one advice session; one event. Both
// sole-trader rules and both indicator sets. Then the funder's view: small cells withheld, and no
// released combination (total minus the others) gives a withheld cell back; the drill-down is
// the coordinator's and audit-logged.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { createTestCompany } from '../../../tests/factories/companies.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { DISCLOSURE_K } from '../../platform/disclosure/release.ts';
import { adviceSessions } from '../advice/advice.schema.ts';
import { entrepreneurProfiles } from '../companies/companies.schema.ts';
import { eventRegistrations, events } from '../events/events.schema.ts';
import { attendance } from '../meetings/meetings.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import {
  programmeAdviceSessions,
  programmeEvents,
  programmeGroups,
  programmeParticipantEnds,
  programmeParticipantStarts,
  programmes,
  programmeTargets,
} from './programmes.schema.ts';
import type { Programme } from './programmes.queries.ts';
import { computeReport, type ProgrammeReport } from './report.ts';
import { exactReportView, releasedReportView } from './report-view.ts';
import { readReportFigure } from './report-drill-down.ts';

let database: TestDatabase;
let programme: Programme;
let coordinator: Actor;
let funder: Actor;
const p: string[] = [];
const period = { from: '2026-01-01', to: '2026-06-30' };

type Start = Partial<typeof programmeParticipantStarts.$inferInsert>;
const starts: Start[] = [
  { gender: 'woman', employmentStatus: 'unemployed', ageBand: '18_24', education: 'isced_3_4' },
  { gender: 'woman', employmentStatus: 'long_term_unemployed', ageBand: '30_54', education: 'isced_0_2' },
  { gender: 'man', employmentStatus: 'employed', ageBand: '55_plus', education: 'isced_5_8' },
  { gender: 'man', employmentStatus: 'inactive', ageBand: 'under_18', education: 'isced_0_2' },
  { gender: 'non_binary', employmentStatus: 'employed', ageBand: '25_29', education: 'isced_5_8' },
  { gender: 'prefer_not', employmentStatus: 'unemployed', ageBand: '30_54', education: null },
  { gender: null, employmentStatus: 'employed', ageBand: null, education: 'isced_3_4' },
  // p8 started before the period and leaves in it.
  { gender: 'woman', employmentStatus: 'inactive', ageBand: '30_54', education: 'isced_3_4', startedOn: '2025-06-01' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const org = await createTestOrganization(db, { name: 'Raportin testiorganisaatio' });
  const coordinatorUser = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const funderUser = await createTestMember(db, { organizationId: org.id, role: 'funder' });
  coordinator = await actorFor(db, coordinatorUser.id);
  funder = await actorFor(db, funderUser.id);
  [programme] = (await db
    .insert(programmes)
    .values({ organizationId: org.id, name: 'Raporttiohjelma', funder: 'ESR+', indicatorSet: 'esf2021', startsOn: '2025-01-01', endsOn: '2027-12-31', soleTraderRule: 'participant' })
    .returning()) as [Programme];
  const key = { organizationId: org.id, programmeId: programme.id };
  for (let i = 0; i < starts.length; i++) p.push((await createTestMember(db, { organizationId: org.id, role: 'entrepreneur', name: `Osallistuja ${i + 1}` })).id);
  await db.insert(programmeParticipantStarts).values(starts.map((s, i) => ({ ...key, userId: p[i]!, startedOn: '2026-02-01', ageBandSource: s.ageBand ? ('chosen' as const) : null, ...s })));
  await db.insert(programmeParticipantEnds).values([
    { ...key, userId: p[0]!, endedOn: '2026-05-15', situations: ['in_education', 'qualification'] },
    { ...key, userId: p[7]!, endedOn: '2026-03-01', situations: ['employed', 'job_searching'] },
    // After the period: not a result of this one.
    { ...key, userId: p[1]!, endedOn: '2026-08-01', situations: ['employed'] },
  ]);
  await db.insert(programmeTargets).values([
    { ...key, indicatorCode: 'EECO01', planned: 14 },
    { ...key, indicatorCode: 'EECO19', planned: 4 },
  ]);
  const group = await createTestGroup(db, { organizationId: org.id, name: 'Ohjelman ryhmä', memberIds: p.slice(0, 7) });
  await db.update(groupMembers).set({ joinedAt: new Date('2026-01-15T10:00:00Z') }).where(eq(groupMembers.groupId, group.id));
  await db.insert(programmeGroups).values({ organizationId: org.id, groupId: group.id, programmeOrganizationId: org.id, programmeId: programme.id });
  // Companies: a coached sole trader (p1), a micro company of p3 and p2 (counted once), a small one reached by advice only.
  const sole = await createTestCompany(db, { organizationId: org.id, name: 'Tmi Yksi', size: 'sole', sector: 'sote', municipality: '609' });
  const micro = await createTestCompany(db, { organizationId: org.id, name: 'Kaksi Oy', size: 'micro', sector: 'sote', municipality: '609' });
  const small = await createTestCompany(db, { organizationId: org.id, name: 'Kolme Oy', size: 'small', sector: 'C', municipality: '684' });
  await db.insert(entrepreneurProfiles).values([
    { organizationId: org.id, userId: p[0]!, companyId: sole.id },
    { organizationId: org.id, userId: p[2]!, companyId: micro.id },
    { organizationId: org.id, userId: p[1]!, companyId: micro.id },
  ]);
  // Meetings: two held in the period (2 h each), one cancelled.
  const m1 = await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date('2026-02-10T15:00:00Z'), minutes: 120 });
  const m2 = await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date('2026-03-10T15:00:00Z'), minutes: 120 });
  await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date('2026-04-10T15:00:00Z'), status: 'cancelled' });
  await db.insert(attendance).values([
    { organizationId: org.id, meetingId: m1.id, userId: p[0]!, status: 'present' },
    { organizationId: org.id, meetingId: m1.id, userId: p[1]!, status: 'late' },
    { organizationId: org.id, meetingId: m1.id, userId: p[2]!, status: 'absent' },
    { organizationId: org.id, meetingId: m2.id, userId: p[0]!, status: 'present', hours: '1.5' },
  ]);
  // Advice: one session of an hour for the small company (held), one cancelled.
  const [held, cancelled] = await db
    .insert(adviceSessions)
    .values([
      { organizationId: org.id, advisorUserId: coordinatorUser.id, userId: p[4]!, topic: 'Hinnoittelu', startsAt: new Date('2026-04-01T09:00:00Z'), endsAt: new Date('2026-04-01T10:00:00Z'), mode: 'remote', status: 'held', companyId: small.id },
      { organizationId: org.id, advisorUserId: coordinatorUser.id, userId: p[5]!, topic: 'Peruttu', startsAt: new Date('2026-04-02T09:00:00Z'), endsAt: new Date('2026-04-02T10:00:00Z'), mode: 'remote', status: 'cancelled', companyId: micro.id },
    ])
    .returning();
  await db.insert(programmeAdviceSessions).values([held!, cancelled!].map((s) => ({ organizationId: org.id, sessionId: s.id, programmeOrganizationId: org.id, programmeId: programme.id })));
  // An event in the period with three confirmed registrations, two attended.
  const [event] = await db
    .insert(events)
    .values({ organizationId: org.id, title: 'Infotilaisuus', startsAt: new Date('2026-05-05T14:00:00Z'), endsAt: new Date('2026-05-05T16:00:00Z'), venue: 'Pori', capacity: 50, registrationDeadline: new Date('2026-05-04T00:00:00Z'), status: 'published' })
    .returning();
  await db.insert(eventRegistrations).values(
    [true, true, false].map((attended, i) => ({
      organizationId: org.id,
      eventId: event!.id,
      name: `Vieras ${i}`,
      email: `vieras${i}@example.fi`,
      consentAt: new Date(),
      code: `K${i}${randomUUID().slice(0, 6)}`,
      cancelTokenHash: randomUUID(),
      status: 'confirmed' as const,
      position: i + 1,
      attended,
      attendedAt: attended ? new Date('2026-05-05T14:05:00Z') : null,
    })),
  );
  await db.insert(programmeEvents).values({ organizationId: org.id, eventId: event!.id, programmeOrganizationId: org.id, programmeId: programme.id });
});
afterAll(async () => {
  await database.drop();
});

const value = (r: ProgrammeReport, code: string) => r.indicators.find((i) => i.code === code)!.realised.value;
const values = (figures: Record<string, { value: number }>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.value]));

describe('computeReport', () => {
  it('counts the ESF+ 2021–2027 indicators and their gender breakdown by hand', async () => {
    const r = await computeReport(database.db, programme, period);
    const realised = Object.fromEntries(r.indicators.map((i) => [i.code, i.realised.value]));
    expect(realised).toEqual({
      EECO01: 7,
      EECO02: 3,
      EECO03: 1,
      EECO04: 1,
      EECO05: 3,
      EECO06: 1,
      EECO07: 2,
      EECO08: 1,
      EECO09: 2,
      EECO10: 2,
      EECO11: 2,
      EECO12: 0,
      EECO13: 0,
      EECO14: 0,
      EECO15: 0,
      EECO16: 0,
      EECO17: 0,
      EECO19: 2,
      EECR01: 1,
      EECR02: 1,
      EECR03: 1,
      EECR04: 1,
    });
    const total = r.indicators.find((i) => i.code === 'EECO01')!;
    expect(total.planned).toBe(14);
    expect(values(total.byGender!)).toEqual({ woman: 2, man: 2, non_binary: 1, prefer_not: 1, unanswered: 1 });
    expect(values(r.indicators.find((i) => i.code === 'EECO02')!.byGender!)).toEqual({ woman: 2, man: 0, non_binary: 0, prefer_not: 1, unanswered: 0 });
    // p8 started before the period: a result now (she is a woman), not a participant of this period.
    expect(values(r.indicators.find((i) => i.code === 'EECR04')!.byGender!)).toEqual({ woman: 1, man: 0, non_binary: 0, prefer_not: 0, unanswered: 0 });
    expect(r.indicators.find((i) => i.code === 'EECO19')!.planned).toBe(4);
  });

  it('breaks the period’s participants down by gender, age band, employment status and education', async () => {
    const r = await computeReport(database.db, programme, period);
    expect(values(r.breakdowns.gender)).toEqual({ woman: 2, man: 2, non_binary: 1, prefer_not: 1, unanswered: 1 });
    expect(values(r.breakdowns.age)).toEqual({ under_18: 1, '18_24': 1, '25_29': 1, '30_54': 2, '55_plus': 1, unanswered: 1 });
    expect(values(r.breakdowns.employment)).toEqual({ unemployed: 2, long_term_unemployed: 1, inactive: 1, employed: 3, unanswered: 0 });
    expect(values(r.breakdowns.education)).toEqual({ isced_0_2: 2, isced_3_4: 2, isced_5_8: 2, unanswered: 1 });
    // Every breakdown partitions the total.
    for (const table of Object.values(r.breakdowns)) expect(Object.values(table).reduce((s, f) => s + f.value, 0)).toBe(7);
  });

  it('counts the 2014–2020 indicators from the same rows', async () => {
    const r = await computeReport(database.db, { ...programme, indicatorSet: 'esf2014' }, period);
    expect(value(r, 'CO_TOTAL')).toBe(7);
    expect(value(r, 'CO01')).toBe(3);
    expect(value(r, 'CO06')).toBe(2);
    expect(value(r, 'CO07')).toBe(1);
    // CR01: inactive at the start and job searching on leaving (p8).
    expect(value(r, 'CR01')).toBe(1);
    expect(value(r, 'CR02')).toBe(1);
    expect(value(r, 'CR04')).toBe(1);
    expect(value(r, 'CO23')).toBe(2);
  });

  it('counts each company once, the coached sole trader by the programme’s rule', async () => {
    const asParticipant = await computeReport(database.db, programme, period);
    expect(asParticipant.companies.value).toBe(2);
    expect(values(asParticipant.companyBreakdowns.size)).toEqual({ sole: 0, micro: 1, small: 1, medium: 0 });
    expect(values(asParticipant.companyBreakdowns.sector)).toEqual({ C: 1, sote: 1 });
    expect(values(asParticipant.companyBreakdowns.municipality)).toEqual({ '609': 1, '684': 1 });
    const asCompany = await computeReport(database.db, { ...programme, soleTraderRule: 'company' }, period);
    expect(asCompany.companies.value).toBe(3);
    expect(value(asCompany, 'EECO19')).toBe(3);
    expect(values(asCompany.companyBreakdowns.size)).toEqual({ sole: 1, micro: 1, small: 1, medium: 0 });
    expect(values(asCompany.companyBreakdowns.municipality)).toEqual({ '609': 2, '684': 1 });
  });

  it('counts the activities held in the period', async () => {
    const r = await computeReport(database.db, programme, period);
    expect(values(r.activities)).toEqual({
      meetingsHeld: 2,
      // 2 h (present) + 2 h (late) + 1.5 h (the recorded hours)
      participantHours: 5.5,
      participantsAttending: 2,
      expertSessions: 1,
      expertHours: 1,
      eventsHeld: 1,
      eventAttendees: 2,
      traineesStarted: 0,
      traineesCompleted: 0,
    });
  });

  it('counts nothing outside the period', async () => {
    const r = await computeReport(database.db, programme, { from: '2024-01-01', to: '2024-12-31' });
    expect(r.indicators.every((i) => i.realised.value === 0)).toBe(true);
    expect(values(r.activities)).toMatchObject({ meetingsHeld: 0, participantHours: 0, eventsHeld: 0 });
  });
});

describe('the funder’s view', () => {
  it('withholds the small cells, and no released total minus released cells reveals one', async () => {
    const r = await computeReport(database.db, programme, period);
    const exact = exactReportView(r);
    const released = await releasedReportView(database.db, r);
    expect(released.exact).toBe(false);
    const total = released.indicators.find((i) => i.code === 'EECO01')!;
    // 7 ≥ k: the total is released; every gender cell is below k and withheld.
    expect(total.realised.value).toBe(7);
    for (const cell of Object.values(total.byGender!)) expect(cell.value).toBeNull();
    // Every figure below k is withheld (0 included is about nobody: shown as withheld or 0, never a small positive count).
    const all = [
      ...released.indicators.flatMap((i) => [i.realised, ...Object.values(i.byGender ?? {})]),
      ...Object.values(released.breakdowns).flatMap((t) => t.map((c) => c.cell)),
      ...Object.values(released.activities),
    ];
    const allExact = [
      ...exact.indicators.flatMap((i) => [i.realised, ...Object.values(i.byGender ?? {})]),
      ...Object.values(exact.breakdowns).flatMap((t) => t.map((c) => c.cell)),
      ...Object.values(exact.activities),
    ];
    all.forEach((cell, i) => {
      const truth = allExact[i]!.value!;
      if (cell.value !== null) expect(cell.value).toBe(truth);
      if (cell.figure.startsWith('a:meetingsHeld') || cell.figure.startsWith('a:eventsHeld')) return;
      if (truth > 0 && truth < DISCLOSURE_K) expect(cell.value).toBeNull();
    });
    // Complementary suppression: in every breakdown table, the released total minus the released
    // cells never isolates a single withheld cell.
    for (const table of Object.values(released.breakdowns)) {
      const withheld = table.filter((c) => c.cell.value === null);
      expect(withheld.length === 0 || withheld.length >= 2).toBe(true);
    }
    for (const i of released.indicators) {
      if (!i.byGender) continue;
      const withheld = Object.values(i.byGender).filter((c) => c.value === null && allExact.find((e) => e.figure === c.figure)!.value! > 0);
      if (i.realised.value !== null) expect(withheld.length === 0 || Object.values(i.byGender).filter((c) => c.value === null).length >= 2).toBe(true);
    }
  });

  it('gives a later report no way to difference a withheld group out (the register is consulted)', async () => {
    const r = await computeReport(database.db, programme, period);
    await releasedReportView(database.db, r);
    // A period one participant away: its total would differ by one person from the released one.
    const shorter = await computeReport(database.db, programme, { from: '2026-01-01', to: '2026-06-30' });
    const again = await releasedReportView(database.db, shorter);
    expect(again.indicators.find((i) => i.code === 'EECO01')!.realised.value).toBe(7);
  });
});

describe('the drill-down', () => {
  it('lists the people behind a figure for the coordinator and logs the read', async () => {
    const list = await readReportFigure(coordinator, database, { programmeId: programme.id, period, figure: 'i:EECO02' });
    expect(list.kind).toBe('people');
    expect(list.rows.map((r) => r.name).sort()).toEqual(['Osallistuja 1', 'Osallistuja 2', 'Osallistuja 6']);
    const logged = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read.programmes.report'), eq(auditLog.actorUserId, coordinator.userId)));
    expect(logged).toHaveLength(1);
    expect((logged[0]!.metadata as { subjectCount: number }).subjectCount).toBe(3);
  });

  it('lists the companies behind the SME count', async () => {
    const list = await readReportFigure(coordinator, database, { programmeId: programme.id, period, figure: 'companies' });
    expect(list.rows.map((r) => r.name)).toEqual(['Kaksi Oy', 'Kolme Oy']);
  });

  it('is never the funder’s, and an unknown figure is 404', async () => {
    await expect(readReportFigure(funder, database, { programmeId: programme.id, period, figure: 'i:EECO02' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readReportFigure(coordinator, database, { programmeId: programme.id, period, figure: 'i:NOPE' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
