// The reminder sweep against the real database: which meetings and steps are due (real
// instants in UTC, meetings in Helsinki time across the DST changes), the language of the
// mail, preferences turned off, and exactly once with two workers running at the same time.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createDb, createPool } from '../../platform/db/db.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import type { MailRequest } from '../../platform/mail/mail.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { users } from '../accounts/accounts.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { steps } from '../steps/steps.schema.ts';
import { saveNotificationPreferences } from './notification-preferences.ts';
import { runReminders, type ReminderDeps } from './reminders.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: ReminderDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

type Mail = { to: string; locale: string; template: string; values: Record<string, string> };
async function mailsTo(to: string, template?: string): Promise<Mail[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on`, [to]);
  return rows.map((r) => r.data as Mail).filter((m) => !template || m.template === template);
}

async function person(organizationId: string, role: 'entrepreneur' | 'facilitator' | 'coordinator', locale: 'fi' | 'sv' | 'en' = 'fi') {
  const user = await createTestMember(database.db, { organizationId, role });
  await database.db.update(users).set({ locale }).where(eq(users.id, user.id));
  return user;
}

/** A group with a facilitator (en), two members (fi, sv), one who left, and a coordinator outside it. */
async function setup() {
  const org = await createTestOrganization(database.db);
  const facilitator = await person(org.id, 'facilitator', 'en');
  const aino = await person(org.id, 'entrepreneur', 'fi');
  const stina = await person(org.id, 'entrepreneur', 'sv');
  const left = await person(org.id, 'entrepreneur', 'fi');
  const coordinator = await person(org.id, 'coordinator', 'fi');
  const group = await createTestGroup(database.db, { organizationId: org.id, name: 'Porin yrittäjät', facilitatorIds: [facilitator.id], memberIds: [aino.id, stina.id, left.id] });
  await database.db.update(groupMembers).set({ leftAt: new Date('2026-01-01T00:00:00Z') }).where(eq(groupMembers.userId, left.id));
  return { org, group, facilitator, aino, stina, left, coordinator };
}

describe('meeting reminders', () => {
  it('reminds the current members and facilitators two days before, in Helsinki time across the spring DST change', async () => {
    const s = await setup();
    // Tue 31 March 2026 18:00 in Helsinki (EEST, UTC+3) = 15:00Z; DST began on Sun 29 March.
    const meeting = await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-03-31T15:00:00Z') });
    // 49 hours before: not yet.
    await runReminders(deps, new Date('2026-03-29T14:00:00Z'));
    expect(await mailsTo(s.aino.email, 'meetingReminder')).toHaveLength(0);
    // 48 hours before: due.
    await runReminders(deps, new Date('2026-03-29T15:00:00Z'));
    const [fi] = await mailsTo(s.aino.email, 'meetingReminder');
    expect(fi).toMatchObject({ locale: 'fi', values: { group: 'Porin yrittäjät', where: 'Yrjönkatu 1, 28100 Pori' } });
    expect(fi!.values.when).toContain('31. maaliskuuta 2026');
    expect(fi!.values.when).toContain('18.00');
    const rendered = renderMail(fi as unknown as MailRequest);
    expect(rendered.subject).toBe(`Muistutus: Porin yrittäjät tapaa ${fi!.values.when}`);
    expect(rendered.text).toContain('Paikka: Yrjönkatu 1, 28100 Pori');
    expect((await mailsTo(s.stina.email, 'meetingReminder'))[0]).toMatchObject({ locale: 'sv' });
    const [en] = await mailsTo(s.facilitator.email, 'meetingReminder');
    expect(en).toMatchObject({ locale: 'en' });
    expect(en!.values.when).toContain('18:00');
    expect(await mailsTo(s.left.email)).toHaveLength(0);
    expect(await mailsTo(s.coordinator.email)).toHaveLength(0);
    // A later sweep sends nothing again.
    await runReminders(deps, new Date('2026-03-30T15:00:00Z'));
    expect(await mailsTo(s.aino.email, 'meetingReminder')).toHaveLength(1);
    const sent = await database.db.execute(sql`SELECT count(*)::int AS n FROM reminders_sent WHERE target_id = ${meeting.id} AND kind = 'meeting'`);
    expect(sent.rows[0]!.n).toBe(3);
  });

  it('keeps Helsinki wall time across the autumn DST change, and reminds again when the meeting moves', async () => {
    const s = await setup();
    // Mon 26 October 2026 18:00 in Helsinki (EET, UTC+2) = 16:00Z; DST ended on Sun 25 October.
    const meeting = await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-10-26T16:00:00Z') });
    await runReminders(deps, new Date('2026-10-24T17:00:00Z'));
    const [fi] = await mailsTo(s.aino.email, 'meetingReminder');
    expect(fi!.values.when).toContain('26. lokakuuta 2026');
    expect(fi!.values.when).toContain('18.00');
    // Moved an hour later: a new occasion, so one more reminder.
    await database.pool.query(`UPDATE meetings SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1`, [meeting.id]);
    await runReminders(deps, new Date('2026-10-24T18:00:00Z'));
    const mails = await mailsTo(s.aino.email, 'meetingReminder');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.values.when).toContain('19.00');
  });

  it('skips cancelled, past and far meetings, and other groups', async () => {
    const s = await setup();
    const other = await setup();
    const now = new Date('2026-05-04T09:00:00Z');
    await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-05-05T15:00:00Z'), status: 'cancelled' });
    await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-05-04T08:00:00Z') });
    await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-05-07T15:00:00Z') });
    await createTestMeeting(database.db, { organizationId: other.org.id, groupId: other.group.id, startsAt: new Date('2026-05-05T15:00:00Z') });
    await runReminders(deps, now);
    expect(await mailsTo(s.aino.email)).toHaveLength(0);
    expect(await mailsTo(other.aino.email, 'meetingReminder')).toHaveLength(1);
  });

  it('gives the online link with an online meeting', async () => {
    const s = await setup();
    await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-06-10T15:00:00Z'), format: 'online' });
    await runReminders(deps, new Date('2026-06-09T09:00:00Z'));
    expect((await mailsTo(s.aino.email, 'meetingReminder'))[0]!.values.where).toBe('Verkossa: https://meet.example.fi/tyopeili-testi');
    expect((await mailsTo(s.facilitator.email, 'meetingReminder'))[0]!.values.where).toBe('Online: https://meet.example.fi/tyopeili-testi');
  });

  it('gives the meeting point and the note to dress for the weather with a walking meeting', async () => {
    const s = await setup();
    const walk = await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-06-17T15:00:00Z'), format: 'walking' });
    await database.db.execute(sql`UPDATE meetings SET meeting_point = 'Kirjurinluodon portti', what_to_wear = 'kumisaappaat' WHERE id = ${walk.id}`);
    const bare = await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-06-24T15:00:00Z'), format: 'walking' });
    await database.db.execute(sql`UPDATE meetings SET meeting_point = 'Kuninkaanhaan koulu' WHERE id = ${bare.id}`);
    await runReminders(deps, new Date('2026-06-16T09:00:00Z'));
    await runReminders(deps, new Date('2026-06-23T09:00:00Z'));
    const [first, second] = await mailsTo(s.aino.email, 'meetingReminder');
    expect(first!.values.where).toBe('Kirjurinluodon portti\nPukeudu sään mukaan: kumisaappaat');
    expect(second!.values.where).toBe('Kuninkaanhaan koulu\nPukeudu sään mukaan.');
    expect((await mailsTo(s.stina.email, 'meetingReminder'))[0]!.values.where).toBe('Kirjurinluodon portti\nKlä dig efter vädret: kumisaappaat');
  });

  it('sends nothing to a person who turned meeting reminders off', async () => {
    const s = await setup();
    await saveNotificationPreferences(await actorFor(database.db, s.aino.id, s.org.id), deps, { digest: 'weekly', meetingReminders: false, stepReminders: true });
    await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-06-17T15:00:00Z') });
    await runReminders(deps, new Date('2026-06-16T09:00:00Z'));
    expect(await mailsTo(s.aino.email)).toHaveLength(0);
    expect(await mailsTo(s.stina.email, 'meetingReminder')).toHaveLength(1);
  });

  it('sends exactly one mail per person, meeting and kind when two workers sweep at the same time', async () => {
    const s = await setup();
    const meetings = await Promise.all(
      ['2026-09-02T15:00:00Z', '2026-09-03T06:00:00Z'].map((at) => createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date(at) })),
    );
    await database.db.insert(steps).values({ organizationId: s.org.id, groupId: s.group.id, userId: s.aino.id, text: 'Soitan kirjanpitäjälle', dueOn: '2026-09-02' });
    // A second worker: its own pool of connections and its own pg-boss.
    const pool2 = createPool(database.url, 5);
    const jobs2 = await createJobs(database.url, createLogger('silent'));
    try {
      const deps2: ReminderDeps = { db: createDb(pool2), jobs: jobs2, config: deps.config };
      const now = new Date('2026-09-01T09:00:00Z');
      const results = await Promise.all([runReminders(deps, now), runReminders(deps2, now), runReminders(deps, now), runReminders(deps2, now)]);
      // 2 meetings × 3 people, and 1 step: claimed once in all.
      expect(results.reduce((n, r) => n + r.meetings, 0)).toBe(6);
      expect(results.reduce((n, r) => n + r.steps, 0)).toBe(1);
    } finally {
      await jobs2.stop();
      await pool2.end();
    }
    for (const who of [s.aino, s.stina, s.facilitator]) {
      const mails = await mailsTo(who.email, 'meetingReminder');
      expect(mails).toHaveLength(2);
    }
    expect(await mailsTo(s.aino.email, 'stepReminder')).toHaveLength(1);
    const sent = await database.db.execute(sql`SELECT count(*)::int AS n FROM reminders_sent WHERE organization_id = ${s.org.id}`);
    expect(sent.rows[0]!.n).toBe(7);
    expect(meetings).toHaveLength(2);
  });
});

describe('the claim itself', () => {
  it('a worker that finds the reminder claimed by an unfinished transaction waits, then sends nothing', async () => {
    const s = await setup();
    const meeting = await createTestMeeting(database.db, { organizationId: s.org.id, groupId: s.group.id, startsAt: new Date('2026-11-11T16:00:00Z') });
    const other = await database.pool.connect();
    try {
      // The "first worker": claimed, not yet committed (its mail would commit with it).
      await other.query('BEGIN');
      await other.query(`INSERT INTO reminders_sent (organization_id, kind, target_id, user_id, occasion) VALUES ($1, 'meeting', $2, $3, '2026-11-11T16:00:00Z')`, [s.org.id, meeting.id, s.aino.id]);
      const sweep = runReminders(deps, new Date('2026-11-10T09:00:00Z'));
      await new Promise((r) => setTimeout(r, 500));
      await other.query('COMMIT');
      await sweep;
    } finally {
      other.release();
    }
    expect(await mailsTo(s.aino.email)).toHaveLength(0);
    expect(await mailsTo(s.stina.email, 'meetingReminder')).toHaveLength(1);
  });
});

describe('step reminders', () => {
  it('reminds the owner of an open step due within three days (Helsinki dates), in their language', async () => {
    const s = await setup();
    const step = (userId: string, text: string, dueOn: string, status: 'open' | 'done' = 'open') => ({ organizationId: s.org.id, groupId: s.group.id, userId, text, dueOn, status });
    await database.db.insert(steps).values([
      step(s.stina.id, 'Päivitän hinnaston', '2026-04-02'),
      step(s.stina.id, 'Liian kaukana', '2026-04-03'),
      step(s.stina.id, 'Jo myöhässä', '2026-03-29'),
      step(s.stina.id, 'Tehty jo', '2026-03-31', 'done'),
      step(s.left.id, 'Lähtenyt ryhmästä', '2026-03-31'),
    ]);
    // 22:30Z on 29 March is already 30 March, 01:30 in Helsinki: "today" is the 30th.
    const result = await runReminders(deps, new Date('2026-03-29T22:30:00Z'));
    expect(result.steps).toBe(1);
    const mails = await mailsTo(s.stina.email, 'stepReminder');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ locale: 'sv', values: { step: 'Päivitän hinnaston' } });
    expect(mails[0]!.values.due).toContain('2 april 2026');
    expect(await mailsTo(s.left.email)).toHaveLength(0);
    await runReminders(deps, new Date('2026-03-30T22:30:00Z'));
    expect(await mailsTo(s.stina.email, 'stepReminder')).toHaveLength(2);
  });

  it('sends nothing to a person who turned step reminders off', async () => {
    const s = await setup();
    await saveNotificationPreferences(await actorFor(database.db, s.aino.id, s.org.id), deps, { digest: 'off', meetingReminders: true, stepReminders: false });
    await database.db.insert(steps).values({ organizationId: s.org.id, groupId: s.group.id, userId: s.aino.id, text: 'Lepään', dueOn: '2026-07-02' });
    await runReminders(deps, new Date('2026-07-01T09:00:00Z'));
    expect(await mailsTo(s.aino.email)).toHaveLength(0);
  });
});
