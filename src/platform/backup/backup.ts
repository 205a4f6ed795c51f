// Backup and restore (issue 18, point 7). One encrypted file holds the database, taken in one
// snapshot, the uploaded files (DATA_DIR/materials) and a manifest with a checksum of every
// table and file. The database is a `pg_dump` (custom format, on an exported snapshot) when the
// machine's pg_dump has the server's major version; otherwise (the embedded PostgreSQL 18 on a
// machine with only Node) a logical copy of every table of ours — one JSON line per row — read
// in one REPEATABLE READ transaction together with the migrations applied. The file is a ZIP
// sealed with AES-256-GCM under BACKUP_KEY. The journal key (JOURNAL_KEY) is not in it: a stolen
// backup opens no journal, and a restore with the same JOURNAL_KEY reads every journal again.
// pg-boss's queue (schema pgboss) is left out of the logical copy: jobs are made again by their schedules.
import { execFile, spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { createDb } from '../db/db.ts';
import type { JobHandler } from '../jobs/jobs.ts';
import type { Logger } from '../logger.ts';
import { migrationsFolder } from '../db/migrate.ts';

const MAGIC = Buffer.from('TYOPEILI-BACKUP\u0001', 'latin1');
/** The schemas whose tables a logical copy holds: ours, and drizzle's record of the migrations applied. */
const SCHEMAS = ['public', 'drizzle'] as const;
const FILE_DIRS = ['materials'] as const;

export type BackupMethod = 'pg_dump' | 'logical';

export interface TableSum {
  table: string;
  rows: number;
  sha256: string;
}

export interface Manifest {
  format: 'tyopeili-backup';
  version: 1;
  createdAt: string;
  method: BackupMethod;
  serverVersion: string;
  /** The migrations applied, in order (drizzle's hash of each file): the schema version. */
  migrations: { hash: string; createdAt: string }[];
  tables: TableSum[];
  files: { path: string; bytes: number; sha256: string }[];
  /** The archive's database part: the dump file or one file per table. */
  database: { path: string; sha256: string }[];
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

// --- sealing ---------------------------------------------------------------------------------

export function seal(key: Buffer, plain: Uint8Array): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Uint8Array): Buffer {
  const data = Buffer.from(sealed);
  if (data.length < MAGIC.length + 28 || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupError('not a Työpeili backup file');
  const iv = data.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = data.subarray(MAGIC.length + 12, MAGIC.length + 28);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data.subarray(MAGIC.length + 28)), decipher.final()]);
  } catch {
    throw new BackupError('the backup does not open with this BACKUP_KEY (wrong key, or the file is damaged)');
  }
}

export class BackupError extends Error {}

// --- reading the database --------------------------------------------------------------------

type Client = pg.PoolClient;

async function listTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY table_schema, table_name`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name);
}

/** One JSON text per row, sorted, so that the checksum does not depend on the physical order. */
async function tableLines(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t`);
  return rows.map((r) => r.j).sort();
}

async function tableSums(client: Client, tables: string[]): Promise<{ sums: TableSum[]; lines: Map<string, string[]> }> {
  const sums: TableSum[] = [];
  const lines = new Map<string, string[]>();
  for (const table of tables) {
    const l = await tableLines(client, table);
    lines.set(table, l);
    sums.push({ table, rows: l.length, sha256: sha256(l.join('\n')) });
  }
  return { sums, lines };
}

async function appliedMigrations(client: Client): Promise<Manifest['migrations']> {
  const { rows } = await client.query<{ hash: string; created_at: string }>(`SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY id`);
  return rows.map((r) => ({ hash: r.hash, createdAt: r.created_at }));
}

/** The major version of the machine's pg_dump, or null when there is none. */
async function pgDumpMajor(binary = 'pg_dump'): Promise<number | null> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function run(binary: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new BackupError(`${binary} failed: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0]}`)),
    );
    child.stdin.end(input);
  });
}

async function collectFiles(dataDir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  async function walk(dir: string, rel: string) {
    if (!existsSync(dir)) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(full, relPath);
      // A file still being written has a `.part-` name (materials/material-storage.ts): not yet a file.
      else if (entry.isFile() && !entry.name.includes('.part-')) files.set(relPath, await readFile(full));
    }
  }
  for (const d of FILE_DIRS) await walk(path.join(dataDir, d), d);
  return files;
}

export interface BackupOptions {
  pool: pg.Pool;
  /** For pg_dump; without it the logical copy is taken. */
  databaseUrl?: string;
  dataDir: string;
  key: Buffer;
  method?: BackupMethod | 'auto';
  now?: Date;
}

