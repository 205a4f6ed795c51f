import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

// No schema is handed to Drizzle: queries name their tables (imported from the
// feature that owns them), and the relational `db.query.*` API is not used, so the
// platform needs no knowledge of the features' tables (src/db/schema.ts is for drizzle-kit).
export type Db = NodePgDatabase;
/** A database handle or a transaction on it: data functions accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its server (e.g. during shutdown) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool);
}
