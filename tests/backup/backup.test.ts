// Backup and restore round trip (issue 18, point 7): an installation with people, a journal,
// answers and an uploaded file is backed up into one sealed archive and restored into an empty
// database and an empty data directory: every table has the same rows (counts and checksums
// compared here, outside the restore's own check), the file is the same, and the journal's
// author reads their entry again with the same JOURNAL_KEY. A wrong key opens nothing, a
// non-empty target is refused, and the embedded mode keeps seven daily backups.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BackupError,
  createBackup,
  dailyBackupHandler,
  keepDailyBackup,
  openBackup,
  restoreBackup,
  type BackupMethod,
} from '../../src/platform/backup/backup.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createDb, createPool } from '../../src/platform/db/db.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { listJournalEntries } from '../../src/features/journal/read-entries.ts';
import { writeJournalEntry } from '../../src/features/journal/write-entry.ts';
import { setMemberPhoto } from '../../src/features/groups/member-photo.ts';
import { createEvaluationPerson } from '../factories/evaluation.ts';
import { pngBytes } from '../factories/files.ts';
import { createTestGroup } from '../factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../factories/organizations.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';

let app: TestApp;
let authorId: string;
let organizationId: string;
const key = randomBytes(32);
const created: { name: string; pool: pg.Pool }[] = [];

async function emptyDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  const name = `restore_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const u = new URL(inject('adminDatabaseUrl'));
  u.pathname = '/' + name;
  const pool = createPool(u.toString(), 4);
  created.push({ name, pool });
  return { url: u.toString(), pool };
}

async function counts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ t: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of rows) out[t] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return out;
}

async function checksum(pool: pg.Pool, table: string): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const { rows } = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t`);
    return createHash('sha256')
      .update(
        rows
          .map((r) => r.j)
          .sort()
          .join('\n'),
      )
      .digest('hex');
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  app = await startTestApp({ DATA_DIR: await mkdtemp(join(tmpdir(), 'tyopeili-backup-')) });
  const db = app.database.db;
  organizationId = (await createTestOrganization(db, { name: 'Satakunnan Yrityspalvelut' })).id;
  const facilitator = await createTestMember(db, { organizationId, role: 'facilitator' });
  const person = await createEvaluationPerson(db, {
    organizationId,
    groupId: null,
    sector: 'Q',
    municipality: '609',
    baseline: { on: '2026-01-10', score: 64 },
  });
  authorId = person.user.id;
  const group = await createTestGroup(db, { organizationId, facilitatorIds: [facilitator.id], memberIds: [authorId] });
  const actor = await actorFor(db, authorId, organizationId);
  await writeJournalEntry(actor, app.services, { text: 'Tänään jaksoin paremmin – äöå ✓' });
  await setMemberPhoto(actor, app.services, { organizationId, groupId: group.id, bytes: pngBytes(), fileName: 'kuva.png' });
});
afterAll(async () => {
  for (const c of created) await c.pool.end().catch(() => {});
  if (created.length) {
    const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await admin.connect();
    for (const c of created) await admin.query(`DROP DATABASE IF EXISTS ${c.name} WITH (FORCE)`);
    await admin.end();
  }
  await app?.close();
});

async function roundTrip(method: BackupMethod) {
  const { sealed, manifest } = await createBackup({
    pool: app.services.pool,
    databaseUrl: app.database.url,
    dataDir: app.services.config.dataDir,
    key,
    method,
  });
  expect(manifest.method).toBe(method);
  expect(manifest.migrations.length).toBeGreaterThan(10);
  expect(manifest.files).toHaveLength(1);
  // Sealed: nothing of the contents shows in the file.
  expect(sealed.includes(Buffer.from('manifest.json'))).toBe(false);
  expect(sealed.includes(Buffer.from(authorId))).toBe(false);

  const target = await emptyDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-restored-'));
  await restoreBackup({ pool: target.pool, databaseUrl: target.url, dataDir, key, sealed });

  const before = await counts(app.services.pool);
  const after = await counts(target.pool);
  expect(after).toEqual(before);
  expect(before['public.users']).toBeGreaterThan(1);
  expect(before['public.journal_entries']).toBe(1);
  for (const table of Object.keys(before)) expect(await checksum(target.pool, table), table).toBe(await checksum(app.services.pool, table));
  const file = manifest.files[0]!.path;
  expect(await readFile(join(dataDir, file))).toEqual(await readFile(join(app.services.config.dataDir, file)));

  // The author reads their journal from the restored database with the same JOURNAL_KEY.
  const restoredDb = createDb(target.pool);
  const actor = await actorFor(restoredDb, authorId, organizationId);
  const entries = await listJournalEntries(actor, { db: restoredDb, config: app.services.config });
  expect(entries.map((e) => e.text)).toEqual(['Tänään jaksoin paremmin – äöå ✓']);
  return { sealed, target, dataDir };
}

