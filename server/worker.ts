// `npm run worker`: a job worker process beside the app servers (needs DATABASE_URL).
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { startApp } from './start.ts';

let config;
try {
  config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('Missing environment variable DATABASE_URL: a separate worker needs the shared database (the embedded one already runs jobs inside `npm start`)');
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.logLevel);
const worker = await startApp({ config, log, http: false, runWorker: true, seedDemo: false });
log.info('worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log.info({ signal }, 'worker stopping');
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
