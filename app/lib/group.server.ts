// Loading the group named in a URL for a page: located among the actor's organisations,
// with its people for the policies; unknown → 404, not allowed → 403 (see meeting.server.ts).
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Services } from '../../src/platform/services.ts';
import { authorize, type GroupResource, type Rule } from '../../src/platform/policy/index.ts';
import { locateGroup } from '../../src/features/groups/locate.ts';
import { findGroupResource, type GroupWithPeople } from '../../src/features/groups/groups.queries.ts';
import { rethrowAsResponse } from '../ui/form';
import { uuidParam } from './params.server';

export async function loadGroup(services: Pick<Services, 'db'>, actor: Actor, groupIdParam: string | undefined, rule: Rule<GroupResource>): Promise<GroupWithPeople> {
  const groupId = uuidParam(groupIdParam);
  const organizationId = await locateGroup(services.db, actor, groupId);
  if (!organizationId) throw data(null, { status: 404 });
  const group = await findGroupResource(services.db, { organizationId, groupId });
  try {
    if (!group) throw data(null, { status: 404 });
    authorize(actor, group, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return group;
}
