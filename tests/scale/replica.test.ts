// DATABASE_REPLICA_URL (issue 13, point 4): with a streaming standby made by pg_basebackup, the
// programme evaluation reads its rows from the standby. Shown by pausing the standby's replay:
// people written to the primary afterwards are not in the coordinator's figures until the
// replay resumes, while sign-in and the page itself keep working on the primary.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/start.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createEvaluationPerson } from '../factories/evaluation.ts';
import { createTestGroup } from '../factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { findServerBinaries, startLocalCluster, type LocalCluster } from './local-cluster.ts';

const bin = findServerBinaries();
if (!bin) console.warn('replica.test.ts skipped: no PostgreSQL server binaries with pg_basebackup in /usr/lib/postgresql/*/bin');

describe.skipIf(!bin)('a streaming replica for the evaluation reads', () => {
  let cluster: LocalCluster;
  let app: RunningApp;
  let standby: pg.Client;
  let cookie = '';
  let organizationId = '';
  let groupId = '';

  beforeAll(async () => {
    cluster = await startLocalCluster(bin!, { standby: true });
    const config = loadConfig({
      NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_SEED: 'off',
      DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URL: cluster.standbyUrl!,
    });
    app = await startApp({ config, log: createLogger('silent'), seedDemo: false, runWorker: false });
    standby = new pg.Client({ connectionString: cluster.standbyUrl });
    await standby.connect();
    const db = app.services.db;
    const organization = await createTestOrganization(db);
    organizationId = organization.id;
    const coordinator = await createTestMember(db, { organizationId, role: 'coordinator' });
    cookie = (await signIn(db, coordinator.id)).cookie;
    groupId = (await createTestGroup(db, { organizationId, format: 'online' })).id;
  });
  afterAll(async () => {
    await standby?.end().catch(() => {});
    await app?.stop();
    await cluster?.stop();
  });

  /** Until the standby has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const { rows } = await app.services.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    for (let i = 0; i < 200; i++) {
      const r = await standby.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [rows[0]!.lsn]);
      if (r.rows[0]?.done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the standby did not catch up');
  }

  const evaluation = () =>
    fetch(`${app.url}/evaluation?period=2025&instrument=who-5&comparison=latest`, { headers: { cookie }, redirect: 'manual' });

  it('is a standby, and the app sends the evaluation rows to it', async () => {
    expect((await standby.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(true);
    await caughtUp();
    await standby.query('SELECT pg_wal_replay_pause()');
    // 12 people with a baseline and a follow-up, written to the primary while the standby waits
    for (let i = 0; i < 12; i++) {
      await createEvaluationPerson(app.services.db, {
        organizationId, groupId, birthYear: 1975, gender: i % 2 ? 'female' : 'male', sector: 'sote', municipality: '609',
        baseline: { on: '2025-02-01', score: 40 }, followUps: [{ kind: 'full', wave: 1, on: '2025-08-01', score: 47 }],
      });
    }
    const onPrimary = await app.services.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM check_ins WHERE organization_id = $1', [organizationId]);
    expect(onPrimary.rows[0]!.n).toBeGreaterThanOrEqual(24);

    const before = await evaluation();
    expect(before.status).toBe(200);
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain('Ohjelman arviointi');
    expect(beforeHtml).not.toMatch(/Keskimääräinen muutos<\/th><td>7<\/td>/);

    await standby.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    const after = await evaluation();
    expect(after.status).toBe(200);
    expect(await after.text()).toMatch(/Keskimääräinen muutos<\/th><td>7<\/td>/);
  });

  it('refuses a replica without a primary at start-up, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URL: cluster.standbyUrl! })).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
  });
});
