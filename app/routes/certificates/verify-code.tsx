// /verify/:code (no sign-in): the public answer for a certificate's verification code — valid,
// revoked (said plainly, with the date), or no longer valid (the holder's data erased) — showing of
// the holder only what they chose. An unknown or malformed code answers 404 with the same page
// and nothing about any certificate. Rate-limited per IP before the lookup; never cached, never indexed.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/verify-code';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { rethrowAsResponse, retryAfterHeaders } from '../../ui/form';
import { CertificateVerdict, VerifyCodeForm } from '../../ui/certificates';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { verifyCertificateCode } from '../../../src/features/certificates/public-verification.ts';

export const headers = retryAfterHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const { db } = state.services;
  try {
    await enforceRateLimits(db, [[rateLimitRules.certificateVerifyPerIp, state.clientIp]]);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const found = await verifyCertificateCode(db, params.code ?? '', state.locale);
  const noIndex = { 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store' };
  if (!found) return data({ found: null }, { status: 404, headers: noIndex });
  const date = (d: Date) => formatDateTime(state.locale, d, 'date');
  return data(
    {
      found: {
        code: found.code,
        status: found.status,
        title: found.title,
        description: found.description,
        criteria: found.criteria,
        language: found.language,
        dates: { start: date(found.startedOn), end: date(found.endedOn) },
        issued: date(found.issuedAt),
        revoked: found.revokedAt ? date(found.revokedAt) : null,
        holder: found.holder,
        organization: found.organization,
        email: found.email,
      },
    },
    { headers: noIndex },
  );
}

export function meta() {
  return [];
}

export default function VerifyCodePage() {
  const t = useT();
  const { found } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('certificates.verify.resultTitle')} – Työpeili`}</title>
      <meta name="robots" content="noindex" />
      <h1>{t('certificates.verify.resultTitle')}</h1>
      {found ? <CertificateVerdict c={found} /> : <p className="notice notice--danger" role="status">{t('certificates.verify.unknown')}</p>}
      <h2>{t('certificates.verify.another')}</h2>
      <VerifyCodeForm />
    </div>
  );
}
