// Meeting invitations by e-mail (with METHOD:REQUEST) go out when a meeting comes within
// INVITE_AHEAD_DAYS — at once for a near meeting, else from the hourly sweep — exactly
// once per person and meeting: a reminders_sent row (kind 'meeting_invitation') is claimed
// in the same transaction that enqueues the mail, so two workers cannot both send.
// Updates and cancellations go to those who were invited.
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Jobs, JobHandler } from '../../platform/jobs/jobs.ts';
import { listGroupPeople } from '../groups/groups.queries.ts';
import { mailMeetingToPeople, type Recipient } from './meeting-calendar.ts';
import type { Meeting } from './meetings.queries.ts';
import { meetings, remindersSent } from './meetings.schema.ts';
import { groups } from '../groups/groups.schema.ts';

export const INVITE_AHEAD_DAYS = 45;
export const INVITATION_KIND = 'meeting_invitation';
export const INVITATION_QUEUE = 'meetings.invite';

/** The group's people who should get mail about its meetings (members and facilitators), except `exceptUserId`. */
export async function meetingRecipients(tx: Tx, { organizationId, groupId, exceptUserId }: { organizationId: string; groupId: string; exceptUserId?: string | null }) {
  const people = await listGroupPeople(tx, { organizationId, groupId });
  const organizer = people.facilitators[0] ?? null;
  const everyone: Recipient[] = [...people.facilitators, ...people.members].filter((p) => p.userId !== exceptUserId);
  return { organizer, everyone };
}

/** Invites those not yet invited to this meeting; returns how many mails were enqueued. */
export async function inviteToMeeting(tx: Tx, jobs: Jobs, input: { meeting: Meeting; groupName: string; appUrl: string; exceptUserId?: string | null; now?: Date }): Promise<number> {
  const { meeting } = input;
  if (meeting.status !== 'scheduled') return 0;
  const { organizer, everyone } = await meetingRecipients(tx, { organizationId: meeting.organizationId, groupId: meeting.groupId, exceptUserId: input.exceptUserId });
  if (!organizer || everyone.length === 0) return 0;
  const claimed = await tx
    .insert(remindersSent)
    .values(everyone.map((p) => ({ organizationId: meeting.organizationId, kind: INVITATION_KIND, targetId: meeting.id, userId: p.userId })))
    .onConflictDoNothing()
    .returning({ userId: remindersSent.userId });
  const ids = new Set(claimed.map((c) => c.userId));
  const recipients = everyone.filter((p) => ids.has(p.userId));
  await mailMeetingToPeople(tx, jobs, { meeting, groupName: input.groupName, appUrl: input.appUrl, organizer, recipients, kind: 'invitation', now: input.now });
  return recipients.length;
}

/** Those who were invited to the meeting (an update or cancellation goes to them). */
export async function invitedRecipients(tx: Tx, { meeting, exceptUserId }: { meeting: Meeting; exceptUserId?: string | null }) {
  const { organizer, everyone } = await meetingRecipients(tx, { organizationId: meeting.organizationId, groupId: meeting.groupId, exceptUserId });
  const rows = await tx
    .select({ userId: remindersSent.userId })
    .from(remindersSent)
    .where(and(eq(remindersSent.organizationId, meeting.organizationId), eq(remindersSent.kind, INVITATION_KIND), eq(remindersSent.targetId, meeting.id)));
  const invited = new Set(rows.map((r) => r.userId));
  return { organizer, recipients: everyone.filter((p) => invited.has(p.userId)) };
}

/** The hourly sweep: every scheduled meeting now within the window gets its invitations. */
export async function sendDueInvitations(db: Db, jobs: Jobs, { appUrl, now = new Date() }: { appUrl: string; now?: Date }): Promise<number> {
  const horizon = new Date(now.getTime() + INVITE_AHEAD_DAYS * 86_400_000);
  const due = await db
    .select({ meeting: meetings, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, and(eq(groups.organizationId, meetings.organizationId), eq(groups.id, meetings.groupId)))
    .where(and(eq(meetings.status, 'scheduled'), gt(meetings.startsAt, now), lte(meetings.startsAt, horizon), sql`${groups.status} IN ('forming', 'active')`));
  let sent = 0;
  for (const { meeting, groupName } of due) {
    sent += await db.transaction((tx) => inviteToMeeting(tx, jobs, { meeting, groupName, appUrl, now }));
  }
  return sent;
}

export function invitationHandler(deps: { db: Db; jobs: Jobs; appUrl: string }): JobHandler<Record<string, never>> {
  return { name: INVITATION_QUEUE, handle: async () => void (await sendDueInvitations(deps.db, deps.jobs, { appUrl: deps.appUrl })) };
}
