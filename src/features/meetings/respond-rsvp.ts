// Use case: a member says whether they are coming, with an optional reason.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { rsvps } from './meetings.schema.ts';

export async function respondRsvp(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; response: 'coming' | 'not_coming'; reason: string | null },
  options: { now?: Date } = {},
): Promise<void> {
  const { organizationId, meetingId } = input;
  const now = options.now ?? new Date();
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.rsvp);
    const reason = input.response === 'not_coming' ? input.reason : null;
    await tx
      .insert(rsvps)
      .values({ organizationId, meetingId, userId: actor!.userId, response: input.response, reason, updatedAt: now })
      .onConflictDoUpdate({ target: [rsvps.organizationId, rsvps.meetingId, rsvps.userId], set: { response: input.response, reason, updatedAt: now } });
  });
}
