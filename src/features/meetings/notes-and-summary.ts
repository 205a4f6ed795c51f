// Use cases: the facilitators' own notes of a meeting (only the group's facilitators ever
// read them) and the summary a facilitator may publish to the members.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { facilitatorNotes, meetings } from './meetings.schema.ts';

export async function addFacilitatorNote(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; meetingId: string; text: string }): Promise<void> {
  const { organizationId, meetingId } = input;
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId });
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.writeNotes);
    await tx.insert(facilitatorNotes).values({ organizationId, meetingId, authorUserId: actor!.userId, text: input.text });
  });
}

export async function saveSummary(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; summary: string; publish: boolean },
  options: { now?: Date } = {},
): Promise<void> {
  const { organizationId, meetingId } = input;
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId });
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.writeSummary);
    const publishedAt = input.publish ? (meeting.summaryPublishedAt ?? options.now ?? new Date()) : null;
    await tx
      .update(meetings)
      .set({ summary: input.summary, summaryPublishedAt: publishedAt })
      .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)));
    if (input.publish && !meeting.summaryPublishedAt) {
      await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.summary_published', targetType: 'meeting', targetId: meetingId });
    }
  });
}

export async function listFacilitatorNotes(db: Db, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  return db
    .select({ id: facilitatorNotes.id, text: facilitatorNotes.text, authorUserId: facilitatorNotes.authorUserId, createdAt: facilitatorNotes.createdAt })
    .from(facilitatorNotes)
    .where(and(eq(facilitatorNotes.organizationId, organizationId), eq(facilitatorNotes.meetingId, meetingId)))
    .orderBy(facilitatorNotes.createdAt);
}
