// Use cases: a planned meeting is changed (those invited get an update with a higher
// SEQUENCE when the time or place changed), cancelled (METHOD:CANCEL), or restored after a
// cancellation (a new METHOD:REQUEST with a higher SEQUENCE, ADR 009).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { sequenceAfterChange } from './calendar.ts';
import { detailColumns, durationMinutes } from './create-meetings.ts';
import { INVITE_AHEAD_DAYS, invitedRecipients, inviteToMeeting } from './invitations.ts';
import { toCalendarMeeting } from './calendar-export.ts';
import { mailMeetingToPeople } from './meeting-calendar.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { meetings } from './meetings.schema.ts';
import type { MeetingDetails } from './meetings.validation.ts';
import { zonedTimeToUtc } from './zoned-time.ts';

type Deps = { db: Db; jobs: Jobs; config: { appUrl: string } };

export async function updateMeeting(actor: Actor | null, deps: Deps, input: { organizationId: string; meetingId: string; form: MeetingDetails }, options: { now?: Date } = {}): Promise<{ notified: number }> {
  const { organizationId, meetingId, form } = input;
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.edit);
    const startsAt = zonedTimeToUtc(form.date, form.startTime, meeting.timeZone);
    const endsAt = new Date(startsAt.getTime() + durationMinutes(form.startTime, form.endTime) * 60_000);
    const next = { ...meeting, ...detailColumns(form), startsAt, endsAt };
    const texts = { groupName: meeting.group.name, locale: 'fi' as const, includeOnlineLink: true };
    const sequence = sequenceAfterChange(toCalendarMeeting(meeting, texts), toCalendarMeeting(next, texts));
    const [updated] = await tx
      .update(meetings)
      .set({ ...detailColumns(form), startsAt, endsAt, sequence, updatedAt: now })
      .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
      .returning();
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.updated', targetType: 'meeting', targetId: meetingId });
    if (sequence === meeting.sequence) return { notified: 0 };
    const { organizer, recipients } = await invitedRecipients(tx, { meeting: updated!, exceptUserId: actor?.userId });
    if (!organizer) return { notified: 0 };
    await mailMeetingToPeople(tx, deps.jobs, { meeting: updated!, groupName: meeting.group.name, appUrl: deps.config.appUrl, organizer, recipients, kind: 'changed', now });
    return { notified: recipients.length };
  });
}

export async function cancelMeeting(actor: Actor | null, deps: Deps, input: { organizationId: string; meetingId: string }, options: { now?: Date } = {}): Promise<{ notified: number }> {
  const { organizationId, meetingId } = input;
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.cancel);
    const [updated] = await tx
      .update(meetings)
      .set({ status: 'cancelled', sequence: meeting.sequence + 1, updatedAt: now })
      .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
      .returning();
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.cancelled', targetType: 'meeting', targetId: meetingId });
    const { organizer, recipients } = await invitedRecipients(tx, { meeting: updated!, exceptUserId: actor?.userId });
    if (!organizer) return { notified: 0 };
    await mailMeetingToPeople(tx, deps.jobs, { meeting: updated!, groupName: meeting.group.name, appUrl: deps.config.appUrl, organizer, recipients, kind: 'cancelled', now });
    return { notified: recipients.length };
  });
}

/**
 * Undoes a cancellation before the meeting starts: it is scheduled again with a higher SEQUENCE,
 * so calendars that hold the cancellation take the new invitation (METHOD:REQUEST). Those invited
 * before get it; anyone not yet invited is invited as usual if the meeting is within the window.
 */
export async function restoreMeeting(actor: Actor | null, deps: Deps, input: { organizationId: string; meetingId: string }, options: { now?: Date } = {}): Promise<{ notified: number }> {
  const { organizationId, meetingId } = input;
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.restore);
    const [updated] = await tx
      .update(meetings)
      .set({ status: 'scheduled', sequence: meeting.sequence + 1, updatedAt: now })
      .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
      .returning();
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.restored', targetType: 'meeting', targetId: meetingId });
    const { organizer, recipients } = await invitedRecipients(tx, { meeting: updated!, exceptUserId: actor?.userId });
    if (!organizer) return { notified: 0 };
    await mailMeetingToPeople(tx, deps.jobs, { meeting: updated!, groupName: meeting.group.name, appUrl: deps.config.appUrl, organizer, recipients, kind: 'restored', now });
    const withinWindow = updated!.startsAt.getTime() - now.getTime() <= INVITE_AHEAD_DAYS * 86_400_000;
    const invitedNow = withinWindow ? await inviteToMeeting(tx, deps.jobs, { meeting: updated!, groupName: meeting.group.name, appUrl: deps.config.appUrl, exceptUserId: actor?.userId, now }) : 0;
    return { notified: recipients.length + invitedNow };
  });
}
