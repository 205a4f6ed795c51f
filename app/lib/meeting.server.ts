// Loading the meeting named in a URL for a page: located among the actor's organisations,
// with its people and state for the policies; unknown → 404.
import { data } from 'react-router';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Services } from '../../src/platform/services.ts';
import { authorize, type MeetingResource, type Rule } from '../../src/platform/policy/index.ts';
import { locateMeeting } from '../../src/features/groups/locate.ts';
import { findMeetingResource, type MeetingWithPeople } from '../../src/features/meetings/meetings.queries.ts';
import { rethrowAsResponse } from '../ui/form';
import { uuidParam } from './params.server';

export async function loadMeeting(services: Services, actor: Actor, meetingIdParam: string | undefined, rule: Rule<MeetingResource>): Promise<MeetingWithPeople> {
  const meetingId = uuidParam(meetingIdParam);
  const organizationId = await locateMeeting(services.db, actor, meetingId);
  if (!organizationId) throw data(null, { status: 404 });
  const meeting = await findMeetingResource(services.db, { organizationId, meetingId });
  try {
    if (!meeting) throw data(null, { status: 404 });
    authorize(actor, meeting, rule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return meeting;
}
