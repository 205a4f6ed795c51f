// Background jobs on pg-boss, in the same database. A job is enqueued in the
// transaction of the change that causes it: nothing is sent for a rollback,
// nothing is lost for a commit. Handlers are idempotent.
import { PgBoss, type JobResult } from 'pg-boss';
import type pg from 'pg';
import type { Tx } from '../db/db.ts';
import type { Logger } from '../logger.ts';

/**
 * Every queue the app uses. createJobs creates each of them at start (pg-boss refuses
 * to send to a queue that does not exist), and `send` and handlers accept only these
 * names. To add a queue, add its name here and register its handler in server/jobs.ts.
 */
export const queueNames = ['mail.send', 'maintenance.prune', 'meetings.invite', 'board.digest', 'reminders.sweep', 'outcomes.remind', 'advice.remind', 'events.remind', 'backup.daily', 'newsletters.send', 'webhooks.deliver'] as const;
export type QueueName = (typeof queueNames)[number];

export function isQueueName(name: string): name is QueueName {
  return (queueNames as readonly string[]).includes(name);
}

export interface JobHandler<T> {
  name: QueueName;
  handle(data: T, meta: { jobId: string }): Promise<void>;
}

/** Scheduled jobs (cron, Europe/Helsinki). Run only where jobs are worked. */
export const schedules: { name: QueueName; cron: string }[] = [
  { name: 'maintenance.prune', cron: '17 * * * *' },
  // Hourly: invitations for meetings that came within 45 days (meetings/invitations.ts).
  { name: 'meetings.invite', cron: '7 * * * *' },
  // Hourly: each person's digest goes when their day or week is up (board/digest.ts).
  { name: 'board.digest', cron: '5 * * * *' },
  // Every 15 minutes: meeting and step reminders, each once per person (reminders/reminders.ts).
  { name: 'reminders.sweep', cron: '*/15 * * * *' },
  // Every 15 minutes: the day-before reminder of advice sessions, once each (advice/reminders.ts).
  { name: 'advice.remind', cron: '*/15 * * * *' },
  // Every 15 minutes: events' day-before reminders and, after an event, the feedback request, each once (events/follow-ups.ts).
  { name: 'events.remind', cron: '*/15 * * * *' },
  // Daily at 10:00: due check-ins (outcomes/check-in-reminders.ts).
  { name: 'outcomes.remind', cron: '0 10 * * *' },
  // Daily at 03:30: the embedded mode's own backup, the newest seven kept (platform/backup).
  { name: 'backup.daily', cron: '30 3 * * *' },
  // Every minute: the webhook deliveries that are due and whose job was lost (webhooks/deliver.ts).
  { name: 'webhooks.deliver', cron: '* * * * *' },
];

export interface SendJobOptions {
  /** Deduplicates on the queue's policy: one job per key while it is queued or active. */
  singletonKey?: string;
  startAfter?: Date;
}

export interface Jobs {
  /** Enqueues inside `tx`: the job exists only if `tx` commits. Returns nothing: the id means nothing before COMMIT. */
  send<T extends object>(tx: Tx, name: QueueName, data: T, options?: SendJobOptions): Promise<void>;
  /** Starts working the given queues in this process (and the schedules of those queues). */
  work(handlers: JobHandler<never>[]): Promise<void>;
  /** Stops fetching, waits for running jobs (up to 20 s), closes the pool. */
  stop(): Promise<void>;
  boss: PgBoss;
}

/** The pg client behind a Drizzle transaction, for pg-boss to write its row beside ours. */
function clientOf(tx: Tx): pg.ClientBase {
  // Drizzle keeps the client on its session; not part of its public types.
  const session = (tx as unknown as { session?: { client?: pg.ClientBase } }).session;
  if (!session?.client || typeof session.client.query !== 'function') {
    throw new Error('jobs.send needs a transaction (db.transaction(async (tx) => …)) so the job commits with the change');
  }
  return session.client;
}

export async function createJobs(connectionString: string, log: Logger, options: { schedule?: boolean } = {}): Promise<Jobs> {
  // `schedule` turns on pg-boss's cron monitor (it turns due schedules into jobs);
  // only instances that work jobs need it.
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 5,
    schedule: options.schedule ?? false,
    supervise: true,
    application_name: 'tyopeili-jobs',
  });
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
      for (const handler of handlers) {
        if (!isQueueName(handler.name)) throw new Error(`No queue named ${handler.name}: add it to queueNames`);
      }
      // pg-boss keeps one schedule per name, so several workers do not multiply it.
      for (const s of schedules) {
        if (handlers.some((h) => h.name === s.name)) await boss.schedule(s.name, s.cron, {}, { tz: 'Europe/Helsinki' });
      }
      for (const handler of handlers) {
        // Up to 5 jobs a fetch and no pause while fetches come back full, so a backlog
        // (a newsletter, many reminders) drains quickly. Each job settles on its own: one
        // failing job is retried alone and does not fail the others of its batch.
        await boss.work<unknown>(handler.name, { batchSize: 5, burstWhenBatchFull: true, pollingIntervalSeconds: 2, perJobResults: true }, async (batch) => {
          const results: JobResult[] = [];
          for (const job of batch) {
            try {
              await handler.handle(job.data as never, { jobId: job.id });
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              // The message may name a person (an SMTP reply quotes the address): it goes to
              // the job's row for the operator, not to the log.
              log.warn({ queue: handler.name, jobId: job.id, code: (error as { code?: unknown } | null)?.code }, 'job failed; pg-boss retries it');
              results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
            }
          }
          return results;
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 20_000, close: true });
    },
  };
}
