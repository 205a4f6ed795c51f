import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { hitRateLimit, rateLimitRules } from '../http/rate-limit.ts';
import { devMailbox } from '../mail/mail.schema.ts';
import { pruneExpired, type Prune } from './maintenance.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('maintenance', () => {
  it('drops old rate-limit windows, keeps live ones', async () => {
    await hitRateLimit(database.db, rateLimitRules.signInPerIp, '10.0.0.1', new Date(Date.now() - 3 * 24 * 3600_000));
    await hitRateLimit(database.db, rateLimitRules.signInPerIp, '10.0.0.1');
    await pruneExpired(database.db);
    const buckets = await database.db.execute(sql`SELECT count(*)::int AS n FROM rate_limit_buckets`);
    expect(buckets.rows[0]!.n).toBe(1);
  });

  it('drops dev mail after 30 days', async () => {
    const now = Date.now();
    await database.db.insert(devMailbox).values([
      { to: 'new@example.fi', subject: 'uusi', text: 't', html: 'h', createdAt: new Date(now - 29 * 24 * 3600_000) },
      { to: 'old@example.fi', subject: 'vanha', text: 't', html: 'h', createdAt: new Date(now - 31 * 24 * 3600_000) },
    ]);
    await pruneExpired(database.db);
    const mails = await database.db.select({ subject: devMailbox.subject }).from(devMailbox);
    expect(mails.map((m) => m.subject)).toEqual(['uusi']);
  });

  it("runs each feature's prune with the same moment, in the order given", async () => {
    const seen: string[] = [];
    const prune = (name: string): Prune => async (_db, at) => {
      seen.push(`${name}@${at.toISOString()}`);
    };
    const now = new Date('2026-12-02T10:00:00Z');
    await pruneExpired(database.db, now, [prune('a'), prune('b')]);
    expect(seen).toEqual(['a@2026-12-02T10:00:00.000Z', 'b@2026-12-02T10:00:00.000Z']);
  });
});
