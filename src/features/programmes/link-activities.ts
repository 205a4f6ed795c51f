// Use case: an organisation taking part in a programme (the lead or a participating one) says
// which of its own groups, events and advice sessions belong to it. The ids ticked replace the
// organisation's links to this programme; an activity that already belongs to another programme
// stays there; ids that are not the organisation's are ignored (they are not on its page).
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { programmePolicy, roleIn } from '../../platform/policy/index.ts';
import { adviceSessions } from '../advice/advice.schema.ts';
import { events } from '../events/events.schema.ts';
import { groups } from '../groups/groups.schema.ts';
import { loadAuthorized } from './load.ts';
import { programmeAdviceSessions, programmeEvents, programmeGroups } from './programmes.schema.ts';

export interface LinksInput {
  programmeId: string;
  /** The organisation whose activities these are (the actor's active one). */
  organizationId: string;
  groupIds: readonly string[];
  eventIds: readonly string[];
  sessionIds: readonly string[];
}

export async function linkActivities(actor: Actor | null, deps: { db: Db }, input: LinksInput): Promise<{ linked: number }> {
  const { programme, resource } = await loadAuthorized(deps.db, actor, input.programmeId, programmePolicy.linkActivities);
  const takesPart = input.organizationId === resource.organizationId || resource.participatingOrganizationIds.includes(input.organizationId);
  const role = roleIn(actor, input.organizationId);
  if (!takesPart || (role !== 'coordinator' && role !== 'admin')) throw new ForbiddenError();
  const programmeKey = { programmeOrganizationId: programme.organizationId, programmeId: programme.id };
  const organizationId = input.organizationId;
  return deps.db.transaction(async (tx) => {
    const own = async (table: typeof groups | typeof events | typeof adviceSessions, ids: readonly string[]) =>
      ids.length === 0
        ? []
        : (await tx.select({ id: table.id }).from(table).where(and(eq(table.organizationId, organizationId), inArray(table.id, [...ids])))).map((r) => r.id);
    const [groupIds, eventIds, sessionIds] = [await own(groups, input.groupIds), await own(events, input.eventIds), await own(adviceSessions, input.sessionIds)];
    const sameProgramme = <T extends typeof programmeGroups | typeof programmeEvents | typeof programmeAdviceSessions>(t: T) =>
      and(eq(t.organizationId, organizationId), eq(t.programmeOrganizationId, programmeKey.programmeOrganizationId), eq(t.programmeId, programmeKey.programmeId));
    const replace = async (tx: Tx, kind: 'group' | 'event' | 'advice', ids: string[]) => {
      if (kind === 'group') {
        await tx.delete(programmeGroups).where(and(sameProgramme(programmeGroups), ids.length ? notInArray(programmeGroups.groupId, ids) : undefined));
        if (ids.length) await tx.insert(programmeGroups).values(ids.map((groupId) => ({ organizationId, groupId, ...programmeKey }))).onConflictDoNothing();
      } else if (kind === 'event') {
        await tx.delete(programmeEvents).where(and(sameProgramme(programmeEvents), ids.length ? notInArray(programmeEvents.eventId, ids) : undefined));
        if (ids.length) await tx.insert(programmeEvents).values(ids.map((eventId) => ({ organizationId, eventId, ...programmeKey }))).onConflictDoNothing();
      } else {
        await tx.delete(programmeAdviceSessions).where(and(sameProgramme(programmeAdviceSessions), ids.length ? notInArray(programmeAdviceSessions.sessionId, ids) : undefined));
        if (ids.length) await tx.insert(programmeAdviceSessions).values(ids.map((sessionId) => ({ organizationId, sessionId, ...programmeKey }))).onConflictDoNothing();
      }
    };
    await replace(tx, 'group', groupIds);
    await replace(tx, 'event', eventIds);
    await replace(tx, 'advice', sessionIds);
    const linked = groupIds.length + eventIds.length + sessionIds.length;
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor!.userId,
      action: 'programmes.activities_linked',
      targetType: 'programme',
      targetId: programme.id,
      metadata: { groups: groupIds.length, events: eventIds.length, sessions: sessionIds.length },
    });
    return { linked };
  });
}
