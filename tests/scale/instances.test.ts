// More than one app instance on one database (issue 13, point 4): two `node server/main.ts`
// with WORKER=off and two `npm run worker` processes share the test database (the machine's
// PostgreSQL in CI's second run). Sign-ins, sessions and rate limits cross instances; writes
// acknowledged before one instance is killed with SIGKILL are all there; each meeting reminder
// and board digest goes exactly once although both workers sweep at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/database.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { hashTestPassword } from '../factories/people.ts';
import { createJobs } from '../../src/platform/jobs/jobs.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { rateLimitRules } from '../../src/platform/http/rate-limit.ts';
import { createPost } from '../../src/features/board/create-post.ts';
import { saveNotificationPreferences } from '../../src/features/reminders/notification-preferences.ts';
import { killAll, post, sessionCookie, startInstance, startWorker, waitFor, type Proc } from './processes.ts';

const PASSWORD = 'kaksi instanssia, yksi tietokanta';

let database: TestDatabase;

let a: Proc;
let b: Proc;
let urlA = '';
let urlB = '';

beforeAll(async () => {
  database = await createTestDatabase();
  a = startInstance(database.url);
  b = startInstance(database.url);
  [urlA, urlB] = await Promise.all([a.url, b.url]);
});
afterAll(async () => {
  killAll();
  await database?.drop();
});

describe('two app instances on one database', () => {
  it('a session made on one instance is valid on the other, and signing out on it ends it everywhere', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', passwordHash: await hashTestPassword(PASSWORD) });
    const signedIn = await post(urlA, '/sign-in', { email: user.email, password: PASSWORD });
    expect(signedIn.status).toBe(302);
    const cookie = sessionCookie(signedIn);
    const onB = await fetch(urlB + '/profile', { headers: { cookie }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(user.email);
    const signOut = await post(urlB, '/sign-out', {}, { cookie });
    expect(signOut.status).toBe(302);
    const onA = await fetch(urlA + '/journal', { headers: { cookie }, redirect: 'manual' });
    expect(onA.status).toBe(302);
    expect(onA.headers.get('location')).toMatch(/^\/sign-in/);
  });

  it('counts sign-in attempts against one limit whichever instance they reach', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', passwordHash: await hashTestPassword(PASSWORD) });
    const limit = rateLimitRules.signInPerAccount.limit;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 2; i++) {
      // a different client address each time: only the per-account limit can bite
      const res = await post(i % 2 ? urlB : urlA, '/sign-in', { email: user.email, password: 'väärä salasana tässä' }, { 'x-forwarded-for': `198.51.100.${i + 1}` });
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(400));
    expect(statuses.slice(limit)).toEqual([429, 429]);
  });

  it('keeps every acknowledged write when one instance is killed midway', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', passwordHash: await hashTestPassword(PASSWORD) });
    const signedIn = await post(urlA, '/sign-in', { email: user.email, password: PASSWORD });
    const cookie = sessionCookie(signedIn);
    const acknowledged: string[] = [];
    let failedOnA = 0;
    let ackOnA = 0;
    const writer = async (base: string, name: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const text = `merkintä ${name}-${i}`;
        try {
          const res = await post(base, '/journal', { text }, { cookie });
          if (res.status === 302 && res.headers.get('location') === '/journal?done=saved') {
            acknowledged.push(text);
            if (base === urlA) ackOnA++;
          }
          await res.arrayBuffer();
        } catch {
          if (base === urlA) failedOnA++;
        }
      }
    };
    const killer = (async () => {
      await waitFor(async () => ackOnA >= 8, 'eight writes acknowledged by A', 60_000);
      a.child.kill('SIGKILL');
    })();
    await Promise.all([writer(urlA, 'a1', 40), writer(urlA, 'a2', 40), writer(urlB, 'b1', 25), writer(urlB, 'b2', 25), killer]);
    expect(await a.exited).toBe(null);
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(failedOnA).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(8 + 50);
    const page = await (await fetch(urlB + '/journal', { headers: { cookie } })).text();
    const missing = acknowledged.filter((text) => !page.includes(text));
    expect(missing).toEqual([]);
    // and nothing half-written: every stored entry decrypts on B (the count matches the page)
    const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_entries WHERE user_id = $1', [user.id]);
    expect(page.match(/merkintä [ab]\d-\d+/g)?.length).toBe(rows[0]!.n);
  });
});

describe('two workers beside the instances', () => {
  it('send each meeting reminder and each board digest exactly once', async () => {
    const workers = [startWorker(database.url), startWorker(database.url)];
    await Promise.all(workers.map((w) => w.url));
    const org = await createTestOrganization(database.db);
    const facilitator = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    const members = await Promise.all([0, 1, 2].map(() => createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' })));
    const group = await createTestGroup(database.db, { organizationId: org.id, name: 'Kahden työläisen ryhmä', facilitatorIds: [facilitator.id], memberIds: members.map((m) => m.id) });
    const now = Date.now();
    await createTestMeeting(database.db, { organizationId: org.id, groupId: group.id, startsAt: new Date(now + 47 * 3600_000) });
    // daily digests whose day is up, with a post by the first member since
    for (const person of [facilitator, ...members]) {
      const actor = await actorFor(database.db, person.id, org.id);
      await saveNotificationPreferences(actor, { db: database.db }, { digest: 'daily', meetingReminders: true, stepReminders: true }, { now: new Date(now - 25 * 3600_000) });
    }
    const poster = await actorFor(database.db, members[0]!.id, org.id);
    await createPost(poster, { db: database.db }, { organizationId: org.id, groupId: group.id, body: 'Hei kaikki' }, { now: new Date(now - 24 * 3600_000) });

    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 4; i++) {
          await jobs.send(tx, 'reminders.sweep', {});
          await jobs.send(tx, 'board.digest', {});
        }
      });
    } finally {
      await jobs.stop();
    }
    const done = async (name: string) =>
      (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [name])).rows[0]!.n >= 4;
    await waitFor(async () => (await done('reminders.sweep')) && (await done('board.digest')), 'the sweeps to complete');
    const everyone = [facilitator, ...members];
    const mails = async () =>
      (await database.pool.query<{ to: string; subject: string }>('SELECT "to", subject FROM dev_mailbox WHERE "to" = ANY($1)', [everyone.map((p) => p.email)])).rows;
    // reminders to all four, digests to the three who did not write the post
    await waitFor(async () => (await mails()).length >= 7, 'seven mails', 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // a late duplicate would land by now (jobs poll every 2 s)
    const byPerson = new Map<string, string[]>();
    for (const m of await mails()) byPerson.set(m.to, [...(byPerson.get(m.to) ?? []), m.subject]);
    expect(byPerson.get(members[0]!.email)).toHaveLength(1);
    for (const p of [facilitator, members[1]!, members[2]!]) expect(byPerson.get(p.email), p.email).toHaveLength(2);
    expect(new Set([...byPerson.values()].flat()).size).toBe(2);
    for (const w of workers) w.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
  });
});
