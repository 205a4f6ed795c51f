// The database for a one-off command (npm run cli -- …): DATABASE_URL, else the embedded PostgreSQL
// in $DATA_DIR. When the app is already running on that embedded database, the command connects to
// it instead of starting (and stopping) a second one.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../src/platform/config.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/db.ts';
import { startEmbeddedDatabase } from '../../src/platform/db/embedded.ts';
import type { Logger } from '../../src/platform/logger.ts';

export interface CommandDatabase {
  /** Where the data is, for the one line the command prints (no password). */
  description: string;
  /** The connection URL (pg_dump and pg_restore take it). */
  url: string;
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const root = path.resolve(dataDir);
  const pidFile = path.join(root, 'pg', 'postmaster.pid');
  const secretFile = path.join(root, 'pg-password');
  if (!existsSync(pidFile) || !existsSync(secretFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const password = readFileSync(secretFile, 'utf8').trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return null; // a stale pid file: startEmbeddedDatabase recovers from it
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openCommandDatabase(config: Config, log: Logger): Promise<CommandDatabase> {
  let url = config.databaseUrl;
  let description = 'the database at DATABASE_URL';
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dir = path.resolve(config.dataDir, 'pg');
    url = (await runningEmbeddedUrl(config.dataDir)) ?? undefined;
    if (url) description = `the running embedded database in ${dir}`;
    else {
      const embedded = await startEmbeddedDatabase(config.dataDir, log);
      url = embedded.url;
      stopEmbedded = () => embedded.stop();
      description = `the embedded database in ${dir}`;
    }
  }
  const pool = createPool(url, 4);
  return {
    description,
    url,
    pool,
    db: createDb(pool),
    async close() {
      await pool.end().catch(() => {});
      await stopEmbedded?.();
    },
  };
}
