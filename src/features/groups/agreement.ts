// Use cases of the group agreement: the coordinator publishes a new version (members then
// accept it again before they see their group), a member accepts the current version and
// chooses how the others see them.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { AgreementChangedError, NoAgreementError } from './groups.errors.ts';
import { findCurrentAgreement, findGroupResource } from './groups.queries.ts';
import { groupAgreements, groupMembers } from './groups.schema.ts';

export async function publishAgreement(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; textFi: string; textSv: string; textEn: string },
): Promise<{ version: number }> {
  const { organizationId } = input;
  authorize(actor, { organizationId, facilitatorUserIds: [], memberUserIds: [] }, groupPolicy.editAgreement);
  return deps.db.transaction(async (tx) => {
    // Serialise concurrent publications of the same organisation.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'group_agreement:' + organizationId}))`);
    const current = await findCurrentAgreement(tx, { organizationId });
    const version = (current?.version ?? 0) + 1;
    await tx.insert(groupAgreements).values({ organizationId, version, textFi: input.textFi, textSv: input.textSv, textEn: input.textEn });
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.agreement_published', targetType: 'group_agreement', targetId: String(version) });
    return { version };
  });
}

export async function acceptAgreement(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string; version: number; showCompany: boolean },
  options: { now?: Date } = {},
): Promise<void> {
  const { organizationId, groupId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.acceptAgreement);
    const current = await findCurrentAgreement(tx, { organizationId });
    if (!current) throw new NoAgreementError();
    if (current.version !== input.version) throw new AgreementChangedError();
    await tx
      .update(groupMembers)
      .set({ agreementVersion: current.version, agreementAcceptedAt: options.now ?? new Date(), showCompany: input.showCompany })
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor!.userId), isNull(groupMembers.leftAt)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.agreement_accepted', targetType: 'group', targetId: groupId });
  });
}

export async function setMemberDisplay(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; groupId: string; showCompany: boolean }): Promise<void> {
  const { organizationId, groupId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.acceptAgreement);
    await tx
      .update(groupMembers)
      .set({ showCompany: input.showCompany })
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor!.userId), isNull(groupMembers.leftAt)));
  });
}

/** True when the member has accepted the organisation's current agreement. */
export function hasAcceptedCurrent(memberVersion: number | null, currentVersion: number | null): boolean {
  if (currentVersion === null) return true;
  return memberVersion === currentVersion;
}
