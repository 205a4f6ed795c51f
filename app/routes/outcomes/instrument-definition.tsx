// /organization/instruments/:instrumentId/definition.json: an instrument of the organisation's own
// as its JSON definition (attachment), to keep on file or import into another Työpeili.
import { data } from 'react-router';
import type { Route } from './+types/instrument-definition';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { authorize, instrumentPolicy } from '../../../src/platform/policy/index.ts';
import { listCustomInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const organizationId = actor.organizationId;
  try {
    authorize(actor, { organizationId }, instrumentPolicy.read);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const found = (await listCustomInstruments(state.services.db, { organizationId })).find((c) => c.instrument.id === params.instrumentId);
  if (!found) throw data(null, { status: 404 });
  return new Response(JSON.stringify(found.instrument, null, 2) + '\n', {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': contentDisposition(`${found.instrument.id}.json`),
      'Cache-Control': 'no-store',
    },
  });
}
