// Use case: a coordinator edits a group's name, status, format, description and facilitators.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { replaceFacilitators } from './facilitators.ts';
import { findGroupResource } from './groups.queries.ts';
import type { GroupForm } from './groups.validation.ts';
import { groups } from './groups.schema.ts';

export async function updateGroup(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; groupId: string; form: GroupForm }): Promise<void> {
  const { organizationId, groupId, form } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.edit);
    await tx
      .update(groups)
      .set({ name: form.name, status: form.status, format: form.format, description: form.description })
      .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
    await replaceFacilitators(tx, { organizationId, groupId, facilitatorIds: form.facilitatorIds });
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.updated', targetType: 'group', targetId: groupId });
  });
}
