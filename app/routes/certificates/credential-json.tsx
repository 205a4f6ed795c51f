// /profile/certificates/:certificateId/credential.json: the holder's credential decoded (the
// OpenBadgeCredential's JSON), with the signed VC-JWT and the issuer's public keys beside it, so
// whoever receives the file can check the signature offline.
import { data } from 'react-router';
import type { Route } from './+types/credential-json';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { certificateCredential } from '../../../src/features/certificates/certificate-files.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const file = await certificateCredential(actor, state.services, { certificateId }).catch((error: unknown) => {
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  return new Response(JSON.stringify(file.json, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': contentDisposition(`${file.fileStem}.json`), 'Cache-Control': 'private, no-store' },
  });
}
