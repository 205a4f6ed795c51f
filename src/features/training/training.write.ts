// Small writes and checks shared by the training use cases (inside their transactions).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { courses, enrolments } from './training.schema.ts';

export async function findCourseSlugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [row] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.slug, slug)).limit(1);
  return row !== undefined;
}

/** The people who may mentor: facilitators and coordinators of the organisation, among `userIds`. */
export async function eligibleMentors(tx: Tx, { organizationId, userIds }: { organizationId: string; userIds: readonly string[] }) {
  if (userIds.length === 0) return [];
  return tx
    .select({ userId: memberships.userId, name: users.name, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, [...userIds]), inArray(memberships.role, ['facilitator', 'coordinator'])));
}

/** Every facilitator and coordinator of the organisation (the mentor picker). */
export async function mentorCandidates(tx: Tx, { organizationId }: { organizationId: string }) {
  return tx
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ['facilitator', 'coordinator'])))
    .orderBy(users.name);
}

/**
 * Call inside the transaction that gives `userId` a membership in `organizationId` (accepting an
 * invitation): the person's invited enrolments there become theirs and active.
 */
export async function claimEnrolments(tx: Tx, { organizationId, email, userId }: { organizationId: string; email: string; userId: string }): Promise<number> {
  const rows = await tx
    .update(enrolments)
    .set({ userId, status: 'active' })
    .where(and(eq(enrolments.organizationId, organizationId), sql`lower(${enrolments.email}) = lower(${email})`, eq(enrolments.status, 'invited')))
    .returning({ id: enrolments.id });
  return rows.length;
}
