// Exit interviews: a facilitator of the group (or a coordinator) records one member's exit
// interview when they leave or the group closes. Only the group's facilitators and the
// organisation's coordinators read them; each read is in the staff-read log.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordStaffRead } from '../../platform/audit/staff-reads.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, exitInterviewPolicy } from '../../platform/policy/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { knowledgeThemes } from '../knowledge/knowledge.schema.ts';
import { exitInterviews } from './stories.schema.ts';
import type { ExitInterviewForm } from './stories.validation.ts';

export type ExitInterview = typeof exitInterviews.$inferSelect;

async function authorizedGroup(tx: Tx, actor: Actor | null, input: { organizationId: string; groupId: string }, rule: typeof exitInterviewPolicy.read) {
  const group = await findGroupResource(tx, input);
  if (!group) throw new NotFoundError();
  authorize(actor, group, rule);
  return group;
}

/** The group's members, present and past, for whom an exit interview may be recorded. */
export async function listInterviewableMembers(tx: Tx, input: { organizationId: string; groupId: string }) {
  return tx
    .select({ userId: groupMembers.userId, name: users.name, leftAt: groupMembers.leftAt })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.organizationId, input.organizationId), eq(groupMembers.groupId, input.groupId)))
    .orderBy(asc(users.name));
}

export async function recordExitInterview(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string } & ExitInterviewForm,
): Promise<ExitInterview> {
  const { organizationId, groupId, ...form } = input;
  return deps.db.transaction(async (tx) => {
    await authorizedGroup(tx, actor, { organizationId, groupId }, exitInterviewPolicy.record);
    // The person must be (or have been) a member of this group.
    const [member] = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId), eq(groupMembers.userId, form.userId)));
    if (!member) throw new NotFoundError();
    const known = new Set((await tx.select({ code: knowledgeThemes.code }).from(knowledgeThemes)).map((t) => t.code));
    const themes = [...new Set(form.themes)].filter((c) => known.has(c));
    const [row] = await tx
      .insert(exitInterviews)
      .values({ organizationId, groupId, recordedBy: actor!.userId, ...form, themes })
      .returning();
    await recordAudit(tx, { organizationId, actorUserId: actor!.userId, action: 'exit_interview.recorded', targetType: 'exit_interview', targetId: row!.id, metadata: { groupId, subjectUserId: form.userId } });
    return row!;
  });
}

/** The group's exit interviews, newest first, with the member's name; the read is logged. */
export async function readExitInterviews(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; groupId: string }) {
  return deps.db.transaction(async (tx) => {
    await authorizedGroup(tx, actor, input, exitInterviewPolicy.read);
    const rows = await tx
      .select({ interview: exitInterviews, name: users.name })
      .from(exitInterviews)
      .innerJoin(users, eq(users.id, exitInterviews.userId))
      .where(and(eq(exitInterviews.organizationId, input.organizationId), eq(exitInterviews.groupId, input.groupId)))
      .orderBy(desc(exitInterviews.interviewedOn), desc(exitInterviews.createdAt));
    if (rows.length > 0)
      await recordStaffRead(tx, actor!, {
        organizationId: input.organizationId,
        purpose: 'exit_interviews.group',
        targetType: 'group',
        targetId: input.groupId,
        subjectUserIds: rows.map((r) => r.interview.userId),
      });
    return rows.map((r) => ({ ...r.interview, name: r.name }));
  });
}
