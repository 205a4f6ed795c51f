// Use case: a coordinator creates a group with its 1–2 facilitators.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { replaceFacilitators } from './facilitators.ts';
import type { GroupForm } from './groups.validation.ts';
import { groups } from './groups.schema.ts';

export async function createGroup(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; form: GroupForm }): Promise<{ id: string }> {
  const { organizationId, form } = input;
  authorize(actor, { organizationId }, groupPolicy.create);
  return deps.db.transaction(async (tx) => {
    const [group] = await tx
      .insert(groups)
      .values({ organizationId, name: form.name, status: form.status, format: form.format, description: form.description })
      .returning({ id: groups.id });
    await replaceFacilitators(tx, { organizationId, groupId: group!.id, facilitatorIds: form.facilitatorIds });
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.created', targetType: 'group', targetId: group!.id });
    return { id: group!.id };
  });
}
