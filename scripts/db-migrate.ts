// `npm run db:migrate`: applies the migrations in db/migrations, nothing else.
// (Every start migrates too, under an advisory lock; this is for deploy pipelines.)
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openCommandDatabase } from './database.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

try {
  const database = await openCommandDatabase(config, log);
  try {
    await runMigrations(database.pool, database.db);
    console.log(`Migrations are up to date in ${database.description}.`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Migrating failed: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
}
