// Signed webhooks (issue 19, point 3): an organisation's endpoints and the outbox of deliveries.
// A delivery row is written in the transaction of the change it reports (the outbox), then sent
// by the `webhooks.deliver` job with retries; the row is also the delivery log. Payloads carry
// ids only, never personal data. The signing secret is sealed with AES-256-GCM (platform/crypto).
import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.ts';
import { organizations } from '../organizations/organizations.schema.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const webhookEventTypes = ['application.created', 'registration.created', 'meeting.completed'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** What a delivery can carry: the subscribable events and the test event. */
export type WebhookDeliveryType = WebhookEventType | 'ping';
export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().$defaultFn(newId),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events').array().$type<WebhookEventType[]>().notNull(),
    /** The signing secret sealed with AES-256-GCM under a key derived from SESSION_SECRET (aad: the endpoint id). */
    secretSealed: bytea('secret_sealed').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id], name: 'webhook_endpoints_pkey' })],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    endpointId: uuid('endpoint_id').notNull(),
    eventType: text('event_type').$type<WebhookDeliveryType>().notNull(),
    eventId: uuid('event_id').notNull(),
    /** The JSON body as sent (ids only). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer('last_status_code'),
    /** A short reason (a status line or a network error code), never a response body. */
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id], name: 'webhook_deliveries_pkey' }),
    foreignKey({ name: 'webhook_deliveries_endpoint_fk', columns: [t.organizationId, t.endpointId], foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id] }).onDelete('cascade'),
    index('webhook_deliveries_endpoint_idx').on(t.organizationId, t.endpointId, t.createdAt),
    // The sweep's scan: due pending rows.
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('webhook_deliveries_status_check', sql`${t.status} IN ('pending', 'delivered', 'failed')`),
  ],
);
