// backup and restore: one sealed archive of the database and the uploaded files under BACKUP_KEY
// (src/platform/backup/backup.ts, ADR 022).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { createBackup, restoreBackup } from '../../../src/platform/backup/backup.ts';
import { runMigrations } from '../../../src/platform/db/migrate.ts';
import { CommandError, commandConfig, EXIT_USAGE, withDatabase } from '../context.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write one sealed backup of the database (one snapshot) and the uploaded files, under BACKUP_KEY')
    .option('--out <file>', 'where to write it (default: $DATA_DIR/backups/tyopeili-<time>.backup)')
    .addOption(new Option('--method <method>', 'how to read the database').choices(['auto', 'logical', 'pg_dump']).default('auto'))
    .action(async (opts: { out?: string; method: 'auto' | 'logical' | 'pg_dump' }) => {
      const config = commandConfig();
      if (!config.backupKey) throw new CommandError('Missing environment variable BACKUP_KEY: required for backups (32 bytes, e.g. openssl rand -base64 32)', EXIT_USAGE);
      const key = config.backupKey;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const out = path.resolve(opts.out ?? path.join(config.dataDir, 'backups', `tyopeili-${stamp}.backup`));
      await withDatabase(config, async (database) => {
        const { sealed, manifest } = await createBackup({ pool: database.pool, databaseUrl: database.url, dataDir: config.dataDir, key, method: opts.method });
        await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
        await writeFile(`${out}.part`, sealed, { mode: 0o600 });
        await rename(`${out}.part`, out);
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Backup of ${database.description} (${manifest.method}, ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files) written to ${out}.`);
      });
    });

  program
    .command('restore')
    .description('bring a backup back into an empty database (DATABASE_URL) or an empty DATA_DIR, check every table, then migrate')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const config = commandConfig();
      if (!config.backupKey) throw new CommandError('Missing environment variable BACKUP_KEY: the key the backup was made with', EXIT_USAGE);
      const key = config.backupKey;
      let sealed: Buffer;
      try {
        sealed = await readFile(path.resolve(file));
      } catch {
        throw new CommandError(`Cannot read ${file}.`, EXIT_USAGE);
      }
      await withDatabase(config, async (database) => {
        const manifest = await restoreBackup({ pool: database.pool, databaseUrl: database.url, dataDir: config.dataDir, key, sealed });
        await runMigrations(database.pool, database.db);
        console.log(`Restored the backup of ${manifest.createdAt} (${manifest.method}, ${manifest.tables.length} tables, ${manifest.files.length} files) into ${database.description}; checksums match.`);
      });
    });
}
