// `npm run worker` as a process: refuses to run without DATABASE_URL, works the
// queues of a shared database, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../tests/setup/database.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/logger.ts';
import { enqueueMail } from '../src/platform/mail/mail.ts';

let database: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await database?.drop();
});

function startWorker(env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, ['server/worker.ts'], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', SMTP_URL: '', DATABASE_URL: '', TEST_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function waitFor(predicate: () => boolean | Promise<boolean>, what: () => string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out: ' + what());
}

describe('npm run worker', () => {
  it('says in one line that it needs DATABASE_URL, and exits 1', async () => {
    const worker = startWorker({});
    expect(await worker.exited).toBe(1);
    expect(worker.stderr().trim().split('\n')).toHaveLength(1);
    expect(worker.stderr()).toContain('DATABASE_URL');
  });

  it('works the queues of the shared database and stops on SIGTERM with exit 0', async () => {
    const worker = startWorker({ DATABASE_URL: database.url });
    await waitFor(() => worker.stdout().includes('worker running'), () => worker.stdout() + worker.stderr());
    // An app server that does not work jobs itself enqueues a mail.
    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      await database.db.transaction((tx) => enqueueMail(tx, jobs, { to: 'worker@example.fi', locale: 'en', template: 'signInCode', values: { code: '424242', minutes: 10, name: 'W' } }));
    } finally {
      await jobs.stop();
    }
    await waitFor(async () => (await database.pool.query("SELECT count(*)::int AS n FROM dev_mailbox WHERE \"to\" = 'worker@example.fi'")).rows[0].n === 1, () => worker.stdout() + worker.stderr());
    // The hourly maintenance is scheduled by the worker.
    const { rows } = await database.pool.query("SELECT name FROM pgboss.schedule WHERE name = 'maintenance.prune'");
    expect(rows).toHaveLength(1);
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    expect(code, worker.stdout() + worker.stderr()).toBe(0);
    expect(worker.stdout()).toContain('worker stopped');
    expect(worker.stderr()).toBe('');
  }, 60_000);
});
