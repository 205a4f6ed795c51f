// Use case: the group's facilitator sets the meeting's agenda (the rows replace the old
// ones in their order). An expert segment names its expert, who then sees that segment.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { agendaItems } from './meetings.schema.ts';
import type { AgendaRow } from './meetings.validation.ts';

export class NotAnExpertError extends DomainError {
  constructor() {
    super('not_an_expert', 400, 'meetings.error.notExpert');
  }
}

export async function saveAgenda(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; meetingId: string; rows: AgendaRow[] }): Promise<void> {
  const { organizationId, meetingId, rows } = input;
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId });
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.manageAgenda);
    const expertIds = [...new Set(rows.map((r) => r.expertUserId).filter((id): id is string => id !== null))];
    if (expertIds.length) {
      const found = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, expertIds), eq(memberships.role, 'expert')));
      if (found.length !== expertIds.length) throw new NotAnExpertError();
    }
    await tx.delete(agendaItems).where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, meetingId)));
    if (rows.length) {
      await tx.insert(agendaItems).values(
        rows.map((r, position) => ({ organizationId, meetingId, position, kind: r.kind, title: r.title, minutes: r.minutes, expertUserId: r.kind === 'expert_segment' ? r.expertUserId : null, topic: r.topic })),
      );
    }
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.agenda_saved', targetType: 'meeting', targetId: meetingId });
  });
}
