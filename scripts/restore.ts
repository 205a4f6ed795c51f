// `npm run restore -- FILE`: brings a backup back into an empty database (DATABASE_URL) or an
// empty DATA_DIR (the embedded PostgreSQL is made there), checks every table against the
// manifest's checksums, then migrates to this code's version. Needs the BACKUP_KEY that sealed
// it, and the same JOURNAL_KEY for the journals to open.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../src/platform/backup/backup.ts';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openCommandDatabase } from './database.ts';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error('Usage: npm run restore -- FILE');
  process.exit(1);
}
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
if (!config.backupKey) {
  console.error('Missing environment variable BACKUP_KEY: the key the backup was made with');
  process.exit(1);
}
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

try {
  const sealed = await readFile(path.resolve(positionals[0]!));
  const database = await openCommandDatabase(config, log);
  try {
    const manifest = await restoreBackup({ pool: database.pool, databaseUrl: database.url, dataDir: config.dataDir, key: config.backupKey, sealed });
    await runMigrations(database.pool, database.db);
    console.log(
      `Restored the backup of ${manifest.createdAt} (${manifest.method}, ${manifest.tables.length} tables, ${manifest.files.length} files) into ${database.description}; checksums match.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
}
