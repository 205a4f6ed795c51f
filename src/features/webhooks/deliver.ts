// The outbox and its delivery. `enqueueWebhookEvent` runs inside the transaction of the change it
// reports: one delivery row per active endpoint subscribed to the event, and one job each — both
// commit with the change or not at all. The `webhooks.deliver` job sends one delivery; the same
// queue's minute schedule (no delivery id) sweeps every due row, so a lost job delays a delivery
// by a minute at most. A delivery is claimed by moving its next attempt a lease ahead under
// FOR UPDATE SKIP LOCKED, then sent outside any transaction: a job and the sweep never send the
// same attempt twice, and a worker killed mid-request leaves a row the sweep retries.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import { decrypt, deriveKey, encrypt } from '../../platform/crypto.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import { resolveWebhookTarget } from './address-guard.ts';
import { retryDelaySeconds } from './backoff.ts';
import { postWebhook, WEBHOOK_TIMEOUT_MS } from './send-request.ts';
import { signatureHeader } from './signature.ts';
import { activeEndpointsFor } from './webhooks.queries.ts';
import { webhookDeliveries, webhookEndpoints, type WebhookDeliveryType, type WebhookEventType } from './webhooks.schema.ts';

export const WEBHOOK_USER_AGENT = 'Tyopeili-Webhooks/1';
/** How long a claimed attempt is held before the sweep may try it again (the request takes at most 10 s). */
const LEASE_MS = WEBHOOK_TIMEOUT_MS + 50_000;
const SWEEP_BATCH = 50;

/** What an event names: ids only (an application's, a registration's and its event's, a meeting's and its group's). */
export type WebhookData = Record<string, string>;

export interface WebhookDeliveryJob {
  organizationId?: string;
  deliveryId?: string;
}

function secretKey(config: Pick<Config, 'sessionSecret'>): Buffer {
  return deriveKey(config.sessionSecret, 'webhook-signing-secret');
}

export function sealSecret(config: Pick<Config, 'sessionSecret'>, endpointId: string, secret: string): Buffer {
  return encrypt(secretKey(config), Buffer.from(secret, 'utf8'), `webhook:${endpointId}`);
}

export function openSecret(config: Pick<Config, 'sessionSecret'>, endpointId: string, sealed: Uint8Array): string {
  return decrypt(secretKey(config), sealed, `webhook:${endpointId}`).toString('utf8');
}

async function insertDelivery(
  tx: Tx,
  jobs: Jobs | undefined,
  input: { organizationId: string; endpointId: string; type: WebhookDeliveryType; eventId: string; data: WebhookData; now: Date },
): Promise<string> {
  const id = newId();
  const payload = { id: input.eventId, type: input.type, created: Math.floor(input.now.getTime() / 1000), organization: input.organizationId, data: input.data };
  await tx.insert(webhookDeliveries).values({
    organizationId: input.organizationId,
    id,
    endpointId: input.endpointId,
    eventType: input.type,
    eventId: input.eventId,
    payload,
    nextAttemptAt: input.now,
    createdAt: input.now,
  });
  // Without a job system at hand (a use case called with a bare database) the minute sweep sends it.
  if (jobs) await jobs.send<WebhookDeliveryJob>(tx, 'webhooks.deliver', { organizationId: input.organizationId, deliveryId: id });
  return id;
}

/**
 * Records the event for every active endpoint of the organisation subscribed to it, in `tx` (the
 * transaction of the change itself). `data` holds ids only. Returns the delivery ids.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  jobs: Jobs | undefined,
  organizationId: string,
  type: WebhookEventType,
  data: WebhookData,
  options: { now?: Date } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const endpoints = await activeEndpointsFor(tx, { organizationId, type });
  if (endpoints.length === 0) return [];
  const eventId = newId();
  const ids: string[] = [];
  for (const endpoint of endpoints) ids.push(await insertDelivery(tx, jobs, { organizationId, endpointId: endpoint.id, type, eventId, data, now }));
  return ids;
}

/** The test event for one endpoint (sent even when it subscribes to no event). */
export async function enqueuePing(tx: Tx, jobs: Jobs | undefined, input: { organizationId: string; endpointId: string }, options: { now?: Date } = {}): Promise<string> {
  const now = options.now ?? new Date();
  return insertDelivery(tx, jobs, { ...input, type: 'ping', eventId: newId(), data: { endpoint: input.endpointId }, now });
}

