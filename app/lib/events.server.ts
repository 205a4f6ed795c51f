// Loading the event named in a URL for a coordinator's page: the actor's organisation's event
// only (another organisation's answers 404, as does a malformed id); the rule decides 403/404.
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Services } from '../../src/platform/services.ts';
import { authorize, type EventResource, type Rule } from '../../src/platform/policy/index.ts';
import { findEvent, type Event } from '../../src/features/events/events.queries.ts';
import { rethrowAsResponse } from '../ui/form';
import { uuidParam } from './params.server';

export async function loadManagedEvent(services: Pick<Services, 'db'>, actor: Actor, eventIdParam: string | undefined, rule: Rule<EventResource>): Promise<Event> {
  const eventId = uuidParam(eventIdParam);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const event = await findEvent(services.db, { organizationId: actor.organizationId, eventId });
  if (!event) throw data(null, { status: 404 });
  try {
    authorize(actor, event, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return event;
}

/** The organisation a coordinator's page is about, or 403/404 as the rule decides (no organisation: 404). */
export function requireOrganization(actor: Actor, rule: Rule<{ organizationId: string; status: 'draft' }>): string {
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    authorize(actor, { organizationId: actor.organizationId, status: 'draft' }, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return actor.organizationId;
}
