// Participants' start and end data of a programme (issue 17, point 2): special-category data
// (GDPR Art. 9) among them, so the fewest purposes read it. The person enters and reads their
// own; the lead organisation's coordinators read it for the funder's reporting (each read in the
// audit log). Never facilitators, experts, funders, admins or another organisation.
import { and, hasRole, isSelf, type OrganizationScoped, type Policy, type Rule } from './policy.ts';

export interface ParticipantDataResource extends OrganizationScoped {
  /** The programme's lead organisation is `organizationId`; the person the data is about: */
  userId: string;
  /** The person is (or was) a member of a group of the programme: an event's attendee is not. */
  isParticipant: boolean;
}

const isParticipant: Rule<ParticipantDataResource> = (_actor, r) => r.isParticipant;

export const participantDataPolicy = {
  /** Entering or correcting one's own start and end data. */
  enterOwn: and<ParticipantDataResource>(isSelf, isParticipant),
  readOwn: isSelf,
  /** The lead organisation's coordinators, for reporting to the funder (audit-logged). */
  readForReporting: hasRole('coordinator'),
} satisfies Policy;
