// Shared by creating and editing a group: the chosen facilitators must be the organisation's staff.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { NotAFacilitatorError } from './groups.errors.ts';
import { groupFacilitators } from './groups.schema.ts';

export async function replaceFacilitators(tx: Tx, { organizationId, groupId, facilitatorIds }: { organizationId: string; groupId: string; facilitatorIds: string[] }) {
  const staff = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, facilitatorIds), inArray(memberships.role, ['facilitator', 'trainee', 'coordinator'])));
  if (staff.length !== new Set(facilitatorIds).size) throw new NotAFacilitatorError();
  await tx.delete(groupFacilitators).where(and(eq(groupFacilitators.organizationId, organizationId), eq(groupFacilitators.groupId, groupId)));
  await tx.insert(groupFacilitators).values(facilitatorIds.map((userId) => ({ organizationId, groupId, userId })));
}
