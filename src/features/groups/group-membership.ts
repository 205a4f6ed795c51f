// Use cases: a coordinator adds an entrepreneur to a group, or removes one (the row
// stays with left_at, so attendance history keeps its people; the person is told by
// mail), and can undo a removal (restore: the row as it was, agreement kept; told too).
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail, type MailTemplate } from '../../platform/mail/mail.ts';
import type { Tx } from '../../platform/db/db.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { authorize, groupPolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { NotAddableMemberError, NotRestorableMemberError } from './groups.errors.ts';
import { findGroupResource } from './groups.queries.ts';
import { groupMembers } from './groups.schema.ts';

type Input = { organizationId: string; groupId: string; userId: string };

/** The person's role in the organisation (only an entrepreneur can be a group member). */
async function organizationRole(tx: Tx, { organizationId, userId }: Input) {
  const [membership] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return membership?.role;
}

export async function addGroupMember(actor: Actor | null, deps: { db: Db }, input: Input, options: { now?: Date } = {}): Promise<void> {
  const { organizationId, groupId, userId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.manageMembers);
    const role = await organizationRole(tx, input);
    if (role !== 'entrepreneur' || group.memberUserIds.includes(userId)) throw new NotAddableMemberError();
    const now = options.now ?? new Date();
    // A member who left and comes back gets a fresh row state (and accepts the agreement again).
    await tx
      .insert(groupMembers)
      .values({ organizationId, groupId, userId, joinedAt: now, showCompany: false })
      .onConflictDoUpdate({
        target: [groupMembers.organizationId, groupMembers.groupId, groupMembers.userId],
        set: { leftAt: null, joinedAt: now, agreementVersion: null, agreementAcceptedAt: null, showCompany: false },
      });
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.member_added', targetType: 'user', targetId: userId });
  });
}

type MailDeps = { db: Db; jobs: Jobs; config: { appUrl: string } };

/** Tells the person in their language that they left or are back (in the caller's transaction). */
async function tellMember(tx: Tx, deps: MailDeps, input: Input & { groupName: string; template: MailTemplate }) {
  const [person] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale, organization: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, input.organizationId))
    .where(eq(users.id, input.userId));
  if (!person) return;
  await enqueueMail(tx, deps.jobs, {
    to: person.email,
    locale: isLocale(person.locale) ? person.locale : 'fi',
    userId: input.userId,
    template: input.template,
    values: { name: person.name.split(/\s+/)[0] ?? person.name, group: input.groupName, organization: person.organization, url: `${deps.config.appUrl}/groups/${input.groupId}` },
  });
}

export async function removeGroupMember(actor: Actor | null, deps: MailDeps, input: Input, options: { now?: Date } = {}): Promise<void> {
  const { organizationId, groupId, userId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.manageMembers);
    if (!group.memberUserIds.includes(userId)) throw new NotFoundError();
    await tx
      .update(groupMembers)
      .set({ leftAt: options.now ?? new Date() })
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNull(groupMembers.leftAt)));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.member_removed', targetType: 'user', targetId: userId });
    await tellMember(tx, deps, { ...input, groupName: group.name, template: 'groupMemberRemoved' });
  });
}

/**
 * Undoes a removal: the member's row as it was before (joined date, agreement, what they chose
 * to show), for a person who left this group and is still an entrepreneur of the organisation.
 */
export async function restoreGroupMember(actor: Actor | null, deps: MailDeps, input: Input): Promise<void> {
  const { organizationId, groupId, userId } = input;
  await deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, group, groupPolicy.manageMembers);
    const role = await organizationRole(tx, input);
    if (role !== 'entrepreneur') throw new NotRestorableMemberError();
    const restored = await tx
      .update(groupMembers)
      .set({ leftAt: null })
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), isNotNull(groupMembers.leftAt)))
      .returning({ userId: groupMembers.userId });
    if (restored.length === 0) throw new NotRestorableMemberError();
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'groups.member_restored', targetType: 'user', targetId: userId });
    await tellMember(tx, deps, { ...input, groupName: group.name, template: 'groupMemberRestored' });
  });
}
