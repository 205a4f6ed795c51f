import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createSession } from '../../features/accounts/sessions.ts';
import { hitRateLimit, rateLimitRules } from '../http/rate-limit.ts';
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
});
