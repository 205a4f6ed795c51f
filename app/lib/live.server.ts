// Shared by the live meeting routes: the meeting from the URL, authorized with the given
// check (another organisation: 404; not allowed: 403). See meeting.server.ts.
import type { RouterContextProvider } from 'react-router';
import { requireActor } from './state.server';
import { loadMeeting } from './meeting.server';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { RequestState } from '../../src/platform/http/request-state.ts';
import type { MeetingWithPeople } from '../../src/features/meetings/meetings.queries.ts';

export async function loadAuthorizedMeeting(
  context: Readonly<RouterContextProvider>,
  request: Request,
  meetingIdParam: string | undefined,
  allowed: (actor: Actor, meeting: MeetingWithPeople) => boolean,
): Promise<{ state: RequestState; actor: Actor; meeting: MeetingWithPeople }> {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, meetingIdParam, (a, m) => a !== null && allowed(a, m as MeetingWithPeople));
  return { state, actor, meeting };
}
