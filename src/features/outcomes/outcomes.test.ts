// Outcome measurement against the real database: consent, due check-ins opened as drafts,
// draft correction and final submission with scores, withdrawal (keep or erase), the n ≥ 5
// group trend, anonymous meeting feedback, and the audit-logged research export.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { sendCheckInReminders } from './check-in-reminders.ts';
import { exportResearchAnswers } from './export-research-answers.ts';
import { giveConsent } from './give-consent.ts';
import { giveMeetingFeedback } from './give-meeting-feedback.ts';
import { openDueCheckIns } from './open-due-check-ins.ts';
import { CheckInSubmittedError, FeedbackGivenError, InvalidAnswersError, NoConsentError } from './outcomes.errors.ts';
import { groupFeedback, groupTrend, listAnswers, listOwnScores } from './outcomes.queries.ts';
import { checkInAnswers, checkIns, meetingFeedback } from './outcomes.schema.ts';
import { saveCheckIn } from './save-check-in.ts';
import { withdrawConsent } from './withdraw-consent.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const full = (who: number, extra: Partial<Record<string, Record<string, number | string>>> = {}) => ({
  'who-5': { cheerful: who, calm: who, active: who, rested: who, interest: who },
  'work-ability-score': { current: 7 },
  'life-satisfaction': { overall: 7 },
  'three-item-loneliness': { companionship: 1, 'left-out': 1, isolated: 1 },
  'business-indicators': {},
  ...extra,
});

async function setup(memberCount = 1) {
  const db = database.db;
  const org = await createTestOrganization(db);
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const members = [];
  for (let i = 0; i < memberCount; i++) members.push(await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' }));
  const group = await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: members.map((m) => m.id) });
  return { org, facilitator, members, group };
}

describe('check-ins', () => {
  it('opens nothing without consent, and the baseline once consent is given', async () => {
    const { org, members } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    expect(await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId })).toEqual([]);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const open = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    expect(open.map((c) => c.kind)).toEqual(['baseline']);
    // idempotent
    expect((await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId })).map((c) => c.id)).toEqual(open.map((c) => c.id));
  });

  it('lets a draft be corrected until it is submitted; a submitted check-in is final and scored', async () => {
    const { org, members } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const [baseline] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    const scope = { organizationId: org.id, checkInId: baseline!.id };
    await saveCheckIn(me, database, { ...scope, answers: { 'who-5': { cheerful: 1 } }, submit: false });
    await saveCheckIn(me, database, { ...scope, answers: { 'who-5': { cheerful: 2, calm: 3 } }, submit: false });
    expect((await listAnswers(database.db, scope))['who-5']).toEqual({ cheerful: 2, calm: 3 });
    await expect(saveCheckIn(me, database, { ...scope, answers: { 'who-5': { cheerful: 2 } }, submit: true })).rejects.toBeInstanceOf(InvalidAnswersError);
    await expect(saveCheckIn(me, database, { ...scope, answers: { 'who-5': { cheerful: 9 } }, submit: false })).rejects.toBeInstanceOf(InvalidAnswersError);
    await saveCheckIn(me, database, { ...scope, answers: full(3), submit: true });
    await expect(saveCheckIn(me, database, { ...scope, answers: full(4), submit: false })).rejects.toBeInstanceOf(CheckInSubmittedError);
    await expect(saveCheckIn(me, database, { ...scope, answers: full(4), submit: true })).rejects.toBeInstanceOf(CheckInSubmittedError);
    const scores = await listOwnScores(database.db, { organizationId: org.id, userId: me.userId });
    expect(scores.find((s) => s.instrumentId === 'who-5')).toMatchObject({ score: 60, band: 'no-indication', kind: 'baseline' });
  });

  it('lets nobody else save or submit a person\'s check-in', async () => {
    const { org, members, facilitator } = await setup(2);
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const [baseline] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    const other = await actorFor(database.db, members[1]!.id);
    const fac = await actorFor(database.db, facilitator.id);
    const input = { organizationId: org.id, checkInId: baseline!.id, answers: full(3), submit: false };
    await expect(saveCheckIn(other, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCheckIn(fac, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(giveConsent(fac, database, { organizationId: org.id, userId: me.userId })).rejects.toBeInstanceOf(ForbiddenError);
    const otherOrg = await createTestOrganization(database.db);
    const outsider = await actorFor(database.db, (await createTestMember(database.db, { organizationId: otherOrg.id, role: 'coordinator' })).id);
    await expect(saveCheckIn(outsider, database, input)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('asks for a pulse after a meeting has started', async () => {
    const { org, members, group } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const meeting = await createTestMeeting(database.db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 3600_000) });
    expect((await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId })).map((c) => c.kind)).toEqual(['baseline']);
    const later = new Date(Date.now() + 3 * 3600_000);
    const open = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId }, { now: later });
    expect(open.map((c) => [c.kind, c.meetingId])).toEqual([
      ['baseline', null],
      ['pulse', meeting.id],
    ]);
  });
});

