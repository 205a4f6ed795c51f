// Everything the live page, the projector view and the JSON state show, read in one go for a
// meeting the caller has already authorized. Plain data (ISO strings, epoch ms), safe to serialise.
import type { Tx } from '../../platform/db/db.ts';
import { followUpRound, type FollowUpAttendance, type FollowUpMeeting, type FollowUpReason } from '../steps/follow-up.ts';
import { listGroupSteps, listMeetingSteps } from '../steps/steps.queries.ts';
import type { StepStatus } from '../steps/steps.schema.ts';
import { findLiveState, listAgenda, listAttendance, listGroupMeetings, listPresentMembers, userNames, type AgendaItem, type PresenceSource } from './live.queries.ts';
import { currentSpeaker, type LiveState } from './live-state.ts';
import type { MeetingWithPeople } from './meetings.queries.ts';

export interface LiveStepView {
  id: string;
  text: string;
  dueOn: string | null;
  status: StepStatus;
  reflection: string | null;
}

export interface LiveView {
  meeting: { id: string; theme: string | null; startsAt: string; groupName: string };
  state: LiveState;
  /** the server's clock when the view was read: devices correct their own clock by it */
  serverNow: number;
  agenda: AgendaItem[];
  currentItem: AgendaItem | null;
  presence: { source: PresenceSource; members: { id: string; name: string }[] };
  /** every current member, for marking who is here */
  members: { id: string; name: string; present: boolean }[];
  speaker: { id: string; name: string } | null;
  turns: { memberId: string; name: string; status: 'waiting' | 'current' | 'done' | 'passed' }[];
  /** steps set at this meeting, per present member */
  meetingSteps: { memberId: string; name: string; steps: LiveStepView[] }[];
  /** the follow-up round, when the current item is one */
  followUp: { memberId: string; name: string; items: (LiveStepView & { reason: FollowUpReason })[] }[] | null;
}

export async function loadLiveView(db: Tx, meeting: MeetingWithPeople, now: Date = new Date()): Promise<LiveView> {
  const { organizationId } = meeting;
  const meetingId = meeting.id;
  const [state, agenda, presence, stepsHere] = await Promise.all([
    findLiveState(db, { organizationId, meetingId }),
    listAgenda(db, { organizationId, meetingId }),
    listPresentMembers(db, { organizationId, meetingId, memberUserIds: meeting.memberUserIds }),
    listMeetingSteps(db, { organizationId, meetingId }),
  ]);
  const turnIds = state.round?.turns.map((t) => t.memberId) ?? [];
  const names = await userNames(db, [...new Set([...meeting.memberUserIds, ...turnIds])]);
  const nameOf = (id: string) => names.get(id) ?? '';
  const currentItem = state.phase === 'not-started' ? null : (agenda[state.itemIndex] ?? null);
  const presentSet = new Set(presence.userIds);
  const speakerId = currentSpeaker(state);
  const stepView = (s: { id: string; text: string; dueOn: string | null; status: StepStatus; reflection: string | null }): LiveStepView => ({
    id: s.id,
    text: s.text,
    dueOn: s.dueOn,
    status: s.status,
    reflection: s.reflection,
  });

  let followUp: LiveView['followUp'] = null;
  if (currentItem?.kind === 'follow_up_round') {
    const groupMeetings = await listGroupMeetings(db, { organizationId, groupId: meeting.groupId });
    const [records, groupSteps] = await Promise.all([
      listAttendance(db, { organizationId, meetingIds: groupMeetings.map((m) => m.id) }),
      listGroupSteps(db, { organizationId, groupId: meeting.groupId }),
    ]);
    const meetingsIn: FollowUpMeeting[] = groupMeetings.map((m) => ({
      id: m.id,
      groupId: m.groupId,
      startsAt: m.startsAt,
      status: m.status === 'cancelled' ? 'cancelled' : m.startsAt.getTime() <= now.getTime() ? 'held' : 'planned',
    }));
    // This meeting's "present" is who is here now (recorded or not); elsewhere 'late' counts as present.
    const attendanceIn: FollowUpAttendance[] = [
      ...records
        .filter((r) => r.meetingId !== meetingId)
        .map((r) => ({ meetingId: r.meetingId, memberId: r.userId, status: r.status === 'late' ? ('present' as const) : r.status })),
      ...presence.userIds.map((id) => ({ meetingId, memberId: id, status: 'present' as const })),
    ];
    const round = followUpRound({
      meetingId,
      meetings: meetingsIn,
      attendance: attendanceIn,
      steps: groupSteps.map((s) => ({
        id: s.id,
        memberId: s.userId,
        groupId: meeting.groupId,
        meetingId: s.meetingId,
        title: s.text,
        status: s.status,
        createdAt: s.createdAt,
        statusChangedAt: s.status === 'open' ? null : s.updatedAt,
      })),
    });
    const byId = new Map(groupSteps.map((s) => [s.id, s]));
    followUp = round.members.map((m) => ({
      memberId: m.memberId,
      name: nameOf(m.memberId),
      items: m.items.map((i) => ({ ...stepView(byId.get(i.step.id)!), reason: i.reason })),
    }));
  }

  return {
    meeting: { id: meetingId, theme: meeting.theme, startsAt: meeting.startsAt.toISOString(), groupName: meeting.group.name },
    state,
    serverNow: now.getTime(),
    agenda,
    currentItem,
    presence: { source: presence.source, members: presence.userIds.map((id) => ({ id, name: nameOf(id) })) },
    members: meeting.memberUserIds.map((id) => ({ id, name: nameOf(id), present: presentSet.has(id) })).sort((a, b) => a.name.localeCompare(b.name, 'fi')),
    speaker: speakerId ? { id: speakerId, name: nameOf(speakerId) } : null,
    turns: state.round?.turns.map((t) => ({ memberId: t.memberId, name: nameOf(t.memberId), status: t.status })) ?? [],
    meetingSteps: presence.userIds.map((id) => ({ memberId: id, name: nameOf(id), steps: stepsHere.filter((s) => s.userId === id).map(stepView) })),
    followUp,
  };
}
