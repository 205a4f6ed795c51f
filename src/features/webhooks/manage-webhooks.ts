// Use cases of the webhooks page: add an endpoint (its signing secret returned once, kept sealed),
// send the test event, disable or enable, delete. Each in one transaction with its audit row.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/ids.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { authorize, webhookPolicy } from '../../platform/policy/index.ts';
import { enqueuePing, sealSecret } from './deliver.ts';
import { newWebhookSecret } from './signature.ts';
import { findEndpoint } from './webhooks.queries.ts';
import { webhookEndpoints, type WebhookEventType } from './webhooks.schema.ts';

/** An endpoint as the (coming) page's form gives it; its URL is checked again by the address guard at every delivery. */
export interface EndpointInput {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export interface WebhookDeps {
  db: Db;
  jobs?: Jobs;
  config: Pick<Config, 'sessionSecret'>;
}

export async function createEndpoint(
  actor: Actor | null,
  deps: WebhookDeps,
  input: EndpointInput & { organizationId: string },
  options: { now?: Date } = {},
): Promise<{ endpointId: string; secret: string }> {
  const { organizationId } = input;
  authorize(actor, { organizationId }, webhookPolicy.manage);
  const now = options.now ?? new Date();
  const endpointId = newId();
  const secret = newWebhookSecret();
  await deps.db.transaction(async (tx) => {
    await tx.insert(webhookEndpoints).values({
      organizationId,
      id: endpointId,
      url: input.url,
      description: input.description,
      events: [...new Set(input.events)],
      secretSealed: sealSecret(deps.config, endpointId, secret),
      createdBy: actor!.userId,
      createdAt: now,
    });
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'webhooks.endpoint_created', targetType: 'webhook_endpoint', targetId: endpointId, metadata: { events: input.events } });
  });
  return { endpointId, secret };
}

async function locked(deps: WebhookDeps, actor: Actor | null, scope: { organizationId: string; endpointId: string }) {
  authorize(actor, { organizationId: scope.organizationId }, webhookPolicy.manage);
  const endpoint = await findEndpoint(deps.db, scope);
  if (!endpoint) throw new NotFoundError();
  return endpoint;
}

export async function setEndpointActive(actor: Actor | null, deps: WebhookDeps, input: { organizationId: string; endpointId: string; active: boolean }, options: { now?: Date } = {}): Promise<void> {
  await locked(deps, actor, input);
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(webhookEndpoints)
      .set({ active: input.active, disabledAt: input.active ? null : now })
      .where(and(eq(webhookEndpoints.organizationId, input.organizationId), eq(webhookEndpoints.id, input.endpointId)));
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: input.active ? 'webhooks.endpoint_enabled' : 'webhooks.endpoint_disabled', targetType: 'webhook_endpoint', targetId: input.endpointId });
  });
}

export async function deleteEndpoint(actor: Actor | null, deps: WebhookDeps, input: { organizationId: string; endpointId: string }): Promise<void> {
  await locked(deps, actor, input);
  await deps.db.transaction(async (tx) => {
    // Its deliveries go with it (ON DELETE CASCADE).
    await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.organizationId, input.organizationId), eq(webhookEndpoints.id, input.endpointId)));
    await recordAudit(tx, { organizationId: input.organizationId, actorUserId: actor!.userId, action: 'webhooks.endpoint_deleted', targetType: 'webhook_endpoint', targetId: input.endpointId });
  });
}

export async function sendTestEvent(actor: Actor | null, deps: WebhookDeps, input: { organizationId: string; endpointId: string }, options: { now?: Date } = {}): Promise<string> {
  await locked(deps, actor, input);
  return deps.db.transaction(async (tx) => enqueuePing(tx, deps.jobs, input, options));
}