export interface DeliverDeps {
  db: Db;
  config: Pick<Config, 'sessionSecret' | 'webhookAllowedHosts' | 'isProduction'>;
  jobs?: Jobs;
}

type Claimed = { organizationId: string; id: string; attempts: number; eventType: string; payload: Record<string, unknown>; url: string; secretSealed: Buffer; endpointId: string; active: boolean };

async function claim(db: Db, scope: { organizationId: string; deliveryId: string } | null, now: Date): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now));
    const rows = await tx
      .select({ organizationId: webhookDeliveries.organizationId, id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(scope ? and(eq(webhookDeliveries.organizationId, scope.organizationId), eq(webhookDeliveries.id, scope.deliveryId), due) : due)
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(scope ? 1 : SWEEP_BATCH)
      .for('update', { skipLocked: true });
    const claimed: Claimed[] = [];
    for (const row of rows) {
      const [updated] = await tx
        .update(webhookDeliveries)
        .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(and(eq(webhookDeliveries.organizationId, row.organizationId), eq(webhookDeliveries.id, row.id)))
        .returning();
      const [endpoint] = await tx
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.organizationId, row.organizationId), eq(webhookEndpoints.id, updated!.endpointId)));
      if (!updated || !endpoint) continue;
      claimed.push({ ...updated, url: endpoint.url, secretSealed: endpoint.secretSealed, endpointId: endpoint.id, active: endpoint.active });
    }
    return claimed;
  });
}

async function settle(
  deps: DeliverDeps,
  delivery: Claimed,
  outcome: { statusCode: number | null; error: string | null; retry: boolean },
  now: Date,
): Promise<void> {
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const delay = delivered || !outcome.retry ? null : retryDelaySeconds(delivery.attempts);
  const next = delay === null ? null : new Date(now.getTime() + delay * 1000);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? 'delivered' : next ? 'pending' : 'failed',
        lastStatusCode: outcome.statusCode,
        lastError: delivered ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`).slice(0, 120),
        deliveredAt: delivered ? now : null,
        ...(next ? { nextAttemptAt: next } : {}),
      })
      .where(and(eq(webhookDeliveries.organizationId, delivery.organizationId), eq(webhookDeliveries.id, delivery.id)));
    if (next && deps.jobs) await deps.jobs.send<WebhookDeliveryJob>(tx, 'webhooks.deliver', { organizationId: delivery.organizationId, deliveryId: delivery.id }, { startAfter: next });
  });
}

async function attempt(deps: DeliverDeps, delivery: Claimed, now: Date): Promise<void> {
  if (!delivery.active && delivery.eventType !== 'ping') return settle(deps, delivery, { statusCode: null, error: 'endpoint disabled', retry: false }, now);
  const target = await resolveWebhookTarget(delivery.url, { allowedHosts: deps.config.webhookAllowedHosts, requireHttps: deps.config.isProduction });
  // A refused address is not retried: the same URL would be refused again.
  if (!target.ok) return settle(deps, delivery, { statusCode: null, error: `refused: ${target.reason}`, retry: false }, now);
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const secret = openSecret(deps.config, delivery.endpointId, delivery.secretSealed);
  const outcome = await postWebhook(
    target,
    {
      'Content-Type': 'application/json',
      'User-Agent': WEBHOOK_USER_AGENT,
      'Tyopeili-Event': delivery.eventType,
      'Tyopeili-Delivery': delivery.id,
      'Tyopeili-Signature': signatureHeader(secret, timestamp, body),
    },
    body,
  );
  if ('statusCode' in outcome) return settle(deps, delivery, { statusCode: outcome.statusCode, error: null, retry: true }, now);
  return settle(deps, delivery, { statusCode: null, error: outcome.error, retry: true }, now);
}

/** Sends one delivery (job data with its id) or every due one (the sweep); `now` is the clock for tests. */
export async function deliverWebhooks(deps: DeliverDeps, job: WebhookDeliveryJob, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const scope = job.organizationId && job.deliveryId ? { organizationId: job.organizationId, deliveryId: job.deliveryId } : null;
  const claimed = await claim(deps.db, scope, now);
  for (const delivery of claimed) await attempt(deps, delivery, now);
  return claimed.length;
}

export function webhookDeliveryHandler(deps: DeliverDeps): JobHandler<WebhookDeliveryJob> {
  return { name: 'webhooks.deliver', handle: async (data) => void (await deliverWebhooks(deps, data)) };
}
