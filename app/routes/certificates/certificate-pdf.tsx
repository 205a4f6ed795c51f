// /profile/certificates/:certificateId/certificate.pdf: the holder's certificate as a tagged PDF in
// their language, with the verification code and a QR code to the verification page.
import { data } from 'react-router';
import type { Route } from './+types/certificate-pdf';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { certificatePdf } from '../../../src/features/certificates/certificate-files.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const file = await certificatePdf(actor, state.services, { certificateId, fallbackLocale: state.locale }).catch((error: unknown) => {
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  return new Response(new Uint8Array(file.body), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition(file.fileName), 'Cache-Control': 'private, no-store' },
  });
}
