// /organization/experts/:userId/photo: the expert's photo, to whoever may read the profile (the
// organisation's staff for a listed profile, the coordinators and the expert always); 404 otherwise.
import { data } from 'react-router';
import type { Route } from './+types/photo';
import { getState } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { rethrowAsResponse } from '../../ui/form';
import { openExpertPhoto } from '../../../src/features/experts/save-profile.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const userId = uuidParam(params.userId);
  const organizationId = state.actor?.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  try {
    const { bytes, mediaType } = await openExpertPhoto(state.actor, state.services, { organizationId, userId });
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': mediaType,
        'Content-Length': String(bytes.length),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
}