/** Takes a backup; returns the sealed archive and its manifest. */
export async function createBackup(options: BackupOptions): Promise<{ sealed: Buffer; manifest: Manifest }> {
  const client = await options.pool.connect();
  const zipFiles: Record<string, Uint8Array> = {};
  let manifest: Manifest;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // JSON of timestamps in UTC, so that the checksums do not depend on the session's zone.
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const { rows: version } = await client.query<{ v: string; n: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`,
    );
    const serverMajor = Math.floor(Number(version[0]!.n) / 10000);
    let method: BackupMethod = options.method === 'pg_dump' || options.method === 'logical' ? options.method : 'logical';
    if ((options.method ?? 'auto') === 'auto' && options.databaseUrl && (await pgDumpMajor()) === serverMajor) method = 'pg_dump';
    if (method === 'pg_dump' && !options.databaseUrl) throw new BackupError('pg_dump needs the database URL');
    const tables = await listTables(client);
    const migrations = await appliedMigrations(client);
    const database: Manifest['database'] = [];
    let sums: TableSum[];
    if (method === 'pg_dump') {
      // pg_dump reads the very snapshot this transaction sees.
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const dumped = run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0]!.id}`, `--dbname=${options.databaseUrl}`]);
      sums = (await tableSums(client, tables)).sums;
      const dump = await dumped;
      zipFiles['database/pg_dump.custom'] = dump;
      database.push({ path: 'database/pg_dump.custom', sha256: sha256(dump) });
    } else {
      const read = await tableSums(client, tables);
      sums = read.sums;
      for (const [table, lines] of read.lines) {
        const bytes = strToU8(lines.join('\n'));
        const file = `database/${table.replaceAll('"', '')}.jsonl`;
        zipFiles[file] = bytes;
        database.push({ path: file, sha256: sha256(bytes) });
      }
    }
    await client.query('COMMIT');
    const files = await collectFiles(options.dataDir);
    for (const [p, bytes] of files) zipFiles[`files/${p}`] = bytes;
    manifest = {
      format: 'tyopeili-backup',
      version: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      method,
      serverVersion: version[0]!.v,
      migrations,
      tables: sums,
      files: [...files].map(([p, bytes]) => ({ path: p, bytes: bytes.byteLength, sha256: sha256(bytes) })),
      database,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  zipFiles['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return { sealed: seal(options.key, zipSync(zipFiles, { level: 6 })), manifest };
}

/** Opens a sealed archive and checks every part against the manifest. */
export function openBackup(key: Buffer, sealed: Uint8Array): { manifest: Manifest; entries: Record<string, Uint8Array> } {
  const entries = unzipSync(unseal(key, sealed));
  const raw = entries['manifest.json'];
  if (!raw) throw new BackupError('the archive has no manifest');
  const manifest = JSON.parse(strFromU8(raw)) as Manifest;
  if (manifest.format !== 'tyopeili-backup' || manifest.version !== 1) throw new BackupError('unknown backup format');
  for (const d of manifest.database) if (!entries[d.path] || sha256(entries[d.path]!) !== d.sha256) throw new BackupError(`checksum mismatch: ${d.path}`);
  for (const f of manifest.files)
    if (!entries[`files/${f.path}`] || sha256(entries[`files/${f.path}`]!) !== f.sha256) throw new BackupError(`checksum mismatch: ${f.path}`);
  return { manifest, entries };
}

// --- restoring ------------------------------------------------------------------------------

async function assertEmpty(client: Client): Promise<void> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
  if (rows[0]!.n > 0) throw new BackupError('the target database is not empty: restore only into an empty database (or an empty DATA_DIR)');
}

/** Tables in an order that inserts every referenced row before the rows referring to it. */
async function insertOrder(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
  );
  const norm = (t: string) => (t.includes('.') ? t : `public.${t}`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) parents.get(norm(r.child))?.add(norm(r.parent));
  const done: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p);
    done.push(t);
  };
  tables.forEach(visit);
  return done;
}

