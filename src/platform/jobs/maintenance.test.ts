import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createSession } from '../../features/accounts/sessions.ts';
import { hitRateLimit, rateLimitRules } from '../http/rate-limit.ts';
import { verificationTokens } from '../../features/accounts/accounts.schema.ts';
import { devMailbox } from '../mail/mail.schema.ts';
import { pruneExpired } from './maintenance.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('maintenance', () => {
  it('drops expired sessions and old rate-limit windows, keeps live ones', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    const old = new Date(Date.now() - 13 * 3600_000);
    await createSession(database.db, { userId: user.id, rememberMe: false, now: old });
    const live = await createSession(database.db, { userId: user.id, rememberMe: false });
    await hitRateLimit(database.db, rateLimitRules.signInPerIp, '10.0.0.1', new Date(Date.now() - 3 * 24 * 3600_000));
    await hitRateLimit(database.db, rateLimitRules.signInPerIp, '10.0.0.1');
    await pruneExpired(database.db);
    const sessions = await database.db.execute(sql`SELECT id FROM sessions`);
    expect(sessions.rows.map((r) => r.id)).toEqual([live.id]);
    const buckets = await database.db.execute(sql`SELECT count(*)::int AS n FROM rate_limit_buckets`);
    expect(buckets.rows[0]!.n).toBe(1);
  });

  it('drops used and expired one-time tokens after a day, and dev mail after 30 days', async () => {
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
    await database.db.insert(devMailbox).values([
      { to: 'new@example.fi', subject: 'uusi', text: 't', html: 'h', createdAt: new Date(now - 29 * 24 * 3600_000) },
      { to: 'old@example.fi', subject: 'vanha', text: 't', html: 'h', createdAt: new Date(now - 31 * 24 * 3600_000) },
    ]);
    await pruneExpired(database.db);
    const left = await database.db.select({ hash: verificationTokens.tokenHash }).from(verificationTokens);
    expect(left.map((r) => r.hash).sort()).toEqual(['expired-recently', 'live', 'used-recently']);
    const mails = await database.db.select({ subject: devMailbox.subject }).from(devMailbox);
    expect(mails.map((m) => m.subject)).toEqual(['uusi']);
  });
});
