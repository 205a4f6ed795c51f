// The endpoint form: an http(s) URL (https in production unless its host is allowlisted; an IP
// address the guard refuses is refused here already), a description, the events as checkboxes.
import { z } from 'zod';
import { isAllowedHost, isForbiddenAddress, urlProblem } from './address-guard.ts';
import { webhookEventTypes } from './webhooks.schema.ts';

export function endpointSchema(options: { allowedHosts: readonly string[]; requireHttps: boolean }) {
  return z.object({
    url: z
      .string({ error: 'webhooks.validation.url' })
      .trim()
      .min(1, { error: 'webhooks.validation.urlRequired' })
      .max(2000, { error: 'webhooks.validation.tooLong' })
      .superRefine((value, ctx) => {
        const problem = urlProblem(value, options);
        if (problem === 'https-required') return void ctx.addIssue({ code: 'custom', message: 'webhooks.validation.httpsRequired' });
        if (problem) return void ctx.addIssue({ code: 'custom', message: 'webhooks.validation.url' });
        const url = new URL(value);
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const literal = /^[\d.]+$/.test(host) || host.includes(':');
        if ((literal || host === 'localhost' || host.endsWith('.localhost')) && !isAllowedHost(url, options.allowedHosts) && (!literal || isForbiddenAddress(host)))
          ctx.addIssue({ code: 'custom', message: 'webhooks.validation.internalAddress' });
      }),
    description: z.string({ error: 'webhooks.validation.tooLong' }).trim().max(200, { error: 'webhooks.validation.tooLong' }).default(''),
    events: z.array(z.enum(webhookEventTypes, { error: 'webhooks.validation.events' }), { error: 'webhooks.validation.events' }).min(1, { error: 'webhooks.validation.events' }),
  });
}

export type EndpointInput = z.infer<ReturnType<typeof endpointSchema>>;

export const endpointIdSchema = z.uuid({ error: 'webhooks.validation.endpoint' });
