// Data access for webhook endpoints and deliveries; every function takes (db, { organizationId, … }).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { webhookDeliveries, webhookEndpoints, type WebhookEventType } from './webhooks.schema.ts';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export async function listEndpoints(db: Tx, { organizationId }: { organizationId: string }) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      active: webhookEndpoints.active,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(webhookEndpoints.createdAt);
}

export async function findEndpoint(db: Tx, { organizationId, endpointId }: { organizationId: string; endpointId: string }): Promise<WebhookEndpoint | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, endpointId)));
  return row ?? null;
}

export async function activeEndpointsFor(db: Tx, { organizationId, type }: { organizationId: string; type: WebhookEventType }) {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.active, true), sql`${type} = ANY(${webhookEndpoints.events})`));
}

/** The delivery log: the newest 50 of the organisation. */
export async function listRecentDeliveries(db: Tx, { organizationId, limit = 50 }: { organizationId: string; limit?: number }) {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .where(eq(webhookDeliveries.organizationId, organizationId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}
