// What other features and the composition root use of webhooks: the outbox call (inside the
// caller's transaction) and the delivery job's handler. The rest is the feature's own.
export { enqueueWebhookEvent, webhookDeliveryHandler, type WebhookData } from './deliver.ts';
export { webhookEventTypes, type WebhookEventType } from './webhooks.schema.ts';
