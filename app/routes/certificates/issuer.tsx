// GET /credentials/issuers/:organizationId: the issuer's Open Badges Profile (the credential's
// issuer.id dereferences here): id, type, name, its public page, and where its keys are.
import { data } from 'react-router';
import type { Route } from './+types/issuer';
import { getState } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { findIssuer } from '../../../src/features/certificates/certificates.queries.ts';
import { issuerId } from '../../../src/features/certificates/open-badge.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getState(context).services;
  const organizationId = uuidParam(params.organizationId);
  const organization = await findIssuer(db, organizationId);
  if (!organization) throw data(null, { status: 404 });
  const profile = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: issuerId(config.appUrl, organization.id),
    type: ['Profile'],
    name: organization.name,
    url: `${config.appUrl}/organizations/${organization.slug}`,
    // Not an OB 3.0 property of Profile: a pointer for verifiers to the keys the credentials are signed with.
    jwks_uri: `${config.appUrl}/.well-known/jwks.json`,
  };
  return new Response(JSON.stringify(profile, null, 2), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
  });
}
