import type pg from 'pg';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';
import type { Logger } from './logger.ts';
import type { Jobs } from './jobs/jobs.ts';

/** What the running app holds once: handed to pages through the router context. */
export interface Services {
  config: Config;
  pool: pg.Pool;
  db: Db;
  /**
   * Where the large report reads go (evaluation, research export): the streaming replica of
   * DATABASE_REPLICA_URL, else the primary (`db`). Reads only: a replica refuses writes, and the
   * disclosure register and audit rows are written through `db`.
   */
  reportDb: Db;
  log: Logger;
  jobs: Jobs;
}
