import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';

/** What the training use cases need from the running app (Services fits). */
export interface TrainingDeps {
  db: Db;
  jobs: Jobs;
  config: Pick<Config, 'appUrl'> & Partial<Pick<Config, 'dataDir'>>;
}
