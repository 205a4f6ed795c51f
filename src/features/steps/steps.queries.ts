// Data access for small steps. Every function takes (db, { organizationId, … }).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import { groups } from '../groups/groups.schema.ts';
import { steps } from './steps.schema.ts';

/** The disclosure-control domain of step counts (the dashboard's, a practice group's): the people who set steps are the members, so every page's step figures are audited together. */
export const STEPS_DOMAIN = 'participation:steps';

export type Step = typeof steps.$inferSelect;

export async function findStep(db: Tx, { organizationId, stepId, forUpdate = false }: { organizationId: string; stepId: string; forUpdate?: boolean }): Promise<Step | null> {
  const query = db.select().from(steps).where(and(eq(steps.organizationId, organizationId), eq(steps.id, stepId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Steps set at this meeting, oldest first. */
export async function listMeetingSteps(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }): Promise<Step[]> {
  return db
    .select()
    .from(steps)
    .where(and(eq(steps.organizationId, organizationId), eq(steps.meetingId, meetingId)))
    .orderBy(asc(steps.createdAt), asc(steps.id));
}

/** Every step of the group (for the follow-up round). */
export async function listGroupSteps(db: Tx, { organizationId, groupId }: { organizationId: string; groupId: string }): Promise<Step[]> {
  return db
    .select()
    .from(steps)
    .where(and(eq(steps.organizationId, organizationId), eq(steps.groupId, groupId)))
    .orderBy(asc(steps.createdAt), asc(steps.id));
}

export async function insertStep(
  db: Tx,
  values: { organizationId: string; groupId: string; userId: string; meetingId: string | null; text: string; dueOn: string | null },
  now: Date = new Date(),
): Promise<Step> {
  const [row] = await db
    .insert(steps)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateStep(
  db: Tx,
  { organizationId, stepId, values }: { organizationId: string; stepId: string; values: Partial<Pick<Step, 'status' | 'reflection' | 'text' | 'dueOn'>> },
  now: Date = new Date(),
): Promise<void> {
  await db
    .update(steps)
    .set({ ...values, updatedAt: now })
    .where(and(eq(steps.organizationId, organizationId), eq(steps.id, stepId)));
}

/** A member's own steps in a group, oldest first. */
export async function listOwnGroupSteps(db: Tx, { organizationId, groupId, userId }: { organizationId: string; groupId: string; userId: string }): Promise<Step[]> {
  return db
    .select()
    .from(steps)
    .where(and(eq(steps.organizationId, organizationId), eq(steps.groupId, groupId), eq(steps.userId, userId)))
    .orderBy(asc(steps.createdAt), asc(steps.id));
}

/** All of a person's steps in an organisation with their group's name (none for a private step from advice): open and partly first, then the rest, newest first. */
export async function listMySteps(db: Tx, { organizationId, userId }: { organizationId: string; userId: string }) {
  return db
    .select({ id: steps.id, groupId: steps.groupId, groupName: groups.name, adviceSessionId: steps.adviceSessionId, text: steps.text, dueOn: steps.dueOn, status: steps.status, reflection: steps.reflection, createdAt: steps.createdAt })
    .from(steps)
    .leftJoin(groups, and(eq(groups.organizationId, steps.organizationId), eq(groups.id, steps.groupId)))
    .where(and(eq(steps.organizationId, organizationId), eq(steps.userId, userId)))
    .orderBy(sql`CASE WHEN ${steps.status} IN ('open', 'partly') THEN 0 ELSE 1 END`, asc(steps.dueOn), desc(steps.createdAt));
}
