// The accounts' share of the hourly clean-up, against the real database.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { verificationTokens } from './accounts.schema.ts';
import { pruneExpiredAccounts } from './prune.ts';
import { createSession } from './sessions.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('pruneExpiredAccounts', () => {
  it('drops expired sessions, keeps live ones', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    const old = new Date(Date.now() - 13 * 3600_000);
    await createSession(database.db, { userId: user.id, rememberMe: false, now: old });
    const live = await createSession(database.db, { userId: user.id, rememberMe: false });
    await pruneExpiredAccounts(database.db, new Date());
    const sessions = await database.db.execute(sql`SELECT id FROM sessions`);
    expect(sessions.rows.map((r) => r.id)).toEqual([live.id]);
  });

  it('drops used and expired one-time tokens after a day', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
    const now = Date.now();
    const hours = (h: number) => new Date(now + h * 3600_000);
    const token = (name: string, expiresAt: Date, usedAt: Date | null) => ({ userId: user.id, purpose: 'sign_in_code' as const, tokenHash: name, expiresAt, usedAt });
    await database.db.insert(verificationTokens).values([
      token('live', hours(1), null),
      token('used-recently', hours(1), hours(-1)),
      token('expired-recently', hours(-2), null),
      token('used-long-ago', hours(20), hours(-25)),
      token('expired-long-ago', hours(-25), null),
    ]);
    await pruneExpiredAccounts(database.db, new Date(now));
    const left = await database.db.select({ hash: verificationTokens.tokenHash }).from(verificationTokens);
    expect(left.map((r) => r.hash).sort()).toEqual(['expired-recently', 'live', 'used-recently']);
  });
});