describe('backup and restore', () => {
  it('the logical copy (one REPEATABLE READ snapshot, with the migration version) comes back identical', async () => {
    const { sealed, target, dataDir } = await roundTrip('logical');
    // Into a database that is not empty: refused, nothing changed.
    const countsBefore = await counts(target.pool);
    await expect(restoreBackup({ pool: target.pool, dataDir, key, sealed })).rejects.toThrow(/not empty/);
    expect(await counts(target.pool)).toEqual(countsBefore);
  });

  it('with pg_dump when the machine has one of the server’s major version, else the logical copy', async () => {
    const { rows } = await app.services.pool.query<{ n: string }>(`SELECT current_setting('server_version_num') AS n`);
    const serverMajor = Math.floor(Number(rows[0]!.n) / 10000);
    let dumpMajor: number | null = null;
    try {
      dumpMajor = Number(/(\d+)/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))![1]);
    } catch {
      dumpMajor = null;
    }
    const auto = await createBackup({ pool: app.services.pool, databaseUrl: app.database.url, dataDir: app.services.config.dataDir, key });
    if (dumpMajor === serverMajor) {
      expect(auto.manifest.method).toBe('pg_dump');
      await roundTrip('pg_dump');
    } else {
      // e.g. the embedded PostgreSQL 18 with the machine's pg_dump 15.
      expect(auto.manifest.method).toBe('logical');
    }
  });

  it('opens only with its key, and a changed byte is noticed', async () => {
    const { sealed } = await createBackup({ pool: app.services.pool, dataDir: app.services.config.dataDir, key, method: 'logical' });
    expect(() => openBackup(randomBytes(32), sealed)).toThrow(BackupError);
    const damaged = Buffer.from(sealed);
    const at = damaged.length - 10;
    damaged[at] = damaged[at]! ^ 1;
    expect(() => openBackup(key, damaged)).toThrow(BackupError);
    expect(openBackup(key, sealed).manifest.tables.length).toBeGreaterThan(20);
  });

  it('the embedded mode keeps the seven newest daily backups', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-daily-'));
    for (let day = 1; day <= 9; day++) {
      await keepDailyBackup({ pool: app.services.pool, dataDir, key, now: new Date(`2026-03-0${day}T01:30:00Z`) });
    }
    // The same day again writes nothing new.
    expect(await keepDailyBackup({ pool: app.services.pool, dataDir, key, now: new Date('2026-03-09T05:00:00Z') })).toBeNull();
    const files = (await readdir(join(dataDir, 'backups'))).sort();
    expect(files).toEqual(['03', '04', '05', '06', '07', '08', '09'].map((d) => `tyopeili-2026-03-${d}.backup`));
    expect(existsSync(join(dataDir, 'backups', 'tyopeili-2026-03-01.backup'))).toBe(false);
  });

  it('the daily job backs up the embedded mode by itself, and leaves a DATABASE_URL database to its operator', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-job-'));
    const log = createLogger('silent');
    const embedded = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    await dailyBackupHandler({ pool: app.services.pool, config: embedded, log }).handle({}, { jobId: 'test' });
    expect(await readdir(join(dataDir, 'backups'))).toEqual([`tyopeili-${new Date().toISOString().slice(0, 10)}.backup`]);
    const external = loadConfig({ NODE_ENV: 'test', DATA_DIR: join(dataDir, 'other'), DATABASE_URL: app.database.url, LOG_LEVEL: 'silent' });
    await dailyBackupHandler({ pool: app.services.pool, config: external, log }).handle({}, { jobId: 'test' });
    expect(existsSync(join(dataDir, 'other', 'backups'))).toBe(false);
  });

  it('npm run backup and npm run restore do the same from the command line', async () => {
    const run = promisify(execFile);
    const dir = await mkdtemp(join(tmpdir(), 'tyopeili-cli-'));
    const file = join(dir, 'x.backup');
    const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', BACKUP_KEY: key.toString('base64') };
    const made = await run(process.execPath, ['server/cli/main.ts', 'backup', '--out', file, '--method', 'logical'], {
      env: { ...env, DATABASE_URL: app.database.url, DATA_DIR: app.services.config.dataDir },
    });
    expect(made.stdout).toMatch(/Backup of the database at DATABASE_URL \(logical, \d+ tables, \d+ rows, 1 files\) written to/);
    const target = await emptyDatabase();
    const restored = await run(process.execPath, ['server/cli/main.ts', 'restore', file], { env: { ...env, DATABASE_URL: target.url, DATA_DIR: join(dir, 'data') } });
    expect(restored.stdout).toContain('checksums match');
    expect(await counts(target.pool)).toEqual(await counts(app.services.pool));
    await expect(
      run(process.execPath, ['server/cli/main.ts', 'restore', file], {
        env: { ...env, DATABASE_URL: target.url, DATA_DIR: join(dir, 'data2'), BACKUP_KEY: randomBytes(32).toString('hex') },
      }),
    ).rejects.toThrow(/BACKUP_KEY/);
  }, 60_000);
});
