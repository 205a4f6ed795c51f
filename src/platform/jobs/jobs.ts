// Background jobs on pg-boss, in the same database. A job is enqueued in the
// transaction of the change that causes it: nothing is sent for a rollback,
// nothing is lost for a commit. Handlers are idempotent.
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import type { Tx } from '../db/db.ts';
import type { Logger } from '../logger.ts';

export interface JobHandler<T> {
  name: string;
  handle(data: T, meta: { jobId: string }): Promise<void>;
}

export interface SendJobOptions {
  /** Deduplicates on the queue's policy: one job per key while it is queued or active. */
  singletonKey?: string;
  startAfter?: Date;
}

export interface Jobs {
  send<T extends object>(tx: Tx, name: string, data: T, options?: SendJobOptions): Promise<void>;
  /** Starts working the registered queues in this process. */
  work(handlers: JobHandler<never>[]): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
}

/** The pg client behind a Drizzle transaction, for pg-boss to write its row beside ours. */
function clientOf(tx: Tx): pg.ClientBase {
  // Drizzle keeps the client on its session; not part of its public types.
  const session = (tx as unknown as { session: { client: pg.ClientBase } }).session;
  return session.client;
}

export const queueNames = ['mail.send', 'maintenance.prune'] as const;

export async function createJobs(connectionString: string, log: Logger, options: { schedule?: boolean } = {}): Promise<Jobs> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 5, schedule: options.schedule ?? false, supervise: true, application_name: 'tyopeili-jobs' });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'job system error'));
  await boss.start();
  for (const name of queueNames) await boss.createQueue(name, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  return {
    boss,
    async send(tx, name, data, opts) {
      const client = clientOf(tx);
      await boss.send(name, data, {
        singletonKey: opts?.singletonKey,
        startAfter: opts?.startAfter,
        db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) },
      });
    },
    async work(handlers) {
      // Hourly maintenance; pg-boss keeps one schedule per name, so several workers do not multiply it.
      if (handlers.some((h) => h.name === 'maintenance.prune')) await boss.schedule('maintenance.prune', '17 * * * *', {}, { tz: 'Europe/Helsinki' });
      for (const handler of handlers) {
        await boss.work<unknown>(handler.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async (jobs) => {
          for (const job of jobs) await handler.handle(job.data as never, { jobId: job.id });
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 20_000, close: true });
    },
  };
}
