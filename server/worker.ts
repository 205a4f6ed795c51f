// `npm run worker`: a job worker process beside the app servers. It needs DATABASE_URL:
// with the embedded database, `npm start` already works the jobs in its own process.
// Runs migrations (harmless when already applied), works every queue and the schedules,
// and on SIGINT/SIGTERM stops fetching, lets running jobs finish and exits 0.
import { loadConfig, ConfigError } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startApp } from './start.ts';

let config;
try {
  config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError('Missing environment variable DATABASE_URL: a separate worker needs the shared database (with the embedded one, `npm start` already runs the jobs)');
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.logLevel);
const worker = await startApp({ config, log, http: false, runWorker: true, seedDemo: false }).catch((error: unknown) => {
  console.error(`Työpeili worker could not start: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
});
log.info('worker running');

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    // A second signal while stopping: give up waiting for running jobs (they are retried).
    if (signals > 1) process.exit(1);
    log.info({ signal }, 'worker stopping');
    worker.stop().then(
      () => {
        log.info('worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'worker did not stop cleanly');
        process.exit(1);
      },
    );
  });
}
