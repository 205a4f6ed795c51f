// Session limits against the real database: staff 12 h absolute / 30 min idle,
// entrepreneurs who stay signed in 30 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createSession, deleteAllSessions, validateSession } from './sessions.ts';

let database: TestDatabase;
let orgId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createTestOrganization(database.db)).id;
});
afterAll(async () => {
  await database?.drop();
});

const t0 = new Date('2026-11-23T08:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('session limits', () => {
  it('ends a staff session after 30 idle minutes', async () => {
    const staff = await createTestMember(database.db, { organizationId: orgId, role: 'facilitator' });
    const s = await createSession(database.db, { userId: staff.id, rememberMe: true, now: t0 });
    expect(s.persistent).toBe(false); // staff never get a 30-day session
    expect(await validateSession(database.db, s.token, after(29 * MIN))).not.toBeNull();
    expect(await validateSession(database.db, s.token, after(29 * MIN + 30 * MIN + 1000))).toBeNull();
  });

  it('ends a staff session after 12 hours however active', async () => {
    const staff = await createTestMember(database.db, { organizationId: orgId, role: 'coordinator' });
    const s = await createSession(database.db, { userId: staff.id, rememberMe: false, now: t0 });
    for (let m = 20; m < 12 * 60; m += 20) expect(await validateSession(database.db, s.token, after(m * MIN)), `at ${m} min`).not.toBeNull();
    expect(await validateSession(database.db, s.token, after(12 * HOUR))).toBeNull();
  });

  it('keeps an entrepreneur who chose it signed in for 30 days', async () => {
    const e = await createTestMember(database.db, { organizationId: orgId, role: 'entrepreneur' });
    const s = await createSession(database.db, { userId: e.id, rememberMe: true, now: t0 });
    expect(s.persistent).toBe(true);
    expect(await validateSession(database.db, s.token, after(29 * 24 * HOUR))).not.toBeNull();
    expect(await validateSession(database.db, s.token, after(30 * 24 * HOUR + 1000))).toBeNull();
  });

  it('stores only a hash of the token and refuses junk', async () => {
    const e = await createTestMember(database.db, { organizationId: orgId, role: 'entrepreneur' });
    const s = await createSession(database.db, { userId: e.id, rememberMe: false, now: t0 });
    const { rows } = await database.pool.query('SELECT id FROM sessions WHERE user_id = $1', [e.id]);
    expect(rows[0].id).not.toBe(s.token);
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(await validateSession(database.db, "'; DROP TABLE sessions; --", t0)).toBeNull();
    expect(await deleteAllSessions(database.db, e.id)).toBe(1);
  });
});
