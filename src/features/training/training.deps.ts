import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';

/** What the training use cases need from the running app (Services fits). */
export interface TrainingDeps {
  db: Db;
  jobs: Jobs;
  // credentialSigningKey: a confirmed completion issues the certificate (src/features/certificates).
  config: Pick<Config, 'appUrl' | 'credentialSigningKey'> & Partial<Pick<Config, 'dataDir'>>;
}
