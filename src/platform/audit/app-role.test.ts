// The audit log is append-only also for the application's own database role (issue 18,
// point 2): the running app's connections act as tyopeili_app, which owns no table; as that
// role an UPDATE, DELETE or TRUNCATE of the audit log is refused by its privileges (and the
// trigger stays behind it), while the app's other tables can be written. Runs on the embedded
// PostgreSQL and on TEST_DATABASE_URL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { APP_ROLE } from '../db/app-role.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the runtime role', () => {
  it('is the role of the running app’s connections, and it owns no table', async () => {
    const { rows } = await app.services.pool.query<{ who: string }>('SELECT current_user AS who');
    expect(rows[0]!.who).toBe(APP_ROLE);
    const owned = await app.database.pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [APP_ROLE]);
    expect(owned.rows).toEqual([]);
  });

  it('cannot change or empty the audit log; the owner is stopped by the trigger', async () => {
    await app.services.pool.query(`INSERT INTO audit_log (id, action) VALUES (gen_random_uuid(), 'test.app_role')`);
    await expect(app.services.pool.query(`UPDATE audit_log SET action = 'x' WHERE action = 'test.app_role'`)).rejects.toThrow(/permission denied/);
    await expect(app.services.pool.query(`DELETE FROM audit_log WHERE action = 'test.app_role'`)).rejects.toThrow(/permission denied/);
    await expect(app.services.pool.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.database.pool.query(`UPDATE audit_log SET action = 'x' WHERE action = 'test.app_role'`)).rejects.toThrow(/append-only/);
    const { rows } = await app.database.pool.query(`SELECT action FROM audit_log WHERE action = 'test.app_role'`);
    expect(rows).toHaveLength(1);
  });

  it('may read and write every other table of ours (so a new table cannot be forgotten)', async () => {
    const { rows } = await app.database.pool.query<{ t: string; ok: boolean }>(
      `SELECT tablename AS t, has_table_privilege($1, quote_ident(tablename), 'SELECT, INSERT, UPDATE, DELETE') AS ok FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log'`,
      [APP_ROLE],
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.ok).map((r) => r.t)).toEqual([]);
  });
});