/** A migrations folder holding only the first `count` migrations (the backup's schema version). */
async function migrationsUpTo(manifest: Manifest): Promise<string> {
  const local = readMigrationFiles({ migrationsFolder });
  const count = manifest.migrations.length;
  if (count > local.length)
    throw new BackupError(`the backup is from a newer version (${count} migrations, this code has ${local.length}): restore with that version`);
  manifest.migrations.forEach((m, i) => {
    if (local[i]!.hash !== m.hash) throw new BackupError(`migration ${i} differs from this code's: restore with the version that made the backup`);
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'tyopeili-restore-'));
  await cp(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

export interface RestoreOptions {
  pool: pg.Pool;
  databaseUrl?: string;
  dataDir: string;
  key: Buffer;
  sealed: Uint8Array;
}

/**
 * Restores into an empty database and data directory; checks every table against the
 * manifest's checksums afterwards. The caller then migrates to the current code's version.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const { manifest, entries } = openBackup(options.key, options.sealed);
  const client = await options.pool.connect();
  try {
    await assertEmpty(client);
    for (const f of manifest.files) {
      const target = path.resolve(options.dataDir, f.path);
      if (!target.startsWith(path.resolve(options.dataDir) + path.sep) || !FILE_DIRS.some((d) => f.path.startsWith(`${d}/`)))
        throw new BackupError(`refusing a file outside DATA_DIR: ${f.path}`);
      if (existsSync(target)) throw new BackupError(`the data directory is not empty: ${f.path} exists`);
    }
    if (manifest.method === 'pg_dump') {
      if (!options.databaseUrl) throw new BackupError('a pg_dump backup needs DATABASE_URL and pg_restore to restore');
      await run(
        'pg_restore',
        ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${options.databaseUrl}`],
        Buffer.from(entries['database/pg_dump.custom']!),
      );
    } else {
      const folder = await migrationsUpTo(manifest);
      try {
        await migrate(createDb(options.pool), { migrationsFolder: folder });
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
      await client.query('BEGIN');
      await client.query(`SET LOCAL TimeZone = 'UTC'`);
      const tables = manifest.tables.map((t) => t.table);
      // Rows a migration itself wrote (reference data) make way for the backup's.
      const seeded: string[] = [];
      for (const t of tables) {
        if (t.startsWith('drizzle.')) continue;
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
        if (rows[0]!.n > 0) seeded.push(t);
      }
      if (seeded.length) await client.query(`TRUNCATE ${seeded.join(', ')}`);
      for (const table of await insertOrder(client, tables)) {
        // drizzle's own table was written by the migrations above; it is compared below.
        if (table.startsWith('drizzle.')) continue;
        const file = entries[`database/${table.replaceAll('"', '')}.jsonl`];
        if (!file) throw new BackupError(`the archive has no rows for ${table}`);
        const lines = strFromU8(file).split('\n').filter(Boolean);
        for (let i = 0; i < lines.length; i += 500) {
          const batch = `[${lines.slice(i, i + 500).join(',')}]`;
          await client.query(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [batch]);
        }
      }
      // Serial columns continue after the restored rows.
      const { rows: sequences } = await client.query<{ seq: string; tbl: string; col: string }>(
        `SELECT s.oid::regclass::text AS seq, d.refobjid::regclass::text AS tbl, a.attname AS col FROM pg_class s
         JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE s.relkind = 'S'`,
      );
      for (const s of sequences) await client.query(`SELECT setval($1, COALESCE((SELECT max(${s.col}) FROM ${s.tbl}), 0) + 1, false)`, [s.seq]);
      await client.query('COMMIT');
    }
    await client.query(`SET TimeZone = 'UTC'`);
    const { sums } = await tableSums(
      client,
      manifest.tables.map((t) => t.table),
    );
    const differing = manifest.tables.filter((t, i) => sums[i]!.sha256 !== t.sha256 || sums[i]!.rows !== t.rows).map((t) => t.table);
    if (differing.length) throw new BackupError(`restored tables differ from the backup: ${differing.join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.query('RESET TimeZone').catch(() => {});
    client.release();
  }
  for (const f of manifest.files) {
    const target = path.resolve(options.dataDir, f.path);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(target, entries[`files/${f.path}`]!, { mode: 0o600 });
  }
  return manifest;
}

// --- the embedded mode's daily backups ------------------------------------------------------

export const KEEP_DAILY = 7;

/** Writes today's backup into DATA_DIR/backups (once a day) and keeps the newest seven. */
export async function keepDailyBackup(options: Omit<BackupOptions, 'method'>): Promise<string | null> {
  const dir = path.join(options.dataDir, 'backups');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const file = path.join(dir, `tyopeili-${day}.backup`);
  let written: string | null = null;
  if (!existsSync(file)) {
    const { sealed } = await createBackup({ ...options, method: 'logical' });
    // Written under another name first: a half-written file is never taken for a backup.
    await writeFile(`${file}.part`, sealed, { mode: 0o600 });
    await rename(`${file}.part`, file);
    written = file;
  }
  const all = (await readdir(dir)).filter((n) => /^tyopeili-\d{4}-\d{2}-\d{2}\.backup$/.test(n)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - KEEP_DAILY))) await rm(path.join(dir, old), { force: true });
  return written;
}

/**
 * The daily job: in the embedded mode (no DATABASE_URL) the installation backs itself up into
 * DATA_DIR/backups. With DATABASE_URL the database's own backups (and `npm run backup`) are the
 * operator's: nothing is written here.
 */
export function dailyBackupHandler(services: { pool: pg.Pool; config: Config; log: Logger }): JobHandler<Record<string, never>> {
  return {
    name: 'backup.daily',
    async handle() {
      const { config, log } = services;
      if (config.databaseUrl) return;
      if (!config.backupKey) {
        log.warn('no daily backup: BACKUP_KEY is not set');
        return;
      }
      const file = await keepDailyBackup({ pool: services.pool, dataDir: config.dataDir, key: config.backupKey });
      if (file) log.info({ file: path.basename(file) }, 'daily backup written');
    },
  };
}
