// GET /credentials/keys/:kid: the one public key (JWK) a credential's `kid` names (OB 3.0: the kid
// dereferences to the JWK). Any other key id is 404.
import { data } from 'react-router';
import type { Route } from './+types/signing-key';
import { getState } from '../../lib/state.server';
import { publicJwk } from '../../../src/features/certificates/open-badge.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { config } = getState(context).services;
  const jwk = await publicJwk(config.credentialSigningKey, config.appUrl);
  if (jwk.kid !== `${config.appUrl}/credentials/keys/${params.kid ?? ''}`) throw data(null, { status: 404 });
  return new Response(JSON.stringify(jwk, null, 2), {
    headers: { 'Content-Type': 'application/jwk+json', 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
  });
}
