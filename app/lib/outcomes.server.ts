// The person's own measurement happens in the organisation they are working in now.
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { authorize, outcomePolicy, type PersonOutcomesResource, type Rule } from '../../src/platform/policy/index.ts';
import { rethrowAsResponse } from '../ui/form';

export function ownOutcomes(actor: Actor, rule: Rule<PersonOutcomesResource> = outcomePolicy.readOwn): PersonOutcomesResource {
  if (!actor.organizationId) throw data(null, { status: 404 });
  const scope = { organizationId: actor.organizationId, userId: actor.userId };
  try {
    authorize(actor, scope, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return scope;
}
