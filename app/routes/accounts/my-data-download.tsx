// /profile/my-data.zip: everything about the signed-in person as one ZIP (JSON per table, a
// readable page, the journal opened for its author). Only for the person themselves.
import type { Route } from './+types/my-data-download';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { exportMyData } from '../../../src/features/privacy/export-my-data.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  try {
    const { fileName, zip } = await exportMyData(actor, state.services, { locale: state.locale });
    return new Response(new Uint8Array(zip), {
      headers: { 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition(fileName), 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
}
