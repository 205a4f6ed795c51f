// `npm run backup [-- --out FILE]`: one sealed archive of the database (one snapshot) and the
// uploaded files, under BACKUP_KEY (src/platform/backup/backup.ts). Default file:
// $DATA_DIR/backups/tyopeili-<time>.backup. Works on the running embedded database too.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/platform/backup/backup.ts';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openCommandDatabase } from './database.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, method: { type: 'string' } } });
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
  console.error('Missing environment variable BACKUP_KEY: required for backups when NODE_ENV=production (32 bytes, e.g. openssl rand -base64 32)');
  process.exit(1);
}
const method = values.method === 'logical' || values.method === 'pg_dump' ? values.method : 'auto';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `tyopeili-${stamp}.backup`));
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

try {
  const database = await openCommandDatabase(config, log);
  try {
    const { sealed, manifest } = await createBackup({ pool: database.pool, databaseUrl: database.url, dataDir: config.dataDir, key: config.backupKey, method });
    await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
    await writeFile(`${out}.part`, sealed, { mode: 0o600 });
    await rename(`${out}.part`, out);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Backup of ${database.description} (${manifest.method}, ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files) written to ${out}.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
}
