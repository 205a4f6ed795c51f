// Through PgBouncer in transaction mode (issue 13, point 4): two app instances reach the test
// database only through Debian's pgbouncer as a login role whose default role is the app's
// runtime role (docs/operations.md); migrations and the job queue go straight to the server
// (DATABASE_DIRECT_URL), as a session advisory lock does not hold behind the pooler. Sessions
// cross instances, concurrent writes are all stored, and a reminder goes once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/database.ts';
import { createTestGroup, createTestMeeting } from '../factories/groups.ts';
import { createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { hashTestPassword } from '../factories/people.ts';
import { freePort } from './local-cluster.ts';
import { killAll, post, sessionCookie, startInstance, startWorker, waitFor } from './processes.ts';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p));
if (!PGBOUNCER) console.warn('pgbouncer.test.ts skipped: no pgbouncer binary (apt-get install pgbouncer)');

const PASSWORD = 'pooler välissä, sama tietokanta';
const WEB_ROLE = 'tyopeili_web';

describe.skipIf(!PGBOUNCER)('two app instances behind PgBouncer in transaction mode', () => {
  let database: TestDatabase;
  let bouncer: ChildProcess;
  let dir = '';
  let pooledUrl = '';
  let adminUrl = '';
  let urlA = '';
  let urlB = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    // The login role of the app instances: its default role is the runtime role.
    await database.pool.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${WEB_ROLE}') THEN CREATE ROLE ${WEB_ROLE} LOGIN IN ROLE tyopeili_app; END IF;
    END $$`);
    await database.pool.query(`ALTER ROLE ${WEB_ROLE} SET role = 'tyopeili_app'`);
    // The embedded server asks for passwords: PgBouncer logs in with the ones in its auth file.
    const webPassword = randomBytes(12).toString('hex');
    await database.pool.query(`ALTER ROLE ${WEB_ROLE} PASSWORD '${webPassword}'`);
    dir = mkdtempSync(path.join(tmpdir(), 'tyopeili-pgbouncer-'));
    const port = await freePort();
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    writeFileSync(path.join(dir, 'users.txt'), `${quote(direct.username || 'postgres')} ${quote(decodeURIComponent(direct.password))}\n${quote(WEB_ROLE)} ${quote(webPassword)}\n`);
    writeFileSync(
      path.join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = host=${direct.hostname} port=${direct.port || 5432}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${path.join(dir, 'users.txt')}`,
        `admin_users = ${direct.username || 'postgres'}`,
        'pool_mode = transaction',
        'default_pool_size = 8',
        'max_client_conn = 200',
        `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      ].join('\n') + '\n',
    );
    // pgbouncer refuses to run as root
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const owner = (await import('node:child_process')).execFileSync('id', ['-u', 'postgres']).toString().trim();
      const group = (await import('node:child_process')).execFileSync('id', ['-g', 'postgres']).toString().trim();
      for (const f of ['', 'users.txt', 'pgbouncer.ini']) chownSync(path.join(dir, f), Number(owner), Number(group));
    }
    bouncer = asRoot ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER!, path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' }) : spawn(PGBOUNCER!, [path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
    const pooled = new URL(database.url);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    pooled.username = WEB_ROLE;
    pooled.password = '';
    pooledUrl = pooled.toString();
    const admin = new URL(pooled);
    admin.username = direct.username || 'postgres';
    admin.pathname = '/pgbouncer';
    adminUrl = admin.toString();
    await waitFor(async () => {
      const c = new pg.Client({ connectionString: pooledUrl });
      try {
        await c.connect();
        await c.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => {});
      }
    }, 'pgbouncer to accept connections', 20_000);
    const a = startInstance(pooledUrl, { DATABASE_DIRECT_URL: database.url });
    const b = startInstance(pooledUrl, { DATABASE_DIRECT_URL: database.url });
    [urlA, urlB] = await Promise.all([a.url, b.url]);
  });
  afterAll(async () => {
    killAll();
    bouncer?.kill('SIGTERM');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shares sessions and stores every concurrent write', async () => {
    const org = await createTestOrganization(database.db);
    const user = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', passwordHash: await hashTestPassword(PASSWORD) });
    const signedIn = await post(urlA, '/sign-in', { email: user.email, password: PASSWORD });
    expect(signedIn.status).toBe(302);
    const cookie = sessionCookie(signedIn);
    const acknowledged: string[] = [];
    const writer = async (base: string, name: string) => {
      for (let i = 0; i < 15; i++) {
        const text = `poolattu ${name}-${i}`;
        const res = await post(base, '/journal', { text }, { cookie });
        if (res.status === 302 && res.headers.get('location') === '/journal?done=saved') acknowledged.push(text);
        await res.arrayBuffer();
      }
    };
    await Promise.all([writer(urlA, 'a1'), writer(urlA, 'a2'), writer(urlB, 'b1'), writer(urlB, 'b2')]);
    expect(acknowledged).toHaveLength(60);
    const page = await (await fetch(urlB + '/journal', { headers: { cookie } })).text();
    expect(acknowledged.filter((t) => !page.includes(t))).toEqual([]);
  });

  it('served those requests through the pooler, as the runtime role', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // the console's statistics: the 60 journal writes (and their sessions' reads) went through it
      const { rows } = await admin.query<{ database: string; total_xact_count: string }>('SHOW STATS');
      const ours = rows.find((r) => r.database === new URL(database.url).pathname.slice(1));
      expect(Number(ours?.total_xact_count ?? 0)).toBeGreaterThanOrEqual(120);
    } finally {
      await admin.end();
    }
    const viaPooler = new pg.Client({ connectionString: pooledUrl });
    await viaPooler.connect();
    try {
      expect((await viaPooler.query<{ r: string }>('SELECT current_user AS r')).rows[0]!.r).toBe('tyopeili_app');
    } finally {
      await viaPooler.end();
    }
  });

  it('lets a worker on the direct address send each reminder once', async () => {
    const worker = startWorker(database.url);
    await worker.url;
    const org = await createTestOrganization(database.db);
    const member = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur' });
    const group = await createTestGroup(database.db, { organizationId: org.id, memberIds: [member.id] });
    await createTestMeeting(database.db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 47 * 3600_000) });
    // the instance enqueues through the pooler: a sweep asked for twice
    const { createJobs } = await import('../../src/platform/jobs/jobs.ts');
    const { createLogger } = await import('../../src/platform/logger.ts');
    const { createDb, createPool } = await import('../../src/platform/db/db.ts');
    const pool = createPool(pooledUrl, 2);
    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      await createDb(pool).transaction(async (tx) => {
        await jobs.send(tx, 'reminders.sweep', {});
        await jobs.send(tx, 'reminders.sweep', {});
      });
    } finally {
      await jobs.stop();
      await pool.end();
    }
    const mails = async () => (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM dev_mailbox WHERE "to" = $1', [member.email])).rows[0]!.n;
    await waitFor(async () => (await mails()) >= 1, 'the reminder');
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mails()).toBe(1);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
