// GET /.well-known/jwks.json: the installation's public key(s) for the Open Badges credentials it
// signs (EdDSA, Ed25519), so a verifier checks a credential's signature offline (ADR 034).
import type { Route } from './+types/jwks';
import { getState } from '../../lib/state.server';
import { publicJwks } from '../../../src/features/certificates/open-badge.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { config } = getState(context).services;
  return new Response(JSON.stringify(await publicJwks(config.credentialSigningKey, config.appUrl), null, 2), {
    headers: { 'Content-Type': 'application/jwk-set+json', 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
  });
}