describe('withdrawal', () => {
  it('stops collection and keeps submitted answers when the person chooses keep', async () => {
    const { org, members } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const [baseline] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    await saveCheckIn(me, database, { organizationId: org.id, checkInId: baseline!.id, answers: full(3), submit: true });
    await withdrawConsent(me, database, { organizationId: org.id, userId: me.userId, choice: 'keep' });
    expect(await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId }, { now: new Date(Date.now() + 200 * 86_400_000) })).toEqual([]);
    expect((await listOwnScores(database.db, { organizationId: org.id, userId: me.userId })).length).toBeGreaterThan(0);
    await expect(withdrawConsent(me, database, { organizationId: org.id, userId: me.userId, choice: 'keep' })).rejects.toBeInstanceOf(NoConsentError);
  });

  it('erases answers and scores when the person chooses erase, and drafts cannot be saved after withdrawal', async () => {
    const { org, members } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const [baseline] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    await saveCheckIn(me, database, { organizationId: org.id, checkInId: baseline!.id, answers: full(3), submit: true });
    const [pulse] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId }, { now: new Date(Date.now() + 190 * 86_400_000) });
    await withdrawConsent(me, database, { organizationId: org.id, userId: me.userId, choice: 'erase' });
    const rows = await database.db.select().from(checkIns).where(and(eq(checkIns.organizationId, org.id), eq(checkIns.userId, me.userId)));
    expect(rows).toEqual([]);
    const answers = await database.db.select().from(checkInAnswers).where(and(eq(checkInAnswers.organizationId, org.id), eq(checkInAnswers.checkInId, baseline!.id)));
    expect(answers).toEqual([]);
    expect(await listOwnScores(database.db, { organizationId: org.id, userId: me.userId })).toEqual([]);
    await expect(saveCheckIn(me, database, { organizationId: org.id, checkInId: pulse!.id, answers: {}, submit: false })).rejects.toBeInstanceOf(NotFoundError);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, 'outcomes.consent_withdrawn')));
    expect(audit).toHaveLength(1);
  });
});

describe('group trend and feedback', () => {
  it('shows an average only when at least 5 members answered', async () => {
    const { org, members, group } = await setup(5);
    for (const [i, m] of members.entries()) {
      const actor = await actorFor(database.db, m.id);
      await giveConsent(actor, database, { organizationId: org.id, userId: m.id });
      const [baseline] = await openDueCheckIns(actor, database, { organizationId: org.id, userId: m.id });
      await saveCheckIn(actor, database, { organizationId: org.id, checkInId: baseline!.id, answers: full(i), submit: true });
      const trend = await groupTrend(database.db, { organizationId: org.id, groupId: group.id });
      const who = trend.waves.find((w) => w.instrumentId === 'who-5' && w.wave === 0)!;
      expect(who.cell.n).toBe(i + 1);
      expect(who.cell.mean).toBe(i + 1 >= 5 ? 40 : null);
    }
  });

  it('stores feedback without a user id, once per member, after the meeting started', async () => {
    const { org, members, group, facilitator } = await setup(2);
    const meeting = await createTestMeeting(database.db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() - 3600_000) });
    const upcoming = await createTestMeeting(database.db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 86_400_000) });
    const me = await actorFor(database.db, members[0]!.id);
    const input = { organizationId: org.id, meetingId: meeting.id, useful: 5, safe: 4, comment: 'Hyvä kierros' };
    await giveMeetingFeedback(me, database, input);
    await expect(giveMeetingFeedback(me, database, input)).rejects.toBeInstanceOf(FeedbackGivenError);
    await expect(giveMeetingFeedback(me, database, { ...input, meetingId: upcoming.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(giveMeetingFeedback(await actorFor(database.db, facilitator.id), database, input)).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await database.db.select().from(meetingFeedback).where(eq(meetingFeedback.meetingId, meeting.id));
    expect(Object.values(row!)).not.toContain(me.userId);
    const [summary] = await groupFeedback(database.db, { organizationId: org.id, groupId: group.id });
    expect(summary).toMatchObject({ n: 1, useful: null, safe: null, comments: ['Hyvä kierros'] });
  });
});

describe('research export', () => {
  it('is for installation admins only, pseudonymised and audit-logged', async () => {
    const { org, members } = await setup();
    const me = await actorFor(database.db, members[0]!.id);
    await giveConsent(me, database, { organizationId: org.id, userId: me.userId });
    const [baseline] = await openDueCheckIns(me, database, { organizationId: org.id, userId: me.userId });
    await saveCheckIn(me, database, { organizationId: org.id, checkInId: baseline!.id, answers: full(3), submit: true });
    const coordinator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' })).id);
    await expect(exportResearchAnswers(coordinator, database, { organizationId: org.id, purpose: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const adminOrg = await createTestOrganization(database.db);
    const adminUser = await createTestMember(database.db, { organizationId: adminOrg.id, role: 'admin' });
    const admin = await actorFor(database.db, adminUser.id);
    const rows = await exportResearchAnswers(admin, database, { organizationId: org.id, purpose: 'Vaikuttavuustutkimus 2026' });
    expect(rows).toHaveLength(10);
    expect(JSON.stringify(rows)).not.toContain(me.userId);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, 'outcomes.research_export')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.userId);
  });
});

describe('reminders', () => {
  it('mails each due baseline or 6-month check-in once, and nothing without consent', async () => {
    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      const { org, members } = await setup(2);
      const [me, other] = members;
      await giveConsent(await actorFor(database.db, me!.id), database, { organizationId: org.id, userId: me!.id });
      const mails = async (to: string) => (await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1`, [to])).rows.map((r) => r.data);
      await sendCheckInReminders(database.db, jobs, { appUrl: 'https://tyopeili.example' });
      await sendCheckInReminders(database.db, jobs, { appUrl: 'https://tyopeili.example' });
      const sent = await mails(me!.email);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template: 'checkInDue', locale: 'fi' });
      expect(sent[0].values.url).toMatch(/^https:\/\/tyopeili\.example\/check-in\/[0-9a-f-]{36}$/);
      expect(await mails(other!.email)).toEqual([]);
      await sendCheckInReminders(database.db, jobs, { appUrl: 'https://tyopeili.example', now: new Date(Date.now() + 190 * 86_400_000) });
      expect(await mails(me!.email)).toHaveLength(2);
    } finally {
      await jobs.stop();
    }
  });
});
