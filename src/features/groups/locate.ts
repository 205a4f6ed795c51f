// Which organisation a group or a meeting in a URL belongs to. Looked up among the
// actor's organisations (the primary key starts with organization_id); an installation
// admin may look in any. Unknown or someone else's → null (the page answers 404).
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/db.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { groups } from './groups.schema.ts';

function organizationsOf(actor: Actor): string[] {
  return actor.memberships.map((m) => m.organizationId);
}

export async function locateGroup(db: Tx, actor: Actor, groupId: string): Promise<string | null> {
  const scope = actor.isAdmin ? eq(groups.id, groupId) : and(inArray(groups.organizationId, organizationsOf(actor)), eq(groups.id, groupId));
  if (!actor.isAdmin && organizationsOf(actor).length === 0) return null;
  const [row] = await db.select({ organizationId: groups.organizationId }).from(groups).where(scope).limit(1);
  return row?.organizationId ?? null;
}

export async function locateMeeting(db: Tx, actor: Actor, meetingId: string): Promise<string | null> {
  const scope = actor.isAdmin ? eq(meetings.id, meetingId) : and(inArray(meetings.organizationId, organizationsOf(actor)), eq(meetings.id, meetingId));
  if (!actor.isAdmin && organizationsOf(actor).length === 0) return null;
  const [row] = await db.select({ organizationId: meetings.organizationId }).from(meetings).where(scope).limit(1);
  return row?.organizationId ?? null;
}
