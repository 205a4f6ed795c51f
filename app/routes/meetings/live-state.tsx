// /meetings/:meetingId/live/state: the live meeting as JSON (GET) for devices that follow it, and
// the same commands as the live page (POST intent + version): 200 with the new state, or 409 with
// the fresh state when the version was stale or the command does not fit.
import type { Route } from './+types/live-state';
import { loadAuthorizedMeeting } from '../../lib/live.server';
import { fieldErrors, rethrowAsResponse } from '../../ui/form';
import { meetingPolicy } from '../../../src/platform/policy/index.ts';
import { loadLiveView } from '../../../src/features/meetings/live-view.ts';
import { LiveConflictError, LiveNotAllowedError } from '../../../src/features/meetings/live.errors.ts';
import { liveCommandSchema } from '../../../src/features/meetings/live.validation.ts';
import { runLiveCommand } from '../../../src/features/meetings/run-live-command.ts';

const noStore = { 'cache-control': 'no-store' };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (actor, m) => meetingPolicy.runLive(actor, m));
  const view = await loadLiveView(state.services.db, meeting);
  return Response.json(view, { headers: noStore });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (a, m) => meetingPolicy.runLive(a, m));
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const parsed = liveCommandSchema.safeParse(form);
  if (!parsed.success) return Response.json({ error: 'bad_request', fields: fieldErrors(parsed.error) }, { status: 400, headers: noStore });
  try {
    const next = await runLiveCommand(actor, state.services, {
      organizationId: meeting.organizationId,
      meetingId: meeting.id,
      intent: parsed.data.intent,
      expectedVersion: parsed.data.version,
      order: parsed.data.order,
    });
    return Response.json({ state: next }, { headers: noStore });
  } catch (error) {
    if (error instanceof LiveConflictError || error instanceof LiveNotAllowedError) {
      return Response.json({ error: error.code, state: error.state }, { status: 409, headers: noStore });
    }
    rethrowAsResponse(error);
  }
}
