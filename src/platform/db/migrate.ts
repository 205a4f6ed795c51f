// Migrations run at start under an advisory lock, so two instances never race.
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Db } from './db.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');
const MIGRATION_LOCK_KEY = 72_346_101; // arbitrary, constant for this app

export async function runMigrations(pool: pg.Pool, db: Db): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** True when every migration in the folder has been applied (used by /readyz). */
export async function migrationsApplied(pool: pg.Pool): Promise<boolean> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const expected = readMigrationFiles({ migrationsFolder }).length;
  try {
    const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations');
    return Number(rows[0]?.n ?? 0) >= expected;
  } catch {
    return false;
  }
}
