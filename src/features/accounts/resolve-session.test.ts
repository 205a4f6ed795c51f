// resolveSession (one round trip) against the real database: the same answer as validateSession
// + loadActor, the same limits, and exactly one statement for a session seen within the minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createDb, createPool } from '../../platform/db/db.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { createSession, loadActor, resolveSession, validateSession } from './sessions.ts';

let database: TestDatabase;
let orgA: string;
let orgB: string;
beforeAll(async () => {
  database = await createTestDatabase();
  orgA = (await createTestOrganization(database.db, { name: 'Alpha' })).id;
  orgB = (await createTestOrganization(database.db, { name: 'Beta' })).id;
});
afterAll(async () => {
  await database?.drop();
});

const t0 = new Date('2026-11-23T08:00:00Z');
const MIN = 60_000;

describe('resolveSession', () => {
  it('gives the same session and actor as validateSession + loadActor, memberships in name order', async () => {
    const person = await createTestMember(database.db, { organizationId: orgB, role: 'facilitator', name: 'Fanni' });
    await database.db.insert(memberships).values({ organizationId: orgA, userId: person.id, role: 'expert' });
    const s = await createSession(database.db, { userId: person.id, rememberMe: false, now: t0 });
    const resolved = await resolveSession(database.db, s.token, new Date(t0.getTime() + 10_000));
    const session = await validateSession(database.db, s.token, new Date(t0.getTime() + 10_000));
    expect(resolved.session).toEqual(session);
    const actor = await loadActor(database.db, session!);
    expect(resolved.actor).toEqual(actor);
    expect(resolved.actor?.memberships.map((m) => m.organizationName)).toEqual(['Alpha', 'Beta']);
    expect(resolved.actor?.role).toBe('facilitator'); // the session's active organisation (the first at creation: Beta)
  });

  it('ends a staff session after 30 idle minutes and answers nothing for a bad or unknown token', async () => {
    const staff = await createTestMember(database.db, { organizationId: orgA, role: 'coordinator' });
    const s = await createSession(database.db, { userId: staff.id, rememberMe: false, now: t0 });
    expect((await resolveSession(database.db, s.token, new Date(t0.getTime() + 29 * MIN))).actor).not.toBeNull();
    expect(await resolveSession(database.db, s.token, new Date(t0.getTime() + 60 * MIN))).toEqual({ session: null, actor: null });
    expect(await resolveSession(database.db, s.token, new Date(t0.getTime() + 61 * MIN))).toEqual({ session: null, actor: null });
    expect(await resolveSession(database.db, 'not a token!', t0)).toEqual({ session: null, actor: null });
    expect(await resolveSession(database.db, 'a'.repeat(32), t0)).toEqual({ session: null, actor: null });
  });

  it('has no actor while the second factor is still to give', async () => {
    const staff = await createTestMember(database.db, { organizationId: orgA, role: 'coordinator' });
    const s = await createSession(database.db, { userId: staff.id, rememberMe: false, now: t0, secondFactorDone: false });
    const resolved = await resolveSession(database.db, s.token, t0);
    expect(resolved.session?.secondFactorDone).toBe(false);
    expect(resolved.actor).toBeNull();
  });

  it('reads a session seen within the minute in one statement', async () => {
    const person = await createTestMember(database.db, { organizationId: orgA, role: 'entrepreneur' });
    const now = new Date();
    const s = await createSession(database.db, { userId: person.id, rememberMe: true, now });
    const pool = createPool(database.url, 1);
    let statements = 0;
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        statements++;
        return query(...args);
      };
    });
    const db = createDb(pool);
    await pool.query('SELECT 1'); // connect first
    statements = 0;
    const resolved = await resolveSession(db, s.token, new Date(now.getTime() + 5_000));
    await pool.end();
    expect(resolved.actor?.userId).toBe(person.id);
    expect(statements).toBe(1);
  });
});
