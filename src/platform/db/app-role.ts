// The application's runtime database role (issue 18, point 2): the app's queries run as
// `tyopeili_app`, which owns no table and may not UPDATE, DELETE or TRUNCATE the audit log, so
// the log is append-only for the application itself and not only by the trigger (migration
// 0013_app_role). Migrations run as the login user (the owner) before the switch; pg-boss keeps
// its own connections as that user. The role is taken per connection with SET ROLE; where the
// installation could not make the role (no CREATEROLE right) the app runs as the login user and says so.
import type pg from 'pg';
import type { Logger } from '../logger.ts';

export const APP_ROLE = 'tyopeili_app';

/**
 * Whether the login user can act as the app role; when it can, the app role also gets what
 * pg-boss needs to enqueue a job inside the app's own transactions.
 */
export async function prepareAppRole(pool: pg.Pool, log: Pick<Logger, 'warn'>): Promise<boolean> {
  const { rows: who } = await pool.query<{ who: string }>('SELECT current_user AS who');
  // Already the app role (a login user whose default role it is, as behind PgBouncer): nothing to switch.
  if (who[0]?.who === APP_ROLE) return false;
  const { rows } = await pool.query<{ usable: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, (SELECT oid FROM pg_roles WHERE rolname = $1), 'MEMBER') AS usable`,
    [APP_ROLE],
  );
  if (!rows[0]?.usable) {
    log.warn({ role: APP_ROLE }, 'the app runs as the login user: its runtime role is missing (see docs/operations.md)');
    return false;
  }
  try {
    const { rows: boss } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'pgboss'`);
    if (boss[0]!.n > 0) {
      await pool.query(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}`);
      await pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE}`);
      await pool.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE}`);
      await pool.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE}`);
    }
  } catch (error) {
    log.warn({ role: APP_ROLE, code: (error as { code?: unknown }).code }, 'the app runs as the login user: could not grant the job queue to its runtime role');
    return false;
  }
  return true;
}

/** Every connection of the pool acts as the app role (SET ROLE runs before the client's first query). */
export function actAsAppRole(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    client.query(`SET ROLE ${APP_ROLE}`).catch(() => {});
  });
}
