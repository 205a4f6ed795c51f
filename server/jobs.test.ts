// The composition root for jobs: every queue has its one handler, and the hourly
// maintenance runs the features' prunes (here: the accounts' expired sessions).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMember, createTestOrganization } from '../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.ts';
import { createSession } from '../src/features/accounts/sessions.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createJobs, queueNames, type Jobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { Services } from '../src/platform/services.ts';
import { jobHandlers } from './jobs.ts';

let database: TestDatabase;
let jobs: Jobs;
let services: Services;
beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'off' });
  const log = createLogger('silent');
  jobs = await createJobs(database.url, log);
  services = { config, pool: database.pool, db: database.db, reportDb: database.db, log, jobs };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

describe('jobHandlers', () => {
  it('gives every queue exactly one handler', () => {
    expect(jobHandlers(services).map((h) => h.name).sort()).toEqual([...queueNames].sort());
  });

  it("runs the accounts' prune in the maintenance job", async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' });
    await createSession(database.db, { userId: user.id, rememberMe: false, now: new Date(Date.now() - 13 * 3600_000) });
    const live = await createSession(database.db, { userId: user.id, rememberMe: false });
    const maintenance = jobHandlers(services).find((h) => h.name === 'maintenance.prune')!;
    await maintenance.handle({} as never, { jobId: 'test' });
    const sessions = await database.db.execute(sql`SELECT id FROM sessions`);
    expect(sessions.rows.map((r) => r.id)).toEqual([live.id]);
  });
});
