// Use case: the group's facilitator (or a coordinator) plans a meeting, or a series of
// them ("first Tuesday of each month") in Helsinki time, right across DST changes.
// Each meeting starts with the default agenda; near meetings are invited at once.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { findGroupResource } from '../groups/groups.queries.ts';
import { INVITE_AHEAD_DAYS, inviteToMeeting } from './invitations.ts';
import { agendaItems, meetings, meetingSeries } from './meetings.schema.ts';
import { defaultAgenda, seriesFor, type NewMeeting } from './meetings.validation.ts';
import { occurrences } from './recurrence.ts';
import { zonedTimeToUtc } from './zoned-time.ts';
import type { MeetingDetails } from './meetings.validation.ts';

/** The columns of a meeting's details (the format's own fields; the others are cleared). */
export function detailColumns(d: MeetingDetails) {
  return {
    theme: d.theme,
    format: d.format,
    venueAddress: d.format === 'in_person' ? d.venueAddress : null,
    venueRoom: d.format === 'in_person' ? d.venueRoom : null,
    venueAccessibility: d.format === 'in_person' ? d.venueAccessibility : null,
    refreshments: d.format === 'in_person' ? d.refreshments : null,
    onlineUrl: d.format === 'online' ? d.onlineUrl : null,
    meetingPoint: d.format === 'walking' ? d.meetingPoint : null,
    route: d.format === 'walking' ? d.route : null,
    lengthKm: d.format === 'walking' && d.lengthKm !== null ? String(d.lengthKm) : null,
    whatToWear: d.format === 'walking' ? d.whatToWear : null,
  };
}

/** Minutes from the start to the end wall time (same day). */
export function durationMinutes(startTime: string, endTime: string): number {
  const [sh = 0, sm = 0] = startTime.split(':').map(Number);
  const [eh = 0, em = 0] = endTime.split(':').map(Number);
  return eh * 60 + em - (sh * 60 + sm);
}

export async function createMeetings(
  actor: Actor | null,
  deps: { db: Db; jobs: Jobs; config: { appUrl: string } },
  input: { organizationId: string; groupId: string; form: NewMeeting },
  options: { now?: Date } = {},
): Promise<{ ids: string[] }> {
  const { organizationId, groupId, form } = input;
  const now = options.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const group = await findGroupResource(tx, { organizationId, groupId });
    if (!group) throw new NotFoundError();
    authorize(actor, { ...group, started: false, cancelled: false, expertUserIds: [] }, meetingPolicy.create);
    const series = seriesFor(form);
    const minutes = durationMinutes(form.startTime, form.endTime);
    const starts = series ? occurrences(series).map((o) => o.start) : [zonedTimeToUtc(form.date, form.startTime)];
    let seriesId: string | null = null;
    if (series) {
      const [row] = await tx.insert(meetingSeries).values({ organizationId, groupId, rule: { ...series } as unknown as Record<string, unknown> }).returning({ id: meetingSeries.id });
      seriesId = row!.id;
    }
    const rows = await tx
      .insert(meetings)
      .values(starts.map((startsAt) => ({ organizationId, groupId, seriesId, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), ...detailColumns(form) })))
      .returning();
    await tx.insert(agendaItems).values(rows.flatMap((m) => defaultAgenda.map((item, position) => ({ organizationId, meetingId: m.id, position, ...item }))));
    await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: 'meetings.created', targetType: 'group', targetId: groupId });
    const horizon = now.getTime() + INVITE_AHEAD_DAYS * 86_400_000;
    for (const meeting of rows) {
      if (meeting.startsAt.getTime() > now.getTime() && meeting.startsAt.getTime() <= horizon) {
        await inviteToMeeting(tx, deps.jobs, { meeting, groupName: group.name, appUrl: deps.config.appUrl, exceptUserId: actor?.userId, now });
      }
    }
    return { ids: rows.map((r) => r.id) };
  });
}
