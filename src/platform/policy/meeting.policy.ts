import { isGroupFacilitator, isGroupMember, managesGroups, type GroupResource } from './group.policy.ts';
import { and, isInOrganization, or, type Policy, type Rule } from './policy.ts';

/** A meeting of a group: the group's people, and whether it has started or been cancelled. */
export interface MeetingResource extends GroupResource {
  started: boolean;
  cancelled: boolean;
  /** Experts of the meeting's segments: each sees only their own segment and its materials. */
  expertUserIds: readonly string[];
}

/** An expert who has a segment in this meeting (in the meeting's organisation). */
export const isSegmentExpert: Rule<MeetingResource> = (actor, meeting) =>
  actor !== null && isInOrganization(actor, meeting) && meeting.expertUserIds.includes(actor.userId);

const isOpen: Rule<MeetingResource> = (_actor, meeting) => !meeting.cancelled;
const isCancelled: Rule<MeetingResource> = (_actor, meeting) => meeting.cancelled;
const hasStarted: Rule<MeetingResource> = (_actor, meeting) => meeting.started;
const notStarted: Rule<MeetingResource> = (_actor, meeting) => !meeting.started;

/** Facilitators of the group, and the organisation's coordinators, plan its meetings. */
const plans: Rule<MeetingResource> = or<MeetingResource>(managesGroups, isGroupFacilitator);

export const meetingPolicy = {
  read: or<MeetingResource>(managesGroups, isGroupFacilitator, isGroupMember),
  /** The online link only to the group's members and facilitators. */
  readOnlineLink: or<MeetingResource>(isGroupFacilitator, isGroupMember),
  create: plans,
  edit: and<MeetingResource>(plans, isOpen),
  cancel: and<MeetingResource>(plans, isOpen, notStarted),
  /** Undoing a cancellation before the start: the meeting is on again and those invited get a new invitation. */
  restore: and<MeetingResource>(plans, isCancelled, notStarted),
  manageAgenda: and<MeetingResource>(isGroupFacilitator, isOpen),
  readRsvps: plans,
  rsvp: and<MeetingResource>(isGroupMember, isOpen, notStarted),
  recordAttendance: and<MeetingResource>(isGroupFacilitator, isOpen, hasStarted),
  downloadCalendar: or<MeetingResource>(isGroupFacilitator, isGroupMember),
  /** The facilitators' own notes: only the group's facilitators, never coordinators or members. */
  readNotes: isGroupFacilitator,
  writeNotes: isGroupFacilitator,
  /** The summary is written by a facilitator; members read it once it is published. */
  writeSummary: isGroupFacilitator,
  readPublishedSummary: or<MeetingResource>(managesGroups, isGroupFacilitator, isGroupMember),
  /** An expert's view: their own segment (time, place, topic) and its materials, nothing else of the group. */
  readOwnSegment: isSegmentExpert,
  /** Live meeting mode (and its projector view): the group's facilitators, unless the meeting is cancelled. */
  runLive: and<MeetingResource>(isGroupFacilitator, isOpen),
} satisfies Policy;
