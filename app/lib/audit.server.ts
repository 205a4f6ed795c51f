// The audit viewer's query string (shared by the page and its CSV): validated before the
// database, scoped to the actor's organisation (admins may see every organisation).
import { data } from 'react-router';
import { z } from 'zod';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { auditLogPolicy, authorize } from '../../src/platform/policy/index.ts';
import type { AuditFilter } from '../../src/features/trust/audit.queries.ts';
import { rethrowAsResponse } from '../ui/form';

const querySchema = z.object({
  organization: z.uuid().optional(),
  actor: z.uuid().optional(),
  subject: z.uuid().optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]*$/)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export interface AuditQuery {
  filter: AuditFilter;
  values: Record<'organization' | 'actor' | 'subject' | 'action' | 'from' | 'to', string>;
  invalid: boolean;
}

/** Bad filters are dropped (and said so), never sent to the database. */
export function auditQuery(actor: Actor, url: URL): AuditQuery {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const parsed = querySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : {};
  const organizationId = q.organization ?? (actor.isAdmin ? null : actor.organizationId);
  if (organizationId === null && !actor.isAdmin) throw data(null, { status: 404 });
  try {
    if (organizationId) authorize(actor, { organizationId }, auditLogPolicy.list);
    else if (!actor.isAdmin) throw data(null, { status: 403 });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return {
    filter: { organizationId, actorUserId: q.actor, subjectUserId: q.subject, action: q.action, from: q.from, to: q.to },
    values: { organization: q.organization ?? '', actor: q.actor ?? '', subject: q.subject ?? '', action: q.action ?? '', from: q.from ?? '', to: q.to ?? '' },
    invalid: !parsed.success,
  };
}
