// Use case: a small step for a member, set at a meeting — typed by the facilitator in the live
// meeting's closing round, or by the member on their own phone. Due by default on the group's
// next meeting day (else in 30 days).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, stepPolicy } from '../../platform/policy/index.ts';
import { listGroupMeetings } from '../meetings/live.queries.ts';
import { findMeetingResource } from '../meetings/meetings.queries.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { defaultDueDate } from './follow-up.ts';
import { insertStep, type Step } from './steps.queries.ts';

export async function addStep(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string; ownerUserId: string; text: string },
  options: { now?: Date } = {},
): Promise<Step> {
  const now = options.now ?? new Date();
  const { organizationId, meetingId } = input;
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, { ...meeting, ownerUserId: input.ownerUserId }, stepPolicy.create);
    const groupMeetings = await listGroupMeetings(tx, { organizationId, groupId: meeting.groupId });
    // From the meeting's start (or now, if later): the next meeting after this one.
    const setAt = new Date(Math.max(now.getTime(), meeting.startsAt.getTime()));
    const dueOn = defaultDueDate({
      setAt,
      zone: meeting.timeZone,
      meetings: groupMeetings.filter((m) => m.id !== meetingId).map((m) => ({ startsAt: m.startsAt, status: m.status === 'cancelled' ? ('cancelled' as const) : ('planned' as const) })),
    });
    return insertStep(tx, { organizationId, groupId: meeting.groupId, userId: input.ownerUserId, meetingId, text: input.text.trim(), dueOn }, now);
  });
}

/** A member's own step added any time (not at a meeting): due on the group's next meeting day unless they choose a date. */
export async function addOwnStep(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; groupId: string; text: string; dueOn: string | null },
  options: { now?: Date } = {},
): Promise<Step> {
  const now = options.now ?? new Date();
  const { organizationId, groupId } = input;
  return deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group || !actor) throw new NotFoundError();
    authorize(actor, { ...group, ownerUserId: actor.userId }, stepPolicy.create);
    const groupMeetings = await listGroupMeetings(tx, { organizationId, groupId });
    const dueOn =
      input.dueOn ??
      defaultDueDate({ setAt: now, meetings: groupMeetings.map((m) => ({ startsAt: m.startsAt, status: m.status === 'cancelled' ? ('cancelled' as const) : ('planned' as const) })) });
    return insertStep(tx, { organizationId, groupId, userId: actor.userId, meetingId: null, text: input.text.trim(), dueOn }, now);
  });
}
