// Materials of a meeting: the group's members and facilitators see all of them; an
// expert sees only the files of their own segment. Facilitators upload to the meeting or
// any segment, an expert to their own segment; the uploader or a facilitator deletes.
// Coordinators and administrators are not in the group and do not see its files.
import { isGroupFacilitator, isGroupMember } from './group.policy.ts';
import { isSegmentExpert, type MeetingResource } from './meeting.policy.ts';
import { and, isInOrganization, or, type Policy, type Rule } from './policy.ts';

/** One file (or the place an upload goes): the meeting, and the segment's expert if any. */
export interface MaterialResource extends MeetingResource {
  /** The expert of the segment the file belongs to; null for the whole meeting. */
  segmentExpertUserId: string | null;
  /** Who uploaded the file; null for an upload not yet made. */
  uploadedBy: string | null;
}

/** The expert of this file's own segment (in its organisation). */
export const isOwnSegmentExpert: Rule<MaterialResource> = (actor, material) =>
  actor !== null && isInOrganization(actor, material) && material.segmentExpertUserId !== null && material.segmentExpertUserId === actor.userId;

const isUploader: Rule<MaterialResource> = (actor, material) => actor !== null && isInOrganization(actor, material) && material.uploadedBy === actor.userId;
const isOpen: Rule<MeetingResource> = (_actor, meeting) => !meeting.cancelled;

const download = or<MaterialResource>(isGroupFacilitator, isGroupMember, isOwnSegmentExpert);

/** The meeting's materials page: who may open it at all (an expert sees only their segment's files there). */
export const meetingMaterialsPolicy = {
  list: or<MeetingResource>(isGroupFacilitator, isGroupMember, isSegmentExpert),
} satisfies Policy;

export const materialPolicy = {
  upload: and<MaterialResource>(or<MaterialResource>(isGroupFacilitator, isOwnSegmentExpert), isOpen),
  download,
  delete: or<MaterialResource>(isGroupFacilitator, and<MaterialResource>(isUploader, download)),
} satisfies Policy;
