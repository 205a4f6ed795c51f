// The app as a process: crash recovery after kill -9, and a clean stop on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tyopeili-lifecycle-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startProcess(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_URL: url, LOG_LEVEL: 'warn', DATABASE_URL: '', TEST_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('app exited: ' + output);
    try {
      if ((await fetch(url + '/readyz')).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error('app did not become ready: ' + output);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, output: () => output };
}

/** Connects to the embedded server the way an operator would: port from postmaster.pid. */
async function connectEmbedded(): Promise<pg.Client> {
  const pid = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port: Number(pid[3]), user: 'postgres', password, database: 'postgres' });
  await client.connect();
  return client;
}

function waitExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('process lifecycle on the embedded database', () => {
  it('keeps committed data after kill -9, restarts, and stops cleanly on SIGTERM', async () => {
    const first = await startProcess();
    expect(first.output()).toContain('yrittaja@demo.tyopeili.fi');
    let client = await connectEmbedded();
    const before = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM organizations');
    await client.query("INSERT INTO organizations (id, name, slug) VALUES ('019a0000-0000-7000-8000-000000000001', 'Kaatumistesti', 'kaatumistesti')");
    await client.end();

    first.child.kill('SIGKILL');
    await waitExit(first.child);

    const second = await startProcess();
    client = await connectEmbedded();
    const row = await client.query('SELECT name FROM organizations WHERE slug = $1', ['kaatumistesti']);
    expect(row.rows).toEqual([{ name: 'Kaatumistesti' }]);
    const after = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM organizations');
    // Demo data was not seeded a second time.
    expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n) + 1);
    await client.end();
    expect((await fetch(second.url + '/')).status).toBe(200);

    second.child.kill('SIGTERM');
    expect(await waitExit(second.child)).toBe(0);
    // The embedded server is gone with it.
    await new Promise((r) => setTimeout(r, 500));
    const { execSync } = await import('node:child_process');
    const left = execSync('ps -eo comm=,args=')
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('postgres') && line.includes(path.join(dataDir, 'pg')));
    expect(left).toEqual([]);
  }, 150_000);
});
