// Shared by the live meeting routes: the meeting from the URL in the actor's organisation,
// authorized with the given rule (another organisation: 404; not allowed: 403).
import { data, type RouterContextProvider } from 'react-router';
import { z } from 'zod';
import { requireActor } from './state.server';
import { rethrowAsResponse } from '../ui/form';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { RequestState } from '../../src/platform/http/request-state.ts';
import { authorize } from '../../src/platform/policy/index.ts';
import { findMeetingResource, type MeetingWithPeople } from '../../src/features/meetings/meetings.queries.ts';

export async function loadAuthorizedMeeting(
  context: Readonly<RouterContextProvider>,
  request: Request,
  meetingIdParam: string | undefined,
  allowed: (actor: Actor, meeting: MeetingWithPeople) => boolean,
): Promise<{ state: RequestState; actor: Actor; meeting: MeetingWithPeople }> {
  const { state, actor } = requireActor(context, request);
  const parsed = z.uuid().safeParse(meetingIdParam);
  if (!parsed.success || !actor.organizationId) throw data(null, { status: 404 });
  const meeting = await findMeetingResource(state.services.db, { organizationId: actor.organizationId, meetingId: parsed.data });
  try {
    if (!meeting) throw data(null, { status: 404 });
    const ok = allowed(actor, meeting);
    authorize(actor, meeting, () => ok);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return { state, actor, meeting };
}
