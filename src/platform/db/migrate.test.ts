// Two instances starting at once must not race on migrations.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, createPool } from './db.ts';
import { migrationsApplied, runMigrations } from './migrate.ts';

const adminUrl = inject('adminDatabaseUrl');
const name = `tyopeili_migrate_${Date.now().toString(36)}`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  return u.toString();
})();

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrations', () => {
  it('run once under an advisory lock when two instances start together', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const pools = [createPool(url, 3), createPool(url, 3), createPool(url, 3)];
    await Promise.all(pools.map((p) => runMigrations(p, createDb(p))));
    const { rows } = await pools[0]!.query<{ n: string; distinct_n: string }>('SELECT count(*)::text AS n, count(DISTINCT hash)::text AS distinct_n FROM drizzle.__drizzle_migrations');
    expect(rows[0]!.n).toBe(rows[0]!.distinct_n);
    expect(await migrationsApplied(pools[0]!)).toBe(true);
    // Tenant tables carry organization_id.
    const tenant = await pools[0]!.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.columns WHERE table_schema='public' AND column_name='organization_id' ORDER BY 1",
    );
    expect(tenant.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['memberships', 'invitations', 'audit_log']));
    await Promise.all(pools.map((p) => p.end()));
  });
});
