// /profile/certificates/:certificateId/credential.jwt: the holder's Open Badges 3.0 credential as
// issued, a VC-JWT (compact JWS, EdDSA) to hand to a wallet or a verifier.
import { data } from 'react-router';
import type { Route } from './+types/credential-jwt';
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
  return new Response(file.jwt, {
    headers: { 'Content-Type': 'application/vc+jwt', 'Content-Disposition': contentDisposition(`${file.fileStem}.jwt`), 'Cache-Control': 'private, no-store' },
  });
}
